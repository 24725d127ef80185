using System.Diagnostics;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Jixiao.Import.Tests.Reading.Formats;

/// <summary>
/// The files the format tests read, written when the tests run: a .docx with an indicator table that has vertical
/// and horizontal merges, a two-sheet .xlsx with a merged title and number formats, and conversions of them by
/// LibreOffice (.doc, .xls, PDF) and poppler (PNG scans). A missing tool fails the test.
/// </summary>
internal static class FormatFiles
{
    /// <summary>The indicator table as drawn: (row, column, text, rowSpan, columnSpan) of every emitted cell.</summary>
    public static IReadOnlyList<(int Row, int Column, string Text, int RowSpan, int ColumnSpan)> TableCells { get; } =
    [
        (0, 0, "一级指标", 1, 1), (0, 1, "二级指标", 1, 1), (0, 2, "三级指标", 1, 1), (0, 3, "指标值", 1, 1),
        (1, 0, "产出指标", 3, 1), (1, 1, "数量指标", 1, 1), (1, 2, "培训人数", 1, 1), (1, 3, "200人", 1, 1),
        (2, 1, "质量指标", 1, 1), (2, 2, "培训合格率", 1, 1), (2, 3, "95%", 1, 1),
        (3, 1, "时效指标", 1, 1), (3, 2, "完成时间", 1, 1), (3, 3, "2025年12月", 1, 1),
        (4, 0, "效益指标", 2, 1), (4, 1, "社会效益指标", 1, 1), (4, 2, "新增就业人数", 1, 1), (4, 3, "150人", 1, 1),
        (5, 1, "可持续影响指标", 1, 1), (5, 2, "长效机制", 1, 1), (5, 3, "建立", 1, 1),
        (6, 0, "满意度指标", 1, 1), (6, 1, "参训学员满意度", 1, 2), (6, 3, "90%", 1, 1),
        (7, 0, "成本指标", 1, 1), (7, 1, "经济成本指标", 1, 1), (7, 2, "人均培训成本", 1, 1), (7, 3, "800元", 1, 1),
    ];

    public const string Title = "项目支出绩效目标表";

    public const string Note = "备注：以上指标由项目单位填报";

    public static string Folder { get; } = TestPaths.TempDirectory();

    /// <summary>A title paragraph, the indicator table (borders drawn, 12 pt), a closing paragraph.</summary>
    public static string Docx(string name = "targets.docx")
    {
        var path = Path.Combine(Folder, name);
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var body = new W.Body();
        body.Append(Paragraph(Title));
        var table = new W.Table(new W.TableProperties(
            new W.TableBorders(
                new W.TopBorder { Val = W.BorderValues.Single, Size = 4 },
                new W.BottomBorder { Val = W.BorderValues.Single, Size = 4 },
                new W.LeftBorder { Val = W.BorderValues.Single, Size = 4 },
                new W.RightBorder { Val = W.BorderValues.Single, Size = 4 },
                new W.InsideHorizontalBorder { Val = W.BorderValues.Single, Size = 4 },
                new W.InsideVerticalBorder { Val = W.BorderValues.Single, Size = 4 }),
            new W.TableWidth { Width = "5000", Type = W.TableWidthUnitValues.Pct }));
        table.Append(new W.TableGrid(new W.GridColumn { Width = "1800" }, new W.GridColumn { Width = "2400" }, new W.GridColumn { Width = "2400" }, new W.GridColumn { Width = "2400" }));
        var rows = TableCells.Max(c => c.Row) + 1;
        for (var r = 0; r < rows; r++)
        {
            var row = new W.TableRow();
            for (var c = 0; c < 4;)
            {
                var cell = TableCells.FirstOrDefault(x => x.Row == r && x.Column == c);
                var properties = new W.TableCellProperties();
                var covering = TableCells.FirstOrDefault(x => x.Column == c && x.Row < r && x.Row + x.RowSpan > r);
                if (cell.Text is null && covering.Text is not null)
                {
                    properties.Append(new W.VerticalMerge());
                    row.Append(new W.TableCell(properties, Paragraph("")));
                    c++;
                    continue;
                }

                if (cell.ColumnSpan > 1)
                {
                    properties.Append(new W.GridSpan { Val = cell.ColumnSpan });
                }

                if (cell.RowSpan > 1)
                {
                    properties.Append(new W.VerticalMerge { Val = W.MergedCellValues.Restart });
                }

                row.Append(new W.TableCell(properties, Paragraph(cell.Text ?? "")));
                c += Math.Max(1, cell.ColumnSpan);
            }

            table.Append(row);
        }

        body.Append(table);
        body.Append(Paragraph(Note));
        main.Document = new W.Document(body);
        main.Document.Save();
        return path;
    }

