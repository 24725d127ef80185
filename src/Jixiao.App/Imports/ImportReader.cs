using System.Globalization;
using System.Security.Cryptography;
using Jixiao.App.Common;
using Jixiao.Data.Entities;
using Jixiao.Import.Imports;
using Jixiao.Import.Reading;

namespace Jixiao.App.Imports;

/// <summary>An upload as read: what the store would keep as target tables, and the document as the reader saw it.</summary>
public sealed record BatchReading(ImportResult Targets, ReadDocument Document);

/// <summary>How much reading of uploads the server allows (docs/import.md, "Limits").</summary>
public sealed record ImportReadLimits
{
    /// <summary>One read's time budget (Jixiao:Import:ReadSeconds).</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Reads one user may have running at once (Jixiao:Import:ReadsPerUser).</summary>
    public int PerUser { get; init; } = 2;

    /// <summary>
    /// Reads running at once on this instance (Jixiao:Import:Reads): one core fewer than the machine has, so that a
    /// core is always left to answer requests while files are read.
    /// </summary>
    public int Global { get; init; } = Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>
    /// Reads of background work (the 复核批次 worker) running at once on this instance (Jixiao:Import:BackgroundReads),
    /// counted apart from <see cref="Global"/> so that a batch of 500 files never takes the slots of users at the page.
    /// </summary>
    public int Background { get; init; } = 1;

    /// <summary>What the kept readings may weigh together, estimated (Jixiao:Import:CacheMegabytes).</summary>
    public long CacheBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Readings kept at most, however light.</summary>
    public int CacheEntries { get; init; } = 64;

    /// <summary>What a refused user is told to wait before trying again.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// Reads uploads for the import (<see cref="ImportFiles"/>): each file once, off the request thread, within a time
/// budget, a few at a time. A reading is kept in memory, keyed by the content's SHA-256 with the file name and the
/// 预算年度 it was read for (all the reader depends on), so the upload, every preview and the confirmation use the
/// one reading; two requests for a file being read wait for the same read (single flight). The kept readings are
/// bounded by count and estimated weight, the least recently used going first; a restart forgets them and the next
/// preview reads the file again. A read that runs past its budget answers "took too long" at the deadline and
/// is remembered as such (the same bytes are not read again until the process restarts).
/// A read runs on its own thread, not the thread pool's. Its budget cancels it between the reader's stages and at
/// every cell the format adapters emit; what cannot be stopped inside (the seed layouts' importer, one run of an
/// external tool) finishes its stage first, and the read keeps its place in the limits until its thread really ends.
/// One per process (a singleton).
/// </summary>
public sealed class ImportReader(ImportReadLimits limits) : IDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> recent = new();
    private readonly Dictionary<string, int> runningByUser = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private int running;
    private int runningInBackground;
    private long kept;
    private long reads;

    public ImportReadLimits Limits { get; } = limits;

    /// <summary>Reads actually run since the start (not the requests answered from a kept reading).</summary>
    public long Reads => Interlocked.Read(ref reads);

    /// <summary>Reads whose thread is still running (past their budget too).</summary>
    public int Running
    {
        get
        {
            lock (gate)
            {
                return running;
            }
        }
    }

    /// <summary>For tests: runs on the reading thread before the document is read, with the read's cancellation.</summary>
    internal Action<CancellationToken>? BeforeRead { get; set; }

    /// <summary>The reading of a stored batch (kept, or read now).</summary>
    public Task<(Outcome? Refused, BatchReading? Reading)> ReadAsync(ImportBatchEntity batch, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return ReadAsync(batch.Content, batch.FileName, batch.FiscalYear, userId, cancellationToken);
    }

    /// <summary>
    /// The reading of <paramref name="content"/>; or why there is none: <see cref="Outcome.Busy"/> when the user (or
    /// the server) already reads as many files as allowed, <see cref="Outcome.TimedOut"/> when the read ran past its
    /// budget. <paramref name="cancellationToken"/> stops only this caller's wait: the read goes on for whoever else
    /// waits for it, and is kept.
    /// </summary>
    public Task<(Outcome? Refused, BatchReading? Reading)> ReadAsync(byte[] content, string fileName, int? fiscalYear, string userId,
        CancellationToken cancellationToken = default) =>
        ReadAsync(content, fileName, fiscalYear, userId, background: false, cancellationToken);

    /// <summary>
    /// As <see cref="ReadAsync(byte[], string, int?, string, CancellationToken)"/>; a <paramref name="background"/> read
    /// (the 复核批次 worker's, on behalf of the batch's owner <paramref name="userId"/>) counts against the owner's
    /// per-user limit and <see cref="ImportReadLimits.Background"/> instead of <see cref="ImportReadLimits.Global"/>, and
    /// is not kept once read (its result goes to the database; it must not push the pages' readings out).
    /// </summary>
    public async Task<(Outcome? Refused, BatchReading? Reading)> ReadAsync(byte[] content, string fileName, int? fiscalYear, string userId,
        bool background, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(userId);
        var key = string.Create(CultureInfo.InvariantCulture, $"{Convert.ToHexString(SHA256.HashData(content))}|{fiscalYear}|{fileName}");
        Task<Read> read;
        lock (gate)
        {
            if (entries.TryGetValue(key, out var node))
            {
                recent.Remove(node);
                recent.AddFirst(node);
                read = node.Value.Read.Task;
            }
            else
            {
                var mine = runningByUser.GetValueOrDefault(userId);
                if (mine >= Limits.PerUser)
                {
                    return (new Outcome.Busy($"您已有 {mine} 个文件正在读取，每人最多同时读取 {Limits.PerUser} 个。请等待其读取完成后再上传或预览。", Limits.RetryAfter), null);
                }

                if (background ? runningInBackground >= Limits.Background : running - runningInBackground >= Limits.Global)
                {
                    return (new Outcome.Busy("服务器正在读取其他用户上传的文件，暂时不能读取更多文件，请稍后再试。", Limits.RetryAfter), null);
                }

                runningByUser[userId] = mine + 1;
                running++;
                if (background)
                {
                    runningInBackground++;
                }

                var entry = new Entry(key) { Background = background };
                node = recent.AddFirst(entry);
                entries[key] = node;
                Start(entry, content, fileName, fiscalYear, userId);
                read = entry.Read.Task;
            }
        }

        var done = await read.WaitAsync(cancellationToken);
        return done.Reading is { } reading ? (null, reading) : (done.Refused, null);
    }

