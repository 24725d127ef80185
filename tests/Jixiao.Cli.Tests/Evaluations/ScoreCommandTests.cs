using System.Text.Json;
using Jixiao.Cli.Commands;
using Jixiao.Domain.Evaluations;
using Jixiao.Import.Evaluations;
using Jixiao.Reporting.Evaluations;

namespace Jixiao.Cli.Tests.Evaluations;

public sealed class ScoreCommandTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("jixiao-score-").FullName;

    private static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Jixiao.slnx")))
            {
                dir = dir.Parent;
            }

            return dir!.FullName;
        }
    }

    private static string Sample(string file) => Path.Combine(RepoRoot, "samples", "evaluations", file);

    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = JixiaoCli.Run(args, new CliContext(output, error));
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Score_json_prints_the_items_total_grade_and_findings_of_seed_004()
    {
        var (exit, output, _) = Run("score", Sample("004-xueliang-2020.json"), "--json");

        exit.ShouldBe(ExitCodes.Ok);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("total").GetDecimal().ShouldBe(93.07m);
        root.GetProperty("grade").GetString().ShouldBe("优");
        var items = root.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("score").GetDecimal()).ShouldBe([5m, 5m, 8m, 5m, 4.57m, 6m, 6m, 5m, 8.5m, 9m, 10m, 8m, 8m, 5m]);
        var execution = items[4];
        execution.GetProperty("level1").GetString().ShouldBe("过程");
        execution.GetProperty("level2").GetString().ShouldBe("资金管理");
        execution.GetProperty("name").GetString().ShouldBe("预算执行率");
        execution.GetProperty("weight").GetDecimal().ShouldBe(5m);
        execution.GetProperty("actual").GetDecimal().ShouldBe(91.4m);
        execution.GetProperty("explanation").GetString().ShouldBe("预算执行率 91.4%，未达指标值“100%”，按 91.4÷100×5 计，得 4.57 分");
        var finding = root.GetProperty("findings").EnumerateArray().First();
        finding.GetProperty("severity").GetString().ShouldBe("warning");
        finding.GetProperty("indicator").GetString().ShouldBe("预算执行率");
    }

    [Fact]
    public void Score_exits_with_findings_when_seed_000_states_99_percent_for_98()
    {
        var (exit, output, _) = Run("score", Sample("000-baiyun-video-2022.json"));

        exit.ShouldBe(ExitCodes.Findings);
        output.ShouldContain("计算为 98.0%，报告写的是 99%");
        output.ShouldContain("评价表未设分值：不计总分和等级。");
    }

    [Fact]
    public void Score_prints_a_readable_chinese_table()
    {
        var (_, output, _) = Run("score", Sample("001-baiyun-video-2023.json"));

        output.ShouldContain("一级指标");
        output.ShouldContain("总分：100    等级：优");
    }

    [Fact]
    public void Score_reports_a_formula_of_20000_nested_brackets_on_its_line_instead_of_overflowing_the_stack()
    {
        var path = Path.Combine(temp, "deep.json");
        var formula = new string('(', 20_000) + "a" + new string(')', 20_000);
        File.WriteAllText(path, """{"project": "深层公式", "kind": "部门评价", "indicators": [{"level1": "产出", "level2": "数量", "name": "完成率", "weight": 10, "target": "≥ 90%", "actual": {"formula": """
            + JsonSerializer.Serialize(formula) + """, "inputs": {"a": 95}}}]}""");

        var (exit, output, error) = Run("score", path);

        exit.ShouldBe(ExitCodes.Findings);
        (output + error).ShouldContain("公式过长（40001 个字符，最多 1000 个）");
    }

    [Fact]
    public void Score_reports_a_missing_file_as_bad_input()
    {
        var (exit, _, error) = Run("score", Path.Combine(temp, "nope.json"));

        exit.ShouldBe(ExitCodes.BadInput);
        error.ShouldContain("找不到文件");
    }

    [Fact]
    public void Template_writes_an_empty_self_evaluation_workbook_that_reads_back()
    {
        var path = Path.Combine(temp, "sheet.xlsx");

        var (exit, _, _) = Run("template", "--kind", "单位自评", "-o", path);

        exit.ShouldBe(ExitCodes.Ok);
        var read = EvaluationSheetXlsxReader.Read(path);
        read.Sheet!.Kind.ShouldBe(EvaluationKind.SelfEvaluation);
        read.Sheet.Indicators[0].Name.ShouldBe("预算执行率");
        read.Sheet.Indicators[0].Weight.ShouldBe(10m);
        read.Sheet.Groups!.Sum(g => g.Weight).ShouldBe(100m);
        read.Diagnostics.ShouldNotContain(d => d.Severity == Domain.Diagnostics.Severity.Error);
    }

    [Fact]
    public void Template_starts_a_self_evaluation_from_a_project_of_the_seed_target_table()
    {
        var targets = Path.Combine(RepoRoot, "samples", "seeds", "002_57b7928e8e0f944a.txt");
        var path = Path.Combine(temp, "self.json");

        var (exit, _, _) = Run("template", "--from-targets", targets, "--project", "白云区视频网络建设经费", "-o", path);

        exit.ShouldBe(ExitCodes.Ok);
        var sheet = EvaluationSheetJson.Read(File.ReadAllText(path)).Sheet!;
        sheet.Project.ShouldBe("白云区视频网络建设经费");
        sheet.Indicators.Select(i => i.Weight!.Value).ShouldBe([10m, 18.75m, 18.75m, 18.75m, 33.75m]);
        sheet.Indicators[3].Target!.Text.ShouldBe("95%");
        sheet.Indicators[0].Actual.ShouldBeOfType<ActualValue.Computed>().Inputs.Single().Text.ShouldBe("1443.93万元");
    }

    [Fact]
    public void Template_lists_the_projects_when_no_project_is_named()
    {
        var targets = Path.Combine(RepoRoot, "samples", "seeds", "002_57b7928e8e0f944a.txt");

        var (exit, _, error) = Run("template", "--from-targets", targets);

        exit.ShouldBe(ExitCodes.BadInput);
        error.ShouldContain("中有 55 个项目，请用 --project 指定其中一个");
        error.ShouldContain("白云区视频网络建设经费");
    }

    [Theory]
    [InlineData("000-baiyun-drug-2022.json")]
    [InlineData("000-baiyun-video-2022.json")]
    [InlineData("001-baiyun-video-2023.json")]
    [InlineData("004-xueliang-2020.json")]
    public void A_seed_sheet_written_to_excel_scores_the_same_when_read_back(string file)
    {
        var sheet = EvaluationSheetJson.Read(File.ReadAllText(Sample(file)), file).Sheet!;
        var path = Path.Combine(temp, Path.ChangeExtension(file, ".xlsx"));
        using (var stream = File.Create(path))
        {
            EvaluationSheetXlsxWriter.Write(sheet, stream);
        }

        var read = EvaluationSheetXlsxReader.Read(path);

        read.Diagnostics.ShouldBeEmpty();
        var expected = ScoredEvaluationJson.From(Scorer.Score(sheet));
        var actual = ScoredEvaluationJson.From(Scorer.Score(read.Sheet!));
        actual.Items.ShouldBe(expected.Items);
        actual.Total.ShouldBe(expected.Total);
        actual.Findings.ShouldBe(expected.Findings);
    }

    [Fact]
    public void A_negative_weight_in_a_filled_workbook_is_a_finding()
    {
        var sheet = EvaluationTemplates.Load(EvaluationKind.DepartmentEvaluation) with { Project = "p" };
        sheet = sheet with { Indicators = [sheet.Indicators[0] with { Weight = -1m }, .. sheet.Indicators.Skip(1)] };
        var path = Path.Combine(temp, "bad.xlsx");
        using (var stream = File.Create(path))
        {
            EvaluationSheetXlsxWriter.Write(sheet, stream);
        }

        var (exit, output, _) = Run("score", path, "--json");

        exit.ShouldBe(ExitCodes.Findings);
        output.ShouldContain("“立项依据充分性”的分值 -1 为负数");
    }

    [Fact]
    public void A_bad_formula_in_a_workbook_is_reported_at_its_cell()
    {
        var line = new EvaluationIndicator("过程", "资金管理", "预算执行率", 100m, ScoringMethod.Proportional,
            Domain.Targets.TargetParser.Parse("100%"), new ActualValue.Computed(Formula.Parse("支出 / (预算"), [FormulaInput.Of("支出", 1m), FormulaInput.Of("预算", 2m)]));
        var path = Path.Combine(temp, "formula.xlsx");
        using (var stream = File.Create(path))
        {
            EvaluationSheetXlsxWriter.Write(new EvaluationSheet("p", 2024, EvaluationKind.SelfEvaluation, [line]), stream);
        }

        var read = EvaluationSheetXlsxReader.Read(path);

        var d = read.Diagnostics.Single();
        d.Location!.ToString().ShouldBe("formula.xlsx!评价表!H9");
        d.Message.ShouldContain("左括号没有闭合");
    }

    public void Dispose() => Directory.Delete(temp, recursive: true);
}
