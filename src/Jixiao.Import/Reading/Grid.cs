using Jixiao.Domain.Diagnostics;

namespace Jixiao.Import.Reading;

/// <summary>
/// One cell of a document as drawn: its text as printed, its 0-based row and column in its <see cref="Grid"/>, how
/// many rows and columns it covers (a merged cell of Excel or Word, an HTML rowspan), where it came from (for
/// messages: "Sheet1!C12", "第2页第14行", "表1 第3行第2列"), and how sure the reading is (1 for text that was
/// in the file, a Tesseract confidence 0–1 for a scan). A merged cell is given once, at its top-left position.
/// </summary>
public sealed record Cell(string Text, int Row, int Column, string Location, int RowSpan = 1, int ColumnSpan = 1, double Confidence = 1.0);

/// <summary>
/// A table or a run of text of a document: a sheet of a workbook, a Word table (and, as one-cell rows, the
/// paragraphs between tables), a page of a PDF, the lines of a text file. Rows are in reading order; a row's cells
/// are in column order. A text whose cells have no geometry (one cell per line) is a grid of one column.
/// </summary>
public sealed record Grid(string Name, IReadOnlyList<IReadOnlyList<Cell>> Rows)
{
    /// <summary>The cells' columns are meant, even in a text document (a glued form split into its columns).</summary>
    public bool Positional { get; init; }

    /// <summary>The document had no header of its indicator table (a fragment that starts inside it): the columns were inferred.</summary>
    public bool HeaderInferred { get; init; }

    public IEnumerable<Cell> Cells => Rows.SelectMany(r => r);
}

/// <summary>
/// Every format becomes this: the grids of the file in order, what the adapter noticed (a page that could only be
/// read by OCR, a low-confidence cell, a file cut short), and the format it was read as ("text", "html", "xlsx",
/// "xls", "docx", "pdf", "scan"…).
/// </summary>
public sealed record GridDocument(string FileName, string Format, IReadOnlyList<Grid> Grids, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static GridDocument Failed(string fileName, string format, Diagnostic diagnostic) => new(fileName, format, [], [diagnostic]);
}
