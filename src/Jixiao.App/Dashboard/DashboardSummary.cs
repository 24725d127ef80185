using System.Linq.Expressions;
using Jixiao.App.Auth;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Dashboard;

public sealed record UnitTotal(int Id, string Name, int Projects, long TotalFen);

public sealed record DashboardData(int Units, int Projects, int Indicators, int VagueTargets, long TotalFen,
    IReadOnlyDictionary<ReviewStatus, int> ByStatus, IReadOnlyList<UnitTotal> ByUnit, IReadOnlyList<(int Id, string Name, long TotalFen)> Largest,
    IReadOnlyList<(string Grade, int Count)> Grades, IReadOnlyList<UnitScore> ScoresByUnit, IReadOnlyList<UnitScore> ExecutionByUnit);

/// <summary>
/// A figure over a unit's evaluations (their total score, or their 预算执行率 in %): how many have it, its average
/// (2 decimals), lowest and highest.
/// </summary>
public sealed record UnitScore(string Unit, int Evaluations, decimal Average, decimal Lowest, decimal Highest);

/// <summary>
/// The 首页 figures, within the user's scope; with a year, only that 预算年度's projects (and the units that have
/// some, their indicators and their evaluations' grades). Only <see cref="Counted"/> evaluations count.
/// </summary>
public static class DashboardSummary
{
    /// <summary>
    /// The evaluations the 首页 counts: submitted (已锁定) ones. A sheet is scored from the moment it is started, so a
    /// fresh 部门评价 has a total (with nothing entered, a low one: 差) that would otherwise move averages and grades.
    /// </summary>
    public static Expression<Func<EvaluationEntity, bool>> Counted { get; } = e => e.Status == EvaluationStatus.Locked;

    public static async Task<DashboardData> RunAsync(JixiaoDbContext db, AccessScope scope, CancellationToken cancellationToken = default, int? year = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var projects = scope.Visible(db.Projects.AsNoTracking()).Where(p => year == null || p.FiscalYear == year);
        var byUnit = (await scope.Visible(db.Units.AsNoTracking())
            .Select(u => new UnitTotal(u.Id, u.Name, u.Projects.Count(p => year == null || p.FiscalYear == year),
                u.Projects.Where(p => year == null || p.FiscalYear == year).Sum(p => p.TotalFen ?? 0)))
            .ToListAsync(cancellationToken))
            .Where(u => year is null || u.Projects > 0).ToList();
        var byStatus = await projects.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var indicators = db.Indicators.AsNoTracking().Where(i => (scope.IsAdmin || scope.UnitIds.Contains(i.Project!.UnitId))
            && (year == null || i.Project!.FiscalYear == year));
        var largest = await projects.OrderByDescending(p => p.TotalFen).Take(10)
            .Select(p => new { p.Id, p.Name, Total = p.TotalFen ?? 0 }).ToListAsync(cancellationToken);
        var grades = await scope.Visible(db.Evaluations).AsNoTracking().Where(Counted)
            .Where(e => e.Grade != null && (year == null || e.Project!.FiscalYear == year))
            .GroupBy(e => e.Grade).Select(g => new { Grade = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        // Decimals are averaged here, not in SQL: SQLite keeps them as text.
        var scored = await scope.Visible(db.Evaluations).AsNoTracking().Where(Counted)
            .Where(e => (e.Total != null || e.BudgetExecution != null) && (year == null || e.Project!.FiscalYear == year))
            .Select(e => new { Unit = e.Project!.Unit!.Name, e.Total, e.BudgetExecution }).ToListAsync(cancellationToken);
        static List<UnitScore> ByUnit(IEnumerable<(string Unit, decimal Value)> values) => values.GroupBy(v => v.Unit)
            .Select(g => new UnitScore(g.Key, g.Count(), ScoreRounding.Round(g.Average(v => v.Value)), g.Min(v => v.Value), g.Max(v => v.Value)))
            .OrderByDescending(u => u.Average).ThenBy(u => u.Unit, StringComparer.Ordinal).ToList();
        var scoresByUnit = ByUnit(scored.Where(e => e.Total is not null).Select(e => (e.Unit, e.Total!.Value)));
        var executionByUnit = ByUnit(scored.Where(e => e.BudgetExecution is not null).Select(e => (e.Unit, e.BudgetExecution!.Value)));
        return new DashboardData(
            byUnit.Count,
            byUnit.Sum(u => u.Projects),
            await indicators.CountAsync(cancellationToken),
            await indicators.CountAsync(i => i.AnnualKind == VagueTargets.KindName, cancellationToken),
            byUnit.Sum(u => u.TotalFen),
            Enum.GetValues<ReviewStatus>().ToDictionary(s => s, s => byStatus.FirstOrDefault(b => b.Key == s)?.Count ?? 0),
            byUnit.OrderByDescending(u => u.TotalFen).ToList(),
            largest.Select(l => (l.Id, l.Name, l.Total)).ToList(),
            grades.Select(g => (g.Grade!, g.Count)).ToList(),
            scoresByUnit,
            executionByUnit);
    }

    /// <summary>The 预算年度 of the user's projects, newest first.</summary>
    public static Task<List<int>> YearsAsync(JixiaoDbContext db, AccessScope scope, CancellationToken cancellationToken = default) =>
        scope.Visible(db.Projects.AsNoTracking()).Where(p => p.FiscalYear != null).Select(p => p.FiscalYear!.Value).Distinct()
            .OrderByDescending(y => y).ToListAsync(cancellationToken);
}
