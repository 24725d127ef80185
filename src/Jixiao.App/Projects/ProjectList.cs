using System.Globalization;
using System.Text;
using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Projects;

/// <summary>
/// Filters of the 项目 list; amounts in 万元 as the tables print them. <see cref="Year"/> is the 预算年度;
/// <see cref="Grade"/> the grade of the project's latest graded evaluation (优, 良 …), or <see cref="ProjectList.NotGraded"/>
/// for projects without one.
/// </summary>
public sealed record ProjectListQuery(
    string? Q = null,
    int? UnitId = null,
    ReviewStatus? Status = null,
    decimal? MinWanYuan = null,
    decimal? MaxWanYuan = null,
    string? Sort = null,
    bool Desc = false,
    int Page = 1,
    int PageSize = 20,
    int? Year = null,
    string? Grade = null);

/// <summary>
/// One line of the list. <see cref="VagueTargets"/> counts indicators whose annual target has no number;
/// <see cref="Grade"/> is the grade of the latest graded evaluation (null: none yet).
/// </summary>
public sealed record ProjectRow(int Id, string Name, int UnitId, string UnitName, long? TotalFen, ReviewStatus Status,
    int IndicatorCount, int VagueTargets, long Version, int? FiscalYear = null, string? Grade = null);

/// <summary>The 项目 list: search, filters, sorting and paging, always within the user's scope.</summary>
public static class ProjectList
{
    public const int MaxPageSize = 200;

    /// <summary>The grade filter's value for projects without a graded evaluation (未评价).</summary>
    public const string NotGraded = "none";

