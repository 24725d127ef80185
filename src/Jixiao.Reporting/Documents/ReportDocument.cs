namespace Jixiao.Reporting.Documents;

/// <summary>
/// A report as a neutral list of blocks. Every report is composed once into this form and then rendered to .docx
/// (<see cref="Docx.DocxRenderer"/>) and to HTML for PDF (<see cref="Html.HtmlRenderer"/>), so both outputs carry
/// the same text, numbers, headings and tables.
/// </summary>
public sealed record ReportDocument(string Title, IReadOnlyList<Block> Blocks, PageOrientation Orientation = PageOrientation.Portrait);

public enum PageOrientation
{
    Portrait,
    Landscape,
}

/// <summary>One block of a report.</summary>
public abstract record Block
{
    private Block()
    {
    }

    /// <summary>The title of the document (小标宋/黑体, centred), with an optional line below it.</summary>
    public sealed record Title(string Text, string? Subtitle = null) : Block;

    /// <summary>
    /// A numbered heading. <paramref name="Number"/> is the literal numbering as the seeds print it ("一、", "（一）",
    /// "1、", "(1)"); it is part of the text so that it survives copy, text extraction and any renderer.
    /// </summary>
    public sealed record Heading(int Level, string Number, string Text) : Block
    {
        public string FullText => Number + Text;
    }

    /// <summary>A body paragraph (first line indented by two characters unless <paramref name="Style"/> says otherwise).</summary>
    public sealed record Paragraph(IReadOnlyList<TextRun> Runs, ParagraphStyle Style = ParagraphStyle.Body) : Block
    {
        public Paragraph(string text, ParagraphStyle style = ParagraphStyle.Body)
            : this([new TextRun(text)], style)
        {
        }

        public string Text => string.Concat(Runs.Select(r => r.Text));
    }

    /// <summary>A table whose header rows repeat on every page it spans.</summary>
    public sealed record Table(
        IReadOnlyList<TableColumn> Columns,
        IReadOnlyList<TableRow> HeaderRows,
        IReadOnlyList<TableRow> Rows,
        string? Caption = null,
        double FontSizePoints = 10.5) : Block;

    /// <summary>A chart: native DrawingML in .docx, inline SVG in HTML.</summary>
    public sealed record Chart(Charts.ChartModel Model) : Block;

    public sealed record PageBreak : Block;
}

public enum ParagraphStyle
{
    /// <summary>正文: first line indented two characters, justified.</summary>
    Body,
    /// <summary>No indent (labels such as "部门名称：…", "单位：万元").</summary>
    Plain,
    /// <summary>Right-aligned (date, signature, "单位：万元").</summary>
    Right,
    /// <summary>Centred (captions).</summary>
    Center,
    /// <summary>A small note under a table or chart.</summary>
    Note,
}

public sealed record TextRun(string Text, bool Bold = false);

/// <summary>A column and its relative width (the renderers scale the widths to the page).</summary>
public sealed record TableColumn(string Name, double Width, CellAlign Align = CellAlign.Left);

public enum CellAlign
{
    Left,
    Center,
    Right,
}

/// <summary>
/// A row of cells. A cell with <see cref="TableCell.RowSpan"/> &gt; 1 covers the cells below it: the rows below
/// leave that column out (as HTML does).
/// </summary>
public sealed record TableRow(IReadOnlyList<TableCell> Cells, bool Bold = false);

public sealed record TableCell(string Text, int ColSpan = 1, int RowSpan = 1, CellAlign? Align = null, bool Bold = false)
{
    public static implicit operator TableCell(string text) => new(text);

    public static TableCell FromString(string text) => new(text);
}
