using Jixiao.App.Auth;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Monitoring;

/// <summary>One indicator's row of a 监控表: the target (年度指标值, else 实施周期指标值) and what the unit filled.</summary>
public sealed record MonitoringIndicatorView(int IndicatorId, string? Level1, string? Level2, string Name, string? Target, string? Progress,
    string? ExpectedAnnual, string? DeviationCause, string? Likelihood, string? Correction);

/// <summary>
/// A project's 监控表 in a round. Money in 分; <see cref="DeviationCauses"/> and <see cref="Likelihoods"/> are the
/// choices the district's rules allow; <see cref="CanEdit"/> says whether this user may fill it now.
/// </summary>
public sealed record MonitoringEntryView(int Id, int RoundId, int FiscalYear, string Months, int EndMonth, int ProjectId, string ProjectName,
    int UnitId, string UnitName, long? BudgetFen, long? ExecutedFen, long? ExpectedAnnualFen, string? Narrative, string Status, string StatusName,
    DateTimeOffset? SubmittedAt, string? SubmittedBy, bool CanEdit, long Version, IReadOnlyList<MonitoringIndicatorView> Indicators,
    IReadOnlyList<string> DeviationCauses, IReadOnlyList<string> Likelihoods);

/// <summary>Reads one entry of a round for a user who sees its project's unit; null otherwise (404, like a missing id).</summary>
public static class EntryDetail
{
    public static async Task<MonitoringEntryView?> GetAsync(JixiaoDbContext db, AccessScope scope, MonitoringRules rules, int entryId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(rules);
        var entry = await scope.Visible(db.MonitoringEntries.AsNoTracking())
            .Include(e => e.Round).Include(e => e.Project!).ThenInclude(p => p.Unit)
            .Include(e => e.Indicators).ThenInclude(i => i.Indicator)
            .AsSplitQuery()
            .SingleOrDefaultAsync(e => e.Id == entryId, cancellationToken);
        return entry is null ? null : View(entry, scope, rules);
    }

    internal static MonitoringEntryView View(MonitoringEntryEntity e, AccessScope scope, MonitoringRules rules)
    {
        var round = e.Round!;
        var project = e.Project!;
        var taxonomy = IndicatorTaxonomy.Default;
        var indicators = e.Indicators.OrderBy(i => i.Indicator!.Position).ThenBy(i => i.Id).Select(i =>
        {
            var ind = i.Indicator!;
            return new MonitoringIndicatorView(ind.Id,
                ind.Level1Code is { } l1 ? taxonomy.FindByCode(l1)?.Name ?? ind.Level1Text : ind.Level1Text,
                ind.Level2Code is { } l2 ? taxonomy.FindByCode(l2)?.Name ?? ind.Level2Text : ind.Level2Text,
                ind.Name, ind.AnnualText ?? ind.PeriodText, i.Progress, i.ExpectedAnnual, i.DeviationCause, i.Likelihood, i.Correction);
        }).ToList();
        var canEdit = scope.MayFillMonitoring(project.UnitId) && round.Status == MonitoringRoundStatus.Open && e.Status != MonitoringEntryStatus.Submitted;
        return new MonitoringEntryView(e.Id, round.Id, round.FiscalYear, RoundKinds.Months(round.StartMonth, round.EndMonth), round.EndMonth,
            project.Id, project.Name, project.UnitId, project.Unit!.Name, project.TotalFen, e.ExecutedFen, e.ExpectedAnnualFen, e.Narrative,
            e.Status.ToString().ToLowerInvariant(), e.Status.Chinese(), e.SubmittedAt, e.SubmittedBy, canEdit, e.Version, indicators,
            rules.DeviationCauses.Causes, Lights.AllLikelihoods.Select(l => l.Chinese()).ToList());
    }
}
