using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Jixiao.Domain.Diagnostics;
using Jixiao.Import.Imports;
using Jixiao.Import.Text;

namespace Jixiao.Import.Pdf;

/// <summary>
/// PDF files, through pdftotext (Debian package poppler-utils): a table drawn as a grid is read from the word
/// positions of `pdftotext -tsv` (<see cref="PdfGridReader"/>); otherwise the text of `pdftotext -layout` is read like
/// any text file (most often layout 2, as 003). Locations are "文件!第N页第M行". A missing tool, a failing or hanging
/// tool and a PDF without text (a scan) are diagnostics.
/// </summary>
internal static class PdfImporter
{
    public static void Import(Stream stream, ImportContext context)
    {
        var file = new SourceLocation(context.File);
        var folder = Path.Combine(Path.GetTempPath(), "jixiao-pdf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var pdf = Path.Combine(folder, "input.pdf");
            using (var output = File.Create(pdf))
            {
                var buffer = new byte[81920];
                long total = 0;
                int n;
                while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += n;
                    if (total > context.Options.MaxTextBytes)
                    {
                        context.Report(Severity.Error, ImportCodes.TooLarge, file,
                            $"PDF 文件超过 {context.Options.MaxTextBytes / (1024 * 1024)} MB 的上限，未导入。");
                        return;
                    }

                    output.Write(buffer, 0, n);
                }
            }

            // A drawn grid (columns side by side) is read from word positions; text that flows (as 003) from -layout.
            var tsv = Extract(pdf, context, "-tsv");
            if (tsv is null)
            {
                return;
            }

            if (PdfGridReader.TryRead(tsv, context))
            {
                return;
            }

            var text = Extract(pdf, context, "-layout");
            if (text is null)
            {
                return;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                context.Report(Severity.Error, ImportCodes.PdfFailed, file, "PDF 中没有可提取的文字（可能是扫描件或图片），请提供文字版 PDF、Word 或 Excel 文件。");
                return;
            }

            TargetTableImporter.ImportText(Lines(text), context);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    private static string? Extract(string pdf, ImportContext context, string mode)
    {
        var file = new SourceLocation(context.File);
        var start = new ProcessStartInfo(context.Options.PdfToText)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in new[] { mode, "-enc", "UTF-8", pdf, "-" })
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Win32Exception)
        {
            context.Report(Severity.Error, ImportCodes.PdfToolMissing, file,
                "读取 PDF 需要 pdftotext 工具，但本机没有安装。请安装 poppler-utils（Debian/Ubuntu：apt-get install poppler-utils）后重试，或改用 Excel、文本文件。");
            return null;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(context.Options.PdfTimeout))
            {
                process.Kill(entireProcessTree: true);
                context.Report(Severity.Error, ImportCodes.PdfFailed, file,
                    $"pdftotext 在 {context.Options.PdfTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} 秒内没有完成，已停止。PDF 可能过大或已损坏。");
                return null;
            }

            if (process.ExitCode != 0)
            {
                context.Report(Severity.Error, ImportCodes.PdfFailed, file,
                    "PDF 文件无法读取（已损坏、加密、不完整或不是 PDF）。");
                _ = error.GetAwaiter().GetResult();
                return null;
            }

            return output.GetAwaiter().GetResult();
        }
    }

    /// <summary>Lines with their page ("第2页第14行"); pdftotext ends each page with a form feed.</summary>
    private static IEnumerable<SourceLine> Lines(string text)
    {
        var page = 1;
        var lineInPage = 0;
        var number = 0;
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line)
        {
            number++;
            var parts = line.Split('\f');
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    page++;
                    lineInPage = 0;
                }

                lineInPage++;
                yield return new SourceLine(number, parts[i], $"第{page}页第{lineInPage}行");
            }
        }
    }
}