    private static W.Paragraph Paragraph(string text) =>
        new(new W.Run(new W.RunProperties(new W.FontSize { Val = "28" }), new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    /// <summary>
    /// Two sheets: "目标表" with a title merged over A1:D1, a header, numbers formatted as percent (0.95 → 95%), with
    /// thousands and two decimals (1234.5 → 1,234.50), general integers and a vertical merge A3:A4; "说明" with one line.
    /// </summary>
    public static string Xlsx(string name = "targets.xlsx")
    {
        var path = Path.Combine(Folder, name);
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00" }) { Count = 1 },
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 9, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }) { Count = 3 });

        AddSheet(document, "目标表", 1, [
            [("A1", "项目支出绩效目标表", null, 0u)],
            [("A2", "指标", null, 0u), ("B2", "指标值", null, 0u), ("C2", "人数", null, 0u), ("D2", "金额（元）", null, 0u)],
            [("A3", "产出指标", null, 0u), ("B3", null, 0.95, 1u), ("C3", null, 12, 0u), ("D3", null, 1234.5, 2u)],
            [("B4", null, 0.875, 1u), ("C4", null, 3.25, 0u)],
        ], ["A1:D1", "A3:A4"]);
        AddSheet(document, "说明", 2, [[("A1", "数据来源：财政一体化系统", null, 0u)]], []);
        return path;
    }

    /// <summary>One sheet holding a single cell far out: XFD200000 (the last column, row 200,000).</summary>
    public static string FarCellXlsx()
    {
        var path = Path.Combine(Folder, "far-cell.xlsx");
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        AddSheet(document, "Sheet1", 1, [[("A1", "项目名称", null, 0u)], [("XFD200000", "远处的单元格", null, 0u)]], []);
        return path;
    }

    private static void AddSheet(SpreadsheetDocument document, string name, uint id,
        IReadOnlyList<IReadOnlyList<(string Reference, string? Text, double? Number, uint Style)>> rows, IReadOnlyList<string> merges)
    {
        var part = document.WorkbookPart!.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        foreach (var cells in rows)
        {
            var rowIndex = uint.Parse(new string(cells[0].Reference.SkipWhile(char.IsLetter).ToArray()), System.Globalization.CultureInfo.InvariantCulture);
            var row = new Row { RowIndex = rowIndex };
            foreach (var (reference, text, number, style) in cells)
            {
                row.Append(text is not null
                    ? new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text)), StyleIndex = style }
                    : new Cell { CellReference = reference, CellValue = new CellValue(number!.Value), StyleIndex = style });
            }

            data.Append(row);
        }

        part.Worksheet = new Worksheet(data);
        if (merges.Count > 0)
        {
            part.Worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
        }

        document.WorkbookPart.Workbook.Sheets!.Append(new Sheet { Name = name, SheetId = id, Id = document.WorkbookPart.GetIdOfPart(part) });
    }

    /// <summary>LibreOffice converts <paramref name="source"/> to <paramref name="target"/> ("pdf", "doc", "xls").</summary>
    public static string Convert(string source, string target)
    {
        var outDir = Path.Combine(Folder, "converted-" + target + "-" + Guid.NewGuid().ToString("N")[..8]);
        var home = Path.Combine(Folder, "lo-home-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(outDir);
        Directory.CreateDirectory(home);
        Run("soffice", ["--headless", "--norestore", "-env:UserInstallation=file://" + home, "--convert-to", target, "--outdir", outDir, source], home);
        return Directory.GetFiles(outDir).Single();
    }

    /// <summary>Page 1 of a PDF as a PNG at <paramref name="dpi"/>, as a scanner would give it.</summary>
    public static string Scan(string pdf, int dpi)
    {
        var prefix = Path.Combine(Folder, "scan-" + Guid.NewGuid().ToString("N")[..8]);
        Run("pdftoppm", ["-png", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", "1", "-l", "1", "-singlefile", pdf, prefix], null);
        return prefix + ".png";
    }

    /// <summary>
    /// Page 1 of a PDF (or every page) as a scanner's PDF: each page rendered to JPEG by pdftoppm and wrapped in a PDF
    /// with no text layer (written here by hand: the pages, one image XObject and content stream each, the xref table).
    /// </summary>
    public static string ScannedPdf(string pdf, int dpi, bool allPages = false)
    {
        var prefix = Path.Combine(Folder, "scanjpg-" + Guid.NewGuid().ToString("N")[..8]);
        var resolution = dpi.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Run("pdftoppm", allPages ? ["-jpeg", "-r", resolution, pdf, prefix] : ["-jpeg", "-r", resolution, "-f", "1", "-l", "1", "-singlefile", pdf, prefix], null);
        var jpegs = allPages
            ? Directory.GetFiles(Folder, Path.GetFileName(prefix) + "-*.jpg").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList()
            : [File.ReadAllBytes(prefix + ".jpg")];
        var output = new MemoryStream();
        var offsets = new List<long>();
        void Write(string text) => output.Write(System.Text.Encoding.ASCII.GetBytes(text));
        void Begin(int number)
        {
            offsets.Add(output.Position);
            Write($"{number} 0 obj\n");
        }

        Write("%PDF-1.4\n");
        // Objects: 1 catalog, 2 pages, then per page i (from 0): 3 + 3i page, 4 + 3i content, 5 + 3i image.
        Begin(1);
        Write("<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        Begin(2);
        Write($"<< /Type /Pages /Kids [{string.Join(" ", jpegs.Select((_, i) => $"{3 + 3 * i} 0 R"))}] /Count {jpegs.Count} >>\nendobj\n");
        for (var i = 0; i < jpegs.Count; i++)
        {
            var jpeg = jpegs[i];
            var sof = Enumerable.Range(0, jpeg.Length - 9).First(k => jpeg[k] == 0xFF && jpeg[k + 1] is 0xC0 or 0xC2);
            var height = jpeg[sof + 5] << 8 | jpeg[sof + 6];
            var width = jpeg[sof + 7] << 8 | jpeg[sof + 8];
            var colorSpace = jpeg[sof + 9] == 1 ? "/DeviceGray" : "/DeviceRGB";
            var points = (W: width * 72 / dpi, H: height * 72 / dpi);
            var content = $"q {points.W} 0 0 {points.H} 0 0 cm /Im0 Do Q";
            Begin(3 + 3 * i);
            Write($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {points.W} {points.H}] /Resources << /XObject << /Im0 {5 + 3 * i} 0 R >> >> /Contents {4 + 3 * i} 0 R >>\nendobj\n");
            Begin(4 + 3 * i);
            Write($"<< /Length {content.Length} >>\nstream\n{content}\nendstream\nendobj\n");
            Begin(5 + 3 * i);
            Write($"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace {colorSpace} /BitsPerComponent 8 /Filter /DCTDecode /Length {jpeg.Length} >>\nstream\n");
            output.Write(jpeg);
            Write("\nendstream\nendobj\n");
        }

        var xref = output.Position;
        Write($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n{string.Concat(offsets.Select(o => $"{o:D10} 00000 n \n"))}trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        var path = prefix + ".pdf";
        File.WriteAllBytes(path, output.ToArray());
        return path;
    }

    private static void Run(string tool, IReadOnlyList<string> arguments, string? home)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (home is not null)
        {
            start.Environment["HOME"] = home;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException(tool + " did not start (scripts/install-deps.sh installs it)");
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(180_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(tool + " did not finish");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed: {error.Result}");
        }
    }
}
