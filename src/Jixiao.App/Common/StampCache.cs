using System.Collections.Concurrent;
using System.Globalization;
using Jixiao.App.Auth;

namespace Jixiao.App.Common;

/// <summary>
/// What was computed from projects and units (how many projects match a filter of the 项目 list, each unit's project
/// count and budget), kept while the projects' change stamp (<see cref="Data.ChangeStamps.Projects"/>) stays the one
/// read before computing it. Paging through a search, or opening the list again, counts once, not on every page. Any
/// write to projects or units moves the stamp in the write's transaction, so nothing kept here is ever served stale,
/// on one instance or several. One per process (a singleton); bounded.
/// </summary>
public sealed class StampCache
{
    /// <summary>Past this many entries the cache starts again (a crude bound: every entry is cheap to make again).</summary>
    public const int Capacity = 20_000;

    /// <summary>Past this many kept ids (all lists together, ≈ 16 MB) the cache starts again too.</summary>
    public const long IdCapacity = 4_000_000;

    /// <summary>The default of <see cref="KeptIdsLimit"/>: a city's whole list (≈ 400 KB of ids per sort).</summary>
    public const int DefaultKeptIdsLimit = 100_000;

    /// <summary>
    /// A filter of the 项目 list with at most this many matches has its whole id list kept (in its sort order): any of
    /// its pages is then a slice, and its count the list's length. Longer lists are read page by page.
    /// </summary>
    public int KeptIdsLimit { get; init; } = DefaultKeptIdsLimit;

    private readonly ConcurrentDictionary<string, (long Stamp, object Value)> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> large = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<int[]?>> building = new(StringComparer.Ordinal);
    private long keptIds;

    public bool TryGet<T>(string key, long stamp, out T value)
    {
        if (entries.TryGetValue(key, out var entry) && entry.Stamp == stamp && entry.Value is T kept)
        {
            value = kept;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>
    /// Whatever is kept under <paramref name="key"/>, with the stamp it was computed at, current or not. The caller must
    /// check that stamp against the data before trusting the value (the 项目 list reads the stamp with its page's rows).
    /// </summary>
    public bool TryGetLatest<T>(string key, out long stamp, out T value)
    {
        if (entries.TryGetValue(key, out var entry) && entry.Value is T kept)
        {
            stamp = entry.Stamp;
            value = kept;
            return true;
        }

        stamp = 0;
        value = default!;
        return false;
    }

    /// <summary>
    /// Runs <paramref name="build"/> for <paramref name="key"/> at <paramref name="stamp"/> once, however many requests
    /// ask at the same time: after a write moves the stamp, the requests that arrive together wait for one build of a
    /// long list instead of each reading it. A waiter whose builder failed (its request was cancelled, say) builds it
    /// itself.
    /// </summary>
    public async Task<int[]?> BuildOnceAsync(string key, long stamp, Func<Task<int[]?>> build, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(build);
        var flight = key + "@" + stamp.ToString(CultureInfo.InvariantCulture);
        var mine = new TaskCompletionSource<int[]?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = building.GetOrAdd(flight, mine.Task);
        if (running != mine.Task)
        {
            try
            {
                return await running.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return await build();
            }
        }

        try
        {
            var ids = await build();
            mine.SetResult(ids);
            return ids;
        }
        catch
        {
            // Cancelled rather than faulted: the waiters build for themselves, and no exception goes unobserved.
            mine.SetCanceled(CancellationToken.None);
            throw;
        }
        finally
        {
            building.TryRemove(KeyValuePair.Create(flight, mine.Task));
        }
    }

    /// <summary>How many ids all kept lists hold together (bounded by <see cref="IdCapacity"/>).</summary>
    public long KeptIds => Interlocked.Read(ref keptIds);

    public void Set<T>(string key, long stamp, T value) where T : notnull
    {
        var ids = value is int[] array ? array.Length : 0;
        if (entries.Count >= Capacity || Interlocked.Add(ref keptIds, ids) > IdCapacity)
        {
            entries.Clear();
            large.Clear();
            Interlocked.Exchange(ref keptIds, ids);
        }

        // A list made again after a write replaces the old one: only the difference counts toward the bound.
        var old = 0;
        entries.AddOrUpdate(key, (stamp, value), (_, previous) =>
        {
            old = previous.Value is int[] list ? list.Length : 0;
            return (stamp, value);
        });
        Interlocked.Add(ref keptIds, -old);
    }

    /// <summary>
    /// Whether <paramref name="key"/>'s list was found too long to keep. A hint, not a fact kept by stamp: a list that
    /// shrank is still read page by page, which is correct, only slower.
    /// </summary>
    public bool IsLarge(string key) => large.ContainsKey(key);

    public void MarkLarge(string key)
    {
        if (large.Count >= Capacity)
        {
            large.Clear();
        }

        large[key] = true;
        if (entries.TryRemove(key, out var removed) && removed.Value is int[] list)
        {
            Interlocked.Add(ref keptIds, -list.Length);
        }
    }

    /// <summary>Who may see what: "*" for an admin, otherwise the unit ids in order.</summary>
    public static string ScopeKey(AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.IsAdmin ? "*" : string.Join(',', scope.UnitIds.Order());
    }
}
