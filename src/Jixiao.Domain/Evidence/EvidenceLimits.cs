namespace Jixiao.Domain.Evidence;

/// <summary>
/// How large 佐证材料 may be (docs/evidence.md). The two sizes a district may change are configuration
/// (Jixiao:Evidence:MaxFileMegabytes, :MaxTotalMegabytes); the zip limits guard the sniffing of Office files.
/// </summary>
public sealed record EvidenceLimits
{
    private const long Megabyte = 1024 * 1024;

    public static EvidenceLimits Default { get; } = new();

    /// <summary>One file (issue 19: 20 MB each).</summary>
    public long MaxFileBytes { get; init; } = 20 * Megabyte;

    /// <summary>All the live files of one evaluation, one 整改 task or one 纠偏 request together (issue 19: 200 MB per evaluation).</summary>
    public long MaxTotalBytes { get; init; } = 200 * Megabyte;

    /// <summary>What the entries of a .docx / .xlsx claim and hold uncompressed, together; a 20 MB workbook of XML stays well below.</summary>
    public long MaxUncompressedBytes { get; init; } = 512 * Megabyte;

    /// <summary>Entries of a .docx / .xlsx; a real one has tens to a few hundred.</summary>
    public int MaxZipEntries { get; init; } = 10_000;

    /// <summary>Uncompressed to compressed size of one entry larger than 1 MB; XML compresses about 10–30:1.</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    /// <summary>"20 MB" for the pages and messages.</summary>
    public static string Text(long bytes) => bytes % Megabyte == 0
        ? $"{bytes / Megabyte} MB"
        : $"{(bytes / (double)Megabyte).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} MB";

    /// <summary>A file size as the lists show it: "856 KB", "1.2 MB".</summary>
    public static string Size(long bytes) => bytes < Megabyte
        ? $"{Math.Max(1, (bytes + 1023) / 1024)} KB"
        : $"{(bytes / (double)Megabyte).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} MB";
}
