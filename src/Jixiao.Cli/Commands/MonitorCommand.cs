using Jixiao.App.Monitoring;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Monitoring;
using Jixiao.Import.Reading;

namespace Jixiao.Cli.Commands;

/// <summary>`jixiao monitor FILE [--month N] [--rules FILE] [--json]`: the warning lights of a filled 监控表 or a JSON round.</summary>
internal sealed class MonitorCommand : ICommand
{
    public string Name => "monitor";

    public string Summary => "计算运行监控的预警灯：读取填好的监控表或 JSON 监控数据，给出每个项目的预算执行灯、指标灯和红灯清单";

    public string Usage => """
        用法：jixiao monitor <文件> [--month N] [--rules 规则.json] [--json]

        读取填好的项目支出绩效目标执行监控表（与 jixiao parse 相同的格式），或 JSON 监控数据（*.json，
        格式见 docs/monitoring.md），按监控规则计算每个项目的预警灯：
          预算执行灯 = (1–N月执行数 ÷ 预算数) ÷ (N ÷ 12)：< 0.6 红灯，< 0.8 黄灯，其余绿灯；
          指标灯 = 1–N月进度 ÷ (年度指标值 × N ÷ 12)：< 60% 红灯，< 80% 黄灯，< 120% 绿灯，其余蓝灯；
          项目灯取最差的一盏。
          --month N       监控截至的月份 N（1–12）；监控表默认 7（1–7月），JSON 中的 month 优先于默认值
          --rules 文件    本地区的监控规则文件（格式见 docs/monitoring.md，如 samples/monitoring/rules-sichuan.json）
          --json          以 JSON 输出（格式见 docs/monitoring.md）

        退出码：0 没有红灯；1 文件无法读取、规则或数据有误、用法错误；2 有红灯项目。

        示例：
          jixiao monitor 监控表.xlsx --month 7
          jixiao monitor 监控数据.json --rules samples/monitoring/rules-sichuan.json --json
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--json"], ["--month", "--rules"], out var error);
        if (parsed is null || parsed.Positionals.Count != 1)
        {
            context.Error.WriteLine(error ?? (parsed is null || parsed.Positionals.Count == 0 ? "缺少要计算的监控表文件。" : "一次只能计算一个文件。"));
            context.Error.WriteLine(Usage);
            return ExitCodes.BadInput;
        }

        int? month = null;
        if (parsed.Value("--month") is { } monthText)
        {
            if (!int.TryParse(monthText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12)
            {
                context.Error.WriteLine($"--month 应为 1 到 12 的月份，而不是“{monthText}”。");
                return ExitCodes.BadInput;
            }

            month = m;
        }

        var file = parsed.Positionals[0];
        if (!File.Exists(file))
        {
            context.Error.WriteLine($"找不到文件：{file}");
            return ExitCodes.BadInput;
        }

        var rules = MonitoringRules.Default;
        if (parsed.Value("--rules") is { } rulesFile)
        {
            if (ReadText(rulesFile, context) is not { } rulesJson)
            {
                return ExitCodes.BadInput;
            }

            var load = MonitoringRules.Load(rulesJson, Path.GetFileName(rulesFile));
            if (load.Rules is null)
            {
                context.Error.WriteLine(load.Error!.Message);
                return ExitCodes.BadInput;
            }

            rules = load.Rules;
        }

        List<DocumentProjectLight> projects;
        string kind;
        if (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            if (ReadText(file, context) is not { } json)
            {
                return ExitCodes.BadInput;
            }

            var (round, errors) = MonitoringRoundJson.Read(json, Path.GetFileName(file), rules);
            if (round is null)
            {
                foreach (var e in errors)
                {
                    context.Error.WriteLine(e.Message);
                }

                return ExitCodes.BadInput;
            }

            month ??= round.Month ?? 7;
            var n = month.Value;
            projects = round.Projects.Select((p, i) =>
                new DocumentProjectLight(p.Name, p.Unit, p.BudgetWanYuan, p.ExecutedWanYuan, MonitoringLights.Compute(rules, p.Progress(n)), $"projects[{i}]")).ToList();
            kind = "json";
        }
        else
        {
            var reading = DocumentReader.Read(file).Document;
            foreach (var d in reading.Diagnostics.Where(d => d.Severity == Severity.Error))
            {
                context.Error.WriteLine($"{d.Location} {d.Code} {d.Message}");
            }

            if (reading.Projects.Count == 0)
            {
                context.Error.WriteLine($"{file} 中没有读到项目，无法计算预警灯。");
                return ExitCodes.BadInput;
            }

            if (reading.Kind != DocumentKind.Monitoring)
            {
                context.Error.WriteLine($"注意：{Path.GetFileName(file)} 读作“{ReadDocument.KindTitle(reading.Kind)}”，不是监控表；仍按其中的预算、执行数和完成值计算。");
            }

            month ??= 7;
            projects = [.. DocumentLights.Compute(reading, month.Value, rules)];
            kind = ReadDocument.KindName(reading.Kind);
        }

        var output = MonitorJson.From(Path.GetFileName(file), kind, rules, month.Value, projects);
        if (parsed.Has("--json"))
        {
            context.Out.WriteLine(Json.Serialize(output));
        }
        else
        {
            WriteText(output, context.Out);
        }

        return output.Summary.Red > 0 ? ExitCodes.Findings : ExitCodes.Ok;
    }

    private static string? ReadText(string path, CliContext context)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"无法读取 {path}：{JixiaoCli.Unexpected(ex)}");
            return null;
        }
    }

    private static void WriteText(MonitorJson output, TextWriter o)
    {
        var s = output.Summary;
        o.WriteLine($"{output.File}：1–{output.Month}月，{output.District}规则，{s.Projects} 个项目：红灯 {s.Red}，黄灯 {s.Yellow}，绿灯 {s.Green}，蓝灯 {s.Blue}，无法判断 {s.Unlit}；重点监控 {s.KeyMonitoring}");
        foreach (var p in output.Projects)
        {
            o.WriteLine();
            o.WriteLine($"[{MonitorJson.Chinese(p.Light)}] {p.Name}{(p.Unit is null ? "" : "（" + p.Unit + "）")}");
            o.WriteLine($"  预算执行：{p.Budget.Explanation}");
            foreach (var i in p.Indicators)
            {
                o.WriteLine($"  指标“{i.Name}”：{i.Explanation}");
            }

            foreach (var w in p.Warnings)
            {
                o.WriteLine($"  {w.Code} {w.Message}（{w.Source}）");
            }
        }

        var red = output.Projects.Where(p => p.Light == "red").ToList();
        o.WriteLine();
        o.WriteLine(red.Count == 0 ? "没有红灯项目。" : $"红灯项目 {red.Count} 个（须纠偏）：{string.Join("、", red.Select(p => p.Name))}");
    }
}

/// <summary>The output of `jixiao monitor --json` (docs/monitoring.md); lights as red / yellow / green / blue, null when not computable.</summary>
internal sealed record MonitorJson(string File, string Kind, string District, string RulesVersion, int Month, MonitorSummaryJson Summary,
    IReadOnlyList<MonitorProjectJson> Projects)
{
    public static MonitorJson From(string file, string kind, MonitoringRules rules, int month, IReadOnlyList<DocumentProjectLight> projects)
    {
        var list = projects.Select(p => new MonitorProjectJson(p.Name, p.Unit, p.BudgetWanYuan, p.ExecutedWanYuan, p.Lights.Light?.Name(),
            Verdict(p.Lights.Budget), p.Lights.Indicators.Select(i => new MonitorIndicatorJson(i.Name, i.Verdict.Light?.Name(), i.Verdict.Ratio, i.Verdict.Explanation)).ToList(),
            p.Lights.Warnings.Select(w => new MonitorWarningJson(w.Code, w.Light?.Name(), w.Message, w.Source)).ToList(), p.Lights.KeyMonitoring, p.Location)).ToList();
        var summary = new MonitorSummaryJson(list.Count, list.Count(p => p.Light == "red"), list.Count(p => p.Light == "yellow"), list.Count(p => p.Light == "green"),
            list.Count(p => p.Light == "blue"), list.Count(p => p.Light is null), list.Count(p => p.KeyMonitoring));
        return new MonitorJson(file, kind, rules.District, rules.Version, month, summary, list);
    }

    private static MonitorVerdictJson Verdict(LightVerdict v) => new(v.Light?.Name(), v.Ratio, v.Explanation);

    public static string Chinese(string? light) => Lights.ParseLight(light)?.Chinese() ?? "无法判断";
}

internal sealed record MonitorSummaryJson(int Projects, int Red, int Yellow, int Green, int Blue, int Unlit, int KeyMonitoring);

internal sealed record MonitorProjectJson(string Name, string? Unit, decimal? BudgetWanYuan, decimal? ExecutedWanYuan, string? Light, MonitorVerdictJson Budget,
    IReadOnlyList<MonitorIndicatorJson> Indicators, IReadOnlyList<MonitorWarningJson> Warnings, bool KeyMonitoring, string Location);

internal sealed record MonitorVerdictJson(string? Light, decimal? Ratio, string Explanation);

internal sealed record MonitorIndicatorJson(string Name, string? Light, decimal? Ratio, string Explanation);

internal sealed record MonitorWarningJson(string Code, string? Light, string Message, string Source);
