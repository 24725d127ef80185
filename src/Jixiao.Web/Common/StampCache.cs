using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Jixiao.Web.Auth;
using Jixiao.Web.Projects;

namespace Jixiao.Web.Common;

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

    /// <summary>
    /// A filter of the 项目 list with at most this many matches has its whole id list kept (in its sort order): any of
    /// its pages is then a slice, and its count the list's length. Longer lists are read page by page.
    /// </summary>
    public int KeptIdsLimit { get; init; } = 5000;

    private readonly ConcurrentDictionary<string, (long Stamp, object Value)> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> large = new(StringComparer.Ordinal);
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

    public void Set<T>(string key, long stamp, T value) where T : notnull
    {
        var ids = value is int[] array ? array.Length : 0;
        if (entries.Count >= Capacity || Interlocked.Add(ref keptIds, ids) > IdCapacity)
        {
            entries.Clear();
            large.Clear();
            Interlocked.Exchange(ref keptIds, ids);
        }

        entries[key] = (stamp, value);
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
    }

    /// <summary>Who may see what: "*" for an admin, otherwise the unit ids in order.</summary>
    public static string ScopeKey(AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.IsAdmin ? "*" : string.Join(',', scope.UnitIds.Order());
    }

    /// <summary>The key of a match count: the scope and every filter that changes the count (not the sort or page).</summary>
    public static string CountKey(AccessScope scope, ProjectListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new StringBuilder("count|").Append(ScopeKey(scope)).Append('|')
            .Append(query.Q?.Trim()).Append('|')
            .Append(query.UnitId?.ToString(CultureInfo.InvariantCulture)).Append('|')
            .Append(query.Status?.ToString()).Append('|')
            .Append(query.MinWanYuan?.ToString(CultureInfo.InvariantCulture)).Append('|')
            .Append(query.MaxWanYuan?.ToString(CultureInfo.InvariantCulture))
            .ToString();
    }

    /// <summary>The key of a filter's whole match list in its sort order: the count's key, the sort and its direction.</summary>
    public static string IdsKey(string countKey, ProjectListQuery query)
    {
        ArgumentNullException.ThrowIfNull(countKey);
        ArgumentNullException.ThrowIfNull(query);
        return "ids" + countKey[5..] + "|" + ProjectList.SortName(query) + (query.Desc ? "|desc" : "|asc");
    }

    /// <summary>The key of a search piece's holder count (capped at <see cref="ProjectList.CommonGram"/>).</summary>
    public static string GramKey(string gram) => "gram|" + gram;
}
