using Jixiao.App.Auth;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Targets;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Monitoring;

/// <summary>A project's lights in a round (money in 分), with the entry's state.</summary>
public sealed record ProjectLightRow(int EntryId, int ProjectId, string ProjectName, int UnitId, string UnitName, long? BudgetFen, long? ExecutedFen,
    string Status, ProjectLight Lights);

/// <summary>A unit's projects by light (<see cref="Unlit"/>: nothing to compute yet), and its budget and 1–N月 执行数 in 分.</summary>
public sealed record UnitLightSummary(int UnitId, string UnitName, int Projects, int Red, int Yellow, int Green, int Blue, int Unlit, int KeyMonitoring,
    long BudgetFen, long ExecutedFen);

public sealed record RoundLightsView(RoundSummary Round, string District, IReadOnlyList<UnitLightSummary> Units, IReadOnlyList<ProjectLightRow> Projects);

/// <summary>
/// Computes the lights of a round's projects in the reader's scope by the district's rules (Domain/Monitoring), at month
/// N = the round's last month: 执行数 is the cumulative 1–N月 figure the 监控表 asks for. Indicators are judged on
/// their 年度指标值 (else 实施周期指标值), parsed by <see cref="TargetParser"/>.
/// </summary>
public static class RoundLights
{
    public static async Task<RoundLightsView?> RunAsync(JixiaoDbContext db, AccessScope scope, MonitoringRules rules, int roundId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(rules);
        var round = await scope.Visible(db.MonitoringRounds.AsNoTracking()).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return null;
        }

        var entries = await scope.Visible(db.MonitoringEntries.AsNoTracking()).Where(e => e.RoundId == roundId)
            .OrderBy(e => e.Project!.Unit!.Name).ThenBy(e => e.Project!.Name).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Id, e.ProjectId, e.Project!.Name, e.Project.UnitId, UnitName = e.Project.Unit!.Name, e.Project.TotalFen, e.ExecutedFen, e.Status,
                Indicators = e.Indicators.OrderBy(i => i.Indicator!.Position).ThenBy(i => i.Id)
                    .Select(i => new { i.Indicator!.Name, i.Indicator.AnnualText, i.Indicator.PeriodText, i.Progress, i.Likelihood }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var rows = entries.Select(e =>
        {
            var progress = new ProjectProgress(e.Name, round.EndMonth, WanYuan(e.TotalFen), WanYuan(e.ExecutedFen),
                e.Indicators.Select(i => new IndicatorProgress(i.Name, (i.AnnualText ?? i.PeriodText) is { } t ? TargetParser.Parse(t) : null,
                    i.Progress, Lights.ParseLikelihood(i.Likelihood))).ToList());
            return new ProjectLightRow(e.Id, e.ProjectId, e.Name, e.UnitId, e.UnitName, e.TotalFen, e.ExecutedFen, e.Status.ToString().ToLowerInvariant(),
                MonitoringLights.Compute(rules, progress));
        }).ToList();

        var units = rows.GroupBy(r => (r.UnitId, r.UnitName)).Select(g => new UnitLightSummary(g.Key.UnitId, g.Key.UnitName, g.Count(),
            g.Count(r => r.Lights.Light == Light.Red), g.Count(r => r.Lights.Light == Light.Yellow), g.Count(r => r.Lights.Light == Light.Green),
            g.Count(r => r.Lights.Light == Light.Blue), g.Count(r => r.Lights.Light is null), g.Count(r => r.Lights.KeyMonitoring),
            g.Sum(r => r.BudgetFen ?? 0), g.Sum(r => r.ExecutedFen ?? 0))).ToList();
        var summary = MonitoringRounds.Summary(round, rows.Count, rows.Count(r => r.Status == "submitted"));
        return new RoundLightsView(summary, rules.District, units, rows);
    }

    /// <summary>分 → 万元, exact (1 万元 = 1,000,000 分).</summary>
    internal static decimal? WanYuan(long? fen) => fen is { } f ? f / 1_000_000m : null;
}
