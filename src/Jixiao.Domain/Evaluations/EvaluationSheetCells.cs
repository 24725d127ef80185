using System.Globalization;
using Jixiao.Domain.Text;

namespace Jixiao.Domain.Evaluations;

/// <summary>
/// The spreadsheet form of a sheet (<c>jixiao template -o sheet.xlsx</c>): the labels, the column headers and how
/// the cells that hold lists are written and read. Shared by the Excel writer (Reporting) and reader (Import).
/// </summary>
public static class EvaluationSheetCells
{
    public const string IndicatorSheet = "评价表";
    public const string GroupSheet = "分值设定";

    /// <summary>Label cells (column A) above the grid and the sheet field each one fills.</summary>
    public static IReadOnlyList<(string Label, string Field)> Labels { get; } =
    [
        ("项目名称", "project"), ("评价年度", "year"), ("评价类型", "kind"), ("模板", "template"), ("等级划分", "gradeBands"),
        ("反向指标计分", "lowerIsBetter"),
    ];

    /// <summary>The grid's column headers, in order, and the indicator field each one fills.</summary>
    public static IReadOnlyList<(string Header, string Field)> Columns { get; } =
    [
        ("一级指标", "level1"), ("二级指标", "level2"), ("三级指标", "name"), ("分值", "weight"), ("评分方法", "method"),
        ("指标值", "target"), ("实际完成值", "actual"), ("计算公式", "formula"), ("公式输入", "inputs"), ("计分档次", "tiers"),
        ("评价结论", "rating"), ("完成比例(%)", "percent"), ("扣分及理由", "deductions"), ("报告得分", "score"),
        ("报告完成值", "statedActual"), ("方向", "direction"), ("偏差原因及说明", "reason"),
    ];

    /// <summary>The header of the group sheet: 一级指标 | 二级指标 | 分值.</summary>
    public static IReadOnlyList<string> GroupColumns { get; } = ["一级指标", "二级指标", "分值"];

    // ---- writing -----------------------------------------------------------------------------------------------

    /// <summary>"支出=1086.77万元；预算=1108.96元；月度考核分=[97, 98.5]".</summary>
    public static string FormatInputs(IEnumerable<FormulaInput> inputs) => string.Join("；", inputs.Select(i => $"{i.Name}={i.Text}"));

    /// <summary>"≥90:10；≥80:8；≥60:5；≥0:0".</summary>
    public static string FormatTiers(IEnumerable<Tier> tiers) =>
        string.Join("；", tiers.Select(t => $"≥{Invariant(t.Min)}:{Invariant(t.Score)}"));

    /// <summary>One deduction a line: "扣1.5分：理由".</summary>
    public static string FormatDeductions(IEnumerable<Deduction> deductions) =>
        string.Join("\n", deductions.Select(d => $"扣{Invariant(d.Points)}分" + (string.IsNullOrWhiteSpace(d.Reason) ? "" : "：" + d.Reason)));

    /// <summary>"优≥90、良≥80、中≥60、差≥0".</summary>
    public static string FormatGradeBands(GradeScale scale) => string.Join("、", scale.Bands.Select(b => $"{b.Grade}≥{Invariant(b.Min)}"));

    private static string Invariant(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    // ---- reading -------------------------------------------------------------------------------------------------

    /// <summary>Reads "名称=值；名称=[a, b, c]"; a piece without "=" is returned in <paramref name="bad"/>.</summary>
    public static List<(string Name, string? Value, List<string>? Series)> ParseInputs(string text, out List<string> bad)
    {
        bad = [];
        var result = new List<(string, string?, List<string>?)>();
        foreach (var piece in Split(text, '；', ';', '\n'))
        {
            var eq = piece.IndexOfAny(['=', '＝']);
            if (eq <= 0)
            {
                bad.Add(piece);
                continue;
            }

            var name = piece[..eq].Trim();
            var value = piece[(eq + 1)..].Trim();
            if (value.StartsWith('[') || value.StartsWith('【'))
            {
                var inner = value.Trim('[', ']', '【', '】');
                result.Add((name, null, Split(inner, ',', '，', '、').ToList()));
            }
            else
            {
                result.Add((name, value, null));
            }
        }

        return result;
    }

    /// <summary>Reads "≥90%:10；≥80%:8"; a piece that is not "min:score" is returned in <paramref name="bad"/>.</summary>
    public static List<(string Min, decimal Score)> ParseTiers(string text, out List<string> bad)
    {
        bad = [];
        var result = new List<(string, decimal)>();
        foreach (var piece in Split(text, '；', ';', '\n'))
        {
            var normalized = ChineseText.Normalize(piece);
            var sep = normalized.LastIndexOfAny([':', '→', '得']);
            if (sep <= 0 || MeasuredValue.Parse(normalized[(sep + 1)..]) is not { Value: { } score })
            {
                bad.Add(piece);
                continue;
            }

            result.Add((normalized[..sep].Trim(), score));
        }

        return result;
    }

    /// <summary>Reads one deduction a line: "扣1.5分：理由", "1.5 理由", "2"; a line without points is returned in <paramref name="bad"/>.</summary>
    public static List<(decimal Points, string? Reason)> ParseDeductions(string text, out List<string> bad)
    {
        bad = [];
        var result = new List<(decimal, string?)>();
        foreach (var line in Split(text, '\n'))
        {
            // Normalize keeps the length, so positions in s are positions in raw (the reason keeps its own punctuation)
            var raw = line.Trim();
            var s = ChineseText.Normalize(raw);
            var i = s.StartsWith('扣') ? 1 : 0;
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            if (!decimal.TryParse(s.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var points))
            {
                bad.Add(line);
                continue;
            }

            if (i < s.Length && s[i] == '分')
            {
                i++;
            }

            while (i < s.Length && s[i] is ':' or ',' or '、' or ' ' or '-')
            {
                i++;
            }

            var reason = raw[i..].Trim();
            result.Add((points, reason.Length == 0 ? null : reason));
        }

        return result;
    }

    /// <summary>Reads "优≥90、良≥80、中≥60、差≥0" (also "优:90"); null and the bad piece when a piece has no grade or minimum.</summary>
    public static List<GradeBand>? ParseGradeBands(string text, out string? bad)
    {
        bad = null;
        var bands = new List<GradeBand>();
        foreach (var piece in Split(text, '、', '；', ';', ',', '，', '\n'))
        {
            var s = ChineseText.Normalize(piece);
            var i = 0;
            while (i < s.Length && !char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            var grade = s[..i].Trim().TrimEnd('≥', '>', '=', ':', ' ');
            if (grade.Length == 0 || !decimal.TryParse(s.AsSpan(i).Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var min))
            {
                bad = piece;
                return null;
            }

            bands.Add(new GradeBand(grade, min));
        }

        return bands;
    }

    private static IEnumerable<string> Split(string text, params char[] separators) =>
        text.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
