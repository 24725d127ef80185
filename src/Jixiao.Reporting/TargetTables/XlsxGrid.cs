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

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index) => SourceLocation.ColumnName(index);
}
