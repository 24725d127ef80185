using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Web.Auth;
using Jixiao.Web.Common;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Projects;

/// <summary>Filters of the 项目 list; amounts in 万元 as the tables print them.</summary>
public sealed record ProjectListQuery(
    string? Q = null,
    int? UnitId = null,
    ReviewStatus? Status = null,
    decimal? MinWanYuan = null,
    decimal? MaxWanYuan = null,
    string? Sort = null,
    bool Desc = false,
    int Page = 1,
    int PageSize = 20);

/// <summary>One line of the list. <see cref="VagueTargets"/> counts indicators whose annual target has no number.</summary>
public sealed record ProjectRow(int Id, string Name, int UnitId, string UnitName, long? TotalFen, ReviewStatus Status,
    int IndicatorCount, int VagueTargets, long Version);

/// <summary>The 项目 list: search, filters, sorting and paging, always within the user's scope.</summary>
public static class ProjectList
{
    public const int MaxPageSize = 200;

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

    private static async Task<Page<ProjectRow>> ReadAsync(JixiaoDbContext db, AccessScope scope, ProjectListQuery query, StampCache? counts,
        CancellationToken cancellationToken)
    {
        // Read before anything is counted: a write after this moves the stamp, so a count made now is never kept as current.
        var stamp = counts is null ? 0 : await ChangeStamps.ReadAsync(db, ChangeStamps.Projects, cancellationToken);
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

        if (query.MinWanYuan is { } min)
        {
            var fen = Format.ToFen(min);
            projects = projects.Where(p => p.TotalFen >= fen);
        }

        if (query.MaxWanYuan is { } max)
        {
            var fen = Format.ToFen(max);
            projects = projects.Where(p => p.TotalFen <= fen);
        }

        projects = (query.Sort, query.Desc) switch
        {
            ("amount", false) => projects.OrderBy(p => p.TotalFen).ThenBy(p => p.Id),
            ("amount", true) => projects.OrderByDescending(p => p.TotalFen).ThenBy(p => p.Id),
            ("name", false) => projects.OrderBy(p => p.Name).ThenBy(p => p.Id),
            ("name", true) => projects.OrderByDescending(p => p.Name).ThenBy(p => p.Id),
            ("status", false) => projects.OrderBy(p => p.Status).ThenBy(p => p.Id),
            ("status", true) => projects.OrderByDescending(p => p.Status).ThenBy(p => p.Id),
            ("unit", false) => projects.OrderBy(p => p.Unit!.Name).ThenBy(p => p.Id),
            ("unit", true) => projects.OrderByDescending(p => p.Unit!.Name).ThenBy(p => p.Id),
            (_, true) => projects.OrderByDescending(p => p.Id),
            _ => projects.OrderBy(p => p.Id),
        };

        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, query.Page);

        // Two steps: the page's ids come from a narrow query that the sort indexes cover (no wide project rows are
        // read or sorted), then only those rows are read with their unit and indicator counts.
        var ids = await projects.Skip((page - 1) * size).Take(size).Select(p => p.Id).ToListAsync(cancellationToken);
        var rows = ids.Count == 0
            ? []
            : await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id))
                .Select(p => new ProjectRow(p.Id, p.Name, p.UnitId, p.Unit!.Name, p.TotalFen, p.Status,
                    p.Indicators.Count, p.Indicators.Count(i => i.AnnualKind == "qualitative"), p.Version))
                .ToListAsync(cancellationToken);
        // A first page that is not full holds every match: no need to count them again.
        var countKey = counts is null ? null : StampCache.CountKey(scope, query);
        int total;
        if (page == 1 && ids.Count < size)
        {
            total = ids.Count;
            counts?.Set(countKey!, stamp, total);
        }
        else if (countKey is null || !counts!.TryGet(countKey, stamp, out total))
        {
            total = await projects.CountAsync(cancellationToken);
            counts?.Set(countKey!, stamp, total);
        }

        var position = new Dictionary<int, int>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            position[ids[i]] = i;
        }

        var items = rows.OrderBy(r => position[r.Id]).ToList();
        return new Page<ProjectRow>(items, total, page, size);
    }

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
            var gramKey = StampCache.GramKey(gram);
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
