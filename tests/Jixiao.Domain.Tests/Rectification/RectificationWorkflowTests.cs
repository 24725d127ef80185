using Jixiao.Domain.Rectification;
using Shouldly;
using Xunit;

namespace Jixiao.Domain.Tests.Rectification;

public class RectificationWorkflowTests
{
    // from, step → the result: Moved to a status, Incomplete (bad input: 400) or NotNow (the status forbids it: 409), with the reason
    public static TheoryData<RectificationStatus, RectificationStep, RectificationStepResult> Steps => new()
    {
        { RectificationStatus.Pending, new RectificationStep.Submit("已修订绩效指标"), new RectificationStepResult.Moved(RectificationStatus.Submitted) },
        { RectificationStatus.Submitted, new RectificationStep.Accept(), new RectificationStepResult.Moved(RectificationStatus.Accepted) },
        { RectificationStatus.Submitted, new RectificationStep.SendBack("措施未量化"), new RectificationStepResult.Moved(RectificationStatus.Pending) },
        { RectificationStatus.Pending, new RectificationStep.Submit("  "), new RectificationStepResult.Incomplete("请填写整改措施。") },
        { RectificationStatus.Pending, new RectificationStep.Submit(""), new RectificationStepResult.Incomplete("请填写整改措施。") },
        { RectificationStatus.Submitted, new RectificationStep.SendBack(""), new RectificationStepResult.Incomplete("退回时请写明原因，单位据此重新整改。") },
        { RectificationStatus.Pending, new RectificationStep.Accept(), new RectificationStepResult.NotNow("单位尚未提交整改措施，不能验收或退回。") },
        { RectificationStatus.Pending, new RectificationStep.SendBack("无"), new RectificationStepResult.NotNow("单位尚未提交整改措施，不能验收或退回。") },
        { RectificationStatus.Submitted, new RectificationStep.Submit("再交一次"), new RectificationStepResult.NotNow("整改措施已提交，正在等待审核人验收；如需修改，请审核人先退回。") },
        { RectificationStatus.Accepted, new RectificationStep.Submit("补充"), new RectificationStepResult.NotNow("该整改任务已验收通过（已整改），不能再修改。") },
        { RectificationStatus.Accepted, new RectificationStep.Submit(""), new RectificationStepResult.NotNow("该整改任务已验收通过（已整改），不能再修改。") },
        { RectificationStatus.Accepted, new RectificationStep.Accept(), new RectificationStepResult.NotNow("该整改任务已验收通过（已整改），不能再修改。") },
        { RectificationStatus.Accepted, new RectificationStep.SendBack("重开"), new RectificationStepResult.NotNow("该整改任务已验收通过（已整改），不能再修改。") },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void Allows_only_submit_then_accept_or_send_back(RectificationStatus from, RectificationStep step, RectificationStepResult expected) =>
        RectificationWorkflow.Apply(from, step).ShouldBe(expected);

    [Theory]
    // status, deadline, today → overdue, shown
    [InlineData(RectificationStatus.Pending, "2026-03-31", "2026-03-31", false, "待整改")]
    [InlineData(RectificationStatus.Pending, "2026-03-31", "2026-04-01", true, "逾期")]
    [InlineData(RectificationStatus.Pending, "2026-03-31", "2026-03-01", false, "待整改")]
    [InlineData(RectificationStatus.Submitted, "2026-03-31", "2026-05-01", false, "整改中")]
    [InlineData(RectificationStatus.Accepted, "2026-03-31", "2026-05-01", false, "已整改")]
    public void Is_overdue_only_while_the_unit_owes_its_measures_after_the_deadline_day(RectificationStatus status, string deadline, string today,
        bool overdue, string shown)
    {
        RectificationWorkflow.IsOverdue(status, DateOnly.Parse(deadline), DateOnly.Parse(today)).ShouldBe(overdue);
        RectificationWorkflow.Shown(status, DateOnly.Parse(deadline), DateOnly.Parse(today)).ShouldBe(shown);
    }

    [Theory]
    [InlineData("review", "REV012", "指标值不可衡量", "产出指标·数量指标", RectificationSource.Review)]
    [InlineData("复核", "EVA031", "得分与评分标准不符", null, RectificationSource.Recheck)]
    [InlineData("resultUse", "RES101", "结果应用不到位", "", RectificationSource.ResultUse)]
    [InlineData("MONITORING", "红灯", "预算执行率偏低", "7 月", RectificationSource.Monitoring)]
    public void A_finding_is_made_from_any_source(string source, string code, string message, string? where, RectificationSource expected)
    {
        var (finding, refused) = RectificationFinding.Create(source, code, message, where);

        refused.ShouldBeNull();
        finding.ShouldNotBeNull().Source.ShouldBe(expected);
        finding.Code.ShouldBe(code);
        finding.Where.ShouldBe(string.IsNullOrEmpty(where) ? null : where);
    }

    [Theory]
    [InlineData("audit", "X1", "问题", "问题来源“audit”无效")]
    [InlineData("evaluation", " ", "问题", "请填写问题的编码和内容")]
    [InlineData("evaluation", "EVA001", null, "请填写问题的编码和内容")]
    public void A_finding_without_a_known_source_code_or_message_is_refused(string source, string code, string? message, string reason)
    {
        var (finding, refused) = RectificationFinding.Create(source, code, message, null);

        finding.ShouldBeNull();
        refused.ShouldNotBeNull().ShouldStartWith(reason);
    }
}
