using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Jixiao.App.Rechecks;

/// <summary>One file of an upload as the host received it: its name as the browser sent it, its length, and how to read it.</summary>
public sealed record UploadedFile(string Name, long Length, Func<Stream> Open);

/// <summary>How much one 复核批次 may hold (docs/recheck.md, "Batches").</summary>
public sealed record RecheckUploadLimits
{
    /// <summary>Files of one batch, counted after zips are opened.</summary>
    public int MaxFiles { get; init; } = 500;

    /// <summary>One file's bytes (after unzipping), as for the import of one table.</summary>
    public long MaxFileBytes { get; init; } = Imports.ImportBatches.MaxBytes;

    /// <summary>The most <see cref="MaxBatchBytes"/> may be: what the upload page's request limit allows.</summary>
    public const long LargestBatchBytes = 200L * 1024 * 1024;

    /// <summary>All files of the batch together, after unzipping (at most <see cref="LargestBatchBytes"/>).</summary>
    public long MaxBatchBytes { get; init; } = LargestBatchBytes;

    /// <summary>Entries of one zip (files, folders and what is skipped), looked at before anything is unzipped.</summary>
    public int MaxZipEntries { get; init; } = 2_000;
}

/// <summary>What an upload gives, item by item: a file to recheck, a note of something left out, or the reason the whole upload is refused.</summary>
public abstract record UploadItem
{
    private UploadItem() { }

    /// <param name="Name">The file's name, with the folders it had inside a zip ("乡镇/自评表.xlsx").</param>
    public sealed record File(string Name, byte[] Content) : UploadItem;

    public sealed record Skipped(string Note) : UploadItem;

    public sealed record Refused(string Message) : UploadItem;
}

