using System.Diagnostics;

namespace Jixiao.Reporting.Pdf;

/// <summary>
/// Prints an HTML page to PDF with headless Chromium (Debian's /usr/bin/chromium; fonts-noto-cjk supplies the
/// Chinese faces, which Chromium embeds as subsets). One short-lived browser process per document.
/// </summary>
public sealed class ChromiumPdfPrinter
{
    public ChromiumPdfPrinter(string? executablePath = null, TimeSpan? timeout = null)
    {
        ExecutablePath = executablePath ?? Environment.GetEnvironmentVariable("JIXIAO_CHROMIUM") ?? "/usr/bin/chromium";
        Timeout = timeout ?? TimeSpan.FromSeconds(90);
    }

    public static ChromiumPdfPrinter Default { get; } = new();

    public string ExecutablePath { get; }

    public TimeSpan Timeout { get; }

    public bool IsAvailable => File.Exists(ExecutablePath);

    /// <summary>Prints <paramref name="html"/> and copies the PDF to <paramref name="output"/>.</summary>
    /// <exception cref="PdfPrintException">Chromium is missing, failed or timed out (the message says which, in Chinese).</exception>
    public async Task PrintAsync(string html, Stream output, CancellationToken cancellationToken = default)
    {
        if (!IsAvailable)
        {
            throw new PdfPrintException($"找不到 Chromium（{ExecutablePath}），无法生成 PDF。请安装 chromium 或设置环境变量 JIXIAO_CHROMIUM。");
        }

        var work = Directory.CreateTempSubdirectory("jixiao-pdf-");
        try
        {
            var htmlPath = Path.Combine(work.FullName, "report.html");
            var pdfPath = Path.Combine(work.FullName, "report.pdf");
            await File.WriteAllTextAsync(htmlPath, html, cancellationToken).ConfigureAwait(false);
            var start = new ProcessStartInfo(ExecutablePath)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
                         "--disable-extensions", "--disable-dev-shm-usage", "--no-pdf-header-footer",
                         $"--user-data-dir={Path.Combine(work.FullName, "profile")}",
                         $"--print-to-pdf={pdfPath}", new Uri(htmlPath).AbsoluteUri,
                     })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new PdfPrintException("无法启动 Chromium。");
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                if (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                throw new PdfPrintException($"Chromium 在 {Timeout.TotalSeconds:0} 秒内未完成 PDF 打印。");
            }

            await Task.WhenAll(stderr, stdout).ConfigureAwait(false);
            if (!File.Exists(pdfPath) || new FileInfo(pdfPath).Length == 0)
            {
                throw new PdfPrintException($"Chromium 未生成 PDF（退出码 {process.ExitCode}）：{Tail(await stderr.ConfigureAwait(false))}");
            }

            await using var pdf = File.OpenRead(pdfPath);
            await pdf.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A browser helper may still hold a file for a moment; the temp folder is cleaned by the OS.
            }
        }
    }

    private static string Tail(string text) => text.Length <= 400 ? text.Trim() : text[^400..].Trim();
}

/// <summary>The PDF could not be printed (no browser, browser failure, timeout).</summary>
public sealed class PdfPrintException : Exception
{
    public PdfPrintException(string message)
        : base(message)
    {
    }

    public PdfPrintException()
    {
    }

    public PdfPrintException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