    /// <param name="counts">
    /// When given, match counts (and which search pieces are common) are kept there while the projects' change stamp
    /// stays the same, so a filter is counted once however many of its pages are read.
    /// </param>
    public static async Task<Page<ProjectRow>> RunAsync(JixiaoDbContext db, AccessScope scope, ProjectListQuery query,
        CancellationToken cancellationToken = default, StampCache? counts = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(query);

        // One connection for the list's three to five queries, instead of opening (and, on SQLite, registering EF's
        // functions) for each; EF counts nested opens, so a caller's open connection stays open.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await ReadAsync(db, scope, query, counts, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The key of a match count: the scope and every filter that changes the count (not the sort or page).</summary>
    public static string CountKey(AccessScope scope, ProjectListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new StringBuilder("count|").Append(StampCache.ScopeKey(scope)).Append('|')
            .Append(query.Q?.Trim()).Append('|')
            .Append(query.UnitId?.ToString(CultureInfo.InvariantCulture)).Append('|')
            .Append(query.Status?.ToString()).Append('|')
            .Append(query.MinWanYuan?.ToString(CultureInfo.InvariantCulture)).Append('|')
            .Append(query.MaxWanYuan?.ToString(CultureInfo.InvariantCulture)).Append('|')
            .Append(query.Year?.ToString(CultureInfo.InvariantCulture)).Append('|')
            .Append(query.Grade?.Trim())
            .ToString();
    }

    /// <summary>The key of a filter's whole match list in its sort order: the count's key, the sort and its direction.</summary>
    public static string IdsKey(string countKey, ProjectListQuery query)
    {
        ArgumentNullException.ThrowIfNull(countKey);
        ArgumentNullException.ThrowIfNull(query);
        return "ids" + countKey[5..] + "|" + SortName(query) + (query.Desc ? "|desc" : "|asc");
    }

    /// <summary>The key of a search piece's holder count (capped at <see cref="CommonGram"/>).</summary>
    public static string GramKey(string gram) => "gram|" + gram;

    /// <summary>The sort a query asks for, as the list knows it ("id" when it names none it knows).</summary>
    public static string SortName(ProjectListQuery query) => query?.Sort switch
    {
        "amount" or "name" or "status" or "unit" => query.Sort,
        _ => "id",
    };

    private static async Task<Page<ProjectRow>> ReadAsync(JixiaoDbContext db, AccessScope scope, ProjectListQuery query, StampCache? counts,
        CancellationToken cancellationToken)
    {
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, query.Page);
        var countKey = counts is null ? null : CountKey(scope, query);
        var idsKey = countKey is null ? null : IdsKey(countKey, query);
        var searching = !string.IsNullOrWhiteSpace(query.Q);

        // A kept list is tried first, whatever stamp it was kept at: the page's rows are read with the current stamp in
        // one statement, and when that stamp is the list's, nothing was written since it was made (every write moves
        // the stamp), so the list and the rows agree. One statement per page. A moved stamp, an empty page or a short
        // read falls through to the full path below.
        if (counts is not null && counts.TryGetLatest(idsKey!, out long keptAt, out int[]? latest) && latest is not null)
        {
            var pageIds = Slice(latest, page, size);
            if (pageIds.Length > 0)
            {
                var (rows, current) = await RowsAsync(db, pageIds, cancellationToken);
                if (current == keptAt && rows.Count == pageIds.Length)
                {
                    return new Page<ProjectRow>(rows, latest.Length, page, size);
                }
            }
        }

        // The stamp is read before anything is computed from the data: a write after this moves it, so nothing computed
        // now is ever kept as current. A list too long to keep, read page by page, reads it inside its page query
        // instead, one statement fewer.
        long? stamp = null;
        if (counts is not null && (searching || !counts.IsLarge(idsKey!)))
        {
            stamp = await ChangeStamps.ReadAsync(db, ChangeStamps.Projects, cancellationToken);
        }

        var projects = Sorted(await FilteredAsync(db, scope, query, counts, stamp ?? 0, cancellationToken), query);

        if (stamp is { } read && !counts!.IsLarge(idsKey!))
        {
            if (!counts.TryGet(idsKey!, read, out int[]? all) || all is null)
            {
                all = await counts.BuildOnceAsync(idsKey!, read, async () =>
                {
                    var found = await projects.Select(p => p.Id).Take(counts.KeptIdsLimit + 1).ToArrayAsync(cancellationToken);
                    if (found.Length > counts.KeptIdsLimit)
                    {
                        counts.MarkLarge(idsKey!);
                        return null;
                    }

                    counts.Set(idsKey!, read, found);
                    counts.Set(countKey!, read, found.Length);
                    return found;
                }, cancellationToken);
            }

            if (all is not null)
            {
                return new Page<ProjectRow>((await RowsAsync(db, Slice(all, page, size), cancellationToken)).Rows, all.Length, page, size);
            }
        }

        // A long list: the page's ids come from a narrow query that the sort indexes cover (no wide project rows are
        // read or sorted; one statement with the rows made SQLite sort every wide row by amount), reading the stamp in
        // the same statement when none was read; then only those rows are read.
        var skip = (page - 1) * size;
        int[] ids;
        if (counts is not null && stamp is null)
        {
            var stamped = await projects.Skip(skip).Take(size)
                .Select(p => new { p.Id, Stamp = db.Stamps.Where(s => s.Name == ChangeStamps.Projects).Select(s => s.Value).First() })
                .ToListAsync(cancellationToken);
            ids = [.. stamped.Select(r => r.Id)];
            stamp = stamped.Count > 0 ? stamped[0].Stamp : null;
        }
        else
        {
            ids = await projects.Skip(skip).Take(size).Select(p => p.Id).ToArrayAsync(cancellationToken);
        }

        var (items, _) = await RowsAsync(db, ids, cancellationToken);

        // A first page that is not full holds every match: no need to count them again.
        int total;
        if (page == 1 && items.Count < size)
        {
            total = items.Count;
            if (stamp is { } s)
            {
                counts?.Set(countKey!, s, total);
            }
        }
        else if (counts is null || stamp is not { } s || !counts.TryGet(countKey!, s, out total))
        {
            total = await projects.CountAsync(cancellationToken);
            if (counts is not null && stamp is { } kept)
            {
                counts.Set(countKey!, kept, total);
            }
        }

        return new Page<ProjectRow>(items, total, page, size);
    }

    /// <summary>Page <paramref name="page"/> of a kept list.</summary>
    private static int[] Slice(int[] all, int page, int size)
    {
        var from = Math.Min((long)(page - 1) * size, all.Length);
        return all.AsSpan((int)from, (int)Math.Min(size, all.Length - from)).ToArray();
    }

