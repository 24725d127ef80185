using Jixiao.Domain.Evaluations;
using Microsoft.Extensions.Configuration;

namespace Jixiao.Web.Tests;

/// <summary>The web app's rounding of scores: Jixiao:Scoring:Rounding and :Decimals; a value not understood stops the start.</summary>
public sealed class ScoreRoundingStartTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Without_settings_scores_round_half_up_to_two_decimals()
    {
        ServiceRegistration.ScoreRoundingOf(Settings()).ShouldBe(RoundingRule.HalfUp);
    }

    [Fact]
    public void A_district_may_round_half_to_even_or_to_fewer_decimals()
    {
        var rule = ServiceRegistration.ScoreRoundingOf(Settings(("Jixiao:Scoring:Rounding", "half-even"), ("Jixiao:Scoring:Decimals", "1")));

        rule.ShouldBe(new RoundingRule(1, MidpointRounding.ToEven));
        ScoreRounding.Round(31.85m, rule).ShouldBe(31.8m);
    }

    [Fact]
    public void A_rounding_not_understood_stops_the_start_with_the_reason()
    {
        Should.Throw<InvalidDataException>(() => ServiceRegistration.ScoreRoundingOf(Settings(("Jixiao:Scoring:Rounding", "down"))))
            .Message.ShouldBe("配置 Jixiao:Scoring 无效：舍入方式“down”无效：应为 half-up（四舍五入）或 half-even（银行家舍入）。");
    }
}
