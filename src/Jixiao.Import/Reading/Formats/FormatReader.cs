using System.Text;
using Jixiao.Domain.Diagnostics;
using Jixiao.Import.Text;

namespace Jixiao.Import.Reading.Formats;

/// <summary>
/// The one entry point from bytes to grids. The format is decided by the bytes, never by the name (a ".xls" saved
/// by a finance system is often HTML; a ".doc" is often a .docx): a zip holding xl/ or word/ or an OpenDocument, an
/// OLE2 compound file (.xls, or .doc/.wps/.et), %PDF, {\rtf, an image signature, HTML markup, else text. The file
/// name is used only in locations and messages, and to choose between readings of an OLE2 file. Never throws on
/// input: a damaged, hostile or oversized file is an Error diagnostic in a <see cref="GridDocument"/> with no grids
/// or with the grids read before the problem.
/// </summary>
public static class FormatReader
{
    static FormatReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly HashSet<string> KnownExtensions = ["xlsx", "xls", "et", "docx", "doc", "wps", "pdf", "rtf", "odt", "ods", "png", "jpg", "jpeg", "tif", "tiff", "bmp", "gif"];

    public static GridDocument Read(string path, FormatLimits? limits = null)
    {
        var name = Path.GetFileName(path);
        try
        {
            using var stream = File.OpenRead(path);
            return Read(stream, name, limits);
        }
        catch (IOException ex)
        {
            return GridDocument.Failed(name, "unknown", new Diagnostic(Severity.Error, FormatCodes.Corrupt, new SourceLocation(name), $"文件无法打开：{Jixiao.Import.Imports.ReadFailure.Describe(ex)}"));
        }
        catch (UnauthorizedAccessException ex)
        {
            return GridDocument.Failed(name, "unknown", new Diagnostic(Severity.Error, FormatCodes.Corrupt, new SourceLocation(name), $"文件无法打开（没有读取权限）：{Jixiao.Import.Imports.ReadFailure.Describe(ex)}"));
        }
    }

    /// <param name="cancellationToken">Checked at every cell emitted; a cancelled read throws <see cref="OperationCanceledException"/> (the one exception that passes).</param>
    public static GridDocument Read(Stream stream, string fileName, FormatLimits? limits = null, CancellationToken cancellationToken = default)
    {
        var context = new FormatContext(fileName, limits ?? FormatLimits.Default, cancellationToken);
        var format = "unknown";
        var grids = new List<Grid>();
        try
        {
            var buffer = new MemoryStream();
            if (!CopyLimited(stream, buffer, context.Limits.MaxBytes))
            {
                context.Error(FormatCodes.TooLarge, null, $"文件超过 {context.Limits.MaxBytes / (1024 * 1024):N0} MB 的上限，未读取。");
                return Done();
            }

            if (buffer.Length == 0)
            {
                context.Error(FormatCodes.Empty, null, "文件是空的（0 字节），没有可读取的内容。");
                return Done();
            }

            format = Sniff(buffer, fileName, context, out var textDetection);
            if (format != "zip-refused")
            {
                grids.AddRange(ReadAs(format, buffer, textDetection, context, zipChecked: true) ?? []);
            }
            else
            {
                format = "zip";
            }
        }
#pragma warning disable CA1031 // The promise of this entry point: any failure on input becomes a diagnostic, never an exception.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            context.Corrupt(format, null, Jixiao.Import.Imports.ReadFailure.Describe(ex));
        }

        return Done();

