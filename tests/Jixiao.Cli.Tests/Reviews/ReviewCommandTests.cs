using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Jixiao.Cli.Commands;

namespace Jixiao.Cli.Tests.Reviews;

public sealed class ReviewCommandTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("jixiao-review-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = JixiaoCli.Run(args, new CliContext(output, error));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Json_output_has_projects_with_scores_outcomes_and_findings_and_unit_summaries()
    {
        var (code, output, _) = Run("review", SeedFiles.Committee, SeedFiles.Police, "--json");
        code.ShouldBe(ExitCodes.Findings);
        using var json = JsonDocument.Parse(output);
        var projects = json.RootElement.GetProperty("projects");
        projects.GetArrayLength().ShouldBe(73);
        var grid = projects.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "全区网格员补助");
        grid.GetProperty("unit").GetString().ShouldBe("中共广州市白云区委政法委员会");
        grid.GetProperty("score").GetInt32().ShouldBeInRange(0, 100);
        grid.GetProperty("outcome").GetString().ShouldBeOneOf("优", "良", "中", "差");
        var finding = grid.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("rule").GetString() == "REV703");
        finding.GetProperty("severity").GetString().ShouldBe("error");
        finding.GetProperty("indicator").ValueKind.ShouldBe(JsonValueKind.Null);
        finding.GetProperty("message").GetString()!.ShouldContain("2,072.4万元");
        finding.GetProperty("suggestion").GetString().ShouldNotBeNullOrEmpty();
        var units = json.RootElement.GetProperty("units");
        units.GetArrayLength().ShouldBe(3);
        units[0].GetProperty("summary").GetProperty("projects").GetInt32().ShouldBe(16);
        json.RootElement.GetProperty("departments").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public void The_text_report_lists_units_projects_and_findings_in_chinese()
    {
        var (code, output, _) = Run("review", SeedFiles.Committee);
        code.ShouldBe(ExitCodes.Findings);
        output.ShouldStartWith("目标审核：1 个文件、2 个单位、18 个项目");
        output.ShouldContain("【单位】广州市白云区网格化服务管理中心：2 个项目");
        output.ShouldContain("[错误 REV703]");
        output.ShouldContain("建议：");
        output.ShouldContain("【部门】");
    }

    [Fact]
    public void The_workbook_has_a_reviewer_comment_column_and_one_row_per_finding()
    {
        var path = Path.Combine(temp, "审核意见.xlsx");
        var (code, output, _) = Run("review", SeedFiles.Committee, "--xlsx", path);
        code.ShouldBe(ExitCodes.Findings);
        output.ShouldContain("审核工作簿已保存");
        using var document = SpreadsheetDocument.Open(path, false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        sheets.ShouldBe(["审核意见", "项目汇总", "单位汇总", "审核规则"]);
    }

    [Fact]
    public void A_district_rule_file_switches_rules_off()
    {
        var rules = Path.Combine(temp, "rules.json");
        File.WriteAllText(rules, """{ "rules": [ { "id": "REV602", "enabled": false }, { "id": "REV204", "enabled": false } ] }""");
        var (_, output, _) = Run("review", SeedFiles.Committee, "--json", "--rules", rules);
        output.ShouldNotContain("REV602");
        output.ShouldNotContain("REV204");
        output.ShouldContain("REV703");
    }

    [Theory]
    [InlineData("review")]
    [InlineData("review", "no-such-file.txt")]
    [InlineData("review", "--bogus")]
    public void Bad_usage_exits_with_bad_input_and_a_chinese_message(params string[] args)
    {
        var (code, _, error) = Run(args);
        code.ShouldBe(ExitCodes.BadInput);
        error.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void A_bad_rule_file_is_reported_not_thrown()
    {
        var rules = Path.Combine(temp, "bad.json");
        File.WriteAllText(rules, """{ "rules": [ { "id": "REV999" } ] }""");
        var (code, _, error) = Run("review", SeedFiles.Committee, "--rules", rules);
        code.ShouldBe(ExitCodes.BadInput);
        error.ShouldContain("REV999");
    }

    [Fact]
    public void A_file_without_projects_cannot_be_reviewed()
    {
        var empty = Path.Combine(temp, "empty.txt");
        File.WriteAllText(empty, "这不是绩效目标表。\n");
        var (code, _, error) = Run("review", empty);
        code.ShouldBe(ExitCodes.BadInput);
        error.ShouldContain("没有读到任何项目");
    }

    [Fact]
    public void Suggest_proposes_indicators_for_the_gaps_of_a_named_project()
    {
        var (code, output, _) = Run("suggest", SeedFiles.Police, "--project", "三元里派出所公建配套业务用房装修工程", "--json");
        code.ShouldBe(ExitCodes.Ok);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("type").GetString().ShouldBe("工程改造");
        var suggestions = json.RootElement.GetProperty("suggestions").EnumerateArray().ToList();
        suggestions.ShouldContain(s => s.GetProperty("rule").GetString() == "REV202" && s.GetProperty("level1").GetString() == "2-效益指标");
        suggestions.ShouldContain(s => s.GetProperty("rule").GetString() == "REV206" && s.GetProperty("name").GetString() == "工程完工数量");
        suggestions.ShouldAllBe(s => s.GetProperty("reason").GetString()!.Length > 0);
    }

    [Fact]
    public void Suggest_prints_a_readable_list_and_explains_ambiguous_names()
    {
        var (code, output, _) = Run("suggest", SeedFiles.Police, "--project", "正风反腐专项经费");
        code.ShouldBe(ExitCodes.Ok);
        output.ShouldContain("推荐指标");
        output.ShouldContain("理由：");

        var (ambiguous, _, error) = Run("suggest", SeedFiles.Police, "--project", "外市籍吸毒人员");
        ambiguous.ShouldBe(ExitCodes.BadInput);
        error.ShouldContain("对应多个项目");
    }
}
