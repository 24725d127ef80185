using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Cli.Commands;

namespace Jixiao.Cli.Tests.Reviews;

/// <summary>
/// `jixiao review FILE --rules RULES --xlsx OUT` with a district's 审核口径: the 初审 workbook in the reviewer's columns,
/// read back and compared with the district reviewer's own sheet; RULES as a district name, the district's workbook
/// or the product's JSON.
/// </summary>
public sealed class InitialReviewCommandTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("jixiao-initial-review").FullName;

    private static string Docs => Path.Combine(SeedFiles.RepoRoot, "tests", "Jixiao.Import.Tests", "Corpus", "docs");

    private static string Export => Path.Combine(Docs, "01-targets-baoan-export.xlsx");

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void The_workbook_has_the_reviewers_columns_and_the_summary_lists_the_items_that_apply()
    {
        var path = Path.Combine(temp, "初审结果.xlsx");
        var (code, output, _) = CliRunner.Run("review", Export, "--rules", "宝安", "--xlsx", path);

        code.ShouldBe(ExitCodes.Findings);
        output.ShouldContain("初审工作簿已保存");
        var sheets = Read(path);
        sheets.Keys.ShouldBe(["初审结果", "审核口径"]);
        var rows = sheets["初审结果"];
        rows[0].Take(7).ShouldBe(["项目编码", "审核人", "审核日期", "完整性审核", "可测性审核", "可行性审核", "初审小结"]);
        rows.Count.ShouldBe(147);
        var first = rows.Single(r => r[0] == "440306231391500000173");
        first[6].ShouldBe("1. 政策依据不规范\n2. 测算依据不规范\n3. 绩效指标表述过于冗长");
        first[3].ShouldContain("3. 质量指标“租赁的党群服务中心物业结构安全保证率”、社会效益指标“保障租赁的党群服务中心物业结构安全性”表述冗长");
        first[4].ShouldBe("审核通过");
        sheets["审核口径"].Count.ShouldBe(27);

        // The reviewer's own sheet, project by project: the same 初审小结 on 107 of the 124 projects the reviewer reviewed (the 17
        // others are the disagreements of docs/review.md).
        var reviewer = Read(Path.Combine(Docs, "01-targets-baoan-review.xlsx"))["初审结果"];
        var ours = rows.Skip(1).ToDictionary(r => r[0], r => r[6]);
        var reviewed = reviewer.Skip(1).Where(r => r.Skip(3).Take(3).Any(c => c.Trim().Length > 0)).ToList();
        reviewed.Count.ShouldBe(124);
        reviewed.Count(r => Items(r[6]).SetEquals(Items(ours[r[0]]))).ShouldBe(107);
    }

    [Fact]
    public void The_districts_workbook_and_a_json_rulebook_are_read_and_their_opinion_texts_are_used()
    {
        var (fromWorkbook, output, _) = CliRunner.Run("review", Export, "--rules", Path.Combine(Docs, "01-targets-baoan-review-rules.xlsx"));
        fromWorkbook.ShouldBe(ExitCodes.Findings);
        output.ShouldContain("26 个审核细项启用");
        output.ShouldContain("年度绩效目标不规范");

        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(SeedFiles.RepoRoot, "src", "Jixiao.Domain", "Data", "review-rulebook-baoan.json")))!;
        json["items"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "21")!["opinion"] = "名称请控制在15个字以内。";
        var rulebook = Path.Combine(temp, "口径.json");
        File.WriteAllText(rulebook, json.ToJsonString());
        var (fromJson, text, _) = CliRunner.Run("review", Export, "--rules", rulebook, "--json");
        fromJson.ShouldBe(ExitCodes.Findings);
        text.ShouldContain("质量指标“租赁的党群服务中心物业结构安全保证率”、社会效益指标“保障租赁的党群服务中心物业结构安全性”名称请控制在15个字以内。");
        text.ShouldNotContain("表述冗长，不够简洁明确");
    }

    [Fact]
    public void The_rulebook_runs_unchanged_on_another_districts_table()
    {
        var (code, output, _) = CliRunner.Run("review", SeedFiles.Police, "--rules", "baoan", "--json");

        code.ShouldBe(ExitCodes.Findings);
        var projects = JsonNode.Parse(output)!["projects"]!.AsArray();
        projects.Count.ShouldBeGreaterThan(10);
        // Guangzhou's table has no 政策依据, 测算依据 or 指标解释 columns: every project is asked for them.
        projects.ShouldAllBe(p => p!["findings"]!.AsArray().Any(f => f!["name"]!.GetValue<string>() == "政策依据不规范"));
        projects.ShouldAllBe(p => p!["findings"]!.AsArray().Any(f => f!["name"]!.GetValue<string>() == "指标解释未填写"));
    }

    [Fact]
    public void An_unknown_district_or_a_broken_rulebook_is_bad_input_in_chinese()
    {
        var (code, _, error) = CliRunner.Run("review", Export, "--rules", "火星区");
        code.ShouldBe(ExitCodes.BadInput);
        error.ShouldContain("没有名为“火星区”的内置地区审核口径");

        var broken = Path.Combine(temp, "坏.json");
        File.WriteAllText(broken, """{ "items": [ { "code": "1", "aspect": "完整性", "name": "甲", "opinion": "乙", "check": "spelling" } ] }""");
        (code, _, error) = CliRunner.Run("review", Export, "--rules", broken);
        code.ShouldBe(ExitCodes.BadInput);
        error.ShouldContain("检查“spelling”未知");
    }

    private static HashSet<string> Items(string summary) =>
        summary.Split('\n').Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"^\s*\d+\.\s*", "").Trim()).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every sheet of a workbook as rows of cell texts (shared strings resolved, gaps as "").</summary>
    private static Dictionary<string, List<string[]>> Read(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var wb = document.WorkbookPart!;
        var strings = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var result = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var sheet in wb.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)wb.GetPartById(sheet.Id!);
            var rows = new List<string[]>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var cells = new string[12];
                Array.Fill(cells, "");
                foreach (var c in row.Elements<Cell>())
                {
                    var column = new string(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray());
                    var index = column.Aggregate(0, (n, ch) => (n * 26) + ch - 'A' + 1) - 1;
                    var v = c.CellValue?.Text ?? c.InlineString?.InnerText ?? "";
                    cells[index] = c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)] : v;
                }

                rows.Add(cells);
            }

            result[sheet.Name!.Value!] = rows;
        }

        return result;
    }
}
