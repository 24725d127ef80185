using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Reviews;

namespace Jixiao.Domain.Tests.Reviews;

/// <summary>The scoring of docs/review.md: 100 − Σ min(count × penalty, 24) per rule; bands 90/80/60; caps.</summary>
public class ReviewScoringTests
{
    private static ReviewFinding F(string rule) => new(rule, ReviewRuleSet.Default[rule].Severity, null, "", "", "", "");

    public static TheoryData<string[], int, ReviewOutcome> Cases => new()
    {
        { [], 100, ReviewOutcome.Excellent },
        { ["REV602"], 99, ReviewOutcome.Excellent },                                  // info −1
        { ["REV103", "REV103"], 92, ReviewOutcome.Excellent },                        // 2 warnings −8
        { ["REV103", "REV103", "REV103", "REV103", "REV103", "REV103", "REV103"], 76, ReviewOutcome.Fair }, // 7 × 4 = 28, capped at 24
        { ["REV101"], 88, ReviewOutcome.Good },                                        // one error −12 → 88, and errors cap at 良
        { ["REV702"], 88, ReviewOutcome.Good },
        { ["REV204", "REV102"], 92, ReviewOutcome.Excellent },
        { ["REV101", "REV101", "REV101", "REV105"], 64, ReviewOutcome.Fair },          // −24 (capped) −12
        { ["REV201"], 88, ReviewOutcome.Fair },                                        // no 产出: cap 中
        { ["REV101", "REV101", "REV105", "REV105", "REV306", "REV501"], 28, ReviewOutcome.Poor },
        { ["REV200"], 88, ReviewOutcome.Poor },                                        // no indicators: cap 差
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Scores_deduct_per_finding_with_a_cap_per_rule_and_outcomes_follow_the_bands_and_caps(string[] rules, int score, ReviewOutcome outcome)
    {
        var (s, o) = ReviewEngine.Default.Score(rules.Select(F).ToList());
        s.ShouldBe(score);
        o.ShouldBe(outcome);
    }

    [Theory]
    [InlineData(100, ReviewOutcome.Excellent)]
    [InlineData(90, ReviewOutcome.Excellent)]
    [InlineData(89, ReviewOutcome.Good)]
    [InlineData(80, ReviewOutcome.Good)]
    [InlineData(79, ReviewOutcome.Fair)]
    [InlineData(60, ReviewOutcome.Fair)]
    [InlineData(59, ReviewOutcome.Poor)]
    [InlineData(0, ReviewOutcome.Poor)]
    public void The_default_bands_are_those_of_the_regulation(int score, ReviewOutcome outcome) =>
        ReviewRuleSet.Default.Scoring.OutcomeOf(score).ShouldBe(outcome);

    [Fact]
    public void Outcomes_read_in_chinese_and_only_poor_blocks_budgeting()
    {
        Enum.GetValues<ReviewOutcome>().Select(o => o.Chinese()).ShouldBe(["差", "中", "良", "优"]);
        Enum.GetValues<ReviewOutcome>().Where(o => o.BlocksBudgeting()).ShouldBe([ReviewOutcome.Poor]);
        ReviewOutcome.Good.Consequence().ShouldBe("修改完善后进入预算编制");
        ReviewRuleSet.Default.Scoring.Penalties[Severity.Warning].ShouldBe(4);
    }
}
