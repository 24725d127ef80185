using Jixiao.Domain.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Jixiao.Reporting.TargetTables;

/// <summary>One worksheet to write: rows of cells (string, decimal, int or null), merged ranges ("A3:A5") and column widths.</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public IReadOnlyList<string> Merges { get; init; } = [];

    /// <summary>Widths in characters, by column; missing columns keep Excel's default.</summary>
    public IReadOnlyList<double> ColumnWidths { get; init; } = [];

    /// <summary>
    /// Rows as tall as their wrapped text (estimated from the column widths, a CJK character as 1.7 digits), for sheets of
    /// long cells that are read and printed as they are (a 初审 sheet): Excel and LibreOffice keep a row one line high otherwise.
    /// </summary>
    public bool FitRows { get; init; }

    /// <summary>Printed landscape, all columns on the width of one page.</summary>
    public bool PrintLandscapeOnePageWide { get; init; }
}

/// <summary>
/// Writes plain worksheets to .xlsx with DocumentFormat.OpenXml: text as shared strings (wrapped), decimals as numbers
/// shown with two decimals and thousands separators. Enough for target tables and test fixtures.
/// </summary>
public static class XlsxGrid
{
    public static void Write(Stream output, IReadOnlyList<XlsxSheet> sheets)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var sheetsElement = workbookPart.Workbook.AppendChild(new Sheets());

        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet = new Stylesheet(
            new Fonts(new Font()),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellFormats(
                new CellFormat(),
                new CellFormat { Alignment = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }, ApplyAlignment = true },
                // Built-in number format 4 is "#,##0.00": amounts show as the tables print them (1,997.76).
                new CellFormat
                {
                    NumberFormatId = 4, ApplyNumberFormat = true,
                    Alignment = new Alignment { Vertical = VerticalAlignmentValues.Top }, ApplyAlignment = true,
                }));

        var sharedStrings = new Dictionary<string, int>(StringComparer.Ordinal);
        var stringTable = new SharedStringTable();

        uint sheetId = 1;
        foreach (var sheet in sheets)
        {
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var sheetData = new SheetData();
            var worksheet = new Worksheet();
            if (sheet.PrintLandscapeOnePageWide)
            {
                worksheet.Append(new SheetProperties(new PageSetupProperties { FitToPage = true }));
            }

            if (sheet.ColumnWidths.Count > 0)
            {
                var columns = new Columns();
                for (var i = 0; i < sheet.ColumnWidths.Count; i++)
                {
                    columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = sheet.ColumnWidths[i], CustomWidth = true });
                }

                worksheet.Append(columns);
            }

            worksheet.Append(sheetData);
            for (var r = 0; r < sheet.Rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                if (sheet.FitRows && RowHeight(sheet, sheet.Rows[r]) is { } height)
                {
                    row.Height = height;
                    row.CustomHeight = true;
                }

                for (var c = 0; c < sheet.Rows[r].Count; c++)
                {
                    var value = sheet.Rows[r][c];
                    if (value is null || value is string { Length: 0 })
                    {
                        continue;
                    }

                    var cell = new Cell { CellReference = ColumnName(c) + (r + 1).ToString(CultureInfo.InvariantCulture), StyleIndex = 1 };
                    switch (value)
                    {
                        case decimal d:
                            cell.StyleIndex = 2;
                            cell.DataType = CellValues.Number;
                            cell.CellValue = new CellValue(d.ToString(CultureInfo.InvariantCulture));
                            break;
                        case int i:
                            cell.DataType = CellValues.Number;
                            cell.CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture));
                            break;
                        default:
                            var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
                            if (!sharedStrings.TryGetValue(text, out var index))
                            {
                                index = sharedStrings.Count;
                                sharedStrings[text] = index;
                                stringTable.AppendChild(new SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                            }

                            cell.DataType = CellValues.SharedString;
                            cell.CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture));
                            break;
                    }

                    row.Append(cell);
                }

                sheetData.Append(row);
            }

            if (sheet.Merges.Count > 0)
            {
                var merges = new MergeCells();
                foreach (var range in sheet.Merges)
                {
                    merges.Append(new MergeCell { Reference = range });
                }

                worksheet.Append(merges);
            }

            if (sheet.PrintLandscapeOnePageWide)
            {
                worksheet.Append(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 });
                worksheet.Append(new PageSetup { Orientation = OrientationValues.Landscape, PaperSize = 9, FitToWidth = 1, FitToHeight = 0 });
            }

            worksheetPart.Worksheet = worksheet;
            sheetsElement.Append(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = sheetId++, Name = sheet.Name });
        }

        var stringsPart = workbookPart.AddNewPart<SharedStringTablePart>();
        stringsPart.SharedStringTable = stringTable;
        workbookPart.Workbook.Save();
    }

    public static void Write(string path, IReadOnlyList<XlsxSheet> sheets)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite);
        Write(stream, sheets);
    }

    /// <summary>Points per line of the default 11-point font, and the most Excel allows a row.</summary>
    private const double LinePoints = 14, MaxRowPoints = 409;

    /// <summary>The height a row's wrapped texts need, or null when each fits on one line.</summary>
    private static double? RowHeight(XlsxSheet sheet, IReadOnlyList<object?> cells)
    {
        var lines = 1;
        for (var c = 0; c < cells.Count; c++)
        {
            if (cells[c] is not string { Length: > 0 } text)
            {
                continue;
            }

            var width = Math.Max(1, (c < sheet.ColumnWidths.Count ? sheet.ColumnWidths[c] : 8.43) - 1);
            var needed = text.Split('\n').Sum(line => Math.Max(1, (int)Math.Ceiling(line.Sum(ch => ch > 0x2E7F ? 1.7 : 1.0) / width)));
            lines = Math.Max(lines, needed);
        }

        return lines == 1 ? null : Math.Min(MaxRowPoints, lines * LinePoints);
    }

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index) => SourceLocation.ColumnName(index);
}
