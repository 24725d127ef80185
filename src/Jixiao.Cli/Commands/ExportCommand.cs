using Jixiao.Domain.Diagnostics;
using Jixiao.Import.Imports;
using Jixiao.Reporting.TargetTables;

namespace Jixiao.Cli.Commands;

/// <summary>`jixiao export FILE... --format xlsx -o OUT`: reads target tables in any layout and writes the standard table.</summary>
internal sealed class ExportCommand : ICommand
{
    public string Name => "export";

    public string Summary => "把绩效目标表（任一格式）转换为标准的项目支出绩效目标表 .xlsx";

    public string Usage => """
        用法：jixiao export <文件>... --format xlsx -o <输出.xlsx>

        读取一个或多个绩效目标表文件（格式同 jixiao parse），把其中的单位、项目和绩效指标写成标准的
        项目支出绩效目标表（项目名称/总计/财政拨款/财政专户拨款/其他资金/绩效目标/绩效指标）。
        多个文件的单位依次写入同一张表。有错误级别问题的文件不导出（先用 jixiao parse 查看）。
          --format xlsx   输出格式（目前只有 xlsx）
          -o, --output    输出文件路径

        示例：
          jixiao export samples/seeds/003_3854a258b9068c95.txt --format xlsx -o 政法委目标表.xlsx
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, [], ["--format", "--output"], out var error, new Dictionary<string, string> { ["-o"] = "--output" });
        if (parsed is null || parsed.Positionals.Count == 0 || parsed.Value("--output") is not { } output)
        {
            context.Error.WriteLine(error ?? (parsed?.Positionals.Count == 0 ? "缺少要转换的文件。" : "缺少输出文件（-o <输出.xlsx>）。"));
            context.Error.WriteLine(Usage);
            return ExitCodes.BadInput;
        }

        var format = parsed.Value("--format") ?? "xlsx";
        if (!string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            context.Error.WriteLine($"不支持的输出格式：{format}（目前只有 xlsx）。");
            return ExitCodes.BadInput;
        }

        var missing = parsed.Positionals.Where(f => !File.Exists(f)).ToList();
        foreach (var file in missing)
        {
            context.Error.WriteLine($"找不到文件：{file}");
        }

        if (missing.Count > 0)
        {
            return ExitCodes.BadInput;
        }

        var results = parsed.Positionals.Select(f => Jixiao.Import.Reading.TargetsFromReading.Import(f)).ToList();
        var failed = results.Where(r => r.HasErrors).ToList();
        foreach (var result in failed)
        {
            context.Error.WriteLine($"{result.File} 有错误，未导出：");
            foreach (var d in result.Diagnostics.Where(d => d.Severity == Severity.Error))
            {
                context.Error.WriteLine($"  [{d.Code}] {d.Location}  {d.Message}");
            }
        }

        if (failed.Count > 0)
        {
            return ExitCodes.Findings;
        }

        var units = results.SelectMany(r => r.Units).ToList();
        var stated = results.All(r => r.StatedTotal is not null) ? results.Sum(r => r.StatedTotal!.Value) : (decimal?)null;
        try
        {
            using var stream = new FileStream(output, FileMode.Create, FileAccess.ReadWrite);
            TargetTableXlsxWriter.Write(stream, results[0].Department, results[0].AmountUnit, stated, units);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"无法写入 {output}：{JixiaoCli.Unexpected(ex)}");
            return ExitCodes.BadInput;
        }

        context.Out.WriteLine($"已写入 {output}：{units.Count} 个单位、{units.Sum(u => u.Projects.Count)} 个项目、{results.Sum(r => r.IndicatorCount)} 个绩效指标。");
        return ExitCodes.Ok;
    }
}
