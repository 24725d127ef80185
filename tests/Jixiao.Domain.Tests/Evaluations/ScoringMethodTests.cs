using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Targets;
using static Jixiao.Domain.Tests.Evaluations.Lines;

namespace Jixiao.Domain.Tests.Evaluations;

/// <summary>Each scoring method against exact expected scores (regulations.md rules 6–10).</summary>
public class ScoringMethodTests
{
    [Theory]
    [InlineData("预算执行率", "100%", "91.4%", 5, 4.57)]
    [InlineData("验收合格率", "≥95%", "96%", 10, 10)]
    [InlineData("验收合格率", "≥95%", "90%", 10, 9.47)]
    [InlineData("新建摄像枪数量", "1000个", "1000个", 5, 5)]
    [InlineData("新建摄像枪数量", "1000个", "-5个", 5, 0)]
    [InlineData("视频报停率", "≤3%", "2%", 15, 15)]
    [InlineData("视频报停率", "≤3%", "4%", 15, 10)]
    [InlineData("视频报停率", "≤3%", "6%", 15, 0)]
    [InlineData("视频报停率", "≤3%", "7.5%", 15, 0)]
    [InlineData("视频报停率", "3%", "4%", 15, 10)]
    [InlineData("设备故障率", "5%", "6%", 10, 8)]
    [InlineData("群众满意度", "90%", "85%", 10, 9.44)]
    [InlineData("安全事故数", "=0", "0", 5, 5)]
    [InlineData("安全事故数", "=0", "1", 5, 0)]
    [InlineData("系统上线", "=1", "0.5", 4, 2)]
    [InlineData("办结时长", "48小时内", "60小时", 10, 7.5)]
    [InlineData("在线率", "80%-90%", "85%", 10, 10)]
    [InlineData("在线率", "80%-90%", "72%", 10, 9)]
    [InlineData("在线率", "80%-90%", "99%", 10, 9)]
    [InlineData("项目资金", "≥100万元", "1,000,000元", 10, 10)]
    [InlineData("运维成本", "≤100万元", "1200000元", 10, 8)]
    [InlineData("社工配比", "≤200:1", "3614:51", 6, 6)]
    [InlineData("故障维护及时率", "100%", "95%", 10, 9.5)]
    [InlineData("安全隐患整治率", "85%", "68%", 10, 8)]
    public void Proportional_scores_follow_the_direction_of_the_target(string name, string target, string actual, double weight, double expected)
    {
        var item = ScoreOne(Line(name, (decimal)weight, ScoringMethod.Proportional, target, actual));

        item.Score.ShouldBe((decimal)expected);
    }

    [Theory]
    [InlineData("4%", 11.25)]
    [InlineData("6%", 7.5)]
    [InlineData("2%", 15)]
    public void The_ratio_rule_for_lower_is_better_divides_target_by_actual(string actual, double expected)
    {
        var item = ScoreOne(Line("视频报停率", 15m, ScoringMethod.Proportional, "≤3%", actual), LowerIsBetterRule.Ratio);

        item.Score.ShouldBe((decimal)expected);
    }

    [Fact]
    public void A_direction_stated_on_the_line_overrides_the_target_text()
    {
        var item = ScoreOne(Line("社工配比", 6m, ScoringMethod.Proportional, "达到200:1", "3614:51", direction: Direction.Down));

        item.Met.ShouldBe(true);
        item.Score.ShouldBe(6m);
    }

    [Theory]
    [InlineData("92%", 10)]
    [InlineData("90%", 10)]
    [InlineData("85%", 8)]
    [InlineData("60%", 5)]
    [InlineData("59.9%", 0)]
    public void Tiers_score_the_band_the_actual_falls_in(string actual, double expected)
    {
        Tier[] tiers = [new(90, 10), new(80, 8), new(60, 5), new(0, 0)];

        ScoreOne(Line("群众满意度", 10m, ScoringMethod.Tiers, "≥90%", actual, tiers)).Score.ShouldBe((decimal)expected);
    }

    [Theory]
    [InlineData(QualitativeRating.Achieved, 90.0, 9.0)]
    [InlineData(QualitativeRating.Achieved, null, 10.0)]
    [InlineData(QualitativeRating.PartlyAchieved, 70.0, 7.0)]
    [InlineData(QualitativeRating.NotAchieved, 50.0, 5.0)]
    [InlineData(null, 75.0, 7.5)]
    public void Qualitative_scores_the_percent_of_the_weight(QualitativeRating? rating, double? percent, double expected)
    {
        var item = ScoreOne(Line("社会效益", 10m, ScoringMethod.Qualitative, rating: rating, percent: (decimal?)percent));

        item.Score.ShouldBe((decimal)expected);
    }