    /// <summary>
    /// The list's rows for <paramref name="ids"/>, in that order, and the projects' change stamp read in the same
    /// statement (so as of the same data); null when there are no rows.
    /// </summary>
    private static async Task<(List<ProjectRow> Rows, long? Stamp)> RowsAsync(JixiaoDbContext db, int[] ids, CancellationToken cancellationToken)
    {
        if (ids.Length == 0)
        {
            return ([], null);
        }

        var read = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                Row = new ProjectRow(p.Id, p.Name, p.UnitId, p.Unit!.Name, p.TotalFen, p.Status,
                    p.Indicators.Count, p.Indicators.Count(i => i.AnnualKind == VagueTargets.KindName), p.Version, p.FiscalYear,
                    db.Evaluations.Where(e => e.ProjectId == p.Id && e.Grade != null).OrderByDescending(e => e.Id).Select(e => e.Grade).FirstOrDefault()),
                Stamp = db.Stamps.Where(s => s.Name == ChangeStamps.Projects).Select(s => s.Value).First(),
            })
            .ToListAsync(cancellationToken);
        var position = new Dictionary<int, int>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            position[ids[i]] = i;
        }

        var rows = read.ConvertAll(r => r.Row);
        rows.Sort((a, b) => position[a.Id].CompareTo(position[b.Id]));
        return (rows, read.Count > 0 ? read[0].Stamp : null);
    }

    /// <summary>The user's visible projects that pass every filter of <paramref name="query"/>.</summary>
    private static async Task<IQueryable<ProjectEntity>> FilteredAsync(JixiaoDbContext db, AccessScope scope, ProjectListQuery query,
        StampCache? counts, long stamp, CancellationToken cancellationToken)
    {
        var projects = scope.Visible(db.Projects.AsNoTracking());
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            // The unit names are matched first, in their own small table; most searches match none, and then the
            // query is the name test alone, which the database answers from the gram index in id order without
            // looking up every candidate row (an OR with the units' test made it read and sort all of them).
            var unitIds = await UnitsNamedAsync(db, q, counts, stamp, cancellationToken);
            var candidates = await NameCandidatesAsync(db, q, counts, stamp, cancellationToken);
            if (candidates is not null && q.Length > 2)
            {
                // A longer query: the exact test on the candidates, as its own small query and kept by stamp. Inside the
                // page query PostgreSQL misjudged "Name LIKE '%…%'" as rare and scanned every name instead.
                var matches = await NameMatchesAsync(db, q, candidates, counts, stamp, cancellationToken);
                projects = unitIds.Length == 0
                    ? projects.Where(p => matches.Contains(p.Id))
                    : projects.Where(p => matches.Contains(p.Id) || unitIds.Contains(p.UnitId));
            }
            else
            {
                // Through the gram index: a one- or two-character query's name holds the query exactly when it holds
                // its gram. Without an uncommon gram, the plain substring test.
                projects = (candidates, unitIds.Length) switch
                {
                    (null, 0) => projects.Where(p => p.Name.Contains(q)),
                    (null, _) => projects.Where(p => p.Name.Contains(q) || unitIds.Contains(p.UnitId)),
                    (_, 0) => projects.Where(p => candidates.Contains(p.Id)),
                    _ => projects.Where(p => candidates.Contains(p.Id) || unitIds.Contains(p.UnitId)),
                };
            }
        }

        if (query.UnitId is { } unitId)
        {
            projects = projects.Where(p => p.UnitId == unitId);
        }

        if (query.Status is { } status)
        {
            projects = projects.Where(p => p.Status == status);
        }

        if (query.Year is { } year)
        {
            projects = projects.Where(p => p.FiscalYear == year);
        }

        if (query.Grade?.Trim() is { Length: > 0 } grade)
        {
            // The latest graded evaluation decides, as the list shows it. Evaluations move the change stamp when a grade
            // changes (migration 0009), so a kept list of this filter follows a rescoring.
            var evaluations = db.Evaluations.AsNoTracking();
            projects = grade == NotGraded
                ? projects.Where(p => !evaluations.Any(e => e.ProjectId == p.Id && e.Grade != null))
                : projects.Where(p => evaluations.Where(e => e.ProjectId == p.Id && e.Grade != null).OrderByDescending(e => e.Id)
                    .Select(e => e.Grade).FirstOrDefault() == grade);
        }

        if (query.MinWanYuan is { } min)
        {
            var fen = Money.WanYuan(min).ToFen();
            projects = projects.Where(p => p.TotalFen >= fen);
        }

        if (query.MaxWanYuan is { } max)
        {
            var fen = Money.WanYuan(max).ToFen();
            projects = projects.Where(p => p.TotalFen <= fen);
        }

        return projects;
    }

    /// <summary>
    /// Projects without an amount come first in the ascending amount sort and last in the descending one.
    /// Ties are broken by id in the sort's own direction, so a descending sort is one backward walk of its index
    /// (amount, id) instead of a walk plus a sort of every tie group before the page.
    /// </summary>
    private static IQueryable<ProjectEntity> Sorted(IQueryable<ProjectEntity> projects, ProjectListQuery query) =>
        (SortName(query), query.Desc) switch
        {
            // Without an amount is below every amount on both databases (each puts NULL elsewhere by itself); the index
            // IX_projects_AmountOrder walks this order (migration 0008).
            ("amount", false) => projects.OrderBy(p => p.TotalFen != null).ThenBy(p => p.TotalFen).ThenBy(p => p.Id),
            ("amount", true) => projects.OrderByDescending(p => p.TotalFen != null).ThenByDescending(p => p.TotalFen).ThenByDescending(p => p.Id),
            ("name", false) => projects.OrderBy(p => p.Name).ThenBy(p => p.Id),
            ("name", true) => projects.OrderByDescending(p => p.Name).ThenByDescending(p => p.Id),
            ("status", false) => projects.OrderBy(p => p.Status).ThenBy(p => p.Id),
            ("status", true) => projects.OrderByDescending(p => p.Status).ThenByDescending(p => p.Id),
            ("unit", false) => projects.OrderBy(p => p.Unit!.Name).ThenBy(p => p.Id),
            ("unit", true) => projects.OrderByDescending(p => p.Unit!.Name).ThenByDescending(p => p.Id),
            (_, true) => projects.OrderByDescending(p => p.Id),
            _ => projects.OrderBy(p => p.Id),
        };

    /// <summary>Most pairs of a query that are looked up; any subset of its pairs still finds every match.</summary>
    public const int MaxGramsPerQuery = 4;

    /// <summary>
    /// The pieces of <paramref name="q"/> to look up in <c>project_name_grams</c>: the one character of a one-character
    /// query, otherwise up to <see cref="MaxGramsPerQuery"/> distinct adjacent pairs spread over the query (the first
    /// and the last always). Null when the query holds a character outside the Basic Multilingual Plane, where .NET
    /// and the database count characters differently: such queries use the plain scan.
    /// </summary>
    public static IReadOnlyList<string>? Grams(string q)
    {
        ArgumentNullException.ThrowIfNull(q);
        if (q.Length == 0 || q.Any(char.IsSurrogate))
        {
            return null;
        }

        if (q.Length == 1)
        {
            return [q];
        }

        var pairs = Enumerable.Range(0, q.Length - 1).Select(i => q.Substring(i, 2)).Distinct(StringComparer.Ordinal).ToList();
        if (pairs.Count <= MaxGramsPerQuery)
        {
            return pairs;
        }

        return Enumerable.Range(0, MaxGramsPerQuery)
            .Select(i => pairs[i * (pairs.Count - 1) / (MaxGramsPerQuery - 1)])
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// A gram held by this many projects or more is not worth the index: walking the names in id order finds a page
    /// of such a common piece (say "费") sooner than collecting all its holders.
    /// </summary>
    public const int CommonGram = 5000;

    /// <summary>
    /// The ids of all projects whose names hold <paramref name="q"/>, found by the exact test on the gram candidates
    /// (fetched first: at most <see cref="CommonGram"/> ids). Not scoped: the page query applies the scope.
    /// </summary>
    private static async Task<int[]> NameMatchesAsync(JixiaoDbContext db, string q, IQueryable<int> candidates, StampCache? cache, long stamp,
        CancellationToken cancellationToken)
    {
        var key = "names|" + q;
        if (cache is not null && cache.TryGet(key, stamp, out int[]? kept) && kept is not null)
        {
            return kept;
        }

        var ids = await candidates.ToArrayAsync(cancellationToken);
        var matches = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id) && p.Name.Contains(q)).Select(p => p.Id)
            .ToArrayAsync(cancellationToken);
        cache?.Set(key, stamp, matches);
        return matches;
    }

    /// <summary>The ids of the units whose names hold <paramref name="q"/> (all units, whatever the scope: the scope filters projects).</summary>
    private static async Task<int[]> UnitsNamedAsync(JixiaoDbContext db, string q, StampCache? cache, long stamp,
        CancellationToken cancellationToken)
    {
        var key = "units-named|" + q;
        if (cache is not null && cache.TryGet(key, stamp, out int[]? kept) && kept is not null)
        {
            return kept;
        }

        var ids = await db.Units.Where(u => u.Name.Contains(q)).OrderBy(u => u.Id).Select(u => u.Id).ToArrayAsync(cancellationToken);
        cache?.Set(key, stamp, ids);
        return ids;
    }

    /// <summary>
    /// The ids of projects whose names hold every uncommon gram of <paramref name="q"/> (a superset of the matches),
    /// or null when the query has no uncommon gram and the plain scan is cheaper.
    /// </summary>
    private static async Task<IQueryable<int>?> NameCandidatesAsync(JixiaoDbContext db, string q, StampCache? counts, long stamp,
        CancellationToken cancellationToken)
    {
        if (Grams(q) is not { } grams)
        {
            return null;
        }

        IQueryable<int>? ids = null;
        foreach (var gram in grams)
        {
            var these = db.ProjectNameGrams.Where(g => g.Gram == gram).Select(g => g.ProjectId);
            var gramKey = GramKey(gram);
            if (counts is null || !counts.TryGet(gramKey, stamp, out int holders))
            {
                holders = await these.Take(CommonGram).CountAsync(cancellationToken);
                counts?.Set(gramKey, stamp, holders);
            }

            if (holders >= CommonGram)
            {
                continue;
            }

            ids = ids is null ? these : ids.Intersect(these);
        }

        return ids;
    }
}
