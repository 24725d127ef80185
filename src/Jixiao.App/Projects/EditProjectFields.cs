using System.Globalization;
using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Projects;

/// <summary>
/// What a reviewer reads of a project, as the clerk leaves it: the whole set (a field null or blank is cleared; the
/// 绩效目标 is then empty), with amounts in 分. <see cref="Version"/> is the project's version the editor saw.
/// </summary>
public sealed record EditProjectFieldsRequest(string? Code, string? Goal, string? PeriodGoal, string? PolicyBasis, string? CostBasis,
    long? TotalFen, long? PeriodTotalFen, long Version, string? Reason = null);

/// <summary>
/// Edits a project's 项目编码, 绩效目标（年度目标）, 实施期目标, 政策依据, 测算依据, 本年金额 and 项目总金额 — the unit's clerk (or an
/// admin), while the project's targets are editable (a draft, or returned), like its 指标值. Every changed field is an
/// audit line (old → new, AuditRecorder) with the reason; a stale version is a conflict and nothing is saved.
/// </summary>
public static class EditProjectFields
{
    public const int CodeLength = 100;

    public static async Task<(Outcome Outcome, ProjectEntity? Project)> RunAsync(JixiaoDbContext db, AccessScope scope, int projectId,
        EditProjectFieldsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(request);
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null || !scope.Sees(project.UnitId))
        {
            return (new Outcome.NotFound($"找不到项目 {projectId}。"), null);
        }

        if (!scope.MayEditTargets(project.UnitId))
        {
            return (new Outcome.Forbidden("只有本单位的填报人可以修改项目信息。"), null);
        }

        if (!project.Status.TargetsEditable())
        {
            return (new Outcome.Conflict($"项目“{project.Name}”处于“{project.Status.Chinese()}”状态，不能修改项目信息；需审核人退回后再改。"), null);
        }

        if (project.Version != request.Version)
        {
            return (await ConflictAsync(db, project, cancellationToken), null);
        }

        if (InputLimits.Check(("项目编码", request.Code, CodeLength), ("绩效目标", request.Goal, InputLimits.Text), ("实施期目标", request.PeriodGoal, InputLimits.Text),
                ("政策依据", request.PolicyBasis, InputLimits.Text), ("测算依据", request.CostBasis, InputLimits.Text), ("修改原因", request.Reason, InputLimits.Text)) is { } tooLong)
        {
            return (tooLong, null);
        }

        if (request.TotalFen < 0 || request.PeriodTotalFen < 0)
        {
            return (new Outcome.Invalid($"{(request.TotalFen < 0 ? "本年金额" : "项目总金额")}不能为负数。"), null);
        }

        db.Entry(project).Property(p => p.Version).OriginalValue = request.Version;
        var goal = Clean(request.Goal) ?? "";
        // The annual goal is the goal itself where the document wrote both (TargetsFromReading): they change together.
        if (project.AnnualGoal is not null && goal != project.Goal)
        {
            project.AnnualGoal = goal.Length == 0 ? null : goal;
        }

        project.Goal = goal;
        project.Code = Clean(request.Code)?.Trim();
        project.PeriodGoal = Clean(request.PeriodGoal);
        project.PolicyBasis = Clean(request.PolicyBasis);
        project.CostBasis = Clean(request.CostBasis);
        project.TotalFen = request.TotalFen;
        project.PeriodTotalFen = request.PeriodTotalFen;
        if (!db.ChangeTracker.HasChanges())
        {
            return (Outcome.Ok, project);
        }

        db.ChangeReason = Clean(request.Reason)?.Trim();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Projects.SingleAsync(p => p.Id == projectId, cancellationToken);
            return (await ConflictAsync(db, current, cancellationToken), null);
        }

        return (Outcome.Ok, project);
    }

    /// <summary>
    /// An amount typed in 万元 ("12.5", "1,200") as 分; null for a blank; an invalid outcome naming the field when it is
    /// not a number, negative, or finer than 1 分 (six decimals of 万元).
    /// </summary>
    public static (long? Fen, Outcome? Invalid) WanYuanToFen(string label, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        var typed = text.Trim().Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal);
        if (typed.EndsWith("万元", StringComparison.Ordinal))
        {
            typed = typed[..^2].TrimEnd();
        }

        if (!decimal.TryParse(typed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var wan) || wan > 1_000_000_000m)
        {
            return (null, new Outcome.Invalid($"{label}“{text.Trim()}”不是有效的金额：请填写以万元为单位的非负数字，如 12.5。"));
        }

        var fen = wan * 1_000_000m;
        return fen != decimal.Truncate(fen)
            ? (null, new Outcome.Invalid($"{label}“{text.Trim()}”精确到分以下：万元最多六位小数。"))
            : ((long)fen, null);
    }

    private static async Task<Outcome> ConflictAsync(JixiaoDbContext db, ProjectEntity current, CancellationToken cancellationToken)
    {
        var last = await db.AuditLog.AsNoTracking().Where(a => a.Entity == "project" && a.EntityId == current.Id)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        var who = last is null ? "他人" : $"{last.Actor}（{ChinaTime.Text(last.At)}）";
        return new Outcome.Conflict($"项目“{current.Name}”已被{who}修改。您的修改未保存，请刷新后在最新内容上重新修改。");
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
