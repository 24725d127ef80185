using System.Security.Cryptography;
using Jixiao.Domain.Evidence;

namespace Jixiao.App.Evidence;

/// <summary>An upload written to the store's temp folder: its key, length and SHA-256; <see cref="TooLarge"/> when it passed the limit (nothing kept).</summary>
public sealed record StagedFile(string Key, long Length, string Sha256, bool TooLarge);

/// <summary>What a sweep did: temp files moved into place (their row was saved before a crash), temp files and stored files removed.</summary>
public sealed record EvidenceSweepResult(int Completed, int TempRemoved, int FilesRemoved);

/// <summary>
/// The bytes of 佐证材料, on disk in one folder outside the web root (docs/evidence.md): <c>files/ab/abcd…</c> under a
/// random 32-hex key, never under the user's name, and <c>tmp/abcd…</c> while an upload is being written. An upload is
/// written to tmp with a counting limit (<see cref="StageAsync"/>), its row is saved in a transaction, and only then is
/// the file moved into place (<see cref="Commit"/>). A crash before the row leaves a temp file that no row names; a
/// crash after it, a temp file whose row exists. <see cref="Sweep"/> (at start-up and every quarter hour) removes the
/// first and moves the second into place, and removes stored files whose row is gone or deleted; so no row is ever left
/// without its file, and no file without its row for longer than the grace period.
/// </summary>
public sealed class EvidenceStore
{
    public EvidenceStore(string folder, EvidenceLimits limits)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(limits);
        Folder = Path.GetFullPath(folder);
        Limits = limits;
        Directory.CreateDirectory(TempFolder);
        Directory.CreateDirectory(FilesFolder);
    }

    public string Folder { get; }
    public EvidenceLimits Limits { get; }

    private string TempFolder => Path.Combine(Folder, "tmp");
    private string FilesFolder => Path.Combine(Folder, "files");

    /// <summary>A new random key: 128 bits as 32 lower-case hex digits.</summary>
    public static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Whether a text is a key this store makes (so a file name read from the folder is never taken for a path).</summary>
    public static bool IsKey(string? text) => text is { Length: 32 } && text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    public string TempPath(string key) => Path.Combine(TempFolder, Checked(key));

    public string FilePath(string key) => Path.Combine(FilesFolder, Checked(key)[..2], key);

    /// <summary>
    /// Copies <paramref name="content"/> to a new temp file, at most <paramref name="maxBytes"/>: one byte more and the file
    /// is removed and <see cref="StagedFile.TooLarge"/> set, without reading the rest. The file is flushed to disk before
    /// it is returned, so a row saved after it never names bytes still in a cache. On any failure (the client went away)
    /// the temp file is removed and the exception passes.
    /// </summary>
    public async Task<StagedFile> StageAsync(Stream content, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var key = NewKey();
        var path = TempPath(key);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        var tooLarge = false;
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var buffer = new byte[81920];
                int n;
                while ((n = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    length += n;
                    if (length > maxBytes)
                    {
                        tooLarge = true;
                        break;
                    }

                    hash.AppendData(buffer, 0, n);
                    await file.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
                }

                if (!tooLarge)
                {
                    file.Flush(flushToDisk: true);
                }
            }
        }
        catch
        {
            Discard(key);
            throw;
        }

        if (tooLarge)
        {
            Discard(key);
        }

        return new StagedFile(key, length, Convert.ToHexStringLower(hash.GetHashAndReset()), tooLarge);
    }

    /// <summary>Opens a staged temp file for reading (the sniffer's view of it).</summary>
    public FileStream OpenStaged(string key) => new(TempPath(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920);

    /// <summary>
    /// Moves a staged file into place once its row is saved. Another instance's sweep may have done it already (the row
    /// was there): then the file is in place and the temp gone, which is as good.
    /// </summary>
    public void Commit(string key)
    {
        var target = FilePath(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            File.Move(TempPath(key), target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target) || !File.Exists(TempPath(key)))
        {
            Discard(key);
        }
    }

    /// <summary>Removes a temp file (an upload refused or abandoned); nothing when it is gone.</summary>
    public void Discard(string key)
    {
        try
        {
            File.Delete(TempPath(key));
        }
        catch (IOException)
        {
            // Still open elsewhere: the sweep removes it later.
        }
    }

    /// <summary>Removes a stored file (deleted or replaced after its row was saved); the sweep removes what this could not.</summary>
    public void Remove(string key)
    {
        try
        {
            File.Delete(FilePath(key));
            File.Delete(TempPath(key));
        }
        catch (IOException)
        {
            // Being read right now: the sweep removes it later.
        }
    }

    /// <summary>The stored bytes of a key (in place, or still in tmp when a crash came between the row and the move); null when neither is there.</summary>
    public FileStream? OpenRead(string key)
    {
        foreach (var path in new[] { FilePath(key), TempPath(key) })
        {
            try
            {
                return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
            }
            catch (FileNotFoundException)
            {
            }
            catch (DirectoryNotFoundException)
            {
            }
        }

        return null;
    }

    /// <summary>
    /// Brings the folder in line with the rows: a temp file whose key a live row names is moved into place (its row was
    /// saved, the move did not happen); any other temp file, and any stored file no live row names, is removed once it
    /// has not been written for <paramref name="grace"/> — an upload under way on another instance keeps writing its
    /// temp file, and a file just moved into place belongs to a row that is being saved. Names that are not keys are left alone.
    /// </summary>
    public EvidenceSweepResult Sweep(IReadOnlySet<string> liveKeys, DateTimeOffset now, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(liveKeys);
        int completed = 0, tempRemoved = 0, filesRemoved = 0;
        bool Old(string path) => now - new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero) >= grace;
        foreach (var path in Directory.EnumerateFiles(TempFolder))
        {
            var key = Path.GetFileName(path);
            if (!IsKey(key))
            {
                continue;
            }

            if (liveKeys.Contains(key))
            {
                if (!File.Exists(FilePath(key)))
                {
                    Commit(key);
                    completed++;
                }
                else
                {
                    Discard(key);
                    tempRemoved++;
                }
            }
            else if (Old(path))
            {
                Discard(key);
                tempRemoved++;
            }
        }

        foreach (var path in Directory.EnumerateFiles(FilesFolder, "*", SearchOption.AllDirectories))
        {
            var key = Path.GetFileName(path);
            if (IsKey(key) && !liveKeys.Contains(key) && Old(path))
            {
                try
                {
                    File.Delete(path);
                    filesRemoved++;
                }
                catch (IOException)
                {
                }
            }
        }

        return new EvidenceSweepResult(completed, tempRemoved, filesRemoved);
    }

    private static string Checked(string key) => IsKey(key) ? key : throw new ArgumentException($"'{key}' is not an evidence key.", nameof(key));
}
