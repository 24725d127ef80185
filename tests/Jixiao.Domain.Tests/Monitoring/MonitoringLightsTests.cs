using System.Globalization;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Tests.Monitoring;

public class MonitoringLightsTests
{
    private static readonly MonitoringRules Rules = MonitoringRules.Default;

    private static decimal D(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    private static ProjectProgress Project(string budget, string? executed, int month, params IndicatorProgress[] indicators) =>
        new("项目", month, D(budget), executed is null ? null : D(executed), indicators);

    private static IndicatorProgress Indicator(string name, string target, string? progress, Likelihood? likelihood = null) =>
        new(name, TargetParser.Parse(target), progress, likelihood);

    [Theory]
    // (执行 ÷ 预算) ÷ (月 ÷ 12): 12 months, so the ratio is the share spent.
    [InlineData("100", "0", 12, "red")]
    [InlineData("100", "59.99", 12, "red")]
    [InlineData("100", "60", 12, "yellow")] // exactly 0.6 is yellow, not red
    [InlineData("100", "79.99", 12, "yellow")]
    [InlineData("100", "80", 12, "green")] // exactly 0.8 is green
    [InlineData("100", "150", 12, "green")] // over-spending is never blue
    // 1–7月: the time share 7/12 is not a finite decimal; 35 of 100 is exactly 0.6 of it (35 × 12 ÷ 700).
    [InlineData("100", "35", 7, "yellow")]
    [InlineData("100", "34.99", 7, "red")]
    [InlineData("300", "140", 7, "green")] // 140 × 12 ÷ 2100 = 0.8
    [InlineData("300", "139.99", 7, "yellow")]
    [InlineData("3", "1", 7, "red")] // 4/7 = 0.571…
    public void Budget_light_compares_execution_with_the_elapsed_share_of_the_year(string budget, string executed, int month, string expected)
    {
        var verdict = MonitoringLights.Budget(Rules.Budget, Project(budget, executed, month));
        verdict.Light!.Value.Name().ShouldBe(expected);
    }

    [Fact]
    public void Budget_ratio_is_exact_at_a_boundary_and_explained()
    {
        var verdict = MonitoringLights.Budget(Rules.Budget, Project("100", "35", 7));
        verdict.Ratio.ShouldBe(0.6m);
        verdict.Explanation.ShouldBe("执行 35 ÷ 预算 100 万元 = 35%，序时进度 7/12 = 58.33%，比值 0.6（≥ 0.6 且 < 0.8）：黄灯。");
    }

    [Theory]
    [InlineData(null, null, "没有预算数，无法计算预算执行灯。")]
    [InlineData("100", null, "未填写 1–7月执行数。")]
    [InlineData("0", "5", "没有预算数，无法计算预算执行灯。")]
    public void Budget_light_is_not_guessed_without_the_numbers(string? budget, string? executed, string why)
    {
        var verdict = MonitoringLights.Budget(Rules.Budget, new ProjectProgress("项目", 7, budget is null ? null : D(budget), executed is null ? null : D(executed), []));
        verdict.Light.ShouldBeNull();
        verdict.Explanation.ShouldBe(why);
    }

    [Theory]
    // progress ÷ (target × 月 ÷ 12) for a quantity; month 6 → half the target is on schedule.
    [InlineData("培训人数", "≥1200人", "0人", 6, "red")] // 0 is red
    [InlineData("培训人数", "≥1200人", "359人", 6, "red")] // 0.598…
    [InlineData("培训人数", "≥1200人", "360人", 6, "yellow")] // exactly 60 %
    [InlineData("培训人数", "≥1200人", "479人", 6, "yellow")]
    [InlineData("培训人数", "≥1200人", "480人", 6, "green")] // exactly 80 %
    [InlineData("培训人数", "≥1200人", "719人", 6, "green")]
    [InlineData("培训人数", "≥1200人", "720人", 6, "blue")] // exactly 120 % is blue
    [InlineData("培训人数", "1200人", "600人", 6, "green")] // no comparator: higher is better by the name
    [InlineData("培训人数", "≥1200", "600", 6, "green")] // no units at all
    [InlineData("新建站点", "≥12个", "7个", 7, "green")] // 7 × 12 ÷ (12 × 7) = 1
    // a rate is a level: compared with the target itself, not with its share of the year
    [InlineData("事件办结率", "≥95%", "57%", 7, "yellow")] // 0.6 exactly
    [InlineData("事件办结率", "≥95%", "90%", 7, "green")]
    [InlineData("事件办结率", "≥95%", "0%", 7, "red")]
    [InlineData("群众满意度", "≥90%", "108%", 7, "blue")]
    // lower is better: target × share ÷ progress
    [InlineData("安全事故发生数", "≤10起", "0起", 6, "green")]
    [InlineData("安全事故发生数", "≤10起", "5起", 6, "green")] // 1.0
    [InlineData("安全事故发生数", "≤10起", "8起", 6, "yellow")] // 0.625
    [InlineData("安全事故发生数", "≤10起", "9起", 6, "red")] // 0.555…
    public void Indicator_light_compares_progress_with_the_target_by_its_direction(string name, string target, string progress, int month, string expected)
    {
        var verdict = MonitoringLights.Indicator(Rules, Indicator(name, target, progress), month);
        verdict.Light!.Value.Name().ShouldBe(expected, verdict.Explanation);
    }

    [Theory]
    [InlineData(Likelihood.Certain, "green")]
    [InlineData(Likelihood.Possible, "yellow")]
    [InlineData(Likelihood.Impossible, "red")]
    public void A_qualitative_indicator_takes_the_light_of_the_stated_likelihood(Likelihood likelihood, string expected)
    {
        var verdict = MonitoringLights.Indicator(Rules, Indicator("群众安全感", "提高", "有所提高", likelihood), 7);
        verdict.Light!.Value.Name().ShouldBe(expected);
        verdict.Explanation.ShouldStartWith("定性指标，按完成目标可能性“" + likelihood.Chinese() + "”");
    }

    [Fact]
    public void Progress_in_words_on_a_numeric_target_also_uses_the_likelihood()
    {
        MonitoringLights.Indicator(Rules, Indicator("培训人数", "≥1200人", "按计划推进", Likelihood.Possible), 7).Light.ShouldBe(Light.Yellow);
        var unknown = MonitoringLights.Indicator(Rules, Indicator("培训人数", "≥1200人", "按计划推进"), 7);
        unknown.Light.ShouldBeNull();
        unknown.Explanation.ShouldBe("进度“按计划推进”不是数值，未填写完成目标可能性，无法判断。");
    }

    [Theory]
    [InlineData("≥1200人", "600万人", "进度的计量单位“万人”与指标值的“人”不同，无法比较。")]
    [InlineData("≥1200人", null, "未填写 1–7月完成情况。")]
    [InlineData("≥1200人", "  ", "未填写 1–7月完成情况。")]
    public void An_indicator_light_is_not_guessed_from_progress_that_cannot_be_compared(string target, string? progress, string why)
    {
        var verdict = MonitoringLights.Indicator(Rules, Indicator("培训人数", target, progress), 7);
        verdict.Light.ShouldBeNull();
        verdict.Explanation.ShouldBe(why);
    }

    [Fact]
    public void A_project_light_is_its_worst_light()
    {
        var project = Project("100", "70", 7,
            Indicator("培训人数", "≥1200人", "1000人"), // 1000 × 12 ÷ 8400 = 1.43: blue
            Indicator("事件办结率", "≥95%", "70%"), // 0.737: yellow
            Indicator("群众安全感", "提高", "有所提高", Likelihood.Certain)); // green
        var lights = MonitoringLights.Compute(Rules, project);
        lights.Budget.Light.ShouldBe(Light.Green); // 70 × 12 ÷ 700 = 1.2
        lights.Indicators.Select(i => i.Verdict.Light).ShouldBe([Light.Blue, Light.Yellow, Light.Green]);
        lights.Light.ShouldBe(Light.Yellow);
        lights.Warnings.ShouldBeEmpty();
        MonitoringLights.Compute(Rules, project with { ExecutedWanYuan = 10 }).Light.ShouldBe(Light.Red);
    }

    [Fact]
    public void A_project_with_nothing_to_compare_has_no_light()
    {
        var lights = MonitoringLights.Compute(Rules, new ProjectProgress("项目", 7, 100, null, [Indicator("群众安全感", "提高", null)]));
        lights.Light.ShouldBeNull();
    }

    private static MonitoringRules Sichuan()
    {
        var json = File.ReadAllText(Path.Combine(Evaluations.SeedSheets.RepoRoot, "samples", "monitoring", "rules-sichuan.json"));
        return MonitoringRules.Load(json, "rules-sichuan.json").Rules!;
    }

    [Theory]
    [InlineData(4, "24.99", true)]
    [InlineData(4, "25", false)] // at the floor is not below it
    [InlineData(5, "24.99", true)] // 1–5月: the 1–4月 floor applies
    [InlineData(6, "39.99", true)]
    [InlineData(6, "40", false)]
    [InlineData(8, "59.99", true)]
    [InlineData(10, "79.99", true)]
    [InlineData(10, "80", false)]
    [InlineData(3, "0", false)] // before the first floor there is none
    public void Sichuan_floors_warn_below_25_40_60_80_percent_at_months_4_6_8_10(int month, string executed, bool warned)
    {
        var lights = MonitoringLights.Compute(Sichuan(), Project("100", executed, month));
        lights.Warnings.Any(w => w.Code == MonitoringLights.FloorCode).ShouldBe(warned);
        if (warned)
        {
            lights.Light.ShouldBe(Light.Red);
        }
    }

    [Theory]
    [InlineData("50", "600人", false)] // 50 % against 50 %
    [InlineData("40", "600人", false)] // exactly 10 points apart is not more than 10
    [InlineData("39.99", "600人", true)]
    [InlineData("50", "721人", true)] // 60.08 % against 50 %
    public void Sichuan_gap_warns_when_target_and_budget_progress_are_more_than_10_points_apart(string executed, string progress, bool warned)
    {
        var lights = MonitoringLights.Compute(Sichuan(), Project("100", executed, 6, Indicator("培训人数", "≥1200人", progress)));
        lights.Warnings.Any(w => w.Code == MonitoringLights.GapCode).ShouldBe(warned);
    }

    [Theory]
    [InlineData("200", "120", 8, true)] // 200 万元, exactly 60 % by August
    [InlineData("199.99", "0", 8, false)]
    [InlineData("200", "120.01", 8, false)]
    [InlineData("500", "100", 7, false)] // a 1–7月 round cannot tell the end of August
    [InlineData("500", "100", 9, true)]
    public void Key_monitoring_selects_large_projects_spent_at_most_60_percent_by_the_end_of_August(string budget, string executed, int month, bool selected)
    {
        var lights = MonitoringLights.Compute(Rules, Project(budget, executed, month));
        lights.KeyMonitoring.ShouldBe(selected);
        lights.Warnings.Any(w => w.Code == MonitoringLights.KeyMonitoringCode).ShouldBe(selected);
    }
}
