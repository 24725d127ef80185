namespace Jixiao.Domain.Evidence;

/// <summary>
/// The kinds of file accepted as 佐证材料 (docs/evidence.md): what a unit scans, photographs or writes to prove a value.
/// The kind is read from the content (Jixiao.Import's EvidenceSniffer), never from the name. Everything else (HTML, SVG,
/// scripts, archives, macro-enabled Office files) is refused: a browser or an Office program could run it.
/// </summary>
public enum EvidenceFileType
{
    Pdf,
    Png,
    Jpeg,
    /// <summary>Word 2007+ (.docx), without macros.</summary>
    Docx,
    /// <summary>Excel 2007+ (.xlsx), without macros.</summary>
    Xlsx,
    /// <summary>Word 97–2003 (.doc).</summary>
    Doc,
    /// <summary>Excel 97–2003 (.xls).</summary>
    Xls,
}

/// <summary>The names, extensions and MIME types of <see cref="EvidenceFileType"/>, in one place.</summary>
public static class EvidenceFileTypes
{
    public static IReadOnlyList<EvidenceFileType> All { get; } = Enum.GetValues<EvidenceFileType>();

    /// <summary>The name in the API and the store: pdf, png, jpeg, docx, xlsx, doc, xls.</summary>
    public static string Name(this EvidenceFileType type) => type switch
    {
        EvidenceFileType.Pdf => "pdf",
        EvidenceFileType.Png => "png",
        EvidenceFileType.Jpeg => "jpeg",
        EvidenceFileType.Docx => "docx",
        EvidenceFileType.Xlsx => "xlsx",
        EvidenceFileType.Doc => "doc",
        EvidenceFileType.Xls => "xls",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The extension a stored file gets, with its dot (a JPEG is ".jpg").</summary>
    public static string Extension(this EvidenceFileType type) => type switch
    {
        EvidenceFileType.Jpeg => ".jpg",
        _ => "." + type.Name(),
    };

    public static string ContentType(this EvidenceFileType type) => type switch
    {
        EvidenceFileType.Pdf => "application/pdf",
        EvidenceFileType.Png => "image/png",
        EvidenceFileType.Jpeg => "image/jpeg",
        EvidenceFileType.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        EvidenceFileType.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        EvidenceFileType.Doc => "application/msword",
        EvidenceFileType.Xls => "application/vnd.ms-excel",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string Chinese(this EvidenceFileType type) => type switch
    {
        EvidenceFileType.Pdf => "PDF 文件",
        EvidenceFileType.Png => "PNG 图片",
        EvidenceFileType.Jpeg => "JPEG 图片",
        EvidenceFileType.Docx => "Word 文档",
        EvidenceFileType.Xlsx => "Excel 表格",
        EvidenceFileType.Doc => "Word 97-2003 文档",
        EvidenceFileType.Xls => "Excel 97-2003 表格",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The type of a stored name; null for anything else.</summary>
    public static EvidenceFileType? Parse(string? name) => All.Cast<EvidenceFileType?>().FirstOrDefault(t => t!.Value.Name() == name);

    /// <summary>What the upload forms accept (the browser's file picker filter; the server sniffs anyway).</summary>
    public const string Accept = ".pdf,.png,.jpg,.jpeg,.doc,.docx,.xls,.xlsx";

    /// <summary>The accepted kinds as the pages and messages say them.</summary>
    public const string AcceptedText = "PDF、图片（PNG、JPEG）、Word（.docx、.doc）、Excel（.xlsx、.xls）";
}
