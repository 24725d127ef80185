namespace Jixiao.Import.Imports;

/// <summary>Limits that keep a hostile or mistaken file from exhausting the machine. The defaults suit target tables.</summary>
public sealed record ImportOptions
{
    public static ImportOptions Default { get; } = new();

    /// <summary>
    /// The largest text (or text extracted from a PDF) that <see cref="TargetTableImporter.Import(string, ImportOptions?)"/>
    /// reads into a result, in bytes. Real tables are well under 1 MB; the streaming overload with a sink has no limit
    /// unless this is set.
    /// </summary>
    public long MaxTextBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The largest uncompressed content of an Excel file, in bytes (a zip bomb stops here).</summary>
    public long MaxWorkbookBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>An .xlsx whose content expands more than this many times its size is refused as a zip bomb.</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    /// <summary>After this many diagnostics of one code the rest are only counted (IMP019).</summary>
    public int MaxDiagnosticsPerCode { get; init; } = 200;

    /// <summary>How long pdftotext may run before it is stopped.</summary>
    public TimeSpan PdfTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The 预算年度 of a document whose title states none (many tables print only "项目支出绩效目标表"); chosen by the
    /// uploader. A year the document states wins, with a warning (IMP032) when the two differ.
    /// </summary>
    public int? FiscalYear { get; init; }

    /// <summary>The pdftotext executable (poppler-utils).</summary>
    public string PdfToText { get; init; } = "pdftotext";
}