    /// <summary>Forgets every kept reading of <paramref name="content"/> (a discarded batch's, say); a read under way finishes.</summary>
    public void Forget(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var prefix = Convert.ToHexString(SHA256.HashData(content)) + "|";
        lock (gate)
        {
            foreach (var key in entries.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            {
                if (entries[key].Value.Finished)
                {
                    Remove(entries[key]);
                }
            }
        }
    }

    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
    }

    private void Start(Entry entry, byte[] content, string fileName, int? fiscalYear, string userId)
    {
        var budget = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        budget.CancelAfter(Limits.Budget);
        // The answer is due at the deadline, wherever the reading thread is; the thread stops at its next check.
        budget.Token.Register(() => entry.Read.TrySetResult(new Read(null, new Outcome.TimedOut(TooLong()))));
        var thread = new Thread(() =>
        {
            Read? read = null;
            Exception? failure = null;
            try
            {
                Interlocked.Increment(ref reads);
                BeforeRead?.Invoke(budget.Token);
                read = new Read(ImportBatches.Reading(content, fileName, fiscalYear, budget.Token), null);
            }
            catch (OperationCanceledException) when (budget.IsCancellationRequested)
            {
                read = new Read(null, new Outcome.TimedOut(TooLong()));
            }
#pragma warning disable CA1031 // A reader bug must reach the request that waits (it becomes the host's 500), not end the process.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure = ex;
            }

            // The slot is free before anyone hears of the result: the same user's next request is not refused by this read.
            Finished(entry, userId, read);
            if (read is not null)
            {
                entry.Read.TrySetResult(read);
            }
            else
            {
                entry.Read.TrySetException(failure!);
            }

            budget.Dispose();
        }, maxStackSize: 256 * 1024 * 1024)
        {
            IsBackground = true,
            Name = "jixiao-import-read",
        };
        thread.Start();
    }

    private string TooLong() =>
        $"文件读取超过 {Limits.Budget.TotalSeconds:0} 秒仍未完成，已停止读取，没有导入任何内容。文件可能过大或过于复杂（如大量空行、空列或页面）：请删去多余内容或拆分后重新上传。";

    /// <param name="read">What the read gave; null when it failed (nothing is kept: the next request reads again, and fails again, visibly).</param>
    private void Finished(Entry entry, string userId, Read? read)
    {
        lock (gate)
        {
            running--;
            if (entry.Background)
            {
                runningInBackground--;
            }

            if (--runningByUser[userId] == 0)
            {
                runningByUser.Remove(userId);
            }

            if (!entries.TryGetValue(entry.Key, out var node) || node.Value != entry)
            {
                return;
            }

            if (read is null || entry.Background)
            {
                // A background read answers the worker waiting for it and is not kept (a page's request meanwhile shared it).
                Remove(node);
                return;
            }

            // Past its deadline the answer was "too long" already; that is what is kept.
            if (entry.Read.Task.IsCompletedSuccessfully)
            {
                read = entry.Read.Task.Result;
            }

            entry.Weight = Weigh(read);
            entry.Finished = true;
            kept += entry.Weight;
            // Reads under way are never dropped: a request arriving meanwhile must wait for them, not start another.
            var candidate = recent.Last;
            while ((kept > Limits.CacheBytes || entries.Count > Limits.CacheEntries) && candidate is not null)
            {
                var previous = candidate.Previous;
                if (candidate != node && candidate.Value.Finished)
                {
                    Remove(candidate);
                }

                candidate = previous;
            }
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        entries.Remove(node.Value.Key);
        recent.Remove(node);
        kept -= node.Value.Weight;
    }

    /// <summary>
    /// A reading's weight in memory, estimated from what it holds (each project and indicator is in both the targets
    /// and the document): close enough to bound the cache, not a measurement.
    /// </summary>
    private static long Weigh(Read read) => read.Reading is not { } r ? 1024
        : 4096 + (2L * 1024 * r.Document.Projects.Count) + (2L * 640 * r.Document.IndicatorCount)
          + (1024L * r.Targets.Projects.Count()) + (640L * r.Targets.IndicatorCount)
          + (320L * (r.Targets.Diagnostics.Count + r.Document.Diagnostics.Count + r.Document.Findings.Count));

    private sealed record Read(BatchReading? Reading, Outcome? Refused);

    private sealed class Entry(string key)
    {
        public string Key { get; } = key;
        public TaskCompletionSource<Read> Read { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public long Weight { get; set; }

        /// <summary>A read of background work: counted against <see cref="ImportReadLimits.Background"/>, not kept.</summary>
        public bool Background { get; init; }

        /// <summary>The reading thread has ended (a timed-out read completes its task earlier).</summary>
        public bool Finished { get; set; }
    }
}
