using Jixiao.Domain.Monitoring;
using Shouldly;
using Xunit;

namespace Jixiao.Domain.Tests.Monitoring;

public class CorrectionWorkflowTests
{
    private static readonly CorrectionState Awaiting = new(CorrectionStatus.Awaiting, false);
    private static readonly CorrectionState Answered = new(CorrectionStatus.Answered, false);
    private static readonly CorrectionState AwaitingPaused = new(CorrectionStatus.Awaiting, true);
    private static readonly CorrectionState AnsweredPaused = new(CorrectionStatus.Answered, true);

    private static CorrectionStep.Answer Answer(CorrectionDecision decision, long? fen = null, string reason = "8月完成招标", long? budget = 100_000_000) =>
        new(decision, fen, reason, budget);

    // from, step → Moved to a state, Incomplete (bad input: 400) or NotNow (the state forbids it: 409), with the reason
    public static TheoryData<CorrectionState, CorrectionStep, CorrectionStepResult> Steps => new()
    {
        { Awaiting, Answer(CorrectionDecision.Continue), new CorrectionStepResult.Moved(Answered) },
        { Awaiting, Answer(CorrectionDecision.Cancel), new CorrectionStepResult.Moved(Answered) },
        { Awaiting, Answer(CorrectionDecision.Adjust, 30_000_000), new CorrectionStepResult.Moved(Answered) },
        { AwaitingPaused, Answer(CorrectionDecision.Adjust, 30_000_000), new CorrectionStepResult.Moved(AnsweredPaused) },
        // The whole budget may be moved; one 分 more may not; without a known budget the amount is not capped.
        { Awaiting, Answer(CorrectionDecision.Adjust, 100_000_000), new CorrectionStepResult.Moved(Answered) },
        { Awaiting, Answer(CorrectionDecision.Adjust, 100_000_001), new CorrectionStepResult.Incomplete("调剂金额 1000000.01 元超过项目预算 1000000.00 元。") },
        { Awaiting, Answer(CorrectionDecision.Adjust, 900_000_000, budget: null), new CorrectionStepResult.Moved(Answered) },
        { Awaiting, Answer(CorrectionDecision.Adjust), new CorrectionStepResult.Incomplete("调剂须填写调剂金额（大于 0）。") },
        { Awaiting, Answer(CorrectionDecision.Adjust, 0), new CorrectionStepResult.Incomplete("调剂须填写调剂金额（大于 0）。") },
        { Awaiting, Answer(CorrectionDecision.Adjust, -1), new CorrectionStepResult.Incomplete("调剂须填写调剂金额（大于 0）。") },
        { Awaiting, Answer(CorrectionDecision.Continue, 1), new CorrectionStepResult.Incomplete("只有调剂需要填写金额；继续不填金额。") },
        { Awaiting, Answer(CorrectionDecision.Cancel, 5), new CorrectionStepResult.Incomplete("只有调剂需要填写金额；取消不填金额。") },
        { Awaiting, Answer(CorrectionDecision.Continue, reason: " "), new CorrectionStepResult.Incomplete("请写明继续的理由。") },
        { Awaiting, Answer(CorrectionDecision.Adjust, 1, reason: ""), new CorrectionStepResult.Incomplete("请写明调剂的理由。") },
        { Answered, Answer(CorrectionDecision.Continue), new CorrectionStepResult.NotNow("该项目已答复纠偏意见，不能再修改。") },
        { Answered, Answer(CorrectionDecision.Adjust, reason: ""), new CorrectionStepResult.NotNow("该项目已答复纠偏意见，不能再修改。") },
        { Awaiting, new CorrectionStep.PauseFunds("执行率 10%"), new CorrectionStepResult.Moved(AwaitingPaused) },
        { Answered, new CorrectionStep.PauseFunds("答复理由不充分"), new CorrectionStepResult.Moved(AnsweredPaused) },
        { Awaiting, new CorrectionStep.PauseFunds(""), new CorrectionStepResult.Incomplete("暂停拨付须写明原因。") },
        { AwaitingPaused, new CorrectionStep.PauseFunds("再停一次"), new CorrectionStepResult.NotNow("该项目的资金已标记为暂停拨付。") },
        { AnsweredPaused, new CorrectionStep.ResumeFunds("已调剂到位"), new CorrectionStepResult.Moved(Answered) },
        { AwaitingPaused, new CorrectionStep.ResumeFunds("  "), new CorrectionStepResult.Incomplete("恢复拨付须写明原因。") },
        { Answered, new CorrectionStep.ResumeFunds("无"), new CorrectionStepResult.NotNow("该项目的资金没有暂停拨付，无需恢复。") },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void Allows_one_answer_and_pausing_funds_at_any_time(CorrectionState from, CorrectionStep step, CorrectionStepResult expected) =>
        CorrectionWorkflow.Apply(from, step).ShouldBe(expected);

    [Theory]
    // requested on, working days → deadline, by the central calendar (2026 as the State Council published it)
    [InlineData("2026-07-10", 10, "2026-07-24")] // a Friday: the Friday two weeks later
    [InlineData("2026-07-11", 10, "2026-07-24")] // a Saturday: the counting starts on Monday
    [InlineData("2026-07-13", 10, "2026-07-27")] // a Monday, not counted itself
    [InlineData("2026-07-13", 1, "2026-07-14")]
    [InlineData("2026-07-10", 0, "2026-07-10")]
    [InlineData("2026-09-18", 10, "2026-10-09")] // 9-20 (Sunday) is worked; 9-25 中秋 and 10-01..07 国庆 are not
    [InlineData("2026-09-30", 1, "2026-10-08")] // the first working day after 国庆
    [InlineData("2026-10-08", 2, "2026-10-10")] // 10-10 is a Saturday worked (调休)
    [InlineData("2026-02-13", 1, "2026-02-14")] // 2-14 is a Saturday worked; 春节 2-15..23 follows
    [InlineData("2026-02-14", 1, "2026-02-24")]
    [InlineData("2027-10-01", 5, "2027-10-08")] // 2027 is not listed: Monday–Friday only
    public void The_answer_is_due_the_given_working_days_after_the_request(string requestedOn, int days, string deadline) =>
        CorrectionWorkflow.Deadline(MonitoringRules.Default.Correction with { WorkingDays = days }, DateOnly.Parse(requestedOn))
            .ShouldBe(DateOnly.Parse(deadline));

    [Fact]
    public void The_central_default_is_ten_working_days() => MonitoringRules.Default.Correction.WorkingDays.ShouldBe(10);

    [Theory]
    // status, deadline, answered on, today → overdue, shown
    [InlineData(CorrectionStatus.Awaiting, "2026-07-24", null, "2026-07-24", false, "待答复")]
    [InlineData(CorrectionStatus.Awaiting, "2026-07-24", null, "2026-07-25", true, "逾期未答复")]
    [InlineData(CorrectionStatus.Answered, "2026-07-24", "2026-07-24", "2026-09-01", false, "已答复")]
    [InlineData(CorrectionStatus.Answered, "2026-07-24", "2026-07-27", "2026-09-01", false, "逾期答复")]
    public void Is_overdue_while_unanswered_after_the_deadline_day_and_late_answers_stay_marked(CorrectionStatus status, string deadline,
        string? answeredOn, string today, bool overdue, string shown)
    {
        var due = DateOnly.Parse(deadline);
        DateOnly? answered = answeredOn is null ? null : DateOnly.Parse(answeredOn);
        CorrectionWorkflow.IsOverdue(status, due, DateOnly.Parse(today)).ShouldBe(overdue);
        CorrectionWorkflow.Shown(status, due, answered, DateOnly.Parse(today)).ShouldBe(shown);
    }

    [Theory]
    [InlineData("continue", CorrectionDecision.Continue)]
    [InlineData("调剂", CorrectionDecision.Adjust)]
    [InlineData(" cancel ", CorrectionDecision.Cancel)]
    [InlineData("pause", null)]
    [InlineData(null, null)]
    public void Reads_a_decision_by_its_code_or_its_chinese_name(string? text, CorrectionDecision? expected) =>
        CorrectionWorkflow.ParseDecision(text).ShouldBe(expected);
}
