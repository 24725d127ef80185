using Jixiao.Reporting.Pdf;
using Jixiao.Reporting.Reports;

namespace Jixiao.Reporting.Tests.Pdf;

public class ChromiumPdfPrinterTests
{
    [Fact]
    public async Task A_missing_browser_is_a_chinese_error_not_a_crash()
    {
        var printer = new ChromiumPdfPrinter("/nonexistent/chromium");
        printer.IsAvailable.ShouldBeFalse();
        using var output = new MemoryStream();
        var error = await Should.ThrowAsync<PdfPrintException>(() => EvaluationReportWriter.WritePdfAsync(TestFiles.Xueliang(), output, printer: printer));
        error.Message.ShouldContain("找不到 Chromium");
        output.Length.ShouldBe(0);
    }

    [Fact]
    public async Task Prints_a_pdf_with_a_page_number_in_the_footer()
    {
        using var output = new MemoryStream();
        await ChromiumPdfPrinter.Default.PrintAsync("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><style>@page { size: A4; @bottom-center { content: \"第\" counter(page) \"页\"; } }</style></head><body><p>绩效</p></body></html>", output);
        var bytes = output.ToArray();
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        var path = Path.Combine(TestFiles.OutputDirectory("printer"), "p.pdf");
        await File.WriteAllBytesAsync(path, bytes);
        string.Concat(TestFiles.Run("pdftotext", path, "-").Where(c => !char.IsWhiteSpace(c))).ShouldBe("绩效第1页");
    }
}
