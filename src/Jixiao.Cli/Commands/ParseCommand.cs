using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Projects;
using Jixiao.Import.Imports;
using Jixiao.Import.Reading;

namespace Jixiao.Cli.Commands;

/// <summary>`jixiao parse FILE... [--json]`: imports 项目支出绩效目标表 and shows what was read (no database).</summary>
internal sealed class ParseCommand : ICommand
{
    public string Name => "parse";

    public string Summary => "读取绩效目标表、部门整体目标表、自评表、监控表或评价报告（文本、网页、Word、Excel、PDF、扫描件），列出单位、项目、指标和发现的问题";

    public string Usage => """
        用法：jixiao parse <文件>... [--json]

        读取绩效目标表、部门整体支出绩效目标表、绩效自评表、监控表或评价报告（.txt/.md 文本、.html 网页、
        .docx/.doc/.wps、.xlsx/.xls/.et、PDF，扫描件和图片经 OCR 识别），显示文件的类型、读到的单位、项目、
        绩效指标，复核发现的数字问题，以及无法读取的地方（带代码和位置）。不写入数据库。
          --json   以 JSON 输出（格式见 docs/import.md）；多个文件时输出数组

        退出码：0 成功；1 文件无法读取或用法错误；2 读取完成但有错误级别的问题。

        示例：
          jixiao parse samples/seeds/002_57b7928e8e0f944a.txt
          jixiao parse 目标表.xlsx --json
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--json"], [], out var error);
        if (parsed is null || parsed.Positionals.Count == 0)
        {
            context.Error.WriteLine(error ?? "缺少要读取的文件。");
            context.Error.WriteLine(Usage);
            return ExitCodes.BadInput;
        }

        var missing = parsed.Positionals.Where(f => !File.Exists(f)).ToList();
        if (missing.Count > 0)
        {
            foreach (var file in missing)
            {
                context.Error.WriteLine($"找不到文件：{file}");
            }

            return ExitCodes.BadInput;
        }

        var readings = parsed.Positionals.Select(DocumentReader.Read).ToList();
        if (parsed.Has("--json"))
        {
            var json = readings.Select(JsonOf).ToList();
            context.Out.WriteLine(json.Count == 1 ? Json.Serialize(json[0]) : Json.Serialize(json));
        }
        else
        {
            foreach (var reading in readings)
            {
                if (reading.Targets is { } targets)
                {
                    WriteSummary(targets, context.Out);
                    WriteFindings(reading.Document.Findings, context.Out);
                }
                else
                {
                    WriteSummary(reading.Document, context.Out);
                }
            }
        }

        var errors = readings.Select(r => r.Targets?.Diagnostics ?? r.Document.Diagnostics).ToList();
        if (readings.Any(r => r.Targets is null && r.Document.Projects.Count == 0))
        {
            return ExitCodes.BadInput;
        }

        return errors.Any(d => d.Any(x => x.Severity == Severity.Error)) ? ExitCodes.Findings : ExitCodes.Ok;
    }

    /// <summary>The multi-project tables keep the importer's full JSON (goals, amount splits, parsed targets) with the kind beside it.</summary>
    private static object JsonOf(DocumentReader.Reading reading)
    {
        if (reading.Targets is { } targets)
        {
            var legacy = ImportJson.From(targets);
            return new LegacyJson("targets", legacy.Units, legacy.StatedTotal, ReadJson.FindingsOf(reading.Document), legacy.Diagnostics);
        }

        return ReadJson.From(reading.Document);
    }

    private sealed record LegacyJson(
        [property: System.Text.Json.Serialization.JsonPropertyName("kind")] string Kind,
        [property: System.Text.Json.Serialization.JsonPropertyName("units")] IReadOnlyList<ImportJson.UnitJson> Units,
        [property: System.Text.Json.Serialization.JsonPropertyName("statedTotal")] decimal? StatedTotal,
        [property: System.Text.Json.Serialization.JsonPropertyName("findings")] IReadOnlyList<ReadJson.FindingJson> Findings,
        [property: System.Text.Json.Serialization.JsonPropertyName("diagnostics")] IReadOnlyList<ImportJson.DiagnosticJson> Diagnostics);

    private static void WriteFindings(IReadOnlyList<ReadFinding> findings, TextWriter output)
    {
        if (findings.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"复核发现 {findings.Count} 处数字不符：");
            foreach (var f in findings)
            {
                output.WriteLine($"  [{f.Check}] {f.Where}：{f.Message}");
            }
        }
    }

    internal static void WriteSummary(ReadDocument document, TextWriter output)
    {
        output.WriteLine($"文件：{document.File}（{ReadDocument.KindTitle(document.Kind)}，{document.Format}）");
        if (document.Title is not null)
        {
            output.WriteLine($"标题：{document.Title}");
        }

        output.WriteLine($"共 {document.Projects.Count} 个项目、{document.IndicatorCount} 个绩效指标"
            + (document.StatedTotal is { } t ? $"；表内总分 {t:0.##}" : "") + (document.StatedGrade is { } g ? $"，等级 {g}" : ""));
        foreach (var p in document.Projects)
        {
            output.WriteLine();
            var amount = p.AmountWanYuan is { } a ? $"{a:#,##0.####} 万元" : "金额未注明";
            var executed = p.ExecutedWanYuan is { } e ? $"，执行 {e:#,##0.####} 万元" : "";
            output.WriteLine($"【{p.Name ?? "（未注明名称）"}】{(p.Unit is null ? "" : p.Unit + "  ")}{amount}{executed}  {p.Indicators.Count} 个指标");
            foreach (var i in p.Indicators)
            {
                var parts = new List<string>();
                if (i.Target is not null)
                {
                    parts.Add("指标值 " + i.Target);
                }

                if (i.Actual is not null)
                {
                    parts.Add("实际 " + i.Actual);
                }

                if (i.Weight is not null)
                {
                    parts.Add($"分值 {i.Weight:0.##}");
                }

                if (i.Score is not null)
                {
                    parts.Add($"得分 {i.Score:0.##}");
                }

                output.WriteLine($"  {i.Level1}/{i.Level2}/{i.Name}  {string.Join("，", parts)}");
            }
        }

        WriteFindings(document.Findings, output);

        output.WriteLine();
        output.WriteLine(document.Diagnostics.Count == 0 ? "读取中未发现问题。" : $"读取时有 {document.Diagnostics.Count} 条提示：");
        foreach (var d in document.Diagnostics)
        {
            var level = d.Severity switch { Severity.Error => "错误", Severity.Warning => "警告", _ => "提示" };
            output.WriteLine($"  [{level} {d.Code}] {d.Location}  {d.Message}");
        }

        if (document.Diagnostics.Any(d => d.Severity == Severity.Error))
        {
            output.WriteLine("读取未完成：有错误级别的问题，以上结果可能不完整。");
        }

        output.WriteLine();
    }

    internal static void WriteSummary(ImportResult result, TextWriter output)
    {
        var unit = Money.UnitName(result.AmountUnit);
        var projects = result.Projects.ToList();
        output.WriteLine($"文件：{result.File}（{LayoutName(result.Layout)}）");
        if (result.Department is not null)
        {
            output.WriteLine($"部门：{result.Department}");
        }

        output.WriteLine($"共 {result.Units.Count} 个单位、{projects.Count} 个项目、{result.IndicatorCount} 个绩效指标；"
            + $"项目合计 {projects.Sum(p => p.Amounts.Total ?? 0):#,##0.00} {unit}"
            + (result.StatedTotal is { } total ? $"，表内合计 {total:#,##0.00} {unit}" : ""));
        foreach (var u in result.Units)
        {
            output.WriteLine();
            output.WriteLine($"【{u.Name}】{u.Projects.Count} 个项目" + (u.StatedTotal is { } s ? $"，小计 {s:#,##0.00} {unit}" : ""));
            foreach (var p in u.Projects)
            {
                var amount = p.Amounts.Total is { } t ? $"{t:#,##0.00} {unit}" : "金额未注明";
                output.WriteLine($"  {p.Name}  {amount}  {p.Indicators.Count} 个指标");
            }
        }

        var errors = result.Diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = result.Diagnostics.Count(d => d.Severity == Severity.Warning);
        output.WriteLine();
        output.WriteLine(result.Diagnostics.Count == 0 ? "未发现问题。" : $"发现 {errors} 个错误、{warnings} 个警告、{result.Diagnostics.Count - errors - warnings} 条提示：");
        foreach (var d in result.Diagnostics)
        {
            var level = d.Severity switch { Severity.Error => "错误", Severity.Warning => "警告", _ => "提示" };
            output.WriteLine($"  [{level} {d.Code}] {d.Location}  {d.Message}");
        }

        if (result.HasErrors)
        {
            output.WriteLine("导入未完成：有错误级别的问题，以上结果可能不完整。");
        }

        output.WriteLine();
    }

    private static string LayoutName(string layout) => layout switch
    {
        ImportLayouts.ProjectTable => "项目表格",
        ImportLayouts.ExtractedText => "PDF 提取文本",
        ImportLayouts.IndicatorRows => "逐条指标表格",
        ImportLayouts.DeclarationForm => "绩效目标申报表",
        _ => "未识别的格式",
    };
}