        GridDocument Done() => new(fileName, format, grids, context.Diagnostics);
    }

    /// <summary>Grids of the bytes read as one format; also used for the output of a LibreOffice conversion.</summary>
    internal static List<Grid>? ReadAs(string format, MemoryStream buffer, TextDecoder.Detection? text, FormatContext context, bool zipChecked)
    {
        switch (format)
        {
            case "xlsx":
            case "docx":
                buffer.Position = 0;
                if (!zipChecked && ZipGuard.Check(buffer, context) is var kind && kind != format)
                {
                    if (kind is not null)
                    {
                        context.Corrupt(format, null, "压缩包中缺少工作簿或文档的主体部分。");
                    }

                    return null;
                }

                return format == "xlsx" ? ExcelFormat.Read(buffer, xlsx: true, context) : DocxFormat.Read(buffer, context);
            case "xls":
                return ExcelFormat.Read(buffer, xlsx: false, context);
            case "html":
                return HtmlFormat.Read(buffer.ToArray(), context);
            case "pdf":
                return PdfFormat.Read(buffer, context);
            case "scan":
                return OcrFormat.ReadImage(buffer, context);
            case "doc" or "wps" or "rtf" or "odt":
                return OfficeConverter.Read(buffer, format, "docx", context);
            case "et" or "ods":
                return OfficeConverter.Read(buffer, format, "xlsx", context);
            case "text":
                return [TextFormat.Read(buffer.ToArray(), text!, context)];
            case "encrypted":
                context.Error(FormatCodes.Encrypted, null, "文件设有密码或已加密，无法读取；请去掉密码后重新上传。");
                return null;
            default:
                if (Path.GetExtension(context.FileName).TrimStart('.').ToLowerInvariant() is { Length: > 0 } claimed && KnownExtensions.Contains(claimed))
                {
                    context.Corrupt(claimed, null, $"文件名是 .{claimed}，但内容不是 {claimed} 格式（文件可能已损坏、不完整或被改了扩展名）。");
                    return null;
                }

                context.Error(FormatCodes.Unsupported, null,
                    "无法识别的文件格式。支持：Excel（.xlsx/.xls/.et）、Word（.docx/.doc/.wps）、PDF、网页（.html）、图片（.png/.jpg/.tif）、文本文件。");
                return null;
        }
    }

    /// <summary>The format of the bytes ("xlsx", "docx", "xls", "doc", "pdf", "html", "scan", "text" …).</summary>
    private static string Sniff(MemoryStream buffer, string fileName, FormatContext context, out TextDecoder.Detection? text)
    {
        text = null;
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (bytes.StartsWith("PK\u0003\u0004"u8) || bytes.StartsWith("PK\u0005\u0006"u8))
        {
            buffer.Position = 0;
            return ZipGuard.Check(buffer, context) ?? "zip-refused";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return Ole(bytes, extension);
        }

        if (bytes[..Math.Min(bytes.Length, 1024)].IndexOf("%PDF-"u8) >= 0)
        {
            return "pdf";
        }

        if (bytes.StartsWith("{\\rtf"u8))
        {
            return "rtf";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
            || bytes.StartsWith("II*\0"u8) || bytes.StartsWith("MM\0*"u8) || bytes.StartsWith("BM"u8) && bytes.Length > 26
            || bytes.StartsWith("GIF8"u8) || bytes.Length > 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return "scan";
        }

        var detection = TextDecoder.Detect(bytes[..Math.Min(bytes.Length, 64 * 1024)], complete: bytes.Length <= 64 * 1024);
        if (detection.IsBinary)
        {
            return "unknown";
        }

        text = detection;
        return HtmlFormat.LooksLikeHtml(bytes[..Math.Min(bytes.Length, 8192)]) ? "html" : "text";
    }

    /// <summary>
    /// An OLE2 compound file: a workbook stream ("Workbook" or "Book") makes it .xls (WPS .et files are this too);
    /// "WordDocument" makes it a Word document (.doc, and WPS .wps); an "EncryptedPackage" is a password-protected
    /// .xlsx/.docx. The stream names are in the directory as UTF-16; a scan of the bytes finds them.
    /// </summary>
    private static string Ole(ReadOnlySpan<byte> bytes, string extension)
    {
        static bool Has(ReadOnlySpan<byte> bytes, string name) => bytes.IndexOf(Encoding.Unicode.GetBytes(name + "\0")) >= 0;
        if (Has(bytes, "EncryptedPackage"))
        {
            return "encrypted";
        }

        if (Has(bytes, "WordDocument"))
        {
            return extension == ".wps" ? "wps" : "doc";
        }

        if (Has(bytes, "Workbook") || Has(bytes, "Book"))
        {
            return "xls";
        }

        return extension switch
        {
            ".wps" => "wps",
            ".et" => "et",
            ".doc" => "doc",
            _ => "xls",
        };
    }

    private static bool CopyLimited(Stream source, Stream target, long max)
    {
        var buffer = new byte[81920];
        long total = 0;
        int n;
        while ((n = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += n;
            if (total > max)
            {
                return false;
            }

            target.Write(buffer, 0, n);
        }

        return true;
    }
}
