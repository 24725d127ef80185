using Jixiao.Domain.Monitoring;

namespace Jixiao.Domain.Tests.Monitoring;

public class MonitoringRulesTests
{
    private static string Sample(string file) => File.ReadAllText(Path.Combine(Evaluations.SeedSheets.RepoRoot, "samples", "monitoring", file));

    [Fact]
    public void The_central_default_has_the_136_rules_and_cites_each_source()
    {
        var rules = MonitoringRules.Default;
        rules.District.ShouldBe("中央（默认）");
        rules.Budget.Bands.Bands.ShouldBe([new LightBand(Light.Red, 0.6m), new LightBand(Light.Yellow, 0.8m), new LightBand(Light.Green, null)]);
        rules.Indicator.Bands.Bands.ShouldBe([new LightBand(Light.Red, 0.6m), new LightBand(Light.Yellow, 0.8m), new LightBand(Light.Green, 1.2m), new LightBand(Light.Blue, null)]);
        rules.Indicator.Zero.ShouldBe(Light.Red);
        rules.Qualitative.Lights[Likelihood.Certain].ShouldBe(Light.Green);
        rules.Qualitative.Lights[Likelihood.Possible].ShouldBe(Light.Yellow);
        rules.Qualitative.Lights[Likelihood.Impossible].ShouldBe(Light.Red);
        rules.Floors.ShouldBeNull();
        rules.Gap.ShouldBeNull();
        rules.KeyMonitoring.ShouldBe(new KeyMonitoringRule(200m, 8, 0.6m, rules.KeyMonitoring!.Source));
        rules.DeviationCauses.Causes.ShouldBe(["经费保障", "制度保障", "人员保障", "硬件条件保障", "其他"]);
        rules.Budget.Source.ShouldContain("财预〔2019〕136号");
        rules.DeviationCauses.Source.ShouldContain("财预〔2019〕136号");
    }

    [Fact]
    public void Sichuan_switches_on_the_floors_and_the_gap_and_Hubei_has_its_own_causes()
    {
        var sichuan = MonitoringRules.Load(Sample("rules-sichuan.json"), "rules-sichuan.json").Rules!;
        sichuan.Floors!.Points.ShouldBe([new FloorPoint(4, 0.25m), new FloorPoint(6, 0.40m), new FloorPoint(8, 0.60m), new FloorPoint(10, 0.80m)]);
        sichuan.Floors.Source.ShouldContain("川财绩〔2025〕10号");
        sichuan.Gap!.MaxPoints.ShouldBe(10m);
        var hubei = MonitoringRules.Load(Sample("rules-hubei.json"), "rules-hubei.json").Rules!;
        hubei.DeviationCauses.Causes.ShouldBe(["规划和目标设计", "投入保障", "制度保障", "项目管理"]);
    }

    private const string Valid = """
        {
          "version": "1",
          "district": "测试",
          "budget": {
            "source": "财预〔2019〕136号",
            "bands": [
              { "light": "red", "below": 0.6 },
              { "light": "yellow", "below": 0.8 },
              { "light": "green" }
            ]
          },
          "indicator": {
            "source": "财预〔2019〕136号",
            "bands": [ { "light": "red", "below": 0.6 }, { "light": "green" } ]
          },
          "qualitative": {
            "source": "财预〔2019〕136号",
            "likelihood": { "确定能": "green", "有可能": "yellow", "完全不可能": "red" }
          },
          "deviationCauses": { "source": "财预〔2019〕136号", "causes": ["经费保障"] }
        }
        """;

    [Theory]
    [InlineData("\"workingDays\": 15", 15, "2026-07-31")]
    [InlineData("\"workingDays\": 10, \"holidays\": [\"2026-07-13..2026-07-14\"]", 10, "2026-07-28")]
    [InlineData("\"workingDays\": 10, \"holidays\": [\"2026-07-13\"], \"workdays\": [\"2026-07-18\"]", 10, "2026-07-24")]
    public void A_district_sets_its_own_answer_time_and_calendar(string fields, int days, string deadlineOfJuly10)
    {
        var load = MonitoringRules.Load(Valid.Replace("\"deviationCauses\"", $"\"correction\": {{ \"source\": \"本地区\", {fields} }},\n  \"deviationCauses\"",
            StringComparison.Ordinal), "r.json");
        load.Error.ShouldBeNull();
        load.Rules!.Correction.WorkingDays.ShouldBe(days);
        CorrectionWorkflow.Deadline(load.Rules.Correction, new DateOnly(2026, 7, 10)).ShouldBe(DateOnly.Parse(deadlineOfJuly10));
    }

    [Fact]
    public void A_district_file_without_a_correction_section_keeps_the_central_answer_time() =>
        MonitoringRules.Load(Valid, "r.json").Rules!.Correction.ShouldBe(MonitoringRules.Default.Correction);

