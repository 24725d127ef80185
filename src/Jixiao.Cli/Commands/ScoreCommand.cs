using System.Globalization;
using System.Text;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Evaluations;
using Jixiao.Import.Evaluations;

namespace Jixiao.Cli.Commands;

/// <summary>`jixiao score SHEET(.json|.xlsx) [--json]`: scores an evaluation sheet, prints the scored tree, total, grade and findings.</summary>
internal sealed class ScoreCommand : ICommand
{
    public string Name => "score";

    public string Summary => "为绩效评价表打分（JSON 或 Excel），给出各指标得分及说明、总分、等级和发现的问题";

    public string Usage => """
        用法：jixiao score <评价表.json|评价表.xlsx> [--json] [--grade-scale 四级|五级]

        按评价表中每个指标的评分方法（比例、档次、定性、扣分、是否、人工）计算得分，合计总分（保留两位小数），
        评定等级，并列出发现的问题（分值不合计、未达标未说明原因、报告数值与计算不符等）。
          --json          以 JSON 输出（格式见 docs/evaluations.md）
          --grade-scale   使用内置的等级划分（默认按评价表，表中未设时为四级：优≥90、良≥80、中≥60、差）

        退出码：0 正常；1 文件无法读取；2 评价表有错误级别的问题。

        示例：
          jixiao score samples/evaluations/004-xueliang-2020.json
          jixiao score 自评表.xlsx --json
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--json"], ["--grade-scale"], out var error);
        if (parsed is null || parsed.Positionals.Count != 1)
        {
            context.Error.WriteLine(error ?? "请给出一个评价表文件（.json 或 .xlsx）。");
            context.Error.WriteLine(Usage);
            return ExitCodes.BadInput;
        }

        var path = parsed.Positionals[0];
        var read = Read(path);
        if (read.Sheet is null)
        {
            foreach (var d in read.Diagnostics)
            {
                context.Error.WriteLine($"{d.Location}: {d.Code} {d.Message}");
            }

            return ExitCodes.BadInput;
        }

        var sheet = read.Sheet;
        if (parsed.Value("--grade-scale") is { } scaleName)
        {
            if (GradeScale.Find(scaleName) is not { } scale)
            {
                context.Error.WriteLine($"没有名为“{scaleName}”的等级划分（可用：{string.Join("、", GradeScale.Names)}）。");
                return ExitCodes.BadInput;
            }

            sheet = sheet with { GradeScale = scale };
        }

        var scored = Scorer.Score(sheet);
        var readFindings = read.Diagnostics.Select(d => new EvaluationFinding(d.Severity, d.Code, d.Location?.ToString(), d.Message)).ToList();
        var findings = readFindings.Concat(scored.Findings).ToList();
        if (parsed.Has("--json"))
        {
            var json = ScoredEvaluationJson.From(scored with { Findings = findings });
            context.Out.WriteLine(Json.Serialize(json));
        }
        else
        {
            WriteTable(context.Out, scored, findings);
        }

        return findings.Any(f => f.Severity == Severity.Error) ? ExitCodes.Findings : ExitCodes.Ok;
    }

    internal static EvaluationSheetReadResult Read(string path)
    {
        if (!File.Exists(path))
        {
            return new(null, [new Diagnostic(Severity.Error, "EVJ000", new SourceLocation(path), $"找不到文件：{path}")]);
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        try
        {
            return extension is ".xlsx" or ".xlsm" or ".xls"
                ? EvaluationSheetXlsxReader.Read(path)
                : EvaluationSheetJson.Read(File.ReadAllText(path, Encoding.UTF8), Path.GetFileName(path));
        }
        catch (IOException ex)
        {
            return new(null, [new Diagnostic(Severity.Error, "EVJ000", new SourceLocation(path), $"无法读取文件 {path}：{JixiaoCli.Unexpected(ex)}")]);
        }
        catch (UnauthorizedAccessException ex)
        {
            return new(null, [new Diagnostic(Severity.Error, "EVJ000", new SourceLocation(path), $"无法读取文件 {path}：{JixiaoCli.Unexpected(ex)}")]);
        }
    }

    private static void WriteTable(TextWriter output, ScoredEvaluation scored, IReadOnlyList<EvaluationFinding> findings)
    {
        var sheet = scored.Sheet;
        output.WriteLine($"{sheet.Project}（{(sheet.Year is { } y ? y + "年度 " : "")}{sheet.Kind.Chinese()}）");
        output.WriteLine();
        string[] header = ["一级指标", "二级指标", "三级指标", "分值", "实际值", "得分", "说明"];
        var rows = scored.Items.Select(i => new[]
        {
            i.Level1, i.Level2, i.Name, Number(i.Weight), Number(i.Actual is { } a ? decimal.Round(a, 2) : null),
            i.Score is { } s ? Number(s) : Number(i.Completion) + "%", i.Explanation,
        }).ToList();
        var widths = header.Select((h, c) => Math.Min(c == 6 ? 0 : 24, Math.Max(Width(h), rows.Count == 0 ? 0 : rows.Max(r => Width(r[c]))))).ToArray();
        output.WriteLine(Line(header, widths));
        output.WriteLine(string.Join("  ", widths.Take(6).Select(w => new string('-', w))) + "  ----");
        foreach (var row in rows)
        {
            output.WriteLine(Line(row, widths));
        }

        output.WriteLine();
        if (scored.Total is { } total)
        {
            output.WriteLine($"总分：{Number(total)}    等级：{scored.Grade}    （分值合计 {Number(sheet.Indicators.Sum(i => i.Weight ?? 0))}）");
        }
        else
        {
            output.WriteLine("评价表未设分值：不计总分和等级。");
        }

        if (findings.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"发现的问题（{findings.Count}）：");
            foreach (var f in findings)
            {
                var level = f.Severity switch
                {
                    Severity.Error => "错误",
                    Severity.Warning => "警告",
                    _ => "提示",
                };
                output.WriteLine($"  [{level}] {f.Code} {f.Message}");
            }
        }
    }

    private static string Number(decimal? value) =>
        value is { } v ? ScoreRounding.Round(v).ToString("0.##", CultureInfo.InvariantCulture) : "—";

    private static string Line(string[] cells, int[] widths)
    {
        var builder = new StringBuilder();
        for (var c = 0; c < cells.Length; c++)
        {
            var cell = widths[c] > 0 ? Clip(cells[c], widths[c]) : cells[c];
            builder.Append(cell);
            if (c < cells.Length - 1)
            {
                builder.Append(' ', Math.Max(0, widths[c] - Width(cell)) + 2);
            }
        }

        return builder.ToString().TrimEnd();
    }

    private static string Clip(string text, int width)
    {
        if (Width(text) <= width)
        {
            return text;
        }

        var builder = new StringBuilder();
        var used = 0;
        foreach (var ch in text)
        {
            var w = CharWidth(ch);
            if (used + w > width - 1)
            {
                break;
            }

            builder.Append(ch);
            used += w;
        }

        return builder.Append('…').ToString();
    }

    /// <summary>Terminal columns: CJK and full-width characters take two.</summary>
    private static int Width(string text) => text.Sum(CharWidth);

    private static int CharWidth(char c) => c >= '\u1100' && (c <= '\u115F' || c is >= '\u2E80' and <= '\uA4CF' || c is >= '\uAC00' and <= '\uD7A3'
        || c is >= '\uF900' and <= '\uFAFF' || c is >= '\uFE30' and <= '\uFE4F' || c is >= '\uFF00' and <= '\uFF60' || c is >= '\uFFE0' and <= '\uFFE6') ? 2 : 1;
}
