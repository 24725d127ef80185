using Jixiao.App.Rechecks;
using System.Globalization;
using Jixiao.Domain.Rechecks;
using Jixiao.Reporting.Rechecks;

namespace Jixiao.Cli.Commands;

/// <summary>`jixiao check FILE... [--rules NAME|FILE] [--json] [--xlsx OUT]`: 自评复核 of self-evaluations (docs/recheck.md).</summary>
internal sealed class CheckCommand : ICommand
{
    public string Name => "check";

    public string Summary => "自评复核：按复核规则重算自评表的每一项得分、总分和等级，列出与规则不符的数字，可写出自评复核表";

    public string Usage => """
        用法：jixiao check <文件>... [--rules 规则名|规则.json] [--json] [--xlsx 自评复核表.xlsx]

        读取一份或多份绩效自评表（与 jixiao parse 相同的格式），按复核规则逐项重算：预算执行率得分、
        定量指标（实际 ÷ 目标 × 分值，按指标方向）、定性指标档次、超额完成、复核人规则（产出和效益
        重复的指标只计一次、无法衡量的定性指标、只衡量花钱的数量指标、扣分无理由），再按预算执行率
        限定总分，给出复核总分和等级，并列出与规则不符的数字。读不了的文件列出原因，其余照常复核。
          --rules 规则   内置规则名（10号），或本地区的复核规则 JSON 文件（格式见 docs/recheck.md）；
                         可给多次（各年度的规则），每份自评按其年度选用；不给时按年度选用内置规则
          --json         以 JSON 输出
          --xlsx 文件    写出自评复核表（汇总表 + 每份自评一张表）

        退出码：0 全部复核且没有发现；1 用法错误、规则文件有误或没有一个文件能复核；2 有发现或有文件未能复核。

        示例：
          jixiao check 自评表.txt
          jixiao check 自评/*.txt --xlsx 自评复核表.xlsx
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--json"], ["--rules", "--xlsx"], out var error);
        if (parsed is null || parsed.Positionals.Count == 0)
        {
            context.Error.WriteLine(error ?? "缺少要复核的文件。");
            context.Error.WriteLine(Usage);
            return ExitCodes.BadInput;
        }

        IReadOnlyList<RecheckRuleSet> rules;
        try
        {
            rules = [.. parsed.Values("--rules").Select(Rules)];
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine(ex is InvalidDataException ? ex.Message : JixiaoCli.Unexpected(ex));
            return ExitCodes.BadInput;
        }

        var files = parsed.Positionals
            .Select(f => File.Exists(f) ? SelfEvaluationRechecks.RecheckFile(f, rules) : new FileRecheck(Path.GetFileName(f), null, "找不到文件。", []))
            .ToList();

        if (parsed.Value("--xlsx") is { } xlsx)
        {
            try
            {
                using var stream = File.Create(xlsx);
                RecheckWorkbookWriter.Write(Entries(files), stream);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"无法写入自评复核表 {xlsx}：{JixiaoCli.Unexpected(ex)}");
                return ExitCodes.BadInput;
            }
        }

        if (parsed.Has("--json"))
        {
            context.Out.WriteLine(Json.Serialize(files.Select(FileJson.From).ToList()));
        }
        else
        {
            foreach (var file in files)
            {
                WriteText(file, context.Out);
            }

            var rechecked = files.Sum(f => f.Projects.Count);
            context.Out.WriteLine($"共 {files.Count} 个文件：复核 {rechecked} 份自评，{files.Count(f => f.Failed)} 个文件未能复核，"
                + $"等级变化 {files.Sum(f => f.Projects.Count(p => p.Result.GradeChanged))} 份，发现 {files.Sum(f => f.Projects.Sum(p => p.Findings.Count))} 处。");
            if (parsed.Value("--xlsx") is { } written)
            {
                context.Out.WriteLine($"自评复核表已保存：{written}");
            }
        }

        if (files.All(f => f.Failed))
        {
            return ExitCodes.BadInput;
        }

        return files.Any(f => f.Failed || f.Projects.Any(p => p.Findings.Count > 0)) ? ExitCodes.Findings : ExitCodes.Ok;
    }

    /// <summary>A built-in rule set by name ("10号"), else a rule-set file; throws InvalidDataException with the reason.</summary>
    internal static RecheckRuleSet Rules(string rules)
    {
        if (RecheckRuleSet.Find(rules) is { } builtIn)
        {
            return builtIn;
        }

        if (!File.Exists(rules))
        {
            throw new InvalidDataException($"找不到复核规则文件，也没有名为“{rules}”的内置复核规则（内置：{string.Join("、", RecheckRuleSet.BuiltIn.Select(s => s.Name))}）。");
        }

        using var stream = File.OpenRead(rules);
        return RecheckRuleSet.Load(stream, rules);
    }

    internal static IReadOnlyList<RecheckWorkbookEntry> Entries(IReadOnlyList<FileRecheck> files) =>
        [.. files.SelectMany(f => f.Failed
            ? [new RecheckWorkbookEntry(f.File, null, [], f.Error)]
            : f.Projects.Select(p => new RecheckWorkbookEntry(f.File, p.Result, p.Findings, null,
                p.CutShort ? "文件在指标表中途结束，复核总分只包括读到的行" : null)))];

    private static void WriteText(FileRecheck file, TextWriter output)
    {
        output.WriteLine($"文件：{file.File}" + (file.Kind is null ? "" : $"（{file.Kind}）"));
        if (file.Error is { } error)
        {
            output.WriteLine($"  未复核：{error}");
            output.WriteLine();
            return;
        }

        foreach (var p in file.Projects)
        {
            var r = p.Result;
            output.WriteLine($"【{r.Input.Project ?? "（未注明名称）"}】{r.Input.BudgetUnit}  复核规则：{r.Rules.Name}" + (r.Input.Year is { } y ? $"（{y} 年度）" : ""));
            output.WriteLine("  指标 | 分值 | 指标值 | 实际 | 自评得分 | 复核得分 | 差异 | 复核理由");
            if (r.Budget is { } b)
            {
                output.WriteLine($"  预算执行率（{b.Line.Label}） | {N(b.Line.Weight)} | | {b.Line.StatedRate ?? (b.RatePercent is { } rate ? F(decimal.Round(rate, 2)) + "%" : "")} | "
                    + $"{N(b.Line.StatedScore)} | {N(b.Score)} | {Signed(b.Difference)} | {b.Reason}");
            }

            foreach (var l in r.Lines)
            {
                var marks = l.MarkDowns.Count == 0 ? "" : "；【复核标记】" + string.Join("；", l.MarkDowns.Select(m => m.Message));
                output.WriteLine($"  {l.Line.Name} | {N(l.Line.Weight)} | {l.Line.Target} | {l.Line.Actual} | {N(l.Line.StatedScore)} | {N(l.Score)} | "
                    + $"{Signed(l.Difference)} | {l.Reason}{marks}");
            }

            var cap = r.Cap is { } c ? $"（预算执行率低于 {F(c.ExecutionBelowPercent)}%，总分限 {F(c.MaxTotal)} 分，未限前 {F(r.UncappedTotal)}）" : "";
            output.WriteLine($"  自评总分 {N(r.StatedTotal)}{(r.Input.StatedTotal is null && r.StatedTotal is not null ? "（表内未印总分，为各项得分之和）" : "")}，"
                + $"复核总分 {F(r.Total)}{cap}；等级 {r.GradeChange}");
            if (p.CutShort)
            {
                output.WriteLine("  注意：文件在指标表中途结束，复核总分只包括读到的行。");
            }
            if (p.Findings.Count > 0)
            {
                output.WriteLine($"  复核发现 {p.Findings.Count} 处：");
                foreach (var f in p.Findings)
                {
                    output.WriteLine($"    [{f.Check}] {f.Where}：{f.Message}");
                }
            }

            output.WriteLine();
        }
    }

    private static string F(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string N(decimal? value) => value is { } v ? F(v) : "—";

    private static string Signed(decimal? value) => value switch
    {
        null => "",
        0 => "0",
        > 0 => "+" + F(value.Value),
        _ => F(value.Value),
    };

    private sealed record FileJson(string File, string? Kind, string? Error, IReadOnlyList<EvaluationJson> Evaluations)
    {
        public static FileJson From(FileRecheck f) => new(f.File, f.Kind, f.Error, [.. f.Projects.Select(EvaluationJson.From)]);
    }

    private sealed record EvaluationJson(
        string? Project, string? Unit, int? Year, string Rules, BudgetJson? BudgetExecution, IReadOnlyList<LineJson> Lines,
        decimal? StatedTotal, decimal UncappedTotal, CapJson? Cap, decimal Total, decimal? Difference, string? StatedGrade, string Grade,
        bool GradeChanged, bool CutShort, IReadOnlyList<RecheckFinding> Findings)
    {
        public static EvaluationJson From(ProjectRecheck p)
        {
            var r = p.Result;
            return new(r.Input.Project, r.Input.BudgetUnit, r.Input.Year, r.Rules.Name,
                r.Budget is { } b ? new BudgetJson(b.Line.Label, b.Line.Weight, b.Line.StatedRate, b.RatePercent is { } rate ? decimal.Round(rate, 4) : null, b.Line.StatedScore, b.Score, b.Difference, b.Reason) : null,
                [.. r.Lines.Select(l => new LineJson(l.Line.Level1, l.Line.Level2, l.Line.Name, l.Line.Weight, l.Line.Target, l.Line.Actual,
                    l.Line.StatedScore, l.Score, l.Difference, l.Rechecked, l.Reason, [.. l.MarkDowns.Select(m => new MarkJson(KindName(m.Kind), m.Message))]))],
                r.StatedTotal, r.UncappedTotal, r.Cap is { } c ? new CapJson(c.ExecutionBelowPercent, c.MaxTotal) : null, r.Total, r.Difference,
                r.StatedGrade, r.Grade, r.GradeChanged, p.CutShort, p.Findings);
        }
    }

    private static string KindName(MarkDownKind kind) => kind switch
    {
        MarkDownKind.Duplicate => "duplicate",
        MarkDownKind.VagueQualitative => "vague-qualitative",
        MarkDownKind.MoneyOnlyQuantity => "money-only-quantity",
        MarkDownKind.DeductionWithoutReason => "deduction-without-reason",
        MarkDownKind.NoEvidence => "no-evidence",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private sealed record BudgetJson(string Label, decimal? Weight, string? StatedRate, decimal? RatePercent, decimal? StatedScore, decimal? Score, decimal? Difference, string Reason);

    private sealed record LineJson(
        string? Level1, string? Level2, string Name, decimal? Weight, string? Target, string? Actual, decimal? StatedScore, decimal? Score,
        decimal? Difference, bool Rechecked, string Reason, IReadOnlyList<MarkJson> MarkDowns);

    private sealed record MarkJson(string Kind, string Message);

    private sealed record CapJson(decimal ExecutionBelow, decimal MaxTotal);
}
