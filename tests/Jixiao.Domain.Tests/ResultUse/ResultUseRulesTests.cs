using Jixiao.Domain.ResultUse;
using Shouldly;
using Xunit;

namespace Jixiao.Domain.Tests.ResultUse;

public class ResultUseRulesTests
{
    private const long Wan = 1_000_000; // 1 万元 in 分

    [Theory]
    // grade, one-off, budget 万元, request 万元 → action, advised 万元, finding
    [InlineData("优", false, "100", "120", ResultAction.Prioritize, "120", false)]
    [InlineData("良", false, "100", null, ResultAction.Prioritize, "100", false)]
    [InlineData("中", false, "100", "100", ResultAction.Cut, "90", true)]
    [InlineData("中", false, "100", "120", ResultAction.Cut, "90", true)]
    [InlineData("中", false, "100", "80", ResultAction.Cut, "80", false)]
    [InlineData("中", false, "100", "99.99", ResultAction.Cut, "90", false)]
    [InlineData("中", false, "100", null, ResultAction.Cut, "90", false)]
    [InlineData("低", false, "100", "100", ResultAction.Cut, "80", true)]
    [InlineData("差", false, "100", "100", ResultAction.Cut, "70", true)]
    [InlineData("差", false, "33.33", "40", ResultAction.Cut, "23.331", true)]
    [InlineData("差", true, "100", "50", ResultAction.NoSimilarNew, "0", false)]
    [InlineData("差", true, "100", "100", ResultAction.NoSimilarNew, "0", true)]
    [InlineData("优", true, "100", "30", ResultAction.Normal, "30", false)]
    [InlineData("中", true, "100", null, ResultAction.Normal, null, false)]
    public void Advises_by_the_default_rules(string grade, bool oneOff, string budget, string? request, ResultAction action, string? advised, bool finding)
    {
        var advice = ResultUseAdvice.Advise(ResultUseRules.Default, 2024, grade, oneOff, Fen(budget), request is { } r ? Fen(r) : null);

        advice.Rule.ShouldNotBeNull().Action.ShouldBe(action);
        advice.AdvisedFen.ShouldBe(advised is { } a ? Fen(a) : null);
        (advice.Finding is not null).ShouldBe(finding);
    }

    [Fact]
    public void The_finding_names_the_grade_both_amounts_and_the_advice()
    {
        var advice = ResultUseAdvice.Advise(ResultUseRules.Default, 2024, "中", false, 100 * Wan, 105 * Wan);

        advice.Finding.ShouldBe("评价等级为“中”，下年申请 105.00 万元不低于本年预算 100.00 万元：结果应用不到位（控制新增，压减 10%）。");
    }

    [Theory]
    [InlineData(null, 2024)]
    [InlineData("优", 2019)]
    public void Gives_no_advice_without_a_grade_or_a_rule_for_the_year(string? grade, int year) =>
        ResultUseAdvice.Advise(ResultUseRules.Default, year, grade, false, 100 * Wan, 120 * Wan).ShouldBe(new ResultAdvice(null, null, null));

    [Fact]
    public void The_default_file_cites_its_source()
    {
        var period = ResultUseRules.Default.For(2025).ShouldNotBeNull();

        period.Source.ShouldContain("财预〔2020〕10号");
        period.Recurring["差"].Percent.ShouldBe(30m);
    }

    [Fact]
    public void A_year_takes_the_rules_of_its_period()
    {
        var rules = Load(Periods(Period(2020, 2023, 10), Period(2024, null, 15))).Rules.ShouldNotBeNull();

        ResultUseAdvice.Advise(rules, 2023, "中", false, 100 * Wan, null).AdvisedFen.ShouldBe(90 * Wan);
        ResultUseAdvice.Advise(rules, 2024, "中", false, 100 * Wan, null).AdvisedFen.ShouldBe(85 * Wan);
    }

    [Theory]
    [InlineData("{", 1, "不是有效的 JSON")]
    [InlineData("""{ "version": "1", "district": "测试", "periods": [] }""", 1, "periods 应为至少有一项的数组")]
    [InlineData("""{ "version": "1", "district": "测试", "extra": 1, "periods": [] }""", 1, "文件 中的“extra”不是已知的字段")]
    public void Refuses_a_bad_file_at_its_line(string json, int line, string reason)
    {
        var load = Load(json);

        load.Rules.ShouldBeNull();
        var error = load.Error.ShouldNotBeNull();
        error.Code.ShouldBe("RES001");
        error.Location.ShouldNotBeNull().Line.ShouldBe(line);
        error.Message.ShouldContain(reason);
    }

    [Theory]
    [InlineData("\"cut\", \"percent\": 0", "percent 应大于 0、小于 100")]
    [InlineData("\"cut\", \"percent\": 100", "percent 应大于 0、小于 100")]
    [InlineData("\"cut\"", "是压减（cut），须写 percent")]
    [InlineData("\"prioritize\", \"percent\": 5", "percent 只用于压减（cut）")]
    [InlineData("\"halve\"", "action “halve”无效")]
    public void Refuses_a_bad_rule_for_a_grade(string middle, string reason)
    {
        var json = Periods(Period(2020, null, 10)).Replace("\"cut\", \"percent\": 10", middle, StringComparison.Ordinal);

        var error = Load(json).Error.ShouldNotBeNull();
        error.Message.ShouldContain(reason);
        error.Message.ShouldContain("periods[0].recurring.中");
        error.Location.ShouldNotBeNull().Line.ShouldNotBeNull().ShouldBeGreaterThan(1);
    }

    [Fact]
    public void Refuses_overlapping_periods_and_a_missing_grade()
    {
        Load(Periods(Period(2020, null, 10), Period(2024, null, 15))).Error.ShouldNotBeNull().Message.ShouldContain("重叠");
        Load(Periods(Period(2020, null, 10).Replace("\"良\": { \"action\": \"prioritize\", \"wording\": \"支持\" },", "", StringComparison.Ordinal)))
            .Error.ShouldNotBeNull().Message.ShouldContain("缺少等级“良”的规则");
    }

    private static long Fen(string wanYuan) => (long)Math.Round(decimal.Parse(wanYuan, System.Globalization.CultureInfo.InvariantCulture) * Wan);

    private static ResultUseRulesLoad Load(string json) => ResultUseRules.Load(json, "rules.json");

    private static string Periods(params string[] periods) =>
        "{\n\"version\": \"1\",\n\"district\": \"测试区\",\n\"periods\": [\n" + string.Join(",\n", periods) + "\n]\n}";

    private static string Period(int from, int? to, int cut) => $$"""
        {
          "fromYear": {{from}}, "toYear": {{(to is null ? "null" : to.ToString())}}, "source": "测试",
          "findingGrades": ["中", "差"],
          "recurring": {
            "优": { "action": "prioritize", "wording": "支持" },
            "良": { "action": "prioritize", "wording": "支持" },
            "中": { "action": "cut", "percent": {{cut}}, "wording": "压减" },
            "差": { "action": "cancel", "wording": "取消" }
          },
          "oneOff": {
            "优": { "action": "normal", "wording": "正常" },
            "良": { "action": "normal", "wording": "正常" },
            "中": { "action": "normal", "wording": "正常" },
            "差": { "action": "noSimilarNew", "wording": "不再安排" }
          }
        }
        """;
}
