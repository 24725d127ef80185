using Jixiao.Domain.Evaluations;
using static Jixiao.Domain.Tests.Evaluations.Lines;

namespace Jixiao.Domain.Tests.Evaluations;

/// <summary>
/// Scores are rounded half up to 2 decimals (四舍五入, as 财政 does) from their exact value: 85 ÷ 90 × 33.75 = 31.875 → 31.88,
/// not the 31.87 that dividing first (0.9444… × 33.75 = 31.87499…) gives.
/// </summary>
public class ScoreRoundingTests
{
    [Theory]
    [InlineData("31.875", "31.88")]
    [InlineData("31.8749999", "31.87")]
    [InlineData("31.885", "31.89")]
    [InlineData("0.005", "0.01")]
    [InlineData("0.004999", "0")]
    [InlineData("2.675", "2.68")]
    [InlineData("9.995", "10")]
    [InlineData("100", "100")]
    [InlineData("-0.005", "-0.01")]
    public void Rounds_half_up_to_two_decimals(string exact, string expected) =>
        ScoreRounding.Round(decimal.Parse(exact, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void The_rule_in_force_by_default_is_half_up_to_two_decimals()
    {
        ScoreRounding.Rule.ShouldBe(RoundingRule.HalfUp);
        RoundingRule.HalfUp.Describe().ShouldBe("四舍五入，保留 2 位小数");
    }

    [Theory]
    [InlineData(null, null, "31.865", "31.87")]
    [InlineData("half-up", "2", "31.865", "31.87")]
    [InlineData("四舍五入", "", "31.875", "31.88")]
    [InlineData("half-even", null, "31.865", "31.86")]
    [InlineData("HALF-EVEN", "2", "31.875", "31.88")]
    [InlineData("half-even", "1", "31.85", "31.8")]
    [InlineData("half-up", "1", "31.85", "31.9")]
    [InlineData("half-up", "0", "31.5", "32")]
    public void A_configured_rule_rounds_by_its_midpoint_and_decimals(string? midpoint, string? decimals, string exact, string expected)
    {
        var rule = RoundingRule.Parse(midpoint, decimals, out var error);

        error.ShouldBeNull();
        ScoreRounding.Round(decimal.Parse(exact, System.Globalization.CultureInfo.InvariantCulture), rule!)
            .ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("truncate", null, "舍入方式“truncate”无效：应为 half-up（四舍五入）或 half-even（银行家舍入）。")]
    [InlineData(null, "3", "得分保留的小数位数“3”无效：应为 0 到 2 的整数。")]
    [InlineData(null, "-1", "得分保留的小数位数“-1”无效：应为 0 到 2 的整数。")]
    public void A_rule_not_understood_is_refused_with_the_reason(string? midpoint, string? decimals, string expected)
    {
        RoundingRule.Parse(midpoint, decimals, out var error).ShouldBeNull();
        error.ShouldBe(expected);
    }

    [Theory]
    [InlineData(85, 90, 33.75, 31.88)] // 31.875
    [InlineData(1, 3, 10, 3.33)]       // 3.333…
    [InlineData(2, 3, 10, 6.67)]       // 6.666…
    [InlineData(1, 8, 0.1, 0.01)]      // 0.0125
    [InlineData(7, 16, 0.1, 0.04)]     // 0.04375
    [InlineData(1, 16, 0.2, 0.01)]     // 0.0125
    public void A_share_of_the_weight_is_rounded_from_its_exact_value(double part, double whole, double weight, double expected) =>
        ScoreRounding.Round(ScoreRounding.Share((decimal)part, (decimal)whole, (decimal)weight)).ShouldBe((decimal)expected);

    [Theory]
    [InlineData("满意度", "90%", "85%", 33.75, 31.88)]     // 正向: 85 ÷ 90 × 33.75 = 31.875
    [InlineData("满意度", "≥90%", "85%", 33.75, 31.88)]
    [InlineData("投诉率", "≤90%", "95%", 33.75, 31.88)]    // 反向: (1 − 5 ÷ 90) × 33.75 = 31.875
    [InlineData("满意度", "90%", "89.999%", 33.75, 33.75)] // 33.7496… → 33.75
    [InlineData("满意度", "80%", "79.96%", 10, 10)]        // 9.995 → 10
    [InlineData("满意度", "80%", "79.959%", 10, 9.99)]     // 9.994875
    public void Proportional_scores_round_half_up_at_the_boundary(string name, string target, string actual, double weight, double expected)
    {
        var item = ScoreOne(Line(name, (decimal)weight, ScoringMethod.Proportional, target, actual));

        item.Score.ShouldBe((decimal)expected);
    }

    [Fact]
    public void The_ratio_rule_rounds_half_up_too()
    {
        // 85 ÷ 90 × 33.75 = 31.875 with the target 85 and the actual 90 of a lower-is-better line
        var item = ScoreOne(Line("投诉率", 33.75m, ScoringMethod.Proportional, "≤85%", "90%"), LowerIsBetterRule.Ratio);

        item.Score.ShouldBe(31.88m);
    }

    [Fact]
    public void Explanations_show_the_rounded_score()
    {
        var item = ScoreOne(Line("满意度", 33.75m, ScoringMethod.Proportional, "90%", "85%"));

        item.Explanation.ShouldContain("31.88");
    }
}
