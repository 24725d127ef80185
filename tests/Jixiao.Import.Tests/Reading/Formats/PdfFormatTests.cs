using Jixiao.Domain.Diagnostics;
using Jixiao.Import.Reading;
using Jixiao.Import.Reading.Formats;

namespace Jixiao.Import.Tests.Reading.Formats;

/// <summary>The generated .docx printed to PDF by LibreOffice, read back by text layer and, as a scan, by OCR.</summary>
public class PdfFormatTests
{
    private static readonly Lazy<string> Pdf = new(() => FormatFiles.Convert(FormatFiles.Docx("for-pdf.docx"), "pdf"));

    /// <summary>Each expected table cell against what was read: same text (spaces aside) in the same row and column.</summary>
    private static List<string> Misread(Grid page)
    {
        var header = page.Rows.Select((row, index) => (row, index)).First(r => r.row.Any(c => c.Text.Contains("二级指标", StringComparison.Ordinal))).index;
        var read = page.Cells.ToDictionary(c => (c.Row - page.Rows[header][0].Row, c.Column), c => c.Text.Replace(" ", "", StringComparison.Ordinal));
        return FormatFiles.TableCells
            .Where(c => !(read.TryGetValue((c.Row, c.Column), out var text) && text == c.Text))
            .Select(c => $"{c.Row},{c.Column} {c.Text} → {(read.TryGetValue((c.Row, c.Column), out var t) ? t : "(none)")}")
            .ToList();
    }

    [Fact]
    public void Reads_a_printed_table_with_each_cell_in_its_row_and_column()
    {
        var document = FormatReader.Read(Pdf.Value);

        document.Format.ShouldBe("pdf");
        document.Diagnostics.ShouldBeEmpty();
        var page = document.Grids.Single();
        page.Name.ShouldBe("第1页");
        page.Rows[0].Single().Text.ShouldBe(FormatFiles.Title);
        page.Rows[0][0].Location.ShouldBe("第1页第1行");
        Misread(page).ShouldBeEmpty();
        page.Rows[^1].Single().Text.ShouldBe(FormatFiles.Note);
    }

    [Fact]
    public void Reads_a_150_dpi_scan_of_the_table_by_OCR_with_at_least_95_percent_of_cells_right()
    {
        var png = FormatFiles.Scan(Pdf.Value, 150);

        var document = FormatReader.Read(png);

        document.Format.ShouldBe("scan");
        document.Diagnostics.ShouldContain(d => d.Code == FormatCodes.ReadByOcr && d.Severity == Severity.Info);
        var page = document.Grids.Single();
        var misread = Misread(page);
        (misread.Count * 20).ShouldBeLessThanOrEqualTo(FormatFiles.TableCells.Count, string.Join("; ", misread));
        page.Cells.ShouldAllBe(c => c.Confidence > 0 && c.Confidence <= 1);
        var low = page.Cells.Where(c => c.Confidence < FormatLimits.Default.MinConfidence).ToList();
        document.Diagnostics.Count(d => d.Code == FormatCodes.LowConfidence && d.Severity == Severity.Warning).ShouldBe(low.Count);
    }

    [Fact]
    public void Reads_a_scanned_pdf_page_by_OCR_and_flags_cells_below_the_confidence_threshold()
    {
        var scannedPdf = FormatFiles.ScannedPdf(Pdf.Value, 150);

        // Every cell is "below" a threshold above 1: each must be flagged with its location.
        var document = FormatReader.Read(scannedPdf, new FormatLimits { MinConfidence = 1.01 });

        document.Format.ShouldBe("pdf");
        document.Diagnostics.ShouldContain(d => d.Code == FormatCodes.ReadByOcr && d.Location!.Cell == "第1页", string.Join("; ", document.Diagnostics));
        var page = document.Grids.Single();
        page.Cells.Count().ShouldBeGreaterThan(20);
        document.Diagnostics.Count(d => d.Code == FormatCodes.LowConfidence).ShouldBe(page.Cells.Count());
        document.Diagnostics.First(d => d.Code == FormatCodes.LowConfidence).Message.ShouldContain("请与原件核对");
    }
    [Fact]
    public void A_scanned_page_of_traditional_script_is_read_with_the_traditional_model()
    {
        var docx = Path.Combine(FormatFiles.Folder, "traditional.docx");
        Jixiao.Import.Tests.Corpus.RoundTrip.FormWriters.ParagraphsDocx(
        [
            "臨河區農牧和科技局耕地地力保護補貼項目績效自評報告",
            "一、項目基本情況",
            "上級財政下達我區耕地地力保護補貼資金，用於補貼實際種糧農民。補貼資金已全部發放到戶，資金發放及時準確。",
            "二、績效目標完成情況",
            "補貼發放準確率、補貼資金到位率、農戶滿意度等績效指標均已完成，項目管理規範，檔案資料齊全。",
        ], docx);
        var scanned = FormatFiles.ScannedPdf(FormatFiles.Convert(docx, "pdf"), 200);

        var document = FormatReader.Read(scanned);

        document.Diagnostics.ShouldContain(d => d.Code == FormatCodes.ReadByOcr && d.Message.Contains("繁体", StringComparison.Ordinal), string.Join("; ", document.Diagnostics));
        string.Concat(document.Grids.SelectMany(g => g.Cells).Select(c => c.Text)).Replace(" ", "", StringComparison.Ordinal).ShouldContain("臨河區");
    }
}
