using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Cli.Commands;

namespace Jixiao.Cli.Tests.Rechecks;

/// <summary>
/// `jixiao check FILE… [--rules] [--json] [--xlsx]` on corpus self-evaluations (tests/Jixiao.Import.Tests/Corpus/docs,
/// their header block removed as the corpus scorer does) and on files that cannot be read.
/// </summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("jixiao-check").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    /// <summary>The corpus document without its header (the lines up to the first "---" among the first 12).</summary>
    private string Corpus(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(CliRunner.RepoRoot, "tests", "Jixiao.Import.Tests", "Corpus", "docs", name));
        var header = lines.Take(12).ToList().IndexOf("---");
        var path = Path.Combine(temp, name);
        File.WriteAllLines(path, lines.Skip(header + 1));
        return path;
    }

    [Fact]
    public void Rechecks_a_corpus_self_evaluation_line_by_line()
    {
        var (code, output, _) = CliRunner.Run("check", Corpus("14-self-evaluation.txt"));

        code.ShouldBe(ExitCodes.Findings);
        output.ShouldContain("【村级补助及运转经费】");
        // 年度资金总额 printed 0 / 0 / 0 over its part 132.912 / 132.912: 100 %, 10 points, not the printed 0
        output.ShouldContain("预算执行率（年度资金总额） | 10 | | 0 | 0 | 10 | +10 |");
        output.ShouldContain("对保障村(社区)两委机构正常运行的影响程度 | 10 | 效果明显 | 达成预期指标 | 10 | 8 | -2 |");
        output.ShouldContain("自评总分 70（表内未印总分，为各项得分之和），复核总分 76；等级 中（不变）");
        output.ShouldContain("注意：文件在指标表中途结束");
        output.ShouldContain("[execution-score] 年度资金总额");
        output.ShouldContain("[sum] 2026400元");
    }

    [Fact]
    public void The_json_gives_the_capped_total_and_every_finding_once()
    {
        var (code, output, _) = CliRunner.Run("check", Corpus("12-self-evaluation.txt"), "--json");

        code.ShouldBe(ExitCodes.Findings);
        var evaluation = JsonNode.Parse(output)!.AsArray().Single()!["evaluations"]!.AsArray().Single()!;
        evaluation["rules"]!.GetValue<string>().ShouldBe("10号");
        evaluation["year"]!.GetValue<int>().ShouldBe(2021);
        evaluation["budgetExecution"]!["score"]!.GetValue<decimal>().ShouldBe(2.15m);
        evaluation["budgetExecution"]!["statedScore"]!.GetValue<decimal>().ShouldBe(2.16m);
        evaluation["cap"]!["maxTotal"]!.GetValue<decimal>().ShouldBe(59);
        evaluation["total"]!.GetValue<decimal>().ShouldBe(59);
        evaluation["grade"]!.GetValue<string>().ShouldBe("差");
        var findings = evaluation["findings"]!.AsArray().Select(f => (f!["check"]!.GetValue<string>(), f["where"]!.GetValue<string>())).ToList();
        findings.Count(f => f == ("execution-score", "年度财政资金总额")).ShouldBe(1);
        findings.ShouldContain(("rule-set", "年度财政资金总额"));
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_listed_with_its_reason_and_the_rest_go_on()
    {
        var bad = Path.Combine(temp, "坏文件.txt");
        File.WriteAllText(bad, "这不是自评表\n");
        var missing = Path.Combine(temp, "没有这个文件.txt");

        var (code, output, _) = CliRunner.Run("check", bad, missing, Corpus("16-self-evaluation.txt"));

        code.ShouldBe(ExitCodes.Findings);
        output.ShouldContain("文件：坏文件.txt");
        output.ShouldContain("未复核：没有读到任何项目");
        output.ShouldContain("文件：没有这个文件.txt\n  未复核：找不到文件。".ReplaceLineEndings());
        output.ShouldContain("自评总分 100，复核总分 100；等级 优（不变）");
        output.ShouldContain("共 3 个文件：复核 1 份自评，2 个文件未能复核");
    }

    [Fact]
    public void Only_unreadable_files_is_bad_input()
    {
        var bad = Path.Combine(temp, "空.txt");
        File.WriteAllText(bad, "");
        CliRunner.Run("check", bad).ExitCode.ShouldBe(ExitCodes.BadInput);
    }

    [Fact]
    public void A_target_table_is_not_rechecked_as_a_self_evaluation()
    {
        var (_, output, _) = CliRunner.Run("check", CliRunner.Seed("003_3854a258b9068c95.txt"));
        output.ShouldContain("不是自评表，未复核");
    }

    [Fact]
    public void The_workbook_has_a_summary_and_one_sheet_per_evaluation()
    {
        var path = Path.Combine(temp, "自评复核表.xlsx");
        var bad = Path.Combine(temp, "坏.txt");
        File.WriteAllText(bad, "x");

        var (code, output, _) = CliRunner.Run("check", Corpus("12-self-evaluation.txt"), Corpus("14-self-evaluation.txt"), bad, "--xlsx", path);

        code.ShouldBe(ExitCodes.Findings);
        output.ShouldContain("自评复核表已保存");
        var sheets = Read(path);
        sheets.Keys.ShouldBe(["汇总", "1-隆阳区2021年中央化肥减量增效示范县项目补助资金", "2-村级补助及运转经费"]);
        var summary = sheets["汇总"];
        summary[0].Take(12).ShouldBe(["序号", "文件", "项目", "单位", "复核规则", "自评总分", "复核总分", "差异", "自评等级", "复核等级", "等级变化", "发现数"]);
        summary[1][10].ShouldBe("中 → 差");
        summary[2].Skip(5).Take(3).ShouldBe(["70", "76", "6"]);
        summary[3][1].ShouldBe("坏.txt");
        summary[3][12].ShouldStartWith("未复核：");
        var lines = sheets["2-村级补助及运转经费"];
        lines.ShouldContain(r => r.Count > 10 && r[2] == "提高村(社区)干部工作积极性的影响程度" && r[7] == "8" && r[10].Contains("无法衡量"));
        lines.ShouldContain(r => r.Count > 7 && r[0] == "总分" && r[7] == "76");
    }

    [Fact]
    public void A_rule_set_file_replaces_the_defaults()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "src", "Jixiao.Domain", "Data", "recheck-rules-10hao.json")))!;
        json["name"] = "某区";
        json["markDowns"]!["vagueQualitative"]!["enabled"] = false;
        var rules = Path.Combine(temp, "rules.json");
        File.WriteAllText(rules, json.ToJsonString());

        var (_, output, _) = CliRunner.Run("check", Corpus("14-self-evaluation.txt"), "--rules", rules);

        output.ShouldContain("复核规则：某区");
        output.ShouldContain("复核总分 80；");
    }

    [Fact]
    public void Each_evaluation_takes_the_rule_set_of_its_year()
    {
        string RuleSet(string name, int from, int? to)
        {
            var json = JsonNode.Parse(File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "src", "Jixiao.Domain", "Data", "recheck-rules-10hao.json")))!;
            json["name"] = name;
            json["years"] = new JsonObject { ["from"] = from, ["to"] = to };
            var path = Path.Combine(temp, name + ".json");
            File.WriteAllText(path, json.ToJsonString());
            return path;
        }

        var (_, output, _) = CliRunner.Run("check", Corpus("12-self-evaluation.txt"), "--rules", RuleSet("旧规则", 2015, 2020), "--rules", RuleSet("新规则", 2021, null));

        output.ShouldContain("复核规则：新规则（2021 年度）");
    }

    [Fact]
    public void A_bad_rule_set_is_refused_with_the_json_path()
    {
        var rules = Path.Combine(temp, "bad.json");
        File.WriteAllText(rules, """{"name":"x","years":{"from":2020}}""");

        var (code, _, error) = CliRunner.Run("check", Corpus("16-self-evaluation.txt"), "--rules", rules);

        code.ShouldBe(ExitCodes.BadInput);
        error.ShouldContain("$.gradeScale：缺少");
        error.ShouldContain("$.qualitative：缺少");
        CliRunner.Run("check", Corpus("16-self-evaluation.txt"), "--rules", "火星").Error.ShouldContain("内置：10号");
    }

    private static Dictionary<string, List<List<string>>> Read(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart!;
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var result = new Dictionary<string, List<List<string>>>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var rows = new List<List<string>>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = Column(cell.CellReference!.Value!);
                    while (cells.Count < column)
                    {
                        cells.Add("");
                    }

                    var value = cell.CellValue?.Text ?? cell.InnerText;
                    cells.Add(cell.DataType?.Value == CellValues.SharedString ? strings[int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)] : value);
                }

                rows.Add(cells);
            }

            result[sheet.Name!.Value!] = rows;
        }

        return result;
    }

    private static int Column(string reference)
    {
        var n = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            n = n * 26 + (c - 'A' + 1);
        }

        return n - 1;
    }
}