    [Theory]
    [InlineData("\"workingDays\": 0", "correction.workingDays 应为 1 到 60 的整数工作日，现为 0。")]
    [InlineData("\"workingDays\": 10.5", "correction.workingDays 应为 1 到 60 的整数工作日，现为 10.5。")]
    [InlineData("\"workingDays\": 10, \"holidays\": [\"2026-13-01\"]", "correction.holidays 第 1 项“2026-13-01”应为日期 yyyy-MM-dd 或日期范围 yyyy-MM-dd..yyyy-MM-dd。")]
    [InlineData("\"workingDays\": 10, \"holidays\": [\"2026-10-07..2026-10-01\"]", "correction.holidays 第 1 项“2026-10-07..2026-10-01”的范围应从早到晚且不超过 31 天。")]
    [InlineData("\"workingDays\": 10, \"holidays\": [\"2026-10-01..2026-10-07\"], \"workdays\": [\"2026-10-03\"]", "correction 中 2026-10-03 既是放假日又是调休上班日。")]
    [InlineData("\"workingDays\": 10, \"weekends\": []", "correction 中没有“weekends”这一项（可用：source、workingDays、holidays、workdays）。")]
    public void Refuses_a_correction_section_that_does_not_validate(string fields, string reason)
    {
        var load = MonitoringRules.Load(Valid.Replace("\"deviationCauses\"", $"\"correction\": {{ \"source\": \"本地区\", {fields} }},\n  \"deviationCauses\"",
            StringComparison.Ordinal), "r.json");
        load.Rules.ShouldBeNull();
        load.Error!.Code.ShouldBe("MON001");
        load.Error.Message.ShouldBe($"监控规则文件 r.json 第 20 行：{reason}");
    }

    [Fact]
    public void A_minimal_file_without_the_options_loads_with_them_off()
    {
        var load = MonitoringRules.Load(Valid, "r.json");
        load.Error.ShouldBeNull();
        load.Rules!.Floors.ShouldBeNull();
        load.Rules.KeyMonitoring.ShouldBeNull();
        load.Rules.Indicator.Zero.ShouldBe(Light.Red);
        load.Rules.Indicator.LevelUnits.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("{ \"light\": \"yellow\", \"below\": 0.8 }", "{ \"light\": \"yellow\", \"below\": 0.5 }", 8,
        "budget.bands 的分界应从小到大排列（0.5 在 0.6 之后）。")]
    [InlineData("{ \"light\": \"yellow\", \"below\": 0.8 }", "{ \"light\": \"amber\", \"below\": 0.8 }", 8,
        "budget.bands[1].light 的灯色“amber”无效（应为 red、yellow、green 或 blue）。")]
    [InlineData("{ \"light\": \"yellow\", \"below\": 0.8 }", "{ \"light\": \"yellow\", \"bellow\": 0.8 }", 8,
        "budget.bands[1] 中没有“bellow”这一项（可用：light、below）。")]
    [InlineData("{ \"light\": \"yellow\", \"below\": 0.8 }", "{ \"light\": \"yellow\" }", 8,
        "budget.bands 第 2 档缺少 below（低于该比值时亮黄灯）；只有最后一档可以没有。")]
    [InlineData("{ \"light\": \"green\" }", "{ \"light\": \"green\", \"below\": 2 }", 9,
        "budget.bands 的最后一档不应有 below：它承接其余所有比值。")]
    [InlineData("\"source\": \"财预〔2019〕136号\",\n    \"bands\"", "\"bands\"", 4,
        "缺少 budget.source（每条规则须写明依据，如 财预〔2019〕136号）。")]
    [InlineData("\"有可能\": \"yellow\", ", "", 18, "qualitative.likelihood 缺少“有可能”的灯色。")]
    [InlineData("\"causes\": [\"经费保障\"]", "\"causes\": [\"经费保障\", \"经费保障\"]", 20, "deviationCauses.causes 中“经费保障”重复。")]
    [InlineData("\"causes\": [\"经费保障\"]", "\"causes\": []", 20, "deviationCauses.causes 应为至少有一项的文字数组。")]
    [InlineData("\"district\": \"测试\",", "\"district\": \"测试\",\n  \"floors\": { \"source\": \"川\", \"light\": \"red\", \"points\": [ { \"month\": 13, \"min\": 0.25 } ] },", 4,
        "floors.points[0].month 应为 1 到 12 的月份，现为 13。")]
    [InlineData("\"district\": \"测试\",", "\"district\": \"测试\",\n  \"gap\": { \"source\": \"川\", \"light\": \"red\", \"maxPoints\": \"10\" },", 4,
        "gap.maxPoints 应为数字。")]
    [InlineData("\"district\": \"测试\",", "\"district\": \"测试\",\n  \"keyMonitoring\": { \"source\": \"x\", \"minBudgetWanYuan\": 200, \"byMonth\": 8, \"maxExecution\": 60 },", 4,
        "keyMonitoring.maxExecution 应为 0 到 1 之间的比例（0.6 即 60 %），现为 60。")]
    [InlineData("\"district\": \"测试\",", "\"district\": \"测试\",\n  \"colour\": 1,", 4, "文件中没有“colour”这一项（可用：version、district、budget、indicator、qualitative、floors、gap、keyMonitoring、deviationCauses、correction）。")]
    [InlineData("\"version\": \"1\",", "\"version\": \"1\"", 3, "不是有效的 JSON")]
    [InlineData("\"district\": \"测试\",", "\"district\": \"测试\",\n  \"version\": \"2\",", 4, "不是有效的 JSON（“version”出现了两次，只能写一次）。")]
    [InlineData("\"district\": \"测试\",", "\"district\": \"测试\",\n  \"budget\": 5,", 5, "不是有效的 JSON（“budget”出现了两次，只能写一次）。")]
    public void A_file_that_does_not_validate_is_refused_with_its_line_and_the_reason(string find, string replace, int line, string reason)
    {
        Valid.ShouldContain(find);
        var load = MonitoringRules.Load(Valid.Replace(find, replace, StringComparison.Ordinal), "r.json");
        load.Rules.ShouldBeNull();
        load.Error!.Code.ShouldBe("MON001");
        load.Error.Location!.Line.ShouldBe(line);
        load.Error.Message.ShouldStartWith($"监控规则文件 r.json 第 {line} 行：{reason}");
    }
}
