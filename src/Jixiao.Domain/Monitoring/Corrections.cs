namespace Jixiao.Domain.Monitoring;

/// <summary>
/// A red project's 纠偏 answer (issue 18): the unit goes on as planned (继续), moves part of the funds elsewhere (调剂,
/// with the amount), or gives the project up (取消).
/// </summary>
public enum CorrectionDecision
{
    /// <summary>继续: the project goes on; the reason says how it will catch up.</summary>
    Continue,

    /// <summary>调剂: an amount of the budget is moved to other uses.</summary>
    Adjust,

    /// <summary>取消: the project is given up; its remaining funds go back.</summary>
    Cancel,
}

/// <summary>The stored state of a 纠偏 request. 逾期 is not stored: it is <see cref="Awaiting"/> past the deadline.</summary>
public enum CorrectionStatus
{
    /// <summary>待答复: finance asked; the unit owes its answer.</summary>
    Awaiting,

    /// <summary>已答复: the unit answered. Final for the unit; finance may still pause the funds.</summary>
    Answered,
}

/// <summary>A request's state: its status and whether finance has marked its funds to pause (暂停拨付).</summary>
public sealed record CorrectionState(CorrectionStatus Status, bool FundsPaused);

/// <summary>What someone does to a 纠偏 request.</summary>
public abstract record CorrectionStep
{
    private CorrectionStep() { }

    /// <summary>
    /// The unit answers: <paramref name="AdjustFen"/> is the amount moved (调剂 only, in 分, at most the project's
    /// budget <paramref name="BudgetFen"/> when that is known).
    /// </summary>
    public sealed record Answer(CorrectionDecision Decision, long? AdjustFen, string Reason, long? BudgetFen) : CorrectionStep;

    /// <summary>Finance marks the project's funds to pause (暂停拨付), saying why.</summary>
    public sealed record PauseFunds(string Reason) : CorrectionStep;

    /// <summary>Finance lifts the pause (恢复拨付), saying why.</summary>
    public sealed record ResumeFunds(string Reason) : CorrectionStep;
}

/// <summary>A step's result: the new state, or why the step is refused (Chinese, says what to do).</summary>
public abstract record CorrectionStepResult
{
    private CorrectionStepResult() { }

    public sealed record Moved(CorrectionState To) : CorrectionStepResult;

    /// <summary>The step lacks what it needs or carries what it may not (a reason, the amount): bad input.</summary>
    public sealed record Incomplete(string Reason) : CorrectionStepResult;

    /// <summary>The request's state does not allow the step now.</summary>
    public sealed record NotNow(string Reason) : CorrectionStepResult;
}

/// <summary>The transitions of a 纠偏 request, its deadline in working days, and the names shown.</summary>
public static class CorrectionWorkflow
{
    public static string Name(this CorrectionDecision decision) => decision switch
    {
        CorrectionDecision.Continue => "continue",
        CorrectionDecision.Adjust => "adjust",
        CorrectionDecision.Cancel => "cancel",
        _ => throw new ArgumentOutOfRangeException(nameof(decision)),
    };

    public static string Chinese(this CorrectionDecision decision) => decision switch
    {
        CorrectionDecision.Continue => "继续",
        CorrectionDecision.Adjust => "调剂",
        CorrectionDecision.Cancel => "取消",
        _ => throw new ArgumentOutOfRangeException(nameof(decision)),
    };

    /// <summary>continue / adjust / cancel, or 继续 / 调剂 / 取消; null for anything else.</summary>
    public static CorrectionDecision? ParseDecision(string? text) =>
        Enum.GetValues<CorrectionDecision>().Cast<CorrectionDecision?>()
            .FirstOrDefault(d => text?.Trim() is { } t && (t == d!.Value.Name() || t == d.Value.Chinese()));

