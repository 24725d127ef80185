namespace Jixiao.Domain.Rectification;

/// <summary>
/// The stored state of a 整改 task. 逾期 is not stored: it is <see cref="Pending"/> past the deadline
/// (<see cref="RectificationWorkflow.IsOverdue"/>), so it needs no job to set it and ends when the unit submits.
/// </summary>
public enum RectificationStatus
{
    /// <summary>待整改: issued, or sent back; the unit owes its measures.</summary>
    Pending,

    /// <summary>整改中: the unit submitted its measures; the reviewer verifies.</summary>
    Submitted,

    /// <summary>已整改: the reviewer accepted the measures. Final.</summary>
    Accepted,
}

/// <summary>What someone does to a task.</summary>
public abstract record RectificationStep
{
    private RectificationStep() { }

    /// <summary>The responsible unit sends its 整改措施 (and, later, evidence).</summary>
    public sealed record Submit(string Measures) : RectificationStep;

    /// <summary>The reviewer accepts the measures: 已整改.</summary>
    public sealed record Accept : RectificationStep;

    /// <summary>The reviewer sends the measures back, saying why: 待整改 again.</summary>
    public sealed record SendBack(string Reason) : RectificationStep;
}

/// <summary>A step's result: the new status, or why the step is refused (Chinese, says what to do).</summary>
public abstract record RectificationStepResult
{
    private RectificationStepResult() { }

    public sealed record Moved(RectificationStatus To) : RectificationStepResult;

    /// <summary>The step lacks what it needs (the measures, the reason): bad input.</summary>
    public sealed record Incomplete(string Reason) : RectificationStepResult;

    /// <summary>The task's status does not allow the step now.</summary>
    public sealed record NotNow(string Reason) : RectificationStepResult;
}

/// <summary>The allowed transitions of a 整改 task and the statuses shown (待整改 / 整改中 / 已整改 / 逾期).</summary>
public static class RectificationWorkflow
{
    public static string Name(this RectificationStatus status) => status switch
    {
        RectificationStatus.Pending => "pending",
        RectificationStatus.Submitted => "submitted",
        RectificationStatus.Accepted => "accepted",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Chinese(this RectificationStatus status) => status switch
    {
        RectificationStatus.Pending => "待整改",
        RectificationStatus.Submitted => "整改中",
        RectificationStatus.Accepted => "已整改",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>
    /// Overdue (逾期): the unit still owes its measures and <paramref name="today"/> is after the deadline (the deadline
    /// day itself is still in time). A submitted task is not overdue: the unit did its part, the reviewer's turn.
    /// </summary>
    public static bool IsOverdue(RectificationStatus status, DateOnly deadline, DateOnly today) =>
        status == RectificationStatus.Pending && today > deadline;

    /// <summary>The status as shown: 逾期 instead of 待整改 when overdue.</summary>
    public static string Shown(RectificationStatus status, DateOnly deadline, DateOnly today) =>
        IsOverdue(status, deadline, today) ? "逾期" : status.Chinese();

    /// <summary>The step's new status, or why not: an accepted task is final, whatever the step carries.</summary>
    public static RectificationStepResult Apply(RectificationStatus from, RectificationStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return (from, step) switch
        {
            (RectificationStatus.Accepted, _) => NotNow("该整改任务已验收通过（已整改），不能再修改。"),
            (_, RectificationStep.Submit s) when string.IsNullOrWhiteSpace(s.Measures) => new RectificationStepResult.Incomplete("请填写整改措施。"),
            (_, RectificationStep.SendBack b) when string.IsNullOrWhiteSpace(b.Reason) => new RectificationStepResult.Incomplete("退回时请写明原因，单位据此重新整改。"),
            (RectificationStatus.Pending, RectificationStep.Submit) => new RectificationStepResult.Moved(RectificationStatus.Submitted),
            (RectificationStatus.Submitted, RectificationStep.Accept) => new RectificationStepResult.Moved(RectificationStatus.Accepted),
            (RectificationStatus.Submitted, RectificationStep.SendBack) => new RectificationStepResult.Moved(RectificationStatus.Pending),
            (RectificationStatus.Submitted, RectificationStep.Submit) => NotNow("整改措施已提交，正在等待审核人验收；如需修改，请审核人先退回。"),
            (RectificationStatus.Pending, RectificationStep.Accept or RectificationStep.SendBack) => NotNow("单位尚未提交整改措施，不能验收或退回。"),
            _ => throw new ArgumentOutOfRangeException(nameof(step)),
        };
    }

    private static RectificationStepResult.NotNow NotNow(string reason) => new(reason);
}
