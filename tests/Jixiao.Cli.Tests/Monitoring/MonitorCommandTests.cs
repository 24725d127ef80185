using System.Text.Json;

namespace Jixiao.Cli.Tests.Monitoring;

/// <summary>`jixiao monitor`: lights of a filled 监控表 read by the reader, and of a JSON round, by the default or a district's rules.</summary>
public sealed class MonitorCommandTests
{
    private static string Sample(string file) => Path.Combine(CliRunner.RepoRoot, "samples", "monitoring", file);

    private static string Temp(string name, string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"jixiao-monitor-{Guid.NewGuid():N}-{name}");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_filled_monitoring_table_gets_its_lights_and_a_red_project_exits_2()
    {
        var (code, output, error) = CliRunner.Run("monitor", Sample("monitoring-table.txt"));
        error.ShouldBeEmpty();
        code.ShouldBe(2);
        output.ShouldContain("monitoring-table.txt：1–7月，中央（默认）规则，1 个项目：红灯 1，黄灯 0，绿灯 0，蓝灯 0，无法判断 0；重点监控 0");
        output.ShouldContain("[红灯] 社区网格化管理经费（广州市白云区网格化服务管理中心）");
        output.ShouldContain("预算执行：执行 100 ÷ 预算 300 万元 = 33.33%，序时进度 7/12 = 58.33%，比值 0.5714（< 0.6）：红灯。");
        output.ShouldContain("指标“培训网格员人数”：进度 600 ÷ 序时目标 1200 × 7/12 = 85.71%（≥ 80% 且 < 120%）：绿灯。");
        output.ShouldContain("指标“事件办结率”：进度 90 ÷ 指标值 95% = 94.74%（≥ 80% 且 < 120%）：绿灯。");
        // The reader does not read 完成目标可能性: a qualitative indicator of a document is not guessed.
        output.ShouldContain("指标“群众安全感”：定性指标，未填写完成目标可能性，无法判断。");
        output.ShouldContain("红灯项目 1 个（须纠偏）：社区网格化管理经费");
    }

    [Fact]
    public void A_later_month_moves_the_time_share()
    {
        // 100 of 300 by April: 100 × 12 ÷ (300 × 4) = 1 → green; 600 of 1200 people: 1.5 → blue.
        var (code, output, _) = CliRunner.Run("monitor", Sample("monitoring-table.txt"), "--month", "4", "--json");
        code.ShouldBe(0);
        var project = JsonSerializer.Deserialize<JsonElement>(output).GetProperty("projects")[0];
        project.GetProperty("budget").GetProperty("ratio").GetDecimal().ShouldBe(1m);
        project.GetProperty("light").GetString().ShouldBe("green");
        project.GetProperty("indicators")[0].GetProperty("light").GetString().ShouldBe("blue");
        project.GetProperty("indicators")[0].GetProperty("ratio").GetDecimal().ShouldBe(1.5m);
    }

    [Fact]
    public void A_json_round_is_lit_with_exact_boundaries()
    {
        var (code, output, error) = CliRunner.Run("monitor", Sample("round.json"), "--json");
        error.ShouldBeEmpty();
        code.ShouldBe(2);
        var json = JsonSerializer.Deserialize<JsonElement>(output);
        json.GetProperty("kind").GetString().ShouldBe("json");
        json.GetProperty("month").GetInt32().ShouldBe(7);
        var summary = json.GetProperty("summary");
        (summary.GetProperty("red").GetInt32(), summary.GetProperty("yellow").GetInt32(), summary.GetProperty("green").GetInt32(),
            summary.GetProperty("unlit").GetInt32()).ShouldBe((3, 0, 1, 0));
        var projects = json.GetProperty("projects").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        // 35 of 100 万元 by July is exactly 0.6 of the time share: yellow, not red (its 新建点位 makes the project red).
        projects["视频监控运维经费"].GetProperty("budget").GetProperty("ratio").GetDecimal().ShouldBe(0.6m);
        projects["视频监控运维经费"].GetProperty("budget").GetProperty("light").GetString().ShouldBe("yellow");
        projects["视频监控运维经费"].GetProperty("light").GetString().ShouldBe("red");
        // 14 of 20 by July is exactly 1.2: green, budget lights are never blue.
        projects["禁毒宣传经费"].GetProperty("budget").GetProperty("ratio").GetDecimal().ShouldBe(1.2m);
        projects["禁毒宣传经费"].GetProperty("light").GetString().ShouldBe("green");
        projects["社区网格化管理经费"].GetProperty("indicators")[1].GetProperty("light").GetString().ShouldBe("yellow"); // 有可能
    }

