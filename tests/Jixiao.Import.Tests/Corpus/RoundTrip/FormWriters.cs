using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Jixiao.Import.Tests.Corpus.RoundTrip;

/// <summary>A <see cref="FormTable"/> written as a Word table (gridSpan and vMerge) and as a worksheet with merged ranges.</summary>
internal static class FormWriters
{
    /// <summary>The title paragraph and the table, 10.5 pt, borders drawn, A4 with narrow margins so the form fits one page.</summary>
    public static void Docx(FormTable form, string path)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var body = new W.Body();
        body.Append(Paragraph(form.Title, bold: true));
        var table = new W.Table(new W.TableProperties(
            new W.TableBorders(
                new W.TopBorder { Val = W.BorderValues.Single, Size = 4 },
                new W.BottomBorder { Val = W.BorderValues.Single, Size = 4 },
                new W.LeftBorder { Val = W.BorderValues.Single, Size = 4 },
                new W.RightBorder { Val = W.BorderValues.Single, Size = 4 },
                new W.InsideHorizontalBorder { Val = W.BorderValues.Single, Size = 4 },
                new W.InsideVerticalBorder { Val = W.BorderValues.Single, Size = 4 }),
            new W.TableWidth { Width = "5000", Type = W.TableWidthUnitValues.Pct }));
        table.Append(new W.TableGrid(form.ColumnWidths.Select(w => new W.GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        for (var r = 0; r < form.Rows; r++)
        {
            var row = new W.TableRow();
            for (var c = 0; c < form.Columns;)
            {
                var cell = form.Cells.FirstOrDefault(x => x.Row == r && x.Column == c);
                var covering = form.Cells.FirstOrDefault(x => x.Row < r && x.Row + x.RowSpan > r && x.Column == c);
                var properties = new W.TableCellProperties();
                if (cell is null && covering is not null)
                {
                    // The continuation of a vertical merge: an empty cell of the same width marked vMerge (continue).
                    if (covering.ColumnSpan > 1)
                    {
                        properties.Append(new W.GridSpan { Val = covering.ColumnSpan });
                    }

                    properties.Append(new W.VerticalMerge());
                    row.Append(new W.TableCell(properties, Paragraph("")));
                    c += covering.ColumnSpan;
                    continue;
                }

                if (cell is null)
                {
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

                row.Append(new W.TableCell(properties, Paragraph(cell.Text)));
                c += cell.ColumnSpan;
            }

            table.Append(row);
        }

        body.Append(table);
        body.Append(new W.SectionProperties(
            new W.PageSize { Width = 11906, Height = 16838 },
            new W.PageMargin { Top = 720, Bottom = 720, Left = 1000, Right = 1000, Header = 0, Footer = 0, Gutter = 0 }));
        main.Document = new W.Document(body);
        main.Document.Save();
    }

    /// <summary>A plain Word document: each line a paragraph of 10.5 pt text, A4 with ordinary margins.</summary>
    public static void ParagraphsDocx(IEnumerable<string> lines, string path)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var body = new W.Body();
        foreach (var line in lines)
        {
            body.Append(Paragraph(line));
        }

        body.Append(new W.SectionProperties(
            new W.PageSize { Width = 11906, Height = 16838 },
            new W.PageMargin { Top = 1440, Bottom = 1440, Left = 1800, Right = 1800, Header = 0, Footer = 0, Gutter = 0 }));
        main.Document = new W.Document(body);
        main.Document.Save();
    }

    private static W.Paragraph Paragraph(string text, bool bold = false)
    {
        var properties = new W.RunProperties(new W.RunFonts { EastAsia = "Noto Sans CJK SC" }, new W.FontSize { Val = bold ? "32" : "21" });
        if (bold)
        {
            properties.Append(new W.Bold());
        }

        return new W.Paragraph(new W.Run(properties, new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    /// <summary>One sheet: the title merged over row 1, the form from row 2, numbers as numeric cells, every span a merged range.</summary>
    public static void Xlsx(FormTable form, string path)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        var merges = new List<string>();
        var title = new Row { RowIndex = 1 };
        title.Append(TextCell("A1", form.Title));
        data.Append(title);
        merges.Add($"A1:{Column(form.Columns - 1)}1");
        foreach (var group in form.Cells.GroupBy(c => c.Row).OrderBy(g => g.Key))
        {
            var index = (uint)group.Key + 2;
            var row = new Row { RowIndex = index };
            foreach (var cell in group.OrderBy(c => c.Column))
            {
                var reference = Column(cell.Column) + index.ToString(CultureInfo.InvariantCulture);
                row.Append(cell.Number && decimal.TryParse(cell.Text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                    ? new Cell { CellReference = reference, CellValue = new CellValue(number) }
                    : TextCell(reference, cell.Text));
                if (cell.RowSpan > 1 || cell.ColumnSpan > 1)
                {
                    merges.Add($"{reference}:{Column(cell.Column + cell.ColumnSpan - 1)}{index + cell.RowSpan - 1}");
                }
            }

            data.Append(row);
        }

        part.Worksheet = new Worksheet(data);
        part.Worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
        workbook.Workbook.Sheets!.Append(new Sheet { Name = "绩效表", SheetId = 1, Id = workbook.GetIdOfPart(part) });
    }

    private static Cell TextCell(string reference, string text) =>
        new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text)) };

    private static string Column(int index) => ((char)('A' + index)).ToString();
}
