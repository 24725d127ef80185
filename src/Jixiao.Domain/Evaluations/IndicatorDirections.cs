using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Evaluations;

/// <summary>
/// Decides which way a target is scored. The comparator decides when the text has one (≥ 正向, ≤ 反向, = 等于,
/// regulations.md §2.2); a target without one ("3%", "1:200") is decided from the indicator: a rate or count of
/// something bad (事故, 故障, 报停, 复吸, 发生, 超支 …) is lower-is-better, everything else higher-is-better.
/// </summary>
public static class IndicatorDirections
{
    /// <summary>Words that make an indicator lower-is-better when its target states no comparator.</summary>
    public static IReadOnlyList<string> LowerIsBetterWords { get; } =
    [
        "事故", "故障", "报停", "复吸", "发生", "超支", "投诉", "差错", "失误", "违规", "违纪", "发案", "返工", "损失", "伤亡", "死亡",
        "延误", "超标", "闲置", "空置", "流失", "逃逸", "误差", "超期", "滞留", "积压", "不合格", "缺陷", "逾期", "能耗",
        "时长", "用时", "耗时", "响应时间", "处置时间", "到场时间", "等待时间",
    ];

    /// <summary>True when the name says lower is better (报停率, 事故发生率, 平均响应时间).</summary>
    public static bool NameSaysLowerIsBetter(string name)
    {
        foreach (var word in LowerIsBetterWords)
        {
            if (name.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    internal static ScoringDirection Resolve(string name, string level2, Target? target, Direction? overrideDirection)
    {
        if (overrideDirection is Direction.Down)
        {
            return ScoringDirection.Down;
        }

        if (overrideDirection is Direction.Up)
        {
            return ScoringDirection.Up;
        }

        switch (target)
        {
            case Target.Range:
                return ScoringDirection.Range;
            case Target.Quantitative { Implicit: false } q:
                return Explicit(q.Comparator);
            case Target.Ratio { Implicit: false } r:
                return Explicit(r.Comparator);
            case Target.Qualitative { Direction: Direction.Down }:
                return ScoringDirection.Down;
            default:
                // 产出成本 / 成本指标 in money are lower-is-better even when written "628元/个/月"
                var isCost = level2.Contains("成本", StringComparison.Ordinal) && target is Target.Quantitative { Unit: { } unit }
                    && unit.Contains('元', StringComparison.Ordinal);
                return isCost || NameSaysLowerIsBetter(name) ? ScoringDirection.Down : ScoringDirection.Up;
        }
    }

    private static ScoringDirection Explicit(Comparator comparator) => comparator switch
    {
        Comparator.AtLeast or Comparator.GreaterThan => ScoringDirection.Up,
        Comparator.AtMost or Comparator.LessThan => ScoringDirection.Down,
        _ => ScoringDirection.Equal,
    };
}
