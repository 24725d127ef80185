using System.IO.Compression;

namespace Jixiao.Import.Reading.Formats;

/// <summary>
/// Checks a zip-based file (.xlsx, .docx, .odt, .ods) before any parser sees it: first the sizes the central directory
/// claims (a bomb that admits its size is refused without inflating anything), then every entry is inflated from its own
/// bytes with a counting limit (<see cref="ZipEntrySizes"/>): ZipArchive stops silently at the declared size, so one
/// lying about its size is refused here, never more than one buffer past its claim or past the total limit. Also tells
/// which format the zip holds.
/// </summary>
internal static class ZipGuard
{
    private const long LargeEntry = 1024 * 1024;

    /// <summary>The kind ("xlsx", "docx", "odt", "ods", or "zip" for anything else), or null after reporting why the zip is refused.</summary>
    public static string? Check(MemoryStream buffer, FormatContext context)
    {
        var limits = context.Limits;
        try
        {
            using var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (entry.Length > limits.MaxPartBytes)
                {
                    context.Error(FormatCodes.ZipBomb, entry.FullName,
                        $"压缩包中的“{entry.FullName}”解压后达 {Size(entry.Length)}，超过单个部件 {Size(limits.MaxPartBytes)} 的上限（如共享字符串表过大），未读取；请删去多余内容或拆分后重新上传。");
                    return null;
                }

                if (declared > limits.MaxDecompressedBytes || entry.Length > LargeEntry && entry.Length / Math.Max(1, entry.CompressedLength) > limits.MaxCompressionRatio)
                {
                    Bomb(context, entry.FullName, entry.Length);
                    return null;
                }
            }

            buffer.Position = 0;
            switch (ZipEntrySizes.Check(buffer, limits.MaxDecompressedBytes, context.CancellationToken))
            {
                case null:
                    break;
                case { Kind: ZipSizeProblemKind.Unchecked }:
                    // ZIP64: the readers stop at the declared sizes, which passed the check above.
                    break;
                case { Kind: ZipSizeProblemKind.LargerThanDeclared } p:
                    context.Error(FormatCodes.ZipBomb, p.Entry,
                        $"压缩包中的“{p.Entry}”实际解压后超过文件头声明的 {Size(p.Declared)}（读到 {Size(p.Inflated)} 即停止）：文件头的大小不实，疑似压缩炸弹或文件被篡改，未读取。");
                    return null;
                case { Kind: ZipSizeProblemKind.OverTotal } p:
                    context.Error(FormatCodes.ZipBomb, p.Entry,
                        $"压缩包的内容解压后合计超过 {Size(limits.MaxDecompressedBytes)} 的上限（读到“{p.Entry}”时停止），疑似压缩炸弹，未读取。");
                    return null;
                case { Kind: ZipSizeProblemKind.UnknownMethod } p:
                    context.Corrupt("zip（.xlsx/.docx）", p.Entry, $"压缩包中的“{p.Entry}”使用了 Office 文件不会使用的压缩方式（{p.Method}）。");
                    return null;
                case var p:
                    context.Corrupt("zip（.xlsx/.docx）", p.Entry, $"压缩包中的“{p.Entry}”解压后只有 {Size(p.Inflated)}，少于文件头声明的 {Size(p.Declared)}（可能下载或复制时被截断）。");
                    return null;
            }

            if (zip.GetEntry("xl/workbook.xml") is not null)
            {
                return "xlsx";
            }

            if (zip.GetEntry("word/document.xml") is not null)
            {
                return "docx";
            }

            if (zip.GetEntry("mimetype") is { } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open());
                var type = reader.ReadToEnd().Trim();
                if (type.EndsWith(".text", StringComparison.Ordinal))
                {
                    return "odt";
                }

                if (type.EndsWith(".spreadsheet", StringComparison.Ordinal))
                {
                    return "ods";
                }
            }

            if (zip.GetEntry("EncryptedPackage") is not null)
            {
                return "encrypted";
            }

            return "zip";
        }
        catch (InvalidDataException ex)
        {
            context.Corrupt("zip（.xlsx/.docx）", null, $"压缩包结构无效（可能下载或复制时被截断）：{Jixiao.Import.Imports.ReadFailure.Describe(ex)}");
            return null;
        }
        catch (IOException ex)
        {
            context.Corrupt("zip（.xlsx/.docx）", null, Jixiao.Import.Imports.ReadFailure.Describe(ex));
            return null;
        }
    }

    /// <summary>A size as users read it: 字节 below 1 KB, else KB or MB.</summary>
    internal static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes:N0} 字节",
        < 1024 * 1024 => $"{bytes / 1024.0:N1} KB",
        _ => $"{bytes / (1024.0 * 1024):N1} MB",
    };

    private static void Bomb(FormatContext context, string entry, long bytes) =>
        context.Error(FormatCodes.ZipBomb, entry,
            $"压缩包中的“{entry}”解压后达 {bytes / (1024 * 1024):N0} MB，超过上限（全部内容不超过 {context.Limits.MaxDecompressedBytes / (1024 * 1024):N0} MB，压缩比不超过 {context.Limits.MaxCompressionRatio}:1），疑似压缩炸弹，未读取。");
}
