using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Data.Storing;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Projects;

/// <summary>
/// New 实施周期 and 年度 指标值 for one indicator. <see cref="Version"/> is the version the editor saw: if someone saved
/// in between, the edit is refused with a conflict and nothing is lost. A blank text clears the target.
/// <see cref="Explanation"/> is the 指标解释: null leaves it as it is (callers that edit only targets), blank clears it.
/// </summary>
public sealed record EditTargetsRequest(string? PeriodTarget, string? AnnualTarget, long Version, string? Reason = null, string? Explanation = null);

/// <summary>Edits an indicator's targets and 指标解释 (the unit's clerk, while the project is a draft or was returned).</summary>
public static class EditTargets
{
    public static async Task<(Outcome Outcome, IndicatorEntity? Indicator)> RunAsync(JixiaoDbContext db, AccessScope scope, int indicatorId,
        EditTargetsRequest request, CancellationToken cancellationToken = default)
    {
        var indicator = await db.Indicators.Include(i => i.Project).SingleOrDefaultAsync(i => i.Id == indicatorId, cancellationToken);
        if (indicator is null || !scope.Sees(indicator.Project!.UnitId))
        {
            return (new Outcome.NotFound($"找不到指标 {indicatorId}。"), null);
        }

        if (!scope.MayEditTargets(indicator.Project.UnitId))
        {
            return (new Outcome.Forbidden("只有本单位的填报人可以修改指标值。"), null);
        }

        if (!indicator.Project.Status.TargetsEditable())
        {
            return (new Outcome.Conflict($"项目“{indicator.Project.Name}”处于“{indicator.Project.Status.Chinese()}”状态，不能修改指标值；需审核人退回后再改。"), null);
        }

        if (indicator.Version != request.Version)
        {
            return (await ConflictAsync(db, indicator, cancellationToken), null);
        }

        if (InputLimits.Check(("实施周期指标值", request.PeriodTarget, InputLimits.Value), ("年度指标值", request.AnnualTarget, InputLimits.Value),
                ("指标解释", request.Explanation, InputLimits.Text), ("修改原因", request.Reason, InputLimits.Text)) is { } tooLong)
        {
            return (tooLong, null);
        }

        db.Entry(indicator).Property(i => i.Version).OriginalValue = request.Version;
        var period = Clean(request.PeriodTarget);
        var annual = Clean(request.AnnualTarget);
        var explanation = request.Explanation is null ? indicator.Explanation : string.IsNullOrWhiteSpace(request.Explanation) ? null : request.Explanation.Trim();
        if (period == indicator.PeriodText && annual == indicator.AnnualText && explanation == indicator.Explanation)
        {
            return (Outcome.Ok, indicator);
        }

        if (period != indicator.PeriodText)
        {
            TargetColumns.SetPeriod(indicator, period is null ? null : TargetParser.Parse(period));
        }

        if (annual != indicator.AnnualText)
        {
            TargetColumns.SetAnnual(indicator, annual is null ? null : TargetParser.Parse(annual));
        }

        indicator.Explanation = explanation;
        db.ChangeReason = Clean(request.Reason);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Indicators.Include(i => i.Project).SingleAsync(i => i.Id == indicatorId, cancellationToken);
            return (await ConflictAsync(db, current, cancellationToken), null);
        }

        return (Outcome.Ok, indicator);
    }

    private static async Task<Outcome> ConflictAsync(JixiaoDbContext db, IndicatorEntity current, CancellationToken cancellationToken)
    {
        var last = await db.AuditLog.AsNoTracking()
            .Where(a => a.Entity == "indicator" && a.EntityId == current.Id)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        var who = last is null ? "他人" : $"{last.Actor}（{ChinaTime.Text(last.At)}）";
        return new Outcome.Conflict(
            $"指标“{current.Name}”已被{who}修改，当前年度指标值为“{current.AnnualText}”。您的修改未保存，请刷新后在最新内容上重新修改。");
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
