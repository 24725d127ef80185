using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Projects;
using Jixiao.Import.Imports;

namespace Jixiao.Cli.Commands;

/// <summary>`jixiao parse FILE... [--json]`: imports 项目支出绩效目标表 and shows what was read (no database).</summary>
internal sealed class ParseCommand : ICommand
{
    public string Name => "parse";

    public string Summary => "读取项目支出绩效目标表（文本、Excel、PDF），列出单位、项目、指标和发现的问题";

    public string Usage => """
        用法：jixiao parse <文件>... [--json]

        读取绩效目标表文件（.txt 文本表格、PDF 提取文本、.xlsx/.xls、.pdf），显示读到的单位、项目、
        绩效指标，以及无法读取或金额不符的地方（带代码 IMPxxx 和位置）。不写入数据库。
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

        var results = parsed.Positionals.Select(f => TargetTableImporter.Import(f)).ToList();
        if (parsed.Has("--json"))
        {
            var json = results.Select(ImportJson.From).ToList();
            context.Out.WriteLine(json.Count == 1 ? Json.Serialize(json[0]) : Json.Serialize(json));
        }
        else
        {
            foreach (var result in results)
            {
                WriteSummary(result, context.Out);
            }
        }

        if (results.Any(r => r.Units.Count == 0 && r.HasErrors))
        {
            return ExitCodes.BadInput;
        }

        return results.Any(r => r.HasErrors) ? ExitCodes.Findings : ExitCodes.Ok;
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
