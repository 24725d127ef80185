using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Evaluations;
using Jixiao.Import.Imports;
using Jixiao.Reporting.Evaluations;

namespace Jixiao.Cli.Commands;

/// <summary>`jixiao template --kind 单位自评 -o sheet.xlsx`: writes an empty evaluation sheet of a kind (Excel or JSON).</summary>
internal sealed class TemplateCommand : ICommand
{
    public string Name => "template";

    public string Summary => "生成空白绩效评价表模板（单位自评 / 部门评价 / 财政评价 / 第三方评价），Excel 或 JSON";

    public string Usage => """
        用法：jixiao template --kind <单位自评|部门评价|财政评价|第三方评价> [-o 输出.xlsx|输出.json] [--project 名称] [--year 年度]
              jixiao template --from-targets <绩效目标表> --project <项目名称中的文字> [-o 输出.xlsx|输出.json]

        单位自评按财预〔2020〕10号自评表（预算执行率 10 分，产出 50、效益 30、满意度 10）；
        部门评价、财政评价、第三方评价按评价指标体系框架（决策、过程、产出、效益）。
        --from-targets 从导入的项目支出绩效目标表生成该项目的单位自评表：年度指标值作为目标，
        一级分值（产出 50、效益 30、满意度 10）平均分配到各指标，预算执行率 10 分并带入全年预算数。
        不给 -o 时把 JSON 模板写到标准输出。填好后用 jixiao score 打分。

        示例：
          jixiao template --kind 单位自评 -o sheet.xlsx
          jixiao template --kind 部门评价 -o sheet.json --project "雪亮工程" --year 2024
          jixiao template --from-targets samples/seeds/002_57b7928e8e0f944a.txt --project 视频 -o 自评.xlsx
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, [], ["--kind", "--output", "--project", "--year", "--from-targets"], out var error,
            new Dictionary<string, string> { ["-o"] = "--output", ["-k"] = "--kind" });
        if (parsed is null || parsed.Positionals.Count > 0)
        {
            context.Error.WriteLine(error ?? $"多余的参数：{string.Join(" ", parsed!.Positionals)}。");
            context.Error.WriteLine(Usage);
            return ExitCodes.BadInput;
        }

        var kindText = parsed.Value("--kind") ?? "单位自评";
        if (!EvaluationNames.TryParseKind(kindText, out var kind))
        {
            context.Error.WriteLine($"不认识的评价类型“{kindText}”（可用：单位自评、部门评价、财政评价、第三方评价）。");
            return ExitCodes.BadInput;
        }

        int? year = null;
        if (parsed.Value("--year") is { } yearText)
        {
            if (!int.TryParse(yearText, out var y) || y is < 1900 or > 2200)
            {
                context.Error.WriteLine($"评价年度“{yearText}”不是有效的年份。");
                return ExitCodes.BadInput;
            }

            year = y;
        }

        EvaluationSheet sheet;
        if (parsed.Value("--from-targets") is { } targets)
        {
            var fromProject = FromTargets(targets, parsed.Value("--project"), year, context);
            if (fromProject is null)
            {
                return ExitCodes.BadInput;
            }

            sheet = fromProject;
        }
        else
        {
            sheet = EvaluationTemplates.Load(kind) with { Project = parsed.Value("--project") ?? "", Year = year };
        }

        var output = parsed.Value("--output");
        if (output is null)
        {
            context.Out.WriteLine(EvaluationSheetJson.Write(sheet));
            return ExitCodes.Ok;
        }

        try
        {
            if (output.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                File.WriteAllText(output, EvaluationSheetJson.Write(sheet) + "\n");
            }
            else
            {
                using var stream = File.Create(output);
                EvaluationSheetXlsxWriter.Write(sheet, stream);
            }
        }
        catch (IOException ex)
        {
            context.Error.WriteLine($"无法写入 {output}：{JixiaoCli.Unexpected(ex)}");
            return ExitCodes.BadInput;
        }
        catch (UnauthorizedAccessException ex)
        {
            context.Error.WriteLine($"无法写入 {output}：{JixiaoCli.Unexpected(ex)}");
            return ExitCodes.BadInput;
        }

        context.Out.WriteLine($"已写出{sheet.Kind.Chinese()}模板：{output}（{sheet.Indicators.Count} 行指标）");
        return ExitCodes.Ok;
    }

    private static EvaluationSheet? FromTargets(string path, string? projectName, int? year, CliContext context)
    {
        var import = Jixiao.Import.Reading.TargetsFromReading.Import(path);
        foreach (var d in import.Diagnostics.Where(d => d.Severity == Severity.Error))
        {
            context.Error.WriteLine($"{d.Location}: {d.Code} {d.Message}");
        }

        var projects = import.Projects.ToList();
        if (projects.Count == 0)
        {
            context.Error.WriteLine($"{path} 中没有读到任何项目。");
            return null;
        }

        var matches = projectName is null ? projects : projects.Where(p => p.Name.Contains(projectName, StringComparison.Ordinal)).ToList();
        if (matches.Count != 1)
        {
            context.Error.WriteLine(matches.Count == 0
                ? $"{path} 中没有名称含“{projectName}”的项目。"
                : $"{path} 中有 {matches.Count} 个项目{(projectName is null ? "" : $"名称含“{projectName}”")}，请用 --project 指定其中一个：");
            foreach (var p in (matches.Count == 0 ? projects : matches).Take(20))
            {
                context.Error.WriteLine($"  {p.Name}");
            }

            return null;
        }

        return EvaluationTemplates.FromProject(matches[0], year);
    }
}
