using System.IO.Compression;
using System.Text;
using Jixiao.Domain.Evidence;
using Jixiao.Import.Reading.Formats;

namespace Jixiao.Import.Evidence;

/// <summary>What a 佐证材料 file holds: its <see cref="Type"/>, or why it is refused (<see cref="Refusal"/>, Chinese).</summary>
public sealed record EvidenceSniff(EvidenceFileType? Type, string? Refusal)
{
    public static EvidenceSniff Refused(string reason) => new(null, reason);
}

/// <summary>
/// Tells the type of an uploaded 佐证材料 file from its bytes (docs/evidence.md), never from its name: a PDF begins with
/// %PDF-, a PNG and a JPEG with their signatures, a .docx / .xlsx is a zip whose [Content_Types].xml and main part
/// (word/document.xml, xl/workbook.xml) are there, a .doc / .xls an OLE2 compound file with a WordDocument or Workbook
/// stream. HTML, SVG (with a script or without), macro-enabled or encrypted Office files, archives and anything else are
/// refused with a message saying what the file is. A zip is checked for bombs: the entry count and the sizes its
/// directory declares first (a bomb that admits its size is refused without inflating anything), then every entry
/// inflated from its own bytes with a counting limit, so that one lying about its size is refused too.
/// </summary>
public static class EvidenceSniffer
{
    private const long LargeEntry = 1024 * 1024;

    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <param name="content">The whole file, seekable (the upload's temp file); read from its start.</param>
    /// <param name="fileName">The name as uploaded, for the messages only.</param>
    public static EvidenceSniff Sniff(Stream content, string fileName, EvidenceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        if (!content.CanSeek)
        {
            throw new ArgumentException("The content must be seekable (a file).", nameof(content));
        }

        content.Position = 0;
        var head = new byte[4096];
        var n = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var bytes = head.AsSpan(0, n);
        var shown = $"“{Shown(fileName)}”";
        if (n == 0)
        {
            return EvidenceSniff.Refused($"文件{shown}是空的（0 字节），请选择有内容的文件。");
        }

        if (bytes.StartsWith("%PDF-"u8))
        {
            return new(EvidenceFileType.Pdf, null);
        }

        if (bytes.Length >= 16 && bytes.StartsWith(PngSignature) && bytes[12..16].SequenceEqual("IHDR"u8))
        {
            return new(EvidenceFileType.Png, null);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return new(EvidenceFileType.Jpeg, null);
        }

        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            content.Position = 0;
            return Zip(content, shown, limits);
        }

        if (bytes.StartsWith(OleSignature))
        {
            content.Position = 0;
            return Ole(content, shown);
        }

        return EvidenceSniff.Refused($"文件{shown}的内容是{WhatItIs(bytes)}，不是可接受的佐证材料。可上传：{EvidenceFileTypes.AcceptedText}；"
            + "文件类型按内容识别，改扩展名没有用。");
    }

