using System.Text.Json.Nodes;
using Jixiao.Domain.Rechecks;

namespace Jixiao.Domain.Tests.Rechecks;

public class RecheckerTests
{
    private static readonly RecheckRuleSet Rules = RecheckRuleSet.Default;

    private static RecheckLine Line(string name, decimal? weight, string? target, string? actual, decimal? stated,
        string? reason = null, string level1 = "产出指标", string level2 = "数量指标") =>
        new(level1, level2, name, weight, target, actual, stated, reason);

    private static RecheckResult Recheck(RecheckBudgetLine? budget, params RecheckLine[] lines) =>
        Rechecker.Recheck(new SelfEvaluationInput("项目", "单位", 2022, budget, lines, null, null), Rules);

    private static RecheckResult RecheckLines(params RecheckLine[] lines) => Recheck(budget: null, lines);

    private static RecheckResult Recheck(RecheckRuleSet rules, params RecheckLine[] lines) =>
        Rechecker.Recheck(new SelfEvaluationInput("项目", "单位", 2022, null, lines, null, null), rules);

    [Fact]
    public void Scores_budget_execution_in_proportion_and_finds_a_score_its_rule_does_not_give()
    {
        // corpus 12: 30.00 of 278.4449 万元 executed, 分值 20, printed 10.77 % and 2.16
        var result = Recheck(new RecheckBudgetLine("年度财政资金总额", 20, 278.4449m, 30.00m, "10.77%", 2.16m));

        result.Budget!.Score.ShouldBe(2.15m);
        result.Budget.Difference.ShouldBe(-0.01m);
        result.Findings.Single(f => f.Check == "execution-score").ShouldSatisfyAllConditions(
            f => f.Stated.ShouldBe("2.16"), f => f.Recomputed.ShouldBe("2.15"));
        result.Findings.Single(f => f.Check == Rechecker.RuleSetCheck && f.Where == "年度财政资金总额").Message.ShouldContain("复核规则（10号）为 10 分");
    }

    [Theory]
    [InlineData("2.15")]
    [InlineData("2.154")]
    public void A_budget_score_that_agrees_at_its_printed_precision_is_no_finding(string stated)
    {
        var result = Recheck(new RecheckBudgetLine("年度资金总额", 20, 278.4449m, 30.00m, "10.77%", decimal.Parse(stated, System.Globalization.CultureInfo.InvariantCulture)));
        result.Findings.ShouldNotContain(f => f.Check == "execution-score");
    }

    [Fact]
    public void A_printed_rate_that_does_not_compute_is_a_finding()
    {
        var result = Recheck(new RecheckBudgetLine("年度资金总额", 10, 100m, 91.4m, "95%", 9.14m));
        result.Findings.Single(f => f.Check == "execution-rate").Recomputed.ShouldBe("91.40%");
    }

    [Theory]
    [InlineData("≥100人", "80人", 8)]
    [InlineData("≥100人", "100人", 10)]
    [InlineData("≤5天", "6天", 8)]
    [InlineData("≤5天", "12天", 0)]
    [InlineData("≤5天", "3天", 10)]
    [InlineData("80%-90%", "85%", 10)]
    [InlineData("≥200万元", "1500000元", 7.5)]
    public void Scores_a_quantitative_line_by_actual_over_target_in_its_direction(string target, string actual, double expected)
    {
        var line = RecheckLines(Line("完成量", 10, target, actual, null, level2: "质量指标")).Lines.Single();
        line.Score.ShouldBe((decimal)expected);
        line.Rechecked.ShouldBeTrue();
    }

    [Fact]
    public void Full_marks_for_a_missed_target_without_a_reason_is_missed_target_full()
    {
        var result = RecheckLines(Line("培训人数", 10, "≥100人", "80人", 10));

        result.Lines.Single().Score.ShouldBe(8);
        result.Lines.Single().Difference.ShouldBe(-2);
        result.Findings.Single().Check.ShouldBe("missed-target-full");
    }

    [Fact]
    public void Full_marks_for_a_missed_target_with_a_reason_still_break_the_rule()
    {
        var result = RecheckLines(Line("培训人数", 10, "≥100人", "80人", 10, reason: "疫情影响"));
        result.Findings.Single().Check.ShouldBe(Rechecker.RuleSetCheck);
    }