    [Fact]
    public void Sichuan_rules_add_their_floor_and_gap_warnings()
    {
        var (code, output, _) = CliRunner.Run("monitor", Sample("round.json"), "--rules", Sample("rules-sichuan.json"), "--month", "8", "--json");
        code.ShouldBe(2);
        var json = JsonSerializer.Deserialize<JsonElement>(output);
        json.GetProperty("district").GetString().ShouldBe("四川省");
        var building = json.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "执法办案中心建设");
        building.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()).ShouldBe(["MON101", "MON103"]);
        building.GetProperty("keyMonitoring").GetBoolean().ShouldBeTrue();
        json.GetProperty("summary").GetProperty("keyMonitoring").GetInt32().ShouldBe(2);
    }

    [Fact]
    public void A_rule_file_that_does_not_validate_is_refused_with_its_line()
    {
        var rules = File.ReadAllText(Sample("rules-hubei.json")).Replace("\"below\": 0.8", "\"below\": 0.5", StringComparison.Ordinal);
        var path = Temp("rules.json", rules);
        var (code, output, error) = CliRunner.Run("monitor", Sample("round.json"), "--rules", path);
        code.ShouldBe(1);
        output.ShouldBeEmpty();
        var line = File.ReadAllLines(path).ToList().FindIndex(l => l.Contains("\"below\": 0.5", StringComparison.Ordinal)) + 1;
        error.Trim().ShouldBe($"监控规则文件 {Path.GetFileName(path)} 第 {line} 行：budget.bands 的分界应从小到大排列（0.5 在 0.6 之后）。");
    }

    [Fact]
    public void A_json_round_with_errors_is_not_lit_and_every_error_is_reported_at_its_line()
    {
        var path = Temp("round.json", """
            {
              "month": 13,
              "projects": [
                { "name": "项目", "budgetWanYuan": -1,
                  "indicators": [ { "name": "指标", "deviationCause": "天气", "likelihood": "大概" } ] }
              ]
            }
            """);
        var (code, output, error) = CliRunner.Run("monitor", path);
        code.ShouldBe(1);
        output.ShouldBeEmpty();
        var name = Path.GetFileName(path);
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ShouldBe([
            $"{name} 第 2 行：month 应为 1 到 12 的整数。",
            $"{name} 第 5 行：偏差原因“天气”不在中央（默认）的分类中（经费保障、制度保障、人员保障、硬件条件保障、其他）。",
            $"{name} 第 5 行：完成目标可能性“大概”无效（应为 确定能、有可能 或 完全不可能）。",
            $"{name} 第 4 行：budgetWanYuan（万元）不能为负数。",
        ]);
    }

    [Theory]
    [InlineData("20-monitoring.txt", 5)]
    [InlineData("22-monitoring.txt", 6)]
    public void A_monitoring_report_without_execution_figures_lights_nothing_rather_than_guessing(string file, int projects)
    {
        var path = Path.Combine(CliRunner.RepoRoot, "tests", "Jixiao.Import.Tests", "Corpus", "docs", file);
        var (code, output, _) = CliRunner.Run("monitor", path, "--json");
        code.ShouldBe(0);
        var summary = JsonSerializer.Deserialize<JsonElement>(output).GetProperty("summary");
        summary.GetProperty("projects").GetInt32().ShouldBe(projects);
        summary.GetProperty("unlit").GetInt32().ShouldBe(projects);
    }

    [Theory]
    [InlineData("--month", "13", "--month 应为 1 到 12 的月份，而不是“13”。")]
    [InlineData("--month", "七", "--month 应为 1 到 12 的月份，而不是“七”。")]
    public void A_bad_month_is_a_usage_error(string option, string value, string message)
    {
        var (code, _, error) = CliRunner.Run("monitor", Sample("round.json"), option, value);
        code.ShouldBe(1);
        error.Trim().ShouldBe(message);
    }
}