    [Fact]
    public void A_qualitative_percent_outside_its_rating_band_is_a_finding()
    {
        var findings = new List<EvaluationFinding>();

        var item = Scorer.ScoreIndicator(Line("社会效益", 10m, ScoringMethod.Qualitative, rating: QualitativeRating.Achieved, percent: 70m),
            LowerIsBetterRule.Deviation, findings);

        item.Score.ShouldBe(7m);
        findings.ShouldContain(f => f.Code == EvaluationCodes.ScoreOutsideBand);
    }

    [Theory]
    [InlineData(new[] { 1.5 }, 8.5)]
    [InlineData(new[] { 1.5, 1.0 }, 7.5)]
    [InlineData(new double[0], 10)]
    [InlineData(new[] { 8.0, 4.0 }, 0)]
    public void Deduction_takes_the_listed_points_off_the_weight_but_not_below_zero(double[] points, double expected)
    {
        var deductions = points.Select(p => new Deduction((decimal)p, "理由")).ToList();

        ScoreOne(Line("产出质量", 10m, ScoringMethod.Deduction, deductions: deductions)).Score.ShouldBe((decimal)expected);
    }

    [Theory]
    [InlineData("≥95%", "96%", null, 4)]
    [InlineData("≥95%", "90%", null, 0)]
    [InlineData(null, null, QualitativeRating.Achieved, 4)]
    [InlineData(null, null, QualitativeRating.NotAchieved, 0)]
    public void Binary_gives_all_or_nothing(string? target, string? actual, QualitativeRating? rating, double expected)
    {
        ScoreOne(Line("按期完工", 4m, ScoringMethod.Binary, target, actual, rating: rating)).Score.ShouldBe((decimal)expected);
    }

    [Fact]
    public void Manual_takes_the_evaluators_score_and_needs_a_reason()
    {
        var findings = new List<EvaluationFinding>();

        var item = Scorer.ScoreIndicator(Line("服务对象满意度", 5m, ScoringMethod.Manual, score: 4.5m), LowerIsBetterRule.Deviation, findings);

        item.Score.ShouldBe(4.5m);
        findings.Single().Code.ShouldBe(EvaluationCodes.ManualScore);
    }

    [Fact]
    public void A_manual_score_above_the_weight_is_capped_and_reported()
    {
        var findings = new List<EvaluationFinding>();

        var item = Scorer.ScoreIndicator(Line("服务对象满意度", 5m, ScoringMethod.Manual, score: 6m, reason: "问卷"), LowerIsBetterRule.Deviation, findings);

        item.Score.ShouldBe(5m);
        findings.Single().Code.ShouldBe(EvaluationCodes.ScoreOutsideBand);
    }

    [Theory]
    [InlineData(ScoringMethod.Proportional, "预算执行率 91.4%，未达指标值“100%”，按 91.4÷100×5 计，得 4.57 分")]
    [InlineData(ScoringMethod.Tiers, "预算执行率 91.4%，落在“≥90%”档，得 4 分")]
    [InlineData(ScoringMethod.Binary, "预算执行率 91.4%，未达成，得 0 分")]
    public void Every_score_is_explained_in_one_chinese_sentence(ScoringMethod method, string expected)
    {
        var item = ScoreOne(Line("预算执行率", 5m, method, "100%", "91.4%", tiers: [new(100, 5), new(90, 4)]));

        item.Explanation.ShouldBe(expected);
    }

    [Theory]
    [InlineData("≥0.0001", "9999999999999999999999999999")]
    [InlineData("≥1元", "99999999999999999999999亿元")]
    [InlineData("≤0.0001", "9999999999999999999999999999")]
    public void Numbers_at_the_limit_of_decimal_give_a_finding_not_an_exception(string target, string actual)
    {
        var findings = new List<EvaluationFinding>();

        var item = Scorer.ScoreIndicator(Line("数量", 5m, ScoringMethod.Proportional, target, actual), LowerIsBetterRule.Deviation, findings);

        item.Score.ShouldNotBeNull();
        item.Score.Value.ShouldBeInRange(0m, 5m);
        _ = item.Explanation;
    }

    [Fact]
    public void Weights_too_large_to_add_up_give_a_finding_not_an_exception()
    {
        var huge = decimal.MaxValue / 2 + 1;
        var sheet = Sheet(EvaluationKind.DepartmentEvaluation, Line("a", huge, ScoringMethod.Deduction), Line("b", huge, ScoringMethod.Deduction));

        var scored = Scorer.Score(sheet);

        scored.Total.ShouldBeNull();
        scored.Findings.ShouldContain(f => f.Message == "分值合计超出可计算范围：请检查各指标的分值。");
    }

    [Fact]
    public void A_negative_actual_counts_as_zero_and_the_explanation_says_so()
    {
        var item = ScoreOne(Line("新增就业人数", 5m, ScoringMethod.Proportional, "≥10人", "-3人"));

        item.Score.ShouldBe(0m);
        item.Explanation.ShouldContain("实际值为负，按 0 计");
    }
}
