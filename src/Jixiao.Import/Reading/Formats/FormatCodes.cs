namespace Jixiao.Import.Reading.Formats;

/// <summary>Stable codes of the diagnostics the format adapters report; docs/formats.md lists them for users.</summary>
public static class FormatCodes
{
    /// <summary>The file is larger than <see cref="FormatLimits.MaxBytes"/>; nothing was read.</summary>
    public const string TooLarge = "FMT001";

    /// <summary>The bytes are no format we read (neither text nor a known binary signature).</summary>
    public const string Unsupported = "FMT002";

    /// <summary>The file is damaged or cut short (a truncated download, a renamed file of another kind).</summary>
    public const string Corrupt = "FMT003";

    /// <summary>A zip-based file expands beyond the limits (a zip bomb, or an absurdly large workbook).</summary>
    public const string ZipBomb = "FMT004";

    /// <summary>The document has more cells than <see cref="FormatLimits.MaxCells"/>; the rest was not read.</summary>
    public const string TooManyCells = "FMT005";

    /// <summary>A worksheet has more rows than <see cref="FormatLimits.MaxRowsPerSheet"/>; the rest was not read.</summary>
    public const string TooManyRows = "FMT006";

    /// <summary>A worksheet or table uses more columns than <see cref="FormatLimits.MaxColumns"/>; those columns were not read.</summary>
    public const string TooManyColumns = "FMT007";

    /// <summary>A PDF has more pages than <see cref="FormatLimits.MaxPages"/> (or, for OCR, <see cref="FormatLimits.MaxOcrPages"/>).</summary>
    public const string TooManyPages = "FMT008";

    /// <summary>An external tool (pdftotext, pdftoppm, tesseract, soffice) is not installed; the message names the Debian package.</summary>
    public const string ToolMissing = "FMT009";

    /// <summary>An external tool failed on the file.</summary>
    public const string ToolFailed = "FMT010";

    /// <summary>An external tool did not finish within <see cref="FormatLimits.ToolTimeout"/> and was stopped.</summary>
    public const string ToolTimeout = "FMT011";

    /// <summary>Info: a page was read by OCR (a scan or a photo); its text may contain recognition errors.</summary>
    public const string ReadByOcr = "FMT012";

    /// <summary>An OCR cell whose confidence is below <see cref="FormatLimits.MinConfidence"/>: a person should check it.</summary>
    public const string LowConfidence = "FMT013";

    /// <summary>A PDF page has no text layer and OCR found no text on it either.</summary>
    public const string NoText = "FMT014";

    /// <summary>Info: the file was converted by LibreOffice (.doc, .wps, .et, .rtf, .odt, .ods) before reading.</summary>
    public const string Converted = "FMT015";

    /// <summary>The file is password-protected or encrypted.</summary>
    public const string Encrypted = "FMT016";

    /// <summary>Info: PdfPig could not read the PDF, so its text came from pdftotext (columns from word positions only).</summary>
    public const string PdfFallback = "FMT017";

    /// <summary>The file is empty (0 bytes).</summary>
    public const string Empty = "FMT018";

    /// <summary>Tables nested in table cells deeper than <see cref="FormatLimits.MaxTableDepth"/>; the deeper ones were not read.</summary>
    public const string TooDeep = "FMT019";
}
