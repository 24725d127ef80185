using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Jixiao.Import.Reading.Formats;

/// <summary>
/// A Word document in document order: each table is a grid "表N" (w:gridSpan → ColumnSpan, w:vMerge → RowSpan, the
/// continuation cells not emitted, every drawn cell emitted even when empty), and each run of paragraphs between
/// tables is a grid "正文N" of one-cell rows. A table nested in a cell becomes its own grid "表N-M" right after the
/// table holding it (the outer cell keeps its own paragraphs): the usual nested table is a real table put inside a
/// one-cell frame, and the recognisers need its rows. Locations: "表1 第3行第2列", "正文2 第4段".
/// </summary>
internal static class DocxFormat
{
    public static List<Grid>? Read(MemoryStream buffer, FormatContext context)
    {
        WordprocessingDocument document;
        try
        {
            buffer.Position = 0;
            document = WordprocessingDocument.Open(buffer, false, new OpenSettings { MaxCharactersInPart = context.Limits.MaxDecompressedBytes });
        }
#pragma warning disable CA1031 // OpenXml throws several exception types on damaged packages; each becomes one diagnostic.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            context.Corrupt("docx", null, Jixiao.Import.Imports.ReadFailure.Describe(ex));
            return null;
        }

        using (document)
        {
            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                context.Corrupt("docx", null, "文档中没有正文部分（word/document.xml）。");
                return [];
            }

            var reader = new Reader(context);
            reader.Blocks(body);
            reader.FlushParagraphs();
            return reader.Grids;
        }
    }

    private sealed class Reader(FormatContext context)
    {
        private readonly List<string> paragraphs = [];
        private int textRuns;
        private int tables;
        private bool depthReported;

        public List<Grid> Grids { get; } = [];

        /// <summary>The block-level children in order; content controls and custom XML are looked into.</summary>
        public void Blocks(OpenXmlElement container)
        {
            foreach (var child in container.ChildElements)
            {
                if (!context.CellsLeft)
                {
                    return;
                }

                switch (child)
                {
                    case Paragraph paragraph:
                        var text = ParagraphText(paragraph);
                        if (text.Trim().Length > 0)
                        {
                            paragraphs.Add(text);
                        }

                        break;
                    case Table table:
                        FlushParagraphs();
                        tables++;
                        var nested = new List<(string Name, Table Table, int Depth)>();
                        Grids.Add(TableGrid($"表{tables}", table, 1, nested));
                        for (var i = 0; i < nested.Count && context.CellsLeft; i++)
                        {
                            Grids.Add(TableGrid(nested[i].Name, nested[i].Table, nested[i].Depth, nested));
                        }

                        break;
                    case SdtBlock or CustomXmlBlock:
                        Blocks(child.ChildElements.OfType<SdtContentBlock>().FirstOrDefault() ?? child);
                        break;
                    default:
                        break;
                }
            }
        }

        public void FlushParagraphs()
        {
            if (paragraphs.Count == 0)
            {
                return;
            }

            textRuns++;
            var name = $"正文{textRuns}";
            Grids.Add(TextFormat.Lines(name, paragraphs, n => $"{name} 第{n}段", context));
            paragraphs.Clear();
        }

        /// <param name="depth">1 for a table of the body, 2 for a table in its cells, …</param>
        private Grid TableGrid(string name, Table table, int depth, List<(string Name, Table Table, int Depth)> nested)
        {
            // First pass: each cell's grid column, so that a w:vMerge continuation finds the cell it continues.
            var rows = table.Elements<TableRow>().ToList();
            var layout = new List<List<(TableCell Cell, int Column, int Span, bool Continue)>>();
            foreach (var row in rows)
            {
                var column = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
                var cells = new List<(TableCell, int, int, bool)>();
                foreach (var cell in row.Elements<TableCell>().Concat(row.Elements<SdtCell>().SelectMany(s => s.Descendants<TableCell>())))
                {
                    var span = Math.Max(1, cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1);
                    var merge = cell.TableCellProperties?.VerticalMerge;
                    var continues = merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue);
                    cells.Add((cell, column, span, continues));
                    column += span;
                }

                layout.Add(cells);
            }

            var builder = new GridRows(name, context);
            for (var r = 0; r < layout.Count; r++)
            {
                builder.StartRow();
                foreach (var (cell, column, span, continues) in layout[r])
                {
                    if (continues)
                    {
                        continue;
                    }

                    var rowSpan = 1;
                    while (r + rowSpan < layout.Count && layout[r + rowSpan].Any(c => c.Continue && c.Column == column))
                    {
                        rowSpan++;
                    }

                    foreach (var inner in cell.Elements<Table>())
                    {
                        if (depth >= context.Limits.MaxTableDepth)
                        {
                            // Word documents nest a few levels; thousands (a 2 KB file) cost minutes in the later stages.
                            if (!depthReported)
                            {
                                depthReported = true;
                                context.Error(FormatCodes.TooDeep, $"{name} 第{r + 1}行",
                                    $"表格嵌套超过 {context.Limits.MaxTableDepth} 层的上限（表中套表），更深的表格未读取；请把内层表格移出后重新上传。");
                            }

                            continue;
                        }

                        nested.Add(($"{name}-{nested.Count + 1}", inner, depth + 1));
                    }

                    if (!builder.Add(CellText(cell), r, column, rowSpan, span))
                    {
                        return builder.Build();
                    }
                }
            }

            return builder.Build();
        }

        private static string CellText(TableCell cell)
        {
            var lines = cell.Elements<Paragraph>().Select(ParagraphText)
                .Concat(cell.Elements<SdtBlock>().SelectMany(s => s.Descendants<Paragraph>()).Select(ParagraphText));
            return string.Join("\n", lines).Trim('\n');
        }

        /// <summary>The text as printed: runs, tabs and line breaks; deleted revisions and field codes are not text.</summary>
        private static string ParagraphText(Paragraph paragraph)
        {
            var text = new StringBuilder();
            foreach (var element in paragraph.Descendants())
            {
                switch (element)
                {
                    case DocumentFormat.OpenXml.Wordprocessing.Text t:
                        text.Append(t.Text);
                        break;
                    case TabChar:
                        text.Append('\t');
                        break;
                    case Break or CarriageReturn:
                        text.Append('\n');
                        break;
                    case NoBreakHyphen:
                        text.Append('-');
                        break;
                    default:
                        break;
                }
            }

            return text.ToString();
        }
    }

    /// <summary>Cells placed at the grid columns Word gives them (w:gridBefore and w:gridSpan), within the limits.</summary>
    private sealed class GridRows(string name, FormatContext context)
    {
        private readonly List<IReadOnlyList<Cell>> rows = [];
        private bool columnsReported;

        public void StartRow() => rows.Add(new List<Cell>());

        public bool Add(string text, int row, int column, int rowSpan, int columnSpan)
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"{name} 第{row + 1}行第{column + 1}列");
            if (column >= context.Limits.MaxColumns)
            {
                if (!columnsReported)
                {
                    columnsReported = true;
                    context.Error(FormatCodes.TooManyColumns, where, $"{name}的列数超过 {context.Limits.MaxColumns} 列的上限，超出的列未读取（从“{where}”起）。");
                }

                return true;
            }

            if (!context.TakeCell(where))
            {
                return false;
            }

            ((List<Cell>)rows[^1]).Add(new Cell(text, row, column, where, rowSpan, Math.Min(columnSpan, context.Limits.MaxColumns - column)));
            return true;
        }

        public Grid Build() => new(name, rows);
    }
}
