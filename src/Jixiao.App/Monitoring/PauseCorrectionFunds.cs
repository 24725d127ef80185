using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Domain.Monitoring;

namespace Jixiao.App.Monitoring;

/// <summary>Finance's mark: pause the project's funds (true: 暂停拨付) or lift the pause (false), why, and the version read.</summary>
public sealed record FundsPauseRequest(bool Pause, string? Reason, long? Version);

/// <summary>
/// Finance marks a red project's funds to pause (暂停拨付) or lifts the mark, before or after the unit answers. Only a
/// reviewer of the project's unit (财政/主管部门审核人) or an admin, as for 结果应用. Audit line fundsPaused with the reason.
/// </summary>
public static class PauseCorrectionFunds
{
    public static async Task<Outcome> RunAsync(JixiaoDbContext db, AccessScope scope, int correctionId, FundsPauseRequest input, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(input);
        if (InputLimits.Check(("原因", input.Reason, 2000)) is { } tooLong)
        {
            return tooLong;
        }

        var reason = input.Reason?.Trim() ?? "";
        CorrectionStep step = input.Pause ? new CorrectionStep.PauseFunds(reason) : new CorrectionStep.ResumeFunds(reason);
        return await CorrectionChange.RunAsync(db, scope, correctionId, input.Version, _ => step, scope.MayReview,
            "暂停拨付由财政或主管部门审核人标记。", reason, clock, (c, at, _) =>
            {
                c.PauseReason = reason;
                c.PausedBy = scope.DisplayName;
                c.PausedAt = at;
            }, cancellationToken);
    }
}
