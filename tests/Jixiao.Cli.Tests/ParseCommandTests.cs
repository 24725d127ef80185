using System.Text.Json;
using Jixiao.Cli.Commands;

namespace Jixiao.Cli.Tests;

public class ParseCommandTests
{
    private static string Repo(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Jixiao.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, relative);
    }

    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = JixiaoCli.Run(args, new CliContext(output, error));
        return (exit, output.ToString(), error.ToString());
    }

    private static readonly string Seed002 = Repo("samples/seeds/002_57b7928e8e0f944a.txt");
    private static readonly string Seed003 = Repo("samples/seeds/003_3854a258b9068c95.txt");

    [Fact]
    public void Json_output_has_units_projects_indicators_targets_and_diagnostics()
    {
        var (exit, output, _) = Run("parse", Seed002, "--json");

        exit.ShouldBe(ExitCodes.Ok);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.GetProperty("statedTotal").GetDecimal().ShouldBe(50061.31m);
        var unit = root.GetProperty("units")[0];
        unit.GetProperty("name").GetString().ShouldBe("广州市公安局白云区分局");
        unit.GetProperty("statedTotal").GetDecimal().ShouldBe(50061.31m);
        unit.GetProperty("projects").GetArrayLength().ShouldBe(55);
        var project = unit.GetProperty("projects")[0];
        project.GetProperty("name").GetString().ShouldBe("分局中心枪库改造工程");
        project.GetProperty("amounts").GetProperty("total").GetDecimal().ShouldBe(5.67m);
        project.GetProperty("amounts").GetProperty("fiscal").GetDecimal().ShouldBe(5.67m);
        project.GetProperty("amounts").GetProperty("fiscalSpecial").ValueKind.ShouldBe(JsonValueKind.Null);
        project.GetProperty("amounts").GetProperty("other").ValueKind.ShouldBe(JsonValueKind.Null);
        project.GetProperty("amountUnit").GetString().ShouldBe("万元");
        project.GetProperty("goal").GetString()!.ShouldStartWith("完成分局中心枪库改造工程的设计");
        project.GetProperty("location").GetString().ShouldBe("002_57b7928e8e0f944a.txt:13");
        var indicator = project.GetProperty("indicators")[1];
        indicator.GetProperty("level1").GetString().ShouldBe("产出指标");
        indicator.GetProperty("level2").GetString().ShouldBe("质量指标");
        indicator.GetProperty("name").GetString().ShouldBe("施工质量合格率（%）");
        indicator.GetProperty("periodTarget").GetProperty("text").GetString().ShouldBe("100%");
        indicator.GetProperty("periodTarget").GetProperty("kind").GetString().ShouldBe("quantitative");
        indicator.GetProperty("annualTarget").GetProperty("value").GetDecimal().ShouldBe(100m);
        indicator.GetProperty("location").GetString().ShouldBe("002_57b7928e8e0f944a.txt:13");
        var diagnostic = root.GetProperty("diagnostics")[0];
        diagnostic.GetProperty("severity").GetString().ShouldBe("info");
        diagnostic.GetProperty("code").GetString().ShouldBe("IMP021");
        diagnostic.GetProperty("location").GetString().ShouldBe("002_57b7928e8e0f944a.txt:14");
        diagnostic.GetProperty("message").GetString()!.ShouldContain("重新从1开始");
    }

    [Fact]
    public void Several_files_give_an_array_in_argument_order()
    {
        var (exit, output, _) = Run("parse", Seed002, Seed003, "--json");

        exit.ShouldBe(ExitCodes.Ok);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetArrayLength().ShouldBe(2);
        json.RootElement[1].GetProperty("statedTotal").GetDecimal().ShouldBe(1997.76m);
        json.RootElement[1].GetProperty("units").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public void The_summary_is_readable_chinese()
    {
        var (exit, output, _) = Run("parse", Seed003);

        exit.ShouldBe(ExitCodes.Ok);
        output.ShouldContain("共 2 个单位、18 个项目、81 个绩效指标；项目合计 1,997.76 万元，表内合计 1,997.76 万元");
        output.ShouldContain("【广州市白云区网格化服务管理中心】2 个项目，小计 8.00 万元");
        output.ShouldContain("  法制监督工作经费（含法学会经费）  30.00 万元  6 个指标");
        output.ShouldContain("未发现问题。");
    }

    [Fact]
    public void An_unreadable_file_exits_with_bad_input_and_says_why()
    {
        var empty = Path.Combine(Path.GetTempPath(), $"jixiao-empty-{Guid.NewGuid():N}.txt");
        File.WriteAllText(empty, "");
        try
        {
            var (exit, output, _) = Run("parse", empty);

            exit.ShouldBe(ExitCodes.BadInput);
            output.ShouldContain("[错误 RDG001]");
            output.ShouldContain("文件是空的");
            output.ShouldContain("读取未完成");
        }
        finally
        {
            File.Delete(empty);
        }
    }

    [Fact]
    public void A_missing_file_or_no_file_is_a_usage_error()
    {
        Run("parse", "/nonexistent/目标表.txt").ShouldSatisfyAllConditions(
            r => r.Exit.ShouldBe(ExitCodes.BadInput),
            r => r.Error.ShouldContain("找不到文件：/nonexistent/目标表.txt"));
        Run("parse").Exit.ShouldBe(ExitCodes.BadInput);
    }

    [Fact]
    public void Export_writes_an_xlsx_that_parses_to_the_same_projects()
    {
        var output = Path.Combine(Path.GetTempPath(), $"jixiao-export-{Guid.NewGuid():N}.xlsx");
        try
        {
            var (exit, text, _) = Run("export", Seed003, "--format", "xlsx", "-o", output);

            exit.ShouldBe(ExitCodes.Ok);
            text.ShouldContain("2 个单位、18 个项目、81 个绩效指标");
            var (parseExit, summary, _) = Run("parse", output);
            parseExit.ShouldBe(ExitCodes.Ok);
            summary.ShouldContain("共 2 个单位、18 个项目、81 个绩效指标");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void Export_needs_an_output_and_a_known_format()
    {
        Run("export", Seed002).Exit.ShouldBe(ExitCodes.BadInput);
        Run("export", Seed002, "--format", "csv", "-o", "x.csv").Error.ShouldContain("不支持的输出格式：csv");
    }
}