    public static string Name(this CorrectionStatus status) => status switch
    {
        CorrectionStatus.Awaiting => "awaiting",
        CorrectionStatus.Answered => "answered",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Chinese(this CorrectionStatus status) => status switch
    {
        CorrectionStatus.Awaiting => "待答复",
        CorrectionStatus.Answered => "已答复",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The last day for the unit's answer (inclusive): the rule's working days after the day it was asked.</summary>
    public static DateOnly Deadline(CorrectionRule rule, DateOnly requestedOn)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Calendar.AddWorkingDays(requestedOn, rule.WorkingDays);
    }

    /// <summary>逾期: no answer yet and <paramref name="today"/> is after the deadline (the deadline day is still in time).</summary>
    public static bool IsOverdue(CorrectionStatus status, DateOnly deadline, DateOnly today) =>
        status == CorrectionStatus.Awaiting && today > deadline;

    /// <summary>逾期答复: answered, but after the deadline.</summary>
    public static bool AnsweredLate(DateOnly? answeredOn, DateOnly deadline) => answeredOn > deadline;

    /// <summary>The status as shown: 逾期未答复 and 逾期答复 instead of 待答复 and 已答复 when past the deadline.</summary>
    public static string Shown(CorrectionStatus status, DateOnly deadline, DateOnly? answeredOn, DateOnly today) =>
        IsOverdue(status, deadline, today) ? "逾期未答复"
        : status == CorrectionStatus.Answered && AnsweredLate(answeredOn, deadline) ? "逾期答复"
        : status.Chinese();

    /// <summary>The step's new state, or why not.</summary>
    public static CorrectionStepResult Apply(CorrectionState state, CorrectionStep step)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(step);
        return step switch
        {
            CorrectionStep.Answer when state.Status == CorrectionStatus.Answered => NotNow("该项目已答复纠偏意见，不能再修改。"),
            CorrectionStep.Answer a when string.IsNullOrWhiteSpace(a.Reason) => Incomplete($"请写明{a.Decision.Chinese()}的理由。"),
            CorrectionStep.Answer { Decision: CorrectionDecision.Adjust, AdjustFen: null or <= 0 } => Incomplete("调剂须填写调剂金额（大于 0）。"),
            CorrectionStep.Answer { Decision: CorrectionDecision.Adjust, AdjustFen: { } fen, BudgetFen: { } budget } when fen > budget =>
                Incomplete($"调剂金额 {Yuan(fen)} 元超过项目预算 {Yuan(budget)} 元。"),
            CorrectionStep.Answer { Decision: not CorrectionDecision.Adjust, AdjustFen: not null } a =>
                Incomplete($"只有调剂需要填写金额；{a.Decision.Chinese()}不填金额。"),
            CorrectionStep.Answer => Moved(state with { Status = CorrectionStatus.Answered }),
            CorrectionStep.PauseFunds p when string.IsNullOrWhiteSpace(p.Reason) => Incomplete("暂停拨付须写明原因。"),
            CorrectionStep.PauseFunds when state.FundsPaused => NotNow("该项目的资金已标记为暂停拨付。"),
            CorrectionStep.PauseFunds => Moved(state with { FundsPaused = true }),
            CorrectionStep.ResumeFunds r when string.IsNullOrWhiteSpace(r.Reason) => Incomplete("恢复拨付须写明原因。"),
            CorrectionStep.ResumeFunds when !state.FundsPaused => NotNow("该项目的资金没有暂停拨付，无需恢复。"),
            CorrectionStep.ResumeFunds => Moved(state with { FundsPaused = false }),
            _ => throw new ArgumentOutOfRangeException(nameof(step)),
        };
    }

    /// <summary>分 → 元 with two decimals, for messages and audit lines.</summary>
    public static string Yuan(long fen) => (fen / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    private static CorrectionStepResult.Moved Moved(CorrectionState to) => new(to);
    private static CorrectionStepResult.Incomplete Incomplete(string reason) => new(reason);
    private static CorrectionStepResult.NotNow NotNow(string reason) => new(reason);
}
