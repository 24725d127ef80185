using Jixiao.Domain.Rechecks;

namespace Jixiao.Domain.Tests.Rechecks;

public class RecheckDecisionsTests
{
    private static RecheckLine Line(string name, decimal? weight, string? target, string? actual, decimal? stated, string level2 = "质量指标") =>
        new("产出指标", level2, name, weight, target, actual, stated, null);

    /// <summary>预算执行率 100 % (10) + 三行 30 + 40 + 20 = 100 分, 优.</summary>
    private static RecheckResult Full(decimal executedWanYuan = 100) => Rechecker.Recheck(new SelfEvaluationInput("项目", "单位", 2022,
        new RecheckBudgetLine("年度资金总额", 10, 100, executedWanYuan, null, null),
        [Line("培训人数", 30, "≥100人", "100人", 30), Line("合格率", 40, "≥95%", "96%", 40), Line("覆盖率", 20, "≥90%", "90%", 20)],
        100, "优"), RecheckRuleSet.Default);

    [Fact]
    public void An_overridden_score_moves_the_total_and_the_grade_follows()
    {
        var before = Full();
        before.Total.ShouldBe(100);

        var after = RecheckDecisions.Apply(before, [new LineDecision(1, 25, "抽查样本合格率仅 80%")]);

        after.Lines[1].Score.ShouldBe(25);
        after.Lines[1].Reason.ShouldEndWith("；复核人改为 25 分（原复核 40 分）：抽查样本合格率仅 80%");
        after.Total.ShouldBe(85);
        after.UncappedTotal.ShouldBe(85);
        after.Grade.ShouldBe("良");
        after.GradeChange.ShouldBe("优 → 良");
        after.Findings.ShouldBe(before.Findings);
        before.Lines[1].Score.ShouldBe(40, "the result decided on is not changed");
    }

    [Fact]
    public void An_accepted_line_keeps_its_score_and_says_so()
    {
        var after = RecheckDecisions.Apply(Full(), [new LineDecision(0, null, null)]);

        after.Lines[0].Score.ShouldBe(30);
        after.Lines[0].Reason.ShouldEndWith("；复核人已确认");
        after.Total.ShouldBe(100);
    }

    [Fact]
    public void The_cap_of_the_execution_rate_still_applies_to_an_overridden_total()
    {
        // 执行 75 %: 7.5 + 90 = 97.5, capped at 89; overriding 合格率 to 30 gives 87.5, under the cap
        var capped = Full(executedWanYuan: 75);
        capped.Total.ShouldBe(89);
        capped.Cap!.MaxTotal.ShouldBe(89);

        var lowered = RecheckDecisions.Apply(capped, [new LineDecision(1, 30, "复核人现场核查")]);
        lowered.UncappedTotal.ShouldBe(87.5m);
        lowered.Total.ShouldBe(87.5m);
        lowered.Cap.ShouldBeNull();

        var stillCapped = RecheckDecisions.Apply(capped, [new LineDecision(1, 39, "复核人现场核查")]);
        stillCapped.UncappedTotal.ShouldBe(96.5m);
        stillCapped.Total.ShouldBe(89);
        stillCapped.Cap!.MaxTotal.ShouldBe(89);
    }

    [Theory]
    [InlineData(5, 10.0, "x", "第 6 行不存在：本评价共 3 行指标。")]
    [InlineData(1, 41.0, "x", "第 2 行“合格率”：复核得分 41 不在 0–40 分之间（该行分值 40 分）。")]
    [InlineData(1, -1.0, "x", "第 2 行“合格率”：复核得分 -1 不在 0–40 分之间（该行分值 40 分）。")]
    [InlineData(1, 20.0, " ", "第 2 行“合格率”：调整复核得分须填写理由（将记入审计日志）。")]
    [InlineData(1, 20.125, "x", "第 2 行“合格率”：复核得分最多保留两位小数，“20.125”不行。")]
    public void A_decision_that_cannot_be_taken_says_which_line_and_why(int line, double score, string reason, string message)
    {
        var decision = new LineDecision(line, (decimal)score, reason);
        RecheckDecisions.Check(Full(), decision).ShouldBe(message);
        Should.Throw<ArgumentException>(() => RecheckDecisions.Apply(Full(), [decision]));
    }

    [Fact]
    public void Accepting_needs_no_reason_but_a_line_without_weight_cannot_be_overridden()
    {
        var result = Rechecker.Recheck(new SelfEvaluationInput("项目", "单位", 2022, null,
            [Line("宣传次数", null, "≥3次", "3次", 5)], null, null), RecheckRuleSet.Default);

        RecheckDecisions.Check(result, new LineDecision(0, null, null)).ShouldBeNull();
        RecheckDecisions.Check(result, new LineDecision(0, 4, "复核人意见")).ShouldBe("第 1 行“宣传次数”：表内没有分值，无法确定得分范围，不能调整复核得分。");
    }
}
