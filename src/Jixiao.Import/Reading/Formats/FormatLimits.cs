namespace Jixiao.Import.Reading.Formats;

/// <summary>
/// How much of a file the adapters will read before stopping with a diagnostic. The defaults are generous for the
/// documents users upload (a 预算 workbook has a few thousand cells, a 绩效报告 PDF a few dozen pages) and small enough
/// that a hostile file (a cell at XFD1048576, a zip bomb, a 10,000-page PDF) is refused in seconds.
/// </summary>
public sealed record FormatLimits
{
    public static FormatLimits Default { get; } = new();

    /// <summary>The file itself.</summary>
    public long MaxBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Cells emitted over all grids of one document.</summary>
    public long MaxCells { get; init; } = 2_000_000;

    /// <summary>Rows read from one worksheet (Excel itself allows 1,048,576).</summary>
    public int MaxRowsPerSheet { get; init; } = 100_000;

    /// <summary>Columns read from one worksheet or table (Excel allows 16,384, up to XFD).</summary>
    public int MaxColumns { get; init; } = 1_000;

    /// <summary>Levels of tables inside table cells read from one .docx (1: the body's tables only).</summary>
    public int MaxTableDepth { get; init; } = 16;

    /// <summary>Pages read from one PDF.</summary>
    public int MaxPages { get; init; } = 500;

    /// <summary>All entries of a zip-based file (.xlsx, .docx, .odt) together, uncompressed.</summary>
    public long MaxDecompressedBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>
    /// One entry of a zip-based file, uncompressed. This bounds a read's memory: ExcelDataReader keeps the whole shared
    /// string table (xl/sharedStrings.xml) in memory before the first cell, and the Open XML SDK the whole
    /// word/document.xml, neither of which can be stopped half-way (figures in docs/benchmarks-web.md, "Hostile reads").
    /// </summary>
    public long MaxPartBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>Uncompressed to compressed size of one entry larger than 1 MB; XML compresses about 10–30:1.</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    /// <summary>Pages of a scanned PDF given to OCR (each takes seconds).</summary>
    public int MaxOcrPages { get; init; } = 50;

    /// <summary>One run of an external tool (pdftotext, pdftoppm, tesseract on one page, soffice on one file).</summary>
    public TimeSpan ToolTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>OCR cells below this confidence (0–1) are reported for checking by a person.</summary>
    public double MinConfidence { get; init; } = 0.6;
}