    private static EvidenceSniff Zip(Stream content, string shown, EvidenceLimits limits)
    {
        var bomb = $"文件{shown}疑似压缩炸弹（解压后远大于文件本身），未接受。Word、Excel 文件解压后合计不超过 {EvidenceLimits.Text(limits.MaxUncompressedBytes)}、"
            + $"不超过 {limits.MaxZipEntries:N0} 个部件、单个部件压缩比不超过 {limits.MaxCompressionRatio}:1。";
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > limits.MaxZipEntries)
            {
                return EvidenceSniff.Refused($"{bomb}（本文件有 {zip.Entries.Count:N0} 个部件）");
            }

            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (declared > limits.MaxUncompressedBytes
                    || entry.Length > LargeEntry && entry.Length / Math.Max(1, entry.CompressedLength) > limits.MaxCompressionRatio)
                {
                    return EvidenceSniff.Refused($"{bomb}（部件“{entry.FullName}”声明解压后 {EvidenceLimits.Size(entry.Length)}）");
                }
            }

            var type = zip.GetEntry("word/document.xml") is not null ? EvidenceFileType.Docx
                : zip.GetEntry("xl/workbook.xml") is not null ? EvidenceFileType.Xlsx
                : (EvidenceFileType?)null;
            if (type is null || zip.GetEntry("[Content_Types].xml") is null)
            {
                return EvidenceSniff.Refused($"文件{shown}是压缩包（.zip 或其他基于 zip 的格式），不是 Word（.docx）或 Excel（.xlsx）文件。"
                    + $"可上传：{EvidenceFileTypes.AcceptedText}；压缩包请解开后逐个上传。");
            }

            if (zip.Entries.Any(e => e.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            {
                return EvidenceSniff.Refused($"文件{shown}含有宏（VBA），为安全起见不接受。请另存为不含宏的 .docx 或 .xlsx 后上传。");
            }

            if (RawSizes(content, limits) is { } lie)
            {
                return EvidenceSniff.Refused($"{bomb}（{lie}）");
            }

            using (var reader = new StreamReader(zip.GetEntry("[Content_Types].xml")!.Open(), Encoding.UTF8))
            {
                if (reader.ReadToEnd().Contains("macroEnabled", StringComparison.OrdinalIgnoreCase))
                {
                    return EvidenceSniff.Refused($"文件{shown}是启用宏的 Office 文件，为安全起见不接受。请另存为不含宏的 .docx 或 .xlsx 后上传。");
                }
            }

            return new(type, null);
        }
        catch (InvalidDataException)
        {
            return EvidenceSniff.Refused($"文件{shown}的压缩结构已损坏（可能下载或复制时被截断），无法作为 Word 或 Excel 文件接受。请用 Word 或 Excel 打开确认后重新保存再上传。");
        }
        catch (IOException)
        {
            return EvidenceSniff.Refused($"文件{shown}的压缩结构已损坏，无法作为 Word 或 Excel 文件接受。请重新保存后上传。");
        }
    }

    /// <summary>
    /// Every entry inflated from its own bytes (<see cref="ZipEntrySizes"/>) against what the central directory declared.
    /// Null when every part holds what it declares and all together stay within the limit; else what is wrong (Chinese).
    /// </summary>
    private static string? RawSizes(Stream content, EvidenceLimits limits) =>
        ZipEntrySizes.Check(content, limits.MaxUncompressedBytes) switch
        {
            null => null,
            { Kind: ZipSizeProblemKind.Unchecked } => "ZIP64 或目录位置异常的压缩结构，Office 文件不会这样保存",
            { Kind: ZipSizeProblemKind.LargerThanDeclared or ZipSizeProblemKind.OverTotal } p => $"部件“{p.Entry}”解压后超过其声明的 {EvidenceLimits.Size(p.Declared)}",
            { Kind: ZipSizeProblemKind.UnknownMethod } p => $"部件“{p.Entry}”的压缩方式（{p.Method}）不是 Office 文件使用的方式",
            var p => $"部件“{p.Entry}”解压后为 {EvidenceLimits.Size(p.Inflated)}，与声明的 {EvidenceLimits.Size(p.Declared)} 不符",
        };

    /// <summary>
    /// An OLE2 compound file: the stream names of its directory (UTF-16) tell what it is, as FormatReader tells them:
    /// WordDocument → .doc, Workbook or Book → .xls; EncryptedPackage is a password-protected .docx / .xlsx; _VBA_PROJECT a macro.
    /// </summary>
    private static EvidenceSniff Ole(Stream content, string shown)
    {
        var found = Names(content, ["WordDocument", "Workbook", "Book", "EncryptedPackage", "_VBA_PROJECT"]);
        if (found.Contains("EncryptedPackage"))
        {
            return EvidenceSniff.Refused($"文件{shown}设有打开密码（已加密），审核人无法打开。请去掉密码后重新上传。");
        }

        if (found.Contains("_VBA_PROJECT"))
        {
            return EvidenceSniff.Refused($"文件{shown}含有宏（VBA），为安全起见不接受。请另存为不含宏的 .docx 或 .xlsx 后上传。");
        }

        if (found.Contains("WordDocument"))
        {
            return new(EvidenceFileType.Doc, null);
        }

        if (found.Contains("Workbook") || found.Contains("Book"))
        {
            return new(EvidenceFileType.Xls, null);
        }

        return EvidenceSniff.Refused($"文件{shown}是 Office 97-2003 格式，但不是 Word 文档或 Excel 表格（可能是 PowerPoint、Outlook 邮件等）。可上传：{EvidenceFileTypes.AcceptedText}。");
    }

    /// <summary>Which of <paramref name="names"/> occur as UTF-16 names ending in a null character anywhere in the file.</summary>
    private static HashSet<string> Names(Stream content, IReadOnlyList<string> names)
    {
        var patterns = names.Select(n => (Name: n, Bytes: Encoding.Unicode.GetBytes(n + "\0"))).ToList();
        var overlap = patterns.Max(p => p.Bytes.Length);
        var found = new HashSet<string>(StringComparer.Ordinal);
        var buffer = new byte[1024 * 1024 + overlap];
        var kept = 0;
        int n;
        while ((n = content.Read(buffer, kept, buffer.Length - kept)) > 0)
        {
            var span = buffer.AsSpan(0, kept + n);
            foreach (var (name, bytes) in patterns)
            {
                if (!found.Contains(name) && span.IndexOf(bytes) >= 0)
                {
                    found.Add(name);
                }
            }

            kept = Math.Min(overlap, span.Length);
            span[^kept..].CopyTo(buffer);
        }

        return found;
    }

    /// <summary>What a refused file is, as the message names it.</summary>
    private static string WhatItIs(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("GIF8"u8))
        {
            return "GIF 图片（请转换为 PNG 或 JPEG）";
        }

        if (bytes.StartsWith("II*\0"u8) || bytes.StartsWith("MM\0*"u8))
        {
            return "TIFF 图片（请转换为 PDF、PNG 或 JPEG）";
        }

        if (bytes.StartsWith("BM"u8))
        {
            return "BMP 图片（请转换为 PNG 或 JPEG）";
        }

        if (bytes.Length > 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return "WebP 图片（请转换为 PNG 或 JPEG）";
        }

        if (bytes.StartsWith("{\\rtf"u8))
        {
            return "RTF 文档（请另存为 .docx 或 PDF）";
        }

        if (bytes.StartsWith("Rar!"u8) || bytes.StartsWith((ReadOnlySpan<byte>)[0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B])
            || bytes.StartsWith("PK\u0005\u0006"u8))
        {
            return "压缩包（请解开后逐个上传）";
        }

        if (bytes.StartsWith("MZ"u8) || bytes.StartsWith("\u007fELF"u8))
        {
            return "可执行程序";
        }

        // Markup is looked for in the text as a browser would read it: after a BOM, white space and comments, in any case.
        var text = Decode(bytes);
        if (text.Contains("<svg", StringComparison.OrdinalIgnoreCase))
        {
            return "SVG 图片（SVG 可以包含脚本，不作为佐证材料；请转换为 PNG 或 PDF）";
        }

        if (text.Contains("<html", StringComparison.OrdinalIgnoreCase) || text.Contains("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || text.Contains("<script", StringComparison.OrdinalIgnoreCase) || text.Contains("<body", StringComparison.OrdinalIgnoreCase)
            || text.Contains("<iframe", StringComparison.OrdinalIgnoreCase))
        {
            return "网页（HTML，可能含有脚本；请打印或另存为 PDF）";
        }

        if (text.TrimStart().StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) || text.TrimStart().StartsWith('<'))
        {
            return "XML 或网页类文本文件（请另存为 PDF）";
        }

        return bytes.IndexOf((byte)0) < 0 ? "纯文本（请另存为 PDF 或 Word 文档）" : "无法识别的格式";
    }

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        return Encoding.UTF8.GetString(bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes);
    }

    private static string Shown(string name) => name.Length > 60 ? name[..60] + "…" : name;
}
