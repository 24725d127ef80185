using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Domain.Rectification;

namespace Jixiao.App.Rectification;

/// <summary>The reviewer's verdict: accept (true: 已整改) or send back (false: 待整改 again), why, and the version read.</summary>
public sealed record RectificationVerdict(bool Accept, string? Reason, long Version);

/// <summary>
/// The reviewer verifies the submitted measures: accepts them (整改中 → 已整改) or sends them back with the reason
/// (整改中 → 待整改, overdue again if the deadline has passed). Only a reviewer of the responsible unit or an admin, as
/// for 结果应用; both need a reason. Audit line status with the reason.
/// </summary>
public static class VerifyRectificationTask
{
    public static async Task<Outcome> RunAsync(JixiaoDbContext db, AccessScope scope, int taskId, RectificationVerdict verdict, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(verdict);
        var reason = verdict.Reason?.Trim() ?? "";
        if (verdict.Accept && reason.Length == 0)
        {
            return new Outcome.Invalid("请填写验收意见，它将记入审计日志。");
        }

        if (InputLimits.Check(("原因", reason, 2000)) is { } tooLong)
        {
            return tooLong;
        }

        RectificationStep step = verdict.Accept ? new RectificationStep.Accept() : new RectificationStep.SendBack(reason);
        return await RectificationChange.RunAsync(db, scope, taskId, verdict.Version, step, task => scope.MayReview(task.UnitId),
            "整改由主管部门/财政审核人或管理员验收。", reason, clock, (task, at, _) =>
            {
                task.VerifiedBy = scope.DisplayName;
                task.VerifiedAt = at;
                if (!verdict.Accept)
                {
                    task.ReturnReason = reason;
                }
            }, cancellationToken);
    }
}
