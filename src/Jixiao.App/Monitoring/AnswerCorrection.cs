using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Domain.Monitoring;

namespace Jixiao.App.Monitoring;

/// <summary>The unit's answer: continue (继续), adjust (调剂, with the amount in 分) or cancel (取消); why; the version read.</summary>
public sealed record CorrectionAnswer(string? Decision, long? AdjustFen, string? Reason, long? Version);

/// <summary>
/// The red project's unit answers its 纠偏 request: 待答复 → 已答复, once. Only the unit's own clerk (填报人), as for
/// filling the 监控表; an answer after the deadline is taken and stays marked 逾期答复. Audit lines status, decision,
/// adjust; the reason is the lines' reason.
/// </summary>
public static class AnswerCorrection
{
    public static async Task<Outcome> RunAsync(JixiaoDbContext db, AccessScope scope, int correctionId, CorrectionAnswer input, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(clock);
        if (CorrectionWorkflow.ParseDecision(input.Decision) is not { } decision)
        {
            return new Outcome.Invalid($"纠偏意见“{input.Decision}”无效（应为 继续、调剂 或 取消）。");
        }

        if (InputLimits.Check(("理由", input.Reason, 2000)) is { } tooLong)
        {
            return tooLong;
        }

        var reason = input.Reason?.Trim() ?? "";
        return await CorrectionChange.RunAsync(db, scope, correctionId, input.Version,
            budgetFen => new CorrectionStep.Answer(decision, input.AdjustFen, reason, budgetFen),
            scope.MayFillMonitoring, "纠偏意见由项目单位的填报人答复。", reason, clock, (c, at, audit) =>
            {
                audit("decision", null, decision.Chinese());
                audit("adjust", null, input.AdjustFen is { } fen ? CorrectionWorkflow.Yuan(fen) + " 元" : null);
                c.Decision = decision;
                c.AdjustFen = input.AdjustFen;
                c.AnswerReason = reason;
                c.AnsweredBy = scope.DisplayName;
                c.AnsweredAt = at;
                c.AnsweredOn = ChinaTime.Today(clock);
            }, cancellationToken);
    }
}
