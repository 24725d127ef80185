using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Evaluations;
using static Jixiao.Domain.Tests.Evaluations.Lines;

namespace Jixiao.Domain.Tests.Evaluations;

/// <summary>The checks of regulations.md ("Rules a program can check") as findings with stable codes.</summary>
public class EvaluationCheckTests
{
    private static IEnumerable<string> Codes(EvaluationSheet sheet) => Scorer.Score(sheet).Findings.Select(f => f.Code);

    [Fact]
    public void Weights_that_do_not_add_up_to_100_are_an_error()
    {
        var sheet = Sheet(EvaluationKind.DepartmentEvaluation,
            Line("a", 60m, ScoringMethod.Deduction, level1: "产出"), Line("b", 35m, ScoringMethod.Deduction, level1: "效益"));

        var finding = Scorer.Score(sheet).Findings.Single(f => f.Code == EvaluationCodes.WeightsDoNotAddUp);
        finding.Severity.ShouldBe(Severity.Error);
        finding.Message.ShouldBe("各指标分值合计 95 分，应为 100 分。");
    }

    [Fact]
    public void Lines_must_add_up_to_their_declared_group_weight()
    {
        var sheet = Sheet(EvaluationKind.DepartmentEvaluation,
                Line("资金到位率", 5m, ScoringMethod.Deduction, level1: "过程", level2: "资金管理"),
                Line("预算执行率", 5m, ScoringMethod.Deduction, level1: "过程", level2: "资金管理"),
                Line("产出", 90m, ScoringMethod.Deduction, level1: "产出"))
            with
            { Groups = [new WeightGroup("过程", "资金管理", 16m)] };

        Scorer.Score(sheet).Findings.ShouldContain(f => f.Message == "二级指标“过程/资金管理”设定为 16 分，其下指标分值合计 10 分。");
    }

    [Fact]
    public void Output_and_effect_below_60_percent_is_an_error_in_a_department_evaluation_only()
    {
        EvaluationIndicator[] lines =
        [
            Line("决策", 50m, ScoringMethod.Deduction, level1: "决策"), Line("产出", 20m, ScoringMethod.Deduction, level1: "产出"),
            Line("效益", 30m, ScoringMethod.Deduction, level1: "效益"),
        ];

        Codes(Sheet(EvaluationKind.FinanceEvaluation, lines)).ShouldContain(EvaluationCodes.OutputAndEffectBelow60);
        Codes(Sheet(EvaluationKind.SelfEvaluation, lines)).ShouldNotContain(EvaluationCodes.OutputAndEffectBelow60);
    }

    [Theory]
    [InlineData("130个", null, true)]
    [InlineData("129个", null, false)]
    [InlineData("200个", "上级追加任务", false)]
    public void An_actual_of_130_percent_of_the_target_needs_an_explanation(string actual, string? reason, bool expected)
    {
        var sheet = Sheet(EvaluationKind.SelfEvaluation, Line("培训人次", 100m, ScoringMethod.Proportional, "≥100个", actual, reason: reason));

        Codes(sheet).Contains(EvaluationCodes.FarExceededWithoutExplanation).ShouldBe(expected);
    }

    [Theory]
    [InlineData("90%", null, true)]
    [InlineData("90%", "受疫情影响延期", false)]
    [InlineData("100%", null, false)]
    public void A_missed_target_needs_a_reason(string actual, string? reason, bool expected)
    {
        var sheet = Sheet(EvaluationKind.SelfEvaluation, Line("验收合格率", 100m, ScoringMethod.Proportional, "100%", actual, reason: reason));

        Codes(sheet).Contains(EvaluationCodes.MissedWithoutReason).ShouldBe(expected);
    }

    [Fact]
    public void A_stated_score_that_differs_from_the_computed_one_is_an_error()
    {
        var sheet = Sheet(EvaluationKind.SelfEvaluation, Line("预算执行率", 100m, ScoringMethod.Proportional, "100%", "91.4%", score: 95m, reason: "x"));

        Scorer.Score(sheet).Findings.Single(f => f.Code == EvaluationCodes.StatedScoreDisagrees).Message
            .ShouldBe("“预算执行率”按比例法应得 91.4 分（分值 100），表中写的是 95 分。");
    }

    [Fact]
    public void A_stated_actual_is_compared_at_its_own_precision()
    {
        var agrees = Sheet(EvaluationKind.SelfEvaluation, Line("合格率", 100m, ScoringMethod.Proportional, "≥90%", "91.44%", statedActual: "91.4%"));
        var differs = Sheet(EvaluationKind.SelfEvaluation, Line("合格率", 100m, ScoringMethod.Proportional, "≥90%", "91.44%", statedActual: "92%"));

        Codes(agrees).ShouldNotContain(EvaluationCodes.StatedActualDisagrees);
        Codes(differs).ShouldContain(EvaluationCodes.StatedActualDisagrees);
    }

    [Fact]
    public void Self_evaluation_weights_other_than_50_30_10_10_need_a_special_reason()
    {
        EvaluationIndicator[] lines =
        [
            Line("预算执行率", 10m, ScoringMethod.Deduction, level1: "预算执行"), Line("数量", 60m, ScoringMethod.Deduction, level1: "产出指标"),
            Line("效益", 20m, ScoringMethod.Deduction, level1: "效益指标"), Line("满意度", 10m, ScoringMethod.Deduction, level1: "满意度指标"),
        ];

        Codes(Sheet(EvaluationKind.SelfEvaluation, lines)).ShouldContain(EvaluationCodes.NonDefaultSelfWeights);
        lines[1] = lines[1] with { Weight = 50m };
        lines[2] = lines[2] with { Weight = 30m };
        Codes(Sheet(EvaluationKind.SelfEvaluation, lines)).ShouldNotContain(EvaluationCodes.NonDefaultSelfWeights);
    }

    [Fact]
    public void A_line_without_weight_among_weighted_lines_is_an_error()
    {
        var sheet = Sheet(EvaluationKind.SelfEvaluation, Line("a", 100m, ScoringMethod.Deduction), Line("b", null, ScoringMethod.Deduction));

        var scored = Scorer.Score(sheet);
        scored.Findings.ShouldContain(f => f.Code == EvaluationCodes.MissingWeight && f.Indicator == "b" && f.Severity == Severity.Error);
        scored.Total.ShouldBe(100m);
    }
}
