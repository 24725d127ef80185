using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Jixiao.Import.Reading.Formats;

/// <summary>
/// Runs one external tool (poppler-utils, tesseract, LibreOffice) with a time limit; a tool that is missing, fails or
/// hangs becomes a diagnostic naming the Debian package, and a hanging tool is killed with its children.
/// </summary>
internal static class ExternalTool
{
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>The tool's output, or null after reporting why there is none.</summary>
    public static Result? Run(FormatContext context, string tool, string debianPackage, IEnumerable<string> arguments,
        string? where = null, IReadOnlyDictionary<string, string>? environment = null, bool binaryOutput = false)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Win32Exception)
        {
            context.Error(FormatCodes.ToolMissing, where,
                $"读取此文件需要 {tool} 工具，但本机没有安装。请安装 Debian 软件包 {debianPackage}（apt-get install {debianPackage}）后重试。");
            return null;
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = binaryOutput ? Task.FromResult("") : process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(context.Limits.ToolTimeout))
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(5000);
                }
                catch (InvalidOperationException)
                {
                    // It ended between the timeout and the kill.
                }

                context.Error(FormatCodes.ToolTimeout, where,
                    $"{tool} 在 {context.Limits.ToolTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} 秒内没有完成，已停止；文件可能过大或已损坏。");
                return null;
            }

            process.WaitForExit();
            return new Result(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
        }
    }

    /// <summary>A fresh folder under the temp directory, deleted with everything in it when disposed.</summary>
    public sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "jixiao-formats-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind (a file still held by a killed tool) is harmless.
            }
            catch (UnauthorizedAccessException)
            {
                // As above.
            }
        }
    }
}
