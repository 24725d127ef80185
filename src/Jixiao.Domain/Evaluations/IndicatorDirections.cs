using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Evaluations;

/// <summary>
/// Decides which way a target is scored. The comparator decides when the text has one (≥ 正向, ≤ 反向, = 等于,
/// regulations.md §2.2); a target without one ("3%", "1:200") is decided from the indicator: a rate or count of
/// something bad (事故, 故障, 报停, 复吸, 发生, 超支 …) is lower-is-better, everything else higher-is-better.
/// </summary>
public static class IndicatorDirections
{
    /// <summary>True when the name says lower is better (报停率, 事故发生率, 平均响应时间); one word list for the whole product.</summary>
    public static bool NameSaysLowerIsBetter(string name) => IndicatorDirection.IsLowerBetterName(name);

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
