using Jixiao.Domain.Targets;

namespace Jixiao.Cli.Commands;

/// <summary>`jixiao target "≥95%" [--json]`: shows how a 指标值 is read.</summary>
internal sealed class TargetCommand : ICommand
{
    public string Name => "target";

    public string Summary => "解析一个指标值（如“≥95%”“48小时内解决”“有所提高”），显示比较符、数值、单位和方向";

    public string Usage => """
        用法：jixiao target "<指标值>" [--json]

        解析一个指标值文本并显示结果。可一次给出多个指标值。
          --json   以 JSON 输出（格式见 docs/formats.md）

        示例：
          jixiao target "≥ 95 %"
          jixiao target "2个镇街以上" --json
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--json"], [], out var error);
        if (parsed is null || parsed.Positionals.Count == 0)
        {
            context.Error.WriteLine(error ?? "缺少指标值文本。");
            context.Error.WriteLine(Usage);
            return ExitCodes.BadInput;
        }

        var targets = parsed.Positionals.Select(TargetParser.Parse).Select(TargetJson.From).ToList();
        if (parsed.Has("--json"))
        {
            context.Out.WriteLine(targets.Count == 1 ? Json.Serialize(targets[0]) : Json.Serialize(targets));
            return ExitCodes.Ok;
        }

        foreach (var t in targets)
        {
            context.Out.WriteLine($"“{t.Text}”");
            context.Out.WriteLine($"  类型：{KindName(t.Kind)}");
            if (t.Comparator is not null || t.Implicit)
            {
                context.Out.WriteLine($"  比较：{(t.Implicit ? "未写明（由指标决定）" : t.Comparator)}");
            }

            if (t.Value is not null)
            {
                context.Out.WriteLine(t.Max is not null ? $"  数值：{t.Value} 至 {t.Max}" : $"  数值：{t.Value}");
            }

            if (t.Antecedent is not null)
            {
                context.Out.WriteLine($"  比例：{t.Antecedent}:{t.Consequent}");
            }

            if (t.Unit is not null)
            {
                context.Out.WriteLine($"  单位：{t.Unit}");
            }

            context.Out.WriteLine($"  方向：{DirectionName(t.Direction)}");
            if (t.Remark is not null)
            {
                context.Out.WriteLine($"  附注：{t.Remark}");
            }
        }

        return ExitCodes.Ok;
    }

    private static string KindName(string kind) => kind switch
    {
        "quantitative" => "定量",
        "qualitative" => "定性",
        "ratio" => "比例",
        "range" => "区间",
        _ => kind,
    };

    private static string DirectionName(string? direction) => direction switch
    {
        "up" => "越高越好",
        "down" => "越低越好",
        "keep" => "保持",
        "attain" => "达成与否",
        _ => "未说明",
    };
}