    [Fact]
    public void A_met_target_scored_below_full_without_a_reason_is_found_and_marked()
    {
        var result = RecheckLines(Line("培训人数", 10, "≥100人", "120人", 9));

        result.Lines.Single().Score.ShouldBe(10);
        result.Findings.Single().Check.ShouldBe("met-target-below-full");
        result.Lines.Single().MarkDowns.Single().Kind.ShouldBe(MarkDownKind.DeductionWithoutReason);
    }

    /// <summary>The default rule set with the district option "no 佐证 → 0" turned on.</summary>
    private static RecheckRuleSet NoEvidenceRules => RecheckRuleSetTests.Load(j => j["markDowns"]!["noEvidence"]!["enabled"] = true);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 10)]
    [InlineData(null, 10)]
    public void With_the_district_option_a_line_without_evidence_scores_nothing_where_the_count_is_known(int? files, int expected)
    {
        var result = Recheck(NoEvidenceRules, Line("培训人数", 10, "≥100人", "120人", 10) with { EvidenceFiles = files });

        result.Lines.Single().Score.ShouldBe(expected);
        result.Lines.Single().MarkDowns.Select(m => (m.Kind, m.Message))
            .ShouldBe(files == 0 ? [(MarkDownKind.NoEvidence, "未上传佐证材料，不计分")] : []);
    }

    [Fact]
    public void The_default_rule_set_leaves_a_line_without_evidence_its_score()
    {
        RecheckRuleSet.Default.NoEvidence.Enabled.ShouldBeFalse();
        RecheckRuleSet.Default.NoEvidence.Source.DistrictChoice.ShouldBeTrue();
        RecheckLines(Line("培训人数", 10, "≥100人", "120人", 10) with { EvidenceFiles = 0 }).Lines.Single().Score.ShouldBe(10);
    }

    [Fact]
    public void A_rule_set_written_before_evidence_existed_loads_with_the_option_off()
    {
        var rules = RecheckRuleSetTests.Load(j => j["markDowns"]!.AsObject().Remove("noEvidence"));
        rules.NoEvidence.Enabled.ShouldBeFalse();
        Recheck(rules, Line("培训人数", 10, "≥100人", "120人", 10) with { EvidenceFiles = 0 }).Lines.Single().Score.ShouldBe(10);
    }

    [Fact]
    public void A_score_above_its_weight_is_a_finding()
    {
        var result = RecheckLines(Line("培训人数", 10, "≥100人", "120人", 12));
        result.Findings.ShouldContain(f => f.Check == "score-over-weight" && f.Stated == "12");
        result.Lines.Single().Score.ShouldBe(10);
    }

    [Fact]
    public void A_negative_weight_keeps_the_units_score()
    {
        var line = RecheckLines(Line("培训人数", -5, "≥100人", "80人", 3)).Lines.Single();
        line.Score.ShouldBe(3);
        line.Rechecked.ShouldBeFalse();
    }

    [Fact]
    public void A_line_without_a_weight_keeps_the_units_score()
    {
        var line = RecheckLines(Line("示范区建立", null, "≥20000亩", "20000亩", 15)).Lines.Single();
        line.Score.ShouldBe(15);
        line.Rechecked.ShouldBeFalse();
        line.Reason.ShouldContain("未印分值");
    }

    [Fact]
    public void Far_over_achievement_without_a_reason_is_deducted_by_the_deviation_under_10hao()
    {
        var result = RecheckLines(Line("培训人数", 10, "≥100人", "200人", 10));

        result.Lines.Single().Score.ShouldBe(5);
        result.Findings.Single().Check.ShouldBe(Rechecker.RuleSetCheck);
        RecheckLines(Line("培训人数", 10, "≥100人", "200人", 10, reason: "新增上级任务")).Lines.Single().Score.ShouldBe(10);
        RecheckLines(Line("培训人数", 10, "≥100人", "129人", 10)).Lines.Single().Score.ShouldBe(10);
    }

    [Theory]
    [InlineData("fixedPoints", 8, 1)]
    [InlineData("explain", 10, 1)]
    [InlineData("none", 10, 0)]
    public void The_over_achievement_policy_is_the_districts(string policy, double score, int findings)
    {
        var rules = RecheckRuleSetTests.Load(j => j["overAchievement"] = JsonNode.Parse(
            $$"""{"policy":"{{policy}}","thresholdPercent":130,"points":2,"source":"某区","districtChoice":true}"""));

        var result = Recheck(rules, Line("培训人数", 10, "≥100人", "130人", 10));

        result.Lines.Single().Score.ShouldBe((decimal)score);
        result.Findings.Count.ShouldBe(findings);
    }

    [Theory]
    [InlineData("达成预期指标", 10, 10, false)]
    [InlineData("达成预期指标", 7, 8, true)]
    [InlineData("部分达成", 7, 7, false)]
    [InlineData("部分达成", 10, 8, true)]
    [InlineData("未达成", 10, 6, true)]
    [InlineData("合规", 9, 9, false)]
    public void Scores_a_qualitative_line_in_the_band_of_its_rating(string actual, double stated, double expected, bool finding)
    {
        var result = RecheckLines(Line("补助资格合规性", 10, "合规", actual, (decimal)stated, level2: "质量指标"));

        result.Lines.Single().Score.ShouldBe((decimal)expected);
        result.Findings.Any().ShouldBe(finding);
    }

    [Fact]
    public void The_same_indicator_under_output_and_benefit_is_counted_once()
    {
        var result = RecheckLines(
            Line("指标1：受益农户数", 10, "≥5000户", "5000户", 10),
            Line("受益农户数", 10, "≥5000户", "5000户", 10, level1: "效益指标", level2: "社会效益指标"));

        result.Lines[0].Score.ShouldBe(10);
        result.Lines[1].Score.ShouldBe(0);
        result.Lines[1].MarkDowns.Single().Kind.ShouldBe(MarkDownKind.Duplicate);
        result.Total.ShouldBe(10);
    }

    [Fact]
    public void A_vague_qualitative_indicator_scores_at_most_the_top_of_partly_achieved()
    {
        var line = RecheckLines(Line("对两委机构正常运行的影响程度", 10, "效果明显", "达成预期指标", 10, level1: "效益指标", level2: "社会效益指标")).Lines.Single();

        line.Score.ShouldBe(8);
        line.MarkDowns.Single().ShouldSatisfyAllConditions(m => m.Kind.ShouldBe(MarkDownKind.VagueQualitative), m => m.Message.ShouldContain("最多计 8 分"));
    }

    [Theory]
    [InlineData("资金拨付金额", "≥100万元", "100万元")]
    [InlineData("补助资金发放户数", "≥300户", "300户")]
    public void A_quantity_indicator_that_only_measures_paying_out_money_is_marked_down(string name, string target, string actual)
    {
        var line = RecheckLines(Line(name, 10, target, actual, 10)).Lines.Single();
        line.Score.ShouldBe(5);
        line.MarkDowns.Single().Kind.ShouldBe(MarkDownKind.MoneyOnlyQuantity);
    }

    [Fact]
    public void A_quantity_counted_in_ten_thousands_of_things_is_not_money()
    {
        // "550万粒": 万 counts seeds here, not yuan (corpus 13).
        var line = RecheckLines(Line("免费发放原原种", 8, "550万粒", "550万粒", 8)).Lines.Single();
        line.Score.ShouldBe(8);
        line.MarkDowns.ShouldBeEmpty();
    }

    [Fact]
    public void A_mark_down_can_be_switched_off()
    {
        var rules = RecheckRuleSetTests.Load(j => j["markDowns"]!["moneyOnlyQuantity"]!["enabled"] = false);
        Recheck(rules, Line("资金拨付金额", 10, "≥100万元", "100万元", 10)).Lines.Single().Score.ShouldBe(10);
    }

    [Theory]
    [InlineData(85, 98.5, null, "优")]
    [InlineData(75, 89, 89, "良")]
    [InlineData(65, 79, 79, "中")]
    [InlineData(55, 69, 69, "中")]
    [InlineData(45, 59, 59, "差")]
    public void The_total_is_capped_by_the_execution_rate_and_graded(double executed, double total, int? cap, string grade)
    {
        var result = Rechecker.Recheck(new SelfEvaluationInput("项目", "单位", 2022,
            new RecheckBudgetLine("年度资金总额", 10, 100, (decimal)executed, null, null),
            [Line("完成量", 90, "≥100个", "100个", 90)], 98, "优"), Rules);

        result.Total.ShouldBe((decimal)total);
        ((int?)result.Cap?.MaxTotal).ShouldBe(cap);
        result.Grade.ShouldBe(grade);
        result.GradeChanged.ShouldBe(grade != "优");
        result.Findings.Any(f => f.Where == "总分").ShouldBe(cap is not null);
    }

    [Fact]
    public void A_stated_grade_that_is_not_the_band_of_the_stated_total_is_a_finding()
    {
        var result = Rechecker.Recheck(new SelfEvaluationInput("项目", null, null, null, [Line("完成量", 100, "≥100个", "85个", 85)], 85, "优"), Rules);

        result.Findings.Single().ShouldSatisfyAllConditions(f => f.Check.ShouldBe("grade"), f => f.Recomputed.ShouldBe("良"));
        result.GradeChange.ShouldBe("优 → 良");
    }

    [Fact]
    public void The_stated_total_is_the_sum_of_the_printed_scores_when_none_is_printed()
    {
        var result = Recheck(new RecheckBudgetLine("年度资金总额", 10, 100, 100, "100%", 10), Line("a", 50, "≥1个", "1个", 50), Line("b", 40, "≥1个", "0个", 40));

        result.StatedTotal.ShouldBe(100);
        result.Total.ShouldBe(60);
        result.Difference.ShouldBe(-40);
        result.GradeChange.ShouldBe("优 → 中");
    }

    [Fact]
    public void The_numbered_parts_of_a_heading_are_scored_but_not_counted_twice()
    {
        // corpus 12: 一、示范区建立 15 = 1、5 + 2、5 + 3、5
        var result = RecheckLines(
            Line("一、示范区建立", 15, "≥20000亩", "20000亩", 15),
            Line("1、水稻侧深施肥", 5, "≥500亩", "500亩", 5),
            Line("2、玉米种肥同播", 5, "≥1000亩", "1000亩", 5),
            Line("3、施用配方肥", 5, "≥18500亩", "18500亩", 5),
            Line("二、土样化验", 5, "≥60个", "60个", 5));

        result.Lines.Select(l => l.PartOf).ShouldBe([null, "一、示范区建立", "一、示范区建立", "一、示范区建立", null]);
        result.StatedTotal.ShouldBe(20);
        result.Total.ShouldBe(20);
    }

    [Fact]
    public void Numbered_lines_whose_scores_do_not_add_to_the_heading_are_lines_of_their_own()
    {
        var result = RecheckLines(
            Line("一、示范区建立", 15, "≥20000亩", "20000亩", 15),
            Line("1、水稻侧深施肥", 5, "≥500亩", "500亩", 5),
            Line("2、玉米种肥同播", 5, "≥1000亩", "1000亩", 5));

        result.Lines.ShouldAllBe(l => l.CountsInTotal);
        result.Total.ShouldBe(25);
    }

    [Theory]
    [InlineData("≥0.0000000000000000000000000001人", "999999999999人", "10", false)]
    [InlineData("≥100人", "9999999999999999999999999999人", "10", true)]
    [InlineData("≥100人", "80人", "99999999999999999999999", true)]
    public void Numbers_beyond_any_real_sheet_are_a_finding_not_an_exception(string target, string actual, string stated, bool tooLarge)
    {
        var result = Recheck(new RecheckBudgetLine("年度资金总额", 10, 0.0000000000000000000000000001m, 999999999999m, null, 10),
            Line("培训人数", 10, target, actual, decimal.Parse(stated, System.Globalization.CultureInfo.InvariantCulture)));

        result.Lines.Single().Score.GetValueOrDefault().ShouldBeInRange(0, 10);
        result.Findings.Any(f => f.Check == "impossible-value").ShouldBe(tooLarge);
    }
}