/// <summary>
/// Opens a 复核 upload into the files to recheck: plain files as they are, a .zip's entries one by one — safely: the
/// number of entries is checked before anything is unzipped, every entry's bytes are counted as they come out (not as the
/// zip declares them) against the file and batch limits, an entry whose path leaves the zip ("..", an absolute path) or
/// that is itself an archive is left out with a note, and so are folders' system files (__MACOSX, .DS_Store). Entry names
/// that a Chinese Windows wrote in GBK (without the zip's UTF-8 flag) are decoded as such. Nothing is written to disk.
/// </summary>
public static class RecheckUploads
{
    private static readonly string[] Archives = [".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".cab", ".arj", ".lzh"];
    private static readonly string[] SystemFiles = [".ds_store", "thumbs.db", "desktop.ini"];

    static RecheckUploads() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool IsZip(string name) => Path.GetExtension(name).Equals(".zip", StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<UploadItem> Expand(IReadOnlyList<UploadedFile> files, RecheckUploadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(limits);
        long total = 0;
        var count = 0;
        foreach (var file in files)
        {
            var name = BaseName(file.Name);
            IEnumerable<UploadItem> items = IsZip(name) ? Unzip(file, name, limits) : [Plain(file, name, limits)];
            foreach (var item in items)
            {
                if (item is UploadItem.File f)
                {
                    total += f.Content.Length;
                    if (++count > limits.MaxFiles)
                    {
                        yield return new UploadItem.Refused($"文件太多：每个复核批次最多 {limits.MaxFiles} 个文件（压缩包内的文件逐个计数），请分批上传。");
                        yield break;
                    }

                    if (total > limits.MaxBatchBytes)
                    {
                        yield return new UploadItem.Refused($"文件太大：一个复核批次的文件（解压后）合计不能超过 {limits.MaxBatchBytes / 1024 / 1024} MB，请分批上传。");
                        yield break;
                    }
                }

                yield return item;
                if (item is UploadItem.Refused)
                {
                    yield break;
                }
            }
        }
    }

    private static UploadItem Plain(UploadedFile file, string name, RecheckUploadLimits limits)
    {
        if (Archives.Contains(Path.GetExtension(name).ToLowerInvariant()))
        {
            return new UploadItem.Skipped($"“{name}”：只能展开 .zip 压缩包，其他压缩格式请解压后上传，未复核。");
        }

        if (file.Length <= 0)
        {
            return new UploadItem.Skipped($"“{name}”：空文件，未复核。");
        }

        if (file.Length > limits.MaxFileBytes)
        {
            return new UploadItem.Skipped($"“{name}”：{Megabytes(file.Length)} MB，超过单个文件 {limits.MaxFileBytes / 1024 / 1024} MB 的上限，未复核。");
        }

        using var stream = file.Open();
        using var buffer = new MemoryStream((int)file.Length);
        stream.CopyTo(buffer);
        return new UploadItem.File(name, buffer.ToArray());
    }

    private static IEnumerable<UploadItem> Unzip(UploadedFile file, string zipName, RecheckUploadLimits limits)
    {
        Stream? stream = null;
        ZipArchive? zip = null;
        string? refused = null;
        try
        {
            stream = file.Open();
            // Latin-1 keeps an unflagged name's bytes one to a char, to be decoded below (UTF-8 or GBK); flagged names come as UTF-8.
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: Encoding.Latin1);
            if (zip.Entries.Count > limits.MaxZipEntries)
            {
                refused = $"压缩包“{zipName}”内有 {zip.Entries.Count:N0} 个条目，超过 {limits.MaxZipEntries:N0} 个的上限，未展开。";
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException or NotSupportedException)
        {
            // a truncated file makes the zip reader seek before the stream's start (ArgumentOutOfRangeException on an upload's stream)
            refused = $"压缩包“{zipName}”已损坏或不是 zip 格式，无法展开。请重新压缩后上传，或直接选择其中的文件。";
        }

        if (refused is not null)
        {
            zip?.Dispose();
            stream?.Dispose();
            yield return new UploadItem.Refused(refused);
            yield break;
        }

        using (stream)
        using (zip)
        {
            var system = 0;
            foreach (var entry in zip!.Entries)
            {
                var path = EntryName(entry.FullName).Replace('\\', '/');
                if (path.EndsWith('/'))
                {
                    continue;
                }

                var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != ".").ToArray();
                var last = segments.Length == 0 ? "" : segments[^1];
                if (segments.Any(s => s.Equals("__MACOSX", StringComparison.OrdinalIgnoreCase)) || last.StartsWith("._", StringComparison.Ordinal)
                    || SystemFiles.Contains(last.ToLowerInvariant()))
                {
                    system++;
                    continue;
                }

                var shown = $"{zipName}：{path}";
                if (path.StartsWith('/') || segments.Contains("..") || (path.Length > 1 && path[1] == ':') || path.Any(char.IsControl))
                {
                    yield return new UploadItem.Skipped($"“{shown}”：路径不安全（含“..”、绝对路径或控制字符），未展开。");
                    continue;
                }

                if (Archives.Contains(Path.GetExtension(last).ToLowerInvariant()))
                {
                    yield return new UploadItem.Skipped($"“{shown}”：压缩包中的压缩包不展开，请解压后单独上传，未复核。");
                    continue;
                }

                if (entry.Length == 0)
                {
                    yield return new UploadItem.Skipped($"“{shown}”：空文件，未复核。");
                    continue;
                }

                if (entry.Length > limits.MaxFileBytes)
                {
                    yield return new UploadItem.Skipped($"“{shown}”：解压后 {Megabytes(entry.Length)} MB，超过单个文件 {limits.MaxFileBytes / 1024 / 1024} MB 的上限，未复核。");
                    continue;
                }

                var (content, problem) = Read(entry, limits.MaxFileBytes);
                yield return content is not null
                    ? new UploadItem.File(string.Join('/', segments), content)
                    : new UploadItem.Skipped($"“{shown}”：{problem}，未复核。");
            }

            if (system > 0)
            {
                yield return new UploadItem.Skipped($"压缩包“{zipName}”中的 {system} 个系统文件（__MACOSX、.DS_Store、Thumbs.db 等）不是文档，已忽略。");
            }
        }
    }

    /// <summary>An entry's bytes, counted as they are unzipped: a zip may declare a small size and hold a large one.</summary>
    private static (byte[]? Content, string? Problem) Read(ZipArchiveEntry entry, long max)
    {
        try
        {
            using var source = entry.Open();
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = source.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + n > max)
                {
                    return (null, $"解压后超过单个文件 {max / 1024 / 1024} MB 的上限");
                }

                buffer.Write(chunk, 0, n);
            }

            return (buffer.ToArray(), null);
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or IOException or ArgumentException)
        {
            return (null, "已加密或已损坏，无法解压");
        }
    }

    /// <summary>
    /// The name of an entry read as Latin-1: a name with a character beyond Latin-1 came UTF-8 flagged and stands; else its
    /// bytes are UTF-8 if they decode as such, else GBK (GB18030) if they do, else kept as they are.
    /// </summary>
    internal static string EntryName(string latin1)
    {
        if (latin1.Any(c => c > '\u00FF') || latin1.All(char.IsAscii))
        {
            return latin1;
        }

        var bytes = Encoding.Latin1.GetBytes(latin1);
        return Strict(new UTF8Encoding(false, throwOnInvalidBytes: true), bytes)
            ?? Strict(Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), bytes)
            ?? latin1;
    }

    private static string? Strict(Encoding encoding, byte[] bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The last segment of an uploaded name (a browser may send a path); "上传文件" when it has none.</summary>
    private static string BaseName(string name)
    {
        var last = name.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim();
        return string.IsNullOrEmpty(last) ? "上传文件" : last;
    }

    private static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.InvariantCulture);
}
