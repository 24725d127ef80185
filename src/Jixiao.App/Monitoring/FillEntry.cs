using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Monitoring;

/// <summary>What a unit fills for one indicator; every field is replaced by what is sent (null or blank clears it).</summary>
public sealed record FillIndicatorRequest(int IndicatorId, string? Progress, string? ExpectedAnnual, string? DeviationCause, string? Likelihood,
    string? Correction);

/// <summary>
/// A project's 监控表 as the unit fills it: 1–N月 执行数 and 全年预计执行数 in 分, the narrative, the indicators sent
/// (those not sent stay as they are), <see cref="Submit"/> to hand it in, and the <see cref="Version"/> read.
/// </summary>
public sealed record FillEntryRequest(long? Version, long? ExecutedFen, long? ExpectedAnnualFen, string? Narrative,
    IReadOnlyList<FillIndicatorRequest>? Indicators, bool Submit = false);

/// <summary>
/// 填报: the clerk of the project's unit fills its entry while the round is open and the entry not yet submitted.
/// Every changed field is an audit line (AuditRecorder: entity monitoring / monitoringIndicator, old → new).
/// </summary>
public static class FillEntry
{
    private const string StaleMessage = "该监控表已被他人修改，您的修改未保存。请刷新后在最新内容上重新填写。";

    public static async Task<(Outcome Outcome, MonitoringEntryView? Entry)> RunAsync(JixiaoDbContext db, AccessScope scope, MonitoringRules rules,
        int entryId, FillEntryRequest request, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(clock);
        var entry = await scope.Visible(db.MonitoringEntries)
            .Include(e => e.Round).Include(e => e.Project!).ThenInclude(p => p.Unit)
            .Include(e => e.Indicators).ThenInclude(i => i.Indicator)
            .AsSplitQuery()
            .SingleOrDefaultAsync(e => e.Id == entryId, cancellationToken);
        if (entry is null)
        {
            return (new Outcome.NotFound($"找不到监控表 {entryId}。"), null);
        }

        if (!scope.MayFillMonitoring(entry.Project!.UnitId))
        {
            return (new Outcome.Forbidden("只有本单位的填报人可以填写监控表。"), null);
        }

        if (entry.Round!.Status != MonitoringRoundStatus.Open)
        {
            return (new Outcome.Conflict("该轮监控已结束，不能再填写。"), null);
        }

        if (entry.Status == MonitoringEntryStatus.Submitted)
        {
            return (new Outcome.Conflict("该监控表已提交，不能再修改。"), null);
        }

        if (request.Version is not { } version || version != entry.Version)
        {
            return (new Outcome.Conflict(StaleMessage), null);
        }

        if (Check(request, entry, rules) is { } problem)
        {
            return (problem, null);
        }

        entry.ExecutedFen = request.ExecutedFen;
        entry.ExpectedAnnualFen = request.ExpectedAnnualFen;
        entry.Narrative = Clean(request.Narrative);
        foreach (var sent in request.Indicators ?? [])
        {
            var row = entry.Indicators.Single(i => i.IndicatorId == sent.IndicatorId);
            row.Progress = Clean(sent.Progress);
            row.ExpectedAnnual = Clean(sent.ExpectedAnnual);
            row.DeviationCause = Clean(sent.DeviationCause);
            row.Likelihood = Clean(sent.Likelihood);
            row.Correction = Clean(sent.Correction);
        }

        var now = clock.GetUtcNow();
        entry.UpdatedAt = now;
        entry.Status = request.Submit ? MonitoringEntryStatus.Submitted : MonitoringEntryStatus.Draft;
        if (request.Submit)
        {
            entry.SubmittedAt = now;
            entry.SubmittedBy = scope.DisplayName;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (new Outcome.Conflict(StaleMessage), null);
        }

        return (Outcome.Ok, EntryDetail.View(entry, scope, rules));
    }

    private static Outcome? Check(FillEntryRequest request, MonitoringEntryEntity entry, MonitoringRules rules)
    {
        if (request.ExecutedFen < 0 || request.ExpectedAnnualFen < 0)
        {
            return new Outcome.Invalid("执行数和全年预计执行数不能为负数。");
        }

        if (request.Submit && request.ExecutedFen is null)
        {
            return new Outcome.Invalid($"提交前请填写 1–{entry.Round!.EndMonth}月执行数。");
        }

        if (InputLimits.Check(("情况说明", request.Narrative, InputLimits.Text)) is { } tooLong)
        {
            return tooLong;
        }

        var seen = new HashSet<int>();
        foreach (var sent in request.Indicators ?? [])
        {
            var row = entry.Indicators.FirstOrDefault(i => i.IndicatorId == sent.IndicatorId);
            if (row is null)
            {
                return new Outcome.Invalid($"指标 {sent.IndicatorId} 不属于该项目的监控表。");
            }

            var name = row.Indicator!.Name;
            if (!seen.Add(sent.IndicatorId))
            {
                return new Outcome.Invalid($"指标“{name}”重复填写。");
            }

            if (InputLimits.Check(($"指标“{name}”的完成情况", sent.Progress, InputLimits.Value), ($"指标“{name}”的全年预计完成", sent.ExpectedAnnual, InputLimits.Value),
                ($"指标“{name}”的纠偏措施", sent.Correction, 2000)) is { } indicatorTooLong)
            {
                return indicatorTooLong;
            }

            if (Clean(sent.DeviationCause) is { } cause && !rules.DeviationCauses.Causes.Contains(cause, StringComparer.Ordinal))
            {
                return new Outcome.Invalid($"指标“{name}”的偏差原因“{cause}”不在本地区的分类中（{string.Join("、", rules.DeviationCauses.Causes)}）。");
            }

            if (Clean(sent.Likelihood) is { } likelihood && Lights.ParseLikelihood(likelihood) is null)
            {
                return new Outcome.Invalid($"指标“{name}”的完成目标可能性“{likelihood}”无效（应为 确定能、有可能 或 完全不可能）。");
            }
        }

        return null;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
