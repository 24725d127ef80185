using Jixiao.App.Auth;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Monitoring;

/// <summary>A round as a list shows it; the counts are of the entries in the reader's scope.</summary>
public sealed record RoundSummary(int Id, int FiscalYear, int StartMonth, int EndMonth, string Months, string Kind, string KindName,
    DateOnly Deadline, string OpenedBy, DateTimeOffset OpenedAt, string Status, int Projects, int Submitted, long Version);

/// <summary>One project's entry as a round lists it.</summary>
public sealed record RoundEntryLine(int EntryId, int ProjectId, string ProjectName, int UnitId, string UnitName, long? BudgetFen, long? ExecutedFen,
    string Status, string StatusName, long Version);

public sealed record RoundDetail(RoundSummary Round, IReadOnlyList<RoundEntryLine> Entries, bool CanFillAny);

/// <summary>The rounds a user sees (docs/monitoring.md): admins all, others those with projects of their units or opened by them.</summary>
public static class MonitoringRounds
{
    public static async Task<List<RoundSummary>> ListAsync(JixiaoDbContext db, AccessScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var rounds = await scope.Visible(db.MonitoringRounds.AsNoTracking()).OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        var ids = rounds.Select(r => r.Id).ToList();
        var counts = await scope.Visible(db.MonitoringEntries.AsNoTracking()).Where(e => ids.Contains(e.RoundId))
            .GroupBy(e => e.RoundId)
            .Select(g => new { RoundId = g.Key, Projects = g.Count(), Submitted = g.Count(e => e.Status == MonitoringEntryStatus.Submitted) })
            .ToDictionaryAsync(c => c.RoundId, cancellationToken);
        return rounds.Select(r => Summary(r, counts.TryGetValue(r.Id, out var c) ? c.Projects : 0, c?.Submitted ?? 0)).ToList();
    }

    /// <summary>The round with its entries in scope; null when it is missing or not visible.</summary>
    public static async Task<RoundDetail?> GetAsync(JixiaoDbContext db, AccessScope scope, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var round = await scope.Visible(db.MonitoringRounds.AsNoTracking()).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (round is null)
        {
            return null;
        }

        var entries = await scope.Visible(db.MonitoringEntries.AsNoTracking()).Where(e => e.RoundId == id)
            .OrderBy(e => e.Project!.Unit!.Name).ThenBy(e => e.Project!.Name).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.ProjectId, e.Project!.Name, e.Project.UnitId, UnitName = e.Project.Unit!.Name, e.Project.TotalFen, e.ExecutedFen, e.Status, e.Version })
            .ToListAsync(cancellationToken);
        var lines = entries.Select(e => new RoundEntryLine(e.Id, e.ProjectId, e.Name, e.UnitId, e.UnitName, e.TotalFen, e.ExecutedFen,
            e.Status.ToString().ToLowerInvariant(), e.Status.Chinese(), e.Version)).ToList();
        var summary = Summary(round, lines.Count, lines.Count(l => l.Status == "submitted"));
        return new RoundDetail(summary, lines, round.Status == MonitoringRoundStatus.Open && lines.Any(l => scope.MayFillMonitoring(l.UnitId)));
    }

    internal static RoundSummary Summary(MonitoringRoundEntity r, int projects, int submitted) =>
        new(r.Id, r.FiscalYear, r.StartMonth, r.EndMonth, RoundKinds.Months(r.StartMonth, r.EndMonth), r.Kind.Name(), r.Kind.Chinese(), r.Deadline,
            r.OpenedByName, r.OpenedAt, r.Status.ToString().ToLowerInvariant(), projects, submitted, r.Version);
}
