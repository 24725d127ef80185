using Jixiao.Domain.Monitoring;

namespace Jixiao.Domain.Tests.Monitoring;

public class MonitoringRoundJsonTests
{
    [Theory]
    [InlineData("{\n  \"month\": 7,\n  \"month\": 8,\n  \"projects\": []\n}", 3, "r.json 第 3 行：不是有效的 JSON（“month”出现了两次，只能写一次）。")]
    [InlineData("[1, 2]", 1, "r.json 第 1 行：监控数据应为 JSON 对象（{ \"month\": 7, \"projects\": […] }）。")]
    [InlineData("{\n  \"month\": 7,\n  \"projects\": []\n}", 3, "r.json 第 3 行：缺少 projects（至少一个项目）。")]
    [InlineData("{\n  \"projects\": [\n    { \"name\": \"\" }\n  ]\n}", 3, "r.json 第 3 行：name 不能为空。")]
    [InlineData("{\n  \"projects\": [ { \"name\": \"项目\", \"executedWanYuan\": \"100\" } ]\n}", 2, "r.json 第 2 行：executedWanYuan 应为数字（万元）。")]
    [InlineData("{\n  \"projects\": [\n    { \"name\": \"\\ud800\" }\n  ]\n}", 3, "r.json 第 3 行：不是有效的 JSON（有无效的字符，如单独的 \\ud800 代理项：请删除或改正该字符）。")]
    [InlineData("{\n  \"month\": 7 8\n}", 2, "r.json 第 2 行：不是有效的 JSON（请检查该行附近的括号、引号、逗号和冒号）。")]
    public void A_round_that_does_not_read_is_reported_at_its_line(string json, int line, string message)
    {
        var (round, errors) = MonitoringRoundJson.Read(json, "r.json", MonitoringRules.Default);
        round.ShouldBeNull();
        errors[0].Code.ShouldBe("MON002");
        errors[0].Location!.Line.ShouldBe(line);
        errors[0].Message.ShouldBe(message);
    }

    [Fact]
    public void Nesting_too_deep_for_the_parser_is_an_error_not_an_exception()
    {
        var (round, errors) = MonitoringRoundJson.Read(new string('[', 200) + new string(']', 200), "r.json", MonitoringRules.Default);
        round.ShouldBeNull();
        errors.Single().Message.ShouldStartWith("r.json 第 1 行：不是有效的 JSON（");
    }

    [Fact]
    public void A_round_reads_its_projects_in_wan_yuan_with_their_indicators()
    {
        var (round, errors) = MonitoringRoundJson.Read("""
            { "year": 2024, "month": 6, "projects": [ { "name": "项目", "budgetWanYuan": 100.5, "executedWanYuan": 50.25,
              "indicators": [ { "name": "培训人数", "target": "≥1200人", "progress": "600人", "likelihood": "确定能", "deviationCause": "其他" } ] } ] }
            """, "r.json", MonitoringRules.Default);
        errors.ShouldBeEmpty();
        round!.Month.ShouldBe(6);
        var project = round.Projects.Single();
        project.BudgetWanYuan.ShouldBe(100.5m);
        var lights = MonitoringLights.Compute(MonitoringRules.Default, project.Progress(round.Month!.Value));
        lights.Budget.Ratio.ShouldBe(1m); // 50.25 × 12 ÷ (100.5 × 6)
        lights.Indicators.Single().Verdict.Light.ShouldBe(Light.Green);
    }
}
