using System.Text;
using Jixiao.Domain.Diagnostics;
using Jixiao.Import.Imports;
using Jixiao.Import.Text;

namespace Jixiao.Import.Reading;

/// <summary>
/// The one way in for a document of any of the five kinds and any format: the bytes become grids (text here,
/// the other formats through their adapters), the grids are recognised by vocabulary. A target table of the
/// multi-project layouts the importer has always read (one row per project, PDF-extracted text, one row per
/// indicator) is read by that importer, which keeps its goals, amount splits and locations.
/// </summary>
public static class DocumentReader
{
    /// <summary>The largest text document read (a web copy or an export is far smaller).</summary>
    public const int MaxTextBytes = 64 * 1024 * 1024;

    public sealed record Reading(ReadDocument Document, ImportResult? Targets);

    public static Reading Read(string path)
    {
        var name = Path.GetFileName(path);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxTextBytes * 2L)
            {
                return new(Failed(name, ReadingCodes.NothingRead, $"文件有 {info.Length / (1024 * 1024)} MB，超过可读取的上限。"), null);
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new(Failed(name, ReadingCodes.NothingRead, "无法打开文件：" + ex.GetType().Name), null);
        }

        return Read(bytes, name);
    }

    public static Reading Read(byte[] bytes, string fileName)
    {
        var legacy = TargetTableImporter.Import(new MemoryStream(bytes, writable: false), fileName);
        var grids = Grids(bytes, fileName);
        var document = DocumentRecognizer.Recognize(grids);
        var legacyRead = legacy.Succeeded && legacy.Layout is ImportLayouts.ProjectTable or ImportLayouts.ExtractedText or ImportLayouts.IndicatorRows
            && legacy.Projects.Any() && document.Kind == DocumentKind.Targets
            && (legacy.Projects.Count() > 1 || legacy.IndicatorCount >= document.IndicatorCount);
        return new(document, legacyRead ? legacy : null);
    }

    internal static GridDocument Grids(byte[] bytes, string fileName)
    {
        if (bytes.Length == 0)
        {
            return GridDocument.Failed(fileName, "text", new Diagnostic(Severity.Error, ReadingCodes.NothingRead, new SourceLocation(fileName), "文件是空的。"));
        }

        var formats = FormatAdapters.TryRead(bytes, fileName);
        if (formats is not null)
        {
            return formats;
        }

        var detection = TextDecoder.Detect(bytes, complete: true);
        if (detection.IsBinary)
        {
            return GridDocument.Failed(fileName, "binary", new Diagnostic(Severity.Error, ReadingCodes.NothingRead, new SourceLocation(fileName),
                "文件不是可识别的文本、Word、Excel、PDF 或图片，无法读取。"));
        }

        var text = detection.Encoding!.GetString(bytes, detection.BomLength, bytes.Length - detection.BomLength);
        return new GridDocument(fileName, "text", [TextGrid.FromText(text, fileName)], []);
    }

    private static ReadDocument Failed(string name, string code, string message) =>
        new(name, "unknown", DocumentKind.Targets, null, [], null, null, [], [new Diagnostic(Severity.Error, code, new SourceLocation(name), message)]);
}

/// <summary>Binary formats (Office, PDF, images): handed to their adapters; null for text.</summary>
internal static class FormatAdapters
{
    public static GridDocument? TryRead(byte[] bytes, string fileName)
    {
        _ = Encoding.UTF8;
        _ = fileName;
        if (bytes.AsSpan().StartsWith("PK\u0003\u0004"u8) || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]) || bytes.AsSpan().StartsWith("%PDF"u8))
        {
            return GridDocument.Failed(fileName, "binary", new Diagnostic(Severity.Error, ReadingCodes.NothingRead, new SourceLocation(fileName), "此格式的读取尚未接入。"));
        }

        return null;
    }
}
