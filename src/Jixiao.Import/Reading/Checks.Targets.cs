using Jixiao.Domain.Targets;

namespace Jixiao.Import.Reading;

/// <summary>
/// The 得分 of an indicator against whether its actual meets its target: full marks for a target clearly missed
/// (missed-target-full) or marks taken off a target met (met-target-below-full), each only where no reason is given.
/// "Met" and "missed" are decided only where the document leaves no doubt: the same text, or two numbers in the
/// same unit compared the way the target's comparator (≥, ≤, =, a range) says — or, for a bare value, the way the
/// indicator's name says (a 执行率 or 合格率 is better higher; an 事故发生率 lower). A bare value whose direction the
/// name does not settle (控制率, 调整率, 结余率, a cost) is compared only for equality.
/// </summary>
internal static partial class Checks
{
    private enum Attainment { Unknown, Met, Missed }

    // Names whose bare target reads either way: a 控制率 of 100 % with 92 % actual is good, a 预算调整率 of 3 % with 0 too.
    private static readonly string[] TwoWayWords =
    [
        "控制", "调整", "结余", "结转", "变动", "偏差", "偏离", "成本", "费用", "支出", "经费", "单价", "标准", "金额", "资金", "增长",
        "占比", "比例", "比重", "人数", "次数", "时间", "周期",
    ];

    // Names whose bare target is a floor: more is better, less is a miss.
    private static readonly string[] FloorWords =
    [
        "执行率", "完成率", "合格率", "达标率", "满意度", "覆盖率", "到位率", "知晓率", "及时率", "普及率", "参与率", "验收",
        "完好率", "使用率", "入学率", "巩固率", "通过率", "办结率", "结案率", "处理率", "处置率", "受理率", "支付率", "兑现率",
        "发放率", "上线率", "在线率", "正常率", "运行率", "开通率", "利用率", "建成率", "达成率", "认可度", "认知度",
    ];

    private static void TargetAttainment(ReadIndicator i, List<ReadFinding> findings)
    {
        if (i.Weight is not { } w || i.Score is not { } s || w <= 0 || !string.IsNullOrWhiteSpace(i.Reason)
            || i.Target is not { } target || i.Actual is not { } actual)
        {
            return;
        }

        var attained = Attained(i.Name, i.Level2, target, actual);
        if (attained == Attainment.Met && s < w)
        {
            findings.Add(new ReadFinding("met-target-below-full", i.Name, F(s), F(w),
                $"“{i.Name}”实际完成值“{actual}”已达到指标值“{target}”，但得分 {F(s)} 低于分值 {F(w)}，且未说明扣分原因。", i.Location));
        }
        else if (attained == Attainment.Missed && s == w)
        {
            findings.Add(new ReadFinding("missed-target-full", i.Name, F(s), "<" + F(w),
                $"“{i.Name}”实际完成值“{actual}”未达到指标值“{target}”，却得满分 {F(w)}，且未说明原因。", i.Location));
        }
    }

    private static Attainment Attained(string name, string? level2, string targetText, string actualText)
    {
        var targetKey = Plain(targetText);
        var actualKey = Plain(actualText);
        if (targetKey.Length == 0 || actualKey.Length == 0)
        {
            return Attainment.Unknown;
        }

        if (targetKey == actualKey)
        {
            return Attainment.Met;
        }

        var target = TargetParser.Parse(ReadingText.Display(targetText));
        if (Measured(actualText) is not { } a)
        {
            return Attainment.Unknown;
        }

        switch (target)
        {
            case Target.Range r when SameUnit(r.Unit, a.Unit):
                return a.Value >= r.Min && a.Value <= r.Max ? Attainment.Met : Attainment.Missed;
            case Target.Quantitative q when SameUnit(q.Unit, a.Unit):
                var comparator = q.Implicit ? BareComparator(name, level2) : q.Comparator;
                return comparator switch
                {
                    Comparator.AtLeast => a.Value >= q.Value ? Attainment.Met : Attainment.Missed,
                    Comparator.GreaterThan => a.Value > q.Value ? Attainment.Met : Attainment.Missed,
                    Comparator.AtMost => a.Value <= q.Value ? Attainment.Met : Attainment.Missed,
                    Comparator.LessThan => a.Value < q.Value ? Attainment.Met : Attainment.Missed,
                    null => a.Value == q.Value ? Attainment.Met : Attainment.Unknown,
                    _ => a.Value == q.Value ? Attainment.Met : q.Implicit ? Attainment.Unknown : Attainment.Missed,
                };
            default:
                return Attainment.Unknown;
        }
    }

    /// <summary>The comparator a bare target ("100%", "5000户") stands for, or null when its name does not settle it.</summary>
    private static Comparator? BareComparator(string name, string? level2)
    {
        if (level2 is not null && level2.Contains("成本", StringComparison.Ordinal))
        {
            return null;
        }

        if (IndicatorDirection.IsLowerBetterName(name))
        {
            return Comparator.AtMost;
        }

        if (TwoWayWords.Any(x => name.Contains(x, StringComparison.Ordinal)))
        {
            return null;
        }

        return FloorWords.Any(x => name.Contains(x, StringComparison.Ordinal)) ? Comparator.AtLeast : null;
    }

    /// <summary>An actual value that is one plain number with an optional unit ("72.74%", "2370人", "132.9").</summary>
    private static (decimal Value, string? Unit)? Measured(string text)
    {
        var t = ReadingText.Display(text).Replace(" ", "", StringComparison.Ordinal).TrimEnd('。', '.', ';', '；');
        var end = 0;
        while (end < t.Length && (char.IsAsciiDigit(t[end]) || t[end] is '.' or ','))
        {
            end++;
        }

        if (end == 0 || ReadingText.Number(t[..end]) is not { } value)
        {
            return null;
        }

        var unit = t[end..];
        // A unit is a short word ("%", "人", "万元", "个/月"), not the rest of a sentence or a second number.
        if (unit.Length > 4 || unit.Any(char.IsAsciiDigit))
        {
            return null;
        }

        return (value, unit.Length == 0 ? null : unit);
    }

    private static bool SameUnit(string? target, string? actual) =>
        target == actual || (actual is null && target is not null && target != "%") || (target is null && actual is null);

    private static string Plain(string text) => ReadingText.Key(text).TrimEnd('。', '.', ';', ',');
}
