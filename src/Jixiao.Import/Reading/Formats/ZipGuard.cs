using System.IO.Compression;

namespace Jixiao.Import.Reading.Formats;

/// <summary>
/// Checks a zip-based file (.xlsx, .docx, .odt, .ods) before any parser sees it: first the sizes the central directory
/// claims (a bomb that admits its size is refused without inflating anything), then every entry is inflated up to
/// what it claimed, so that one lying about its size is refused too. Also tells which format the zip holds.
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
                if (declared > limits.MaxDecompressedBytes || entry.Length > LargeEntry && entry.Length / Math.Max(1, entry.CompressedLength) > limits.MaxCompressionRatio)
                {
                    Bomb(context, entry.FullName, entry.Length);
                    return null;
                }
            }

            long total = 0;
            var scratch = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                long read = 0;
                int n;
                while ((n = stream.Read(scratch, 0, scratch.Length)) > 0)
                {
                    read += n;
                    total += n;
                    if (read > entry.Length || total > limits.MaxDecompressedBytes)
                    {
                        Bomb(context, entry.FullName, read);
                        return null;
                    }
                }
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

    private static void Bomb(FormatContext context, string entry, long bytes) =>
        context.Error(FormatCodes.ZipBomb, entry,
            $"压缩包中的“{entry}”解压后达 {bytes / (1024 * 1024):N0} MB，超过上限（全部内容不超过 {context.Limits.MaxDecompressedBytes / (1024 * 1024):N0} MB，压缩比不超过 {context.Limits.MaxCompressionRatio}:1），疑似压缩炸弹，未读取。");
}
