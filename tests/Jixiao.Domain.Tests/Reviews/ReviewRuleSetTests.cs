using System.Text;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Reviews;
using static Jixiao.Domain.Tests.Reviews.ProjectBuilder;

namespace Jixiao.Domain.Tests.Reviews;

public class ReviewRuleSetTests
{
    private static MemoryStream Json(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void The_built_in_file_configures_every_check_with_a_chinese_message_and_a_regulation()
    {
        var rules = ReviewRuleSet.Default;
        rules.Rules.Select(r => r.Id).Order(StringComparer.Ordinal).ShouldBe(ReviewEngine.KnownRuleIds.Order(StringComparer.Ordinal));
        rules.Rules.ShouldAllBe(r => r.Enabled && r.Message.Length > 0 && r.Suggestion.Length > 0 && r.Regulation.Length > 0);
        rules.Rules.Select(r => r.Group).Distinct().Count().ShouldBeGreaterThanOrEqualTo(8);
    }

    [Fact]
    public void A_district_file_switches_rules_off_and_changes_severity_and_parameters()
    {
        var rules = ReviewRuleSet.Default.WithOverride(Json("""
            {
              "version": "4401-2024",
              "scoring": { "bands": [ { "outcome": "优", "min": 85 }, { "outcome": "良", "min": 70 }, { "outcome": "中", "min": 60 }, { "outcome": "差", "min": 0 } ] },
              "rules": [
                { "id": "REV204", "enabled": false },
                { "id": "REV205", "parameters": { "minIndicators": 8 } },
                { "id": "REV103", "severity": "info", "message": "“{indicator}”缺比较符" }
              ]
            }
            """));
        rules.Version.ShouldBe("4401-2024");
        rules.Scoring.OutcomeOf(86).ShouldBe(ReviewOutcome.Excellent);
        rules.Scoring.Penalties[Severity.Error].ShouldBe(ReviewRuleSet.Default.Scoring.Penalties[Severity.Error]);

        var clean = Clean();
        var project = clean with { Indicators = [.. clean.Indicators.Where(i => i.Level1Code != "4"), I("1-产出指标", "12-质量指标", "设备完好率", "95%")] };
        var review = Review(project, new ReviewEngine(rules));
        review.Rules().Order(StringComparer.Ordinal).ShouldBe(["REV103", "REV205"]);
        review.On("REV103").Single().Message.ShouldBe("“设备完好率”缺比较符");
        review.On("REV103").Single().Severity.ShouldBe(Severity.Info);
        review.On("REV205").Single().Message.ShouldContain("少于8项");
        rules["REV205"].Parameters.Count.ShouldBe(1);
        rules["REV101"].Strings("measurableSuffixes").ShouldContain("率");
    }

    [Fact]
    public void Rules_can_be_toggled_without_a_file()
    {
        var rules = ReviewRuleSet.Default.WithEnabled(new Dictionary<string, bool> { ["REV602"] = false });
        rules["REV602"].Enabled.ShouldBeFalse();
        ReviewRuleSet.Default["REV602"].Enabled.ShouldBeTrue();
    }

    public static TheoryData<string, string> BadOverrides => new()
    {
        { """{ "rules": [ { "id": "REV999", "enabled": false } ] }""", "REV999" },
        { """{ "rules": [ { "enabled": false } ] }""", "缺少 id" },
        { """{ "rules": [ { "id": "REV101", "severity": "fatal" } ] }""", "级别“fatal”无效" },
        { """{ "rules": [ { "id": "REV201", "cap": "优秀" } ] }""", "cap“优秀”无效" },
        { """{ "rules": [ { "id": "REV205", "parameters": { "minIndicators": "三" } } ] }""", "REV205" },
        { """{ "scoring": { "bands": [ { "outcome": "优", "min": 90 } ] } }""", "从 0 分开始" },
        { """{ "rules": [ """, "格式错误" },
    };

    [Theory]
    [MemberData(nameof(BadOverrides))]
    public void A_bad_override_is_rejected_with_a_chinese_reason(string json, string reason)
    {
        var ex = Should.Throw<InvalidDataException>(() => ReviewRuleSet.Default.WithOverride(Json(json)));
        ex.Message.ShouldContain(reason);
    }
}
