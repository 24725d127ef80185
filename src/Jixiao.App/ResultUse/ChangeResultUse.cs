using System.Globalization;
using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.ResultUse;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.ResultUse;

/// <summary>Next year's request as finance enters it (null: none entered, the matched one counts), and whether the project ends this year.</summary>
public sealed record ResultUseRequestChange(long? RequestFen, bool OneOff, string? Reason, long Version);

/// <summary>Finance's decision: an action (camelCase name, e.g. "cut"), next year's amount in 分, and why.</summary>
public sealed record ResultUseDecision(string? Action, long? AmountFen, string? Reason, long Version);

/// <summary>
/// Changes a project's 结果应用: enter next year's request and 一次性项目 (<see cref="SetRequestAsync"/>), or decide
/// (<see cref="DecideAsync"/>). Only a reviewer of the project's unit (主管部门/财政) or an admin; both need a reason and
/// the version read; the project needs a locked, graded evaluation. Every changed field is an audit line (entity
/// resultUse, the project's id; fields request, oneOff, decision: old → new with the reason), in the project's history.
/// </summary>
public static class ChangeResultUse
{
    private const string Stale = "该项目的结果应用已被他人修改，您的修改未保存。请刷新后重新填写。";

    public static async Task<Outcome> SetRequestAsync(JixiaoDbContext db, AccessScope scope, int projectId, ResultUseRequestChange change,
        TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.RequestFen < 0)
        {
            return new Outcome.Invalid("下年申请金额不能为负数。");
        }

        return await ChangeAsync(db, scope, projectId, change.Reason, change.Version, clock, (use, audit) =>
        {
            audit("request", Money(use.RequestFen), Money(change.RequestFen));
            audit("oneOff", use.OneOff ? "一次性项目" : "持续性项目", change.OneOff ? "一次性项目" : "持续性项目");
            use.RequestFen = change.RequestFen;
            use.OneOff = change.OneOff;
            return null;
        }, cancellationToken);
    }

    public static async Task<Outcome> DecideAsync(JixiaoDbContext db, AccessScope scope, int projectId, ResultUseDecision decision,
        TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (ResultActions.Parse(decision.Action) is not { } action)
        {
            return new Outcome.Invalid($"处理意见“{decision.Action}”无效，应为：{string.Join("、", ResultActions.All.Select(a => $"{a.Name()}（{a.Chinese()}）"))}。");
        }

        if (decision.AmountFen is null or < 0)
        {
            return new Outcome.Invalid("请填写决定的下年安排金额（不能为负数；取消时填 0）。");
        }

        return await ChangeAsync(db, scope, projectId, decision.Reason, decision.Version, clock, (use, audit) =>
        {
            audit("decision", use.DecidedAction is { } old ? $"{old.Chinese()}：{Money(use.DecidedFen)}" : "（未决定）", $"{action.Chinese()}：{Money(decision.AmountFen)}");
            use.DecidedAction = action;
            use.DecidedFen = decision.AmountFen;
            use.DecisionReason = decision.Reason!.Trim();
            use.DecidedBy = scope.DisplayName;
            use.DecidedAt = clock.GetUtcNow();
            return null;
        }, cancellationToken);
    }

    private static async Task<Outcome> ChangeAsync(JixiaoDbContext db, AccessScope scope, int projectId, string? reason, long version, TimeProvider clock,
        Func<ResultUseEntity, Action<string, string?, string?>, Outcome?> apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(clock);
        var project = await scope.Visible(db.Projects).SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return new Outcome.NotFound($"找不到项目 {projectId}。");
        }

        if (!scope.MayReview(project.UnitId))
        {
            return new Outcome.Forbidden("结果应用由主管部门/财政审核人或管理员填写和决定。");
        }

        if (!await db.Evaluations.AnyAsync(e => e.ProjectId == projectId && e.Status == EvaluationStatus.Locked && e.Grade != null, cancellationToken))
        {
            return new Outcome.Conflict("该项目还没有已锁定并评定等级的评价，不能做结果应用。");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new Outcome.Invalid("请填写原因，它将记入审计日志。");
        }

        if (InputLimits.Check(("原因", reason, InputLimits.Text)) is { } tooLong)
        {
            return tooLong;
        }

        var use = await db.ResultUses.SingleOrDefaultAsync(r => r.ProjectId == projectId, cancellationToken);
        if ((use?.Version ?? 0) != version)
        {
            return new Outcome.Conflict(Stale);
        }

        if (use is null)
        {
            // A new row starts at version 1, so a form read before it existed (version 0) is stale afterwards.
            use = new ResultUseEntity { ProjectId = projectId, Version = 1 };
            db.ResultUses.Add(use);
        }
        else
        {
            db.Entry(use).Property(r => r.Version).OriginalValue = version;
        }

        var at = clock.GetUtcNow();
        var changed = 0;
        void Audit(string field, string? old, string? @new)
        {
            if (AuditLines.Change(db, scope, at, "resultUse", projectId, projectId, field, old, @new, reason.Trim()))
            {
                changed++;
            }
        }

        if (apply(use, Audit) is { } refused)
        {
            return refused;
        }

        if (changed == 0)
        {
            return new Outcome.Invalid("没有可保存的修改。");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A stale version, or a first row written by someone else at the same time (the unique project index).
            return new Outcome.Conflict(Stale);
        }

        return Outcome.Ok;
    }

    private static string Money(long? fen) =>
        fen is { } f ? (f / 1_000_000m).ToString("#,##0.00", CultureInfo.InvariantCulture) + " 万元" : "（未填）";
}
