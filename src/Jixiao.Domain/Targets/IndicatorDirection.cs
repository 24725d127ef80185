namespace Jixiao.Domain.Targets;

/// <summary>
/// Decides which way an indicator is better when its target does not say (a bare "0", "3%"). A rate of something
/// bad — 事故, 故障, 报停, 复吸, 发生(率), 超支, 投诉 … — is lower-is-better; everything else is higher-is-better.
/// </summary>
public static class IndicatorDirection
{
    /// <summary>Words in an indicator name that make lower values better.</summary>
    public static IReadOnlyList<string> LowerIsBetterWords { get; } =
    [
        "事故", "故障", "报停", "复吸", "发生率", "发生数", "超支", "投诉", "差错", "违法", "违规", "案发", "发案", "警情", "隐患",
        "损失", "死亡", "伤亡", "返工", "失误", "漏报", "误报", "延误", "逾期", "退回", "整改数", "成本", "费用", "耗时", "时长",
        "等待时间", "响应时间", "空置", "闲置", "流失", "辍学", "不合格", "错误",
    ];

    /// <summary>
    /// The direction of an indicator: the target's own when it states one (≥, ≤, 提高, 下降), otherwise inferred from
    /// the indicator name. Returns <see cref="Direction.Attain"/> for 达标-type words and null only for unknown words.
    /// </summary>
    public static Direction? Of(string indicatorName, Target? target)
    {
        if (target?.Direction is { } stated)
        {
            return stated;
        }

        if (target is Target.Qualitative)
        {
            return null;
        }

        return IsLowerBetterName(indicatorName) ? Direction.Down : Direction.Up;
    }

    public static bool IsLowerBetterName(string indicatorName)
    {
        foreach (var word in LowerIsBetterWords)
        {
            if (indicatorName.Contains(word, StringComparison.Ordinal))
            {
                // "故障维护及时率", "事故处理及时率", "隐患整治率" measure how well the bad thing is handled: higher is better
                return !(indicatorName.Contains("及时", StringComparison.Ordinal) || indicatorName.Contains("整治", StringComparison.Ordinal)
                    || indicatorName.Contains("处理率", StringComparison.Ordinal) || indicatorName.Contains("解决率", StringComparison.Ordinal)
                    || indicatorName.Contains("办结", StringComparison.Ordinal) || indicatorName.Contains("破案", StringComparison.Ordinal)
                    || indicatorName.Contains("控制率", StringComparison.Ordinal) || indicatorName.Contains("节约", StringComparison.Ordinal));
            }
        }

        return false;
    }
}
