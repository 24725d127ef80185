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
        "事故", "故障", "报停", "复吸", "发生", "超支", "投诉", "差错", "失误", "违法", "违规", "违纪", "案发", "发案", "警情", "立案数",
        "隐患", "损失", "死亡", "伤亡", "返工", "漏报", "误报", "误差", "延误", "逾期", "超期", "超标", "滞留", "积压", "退回",
        "整改数", "缺陷", "逃逸", "空置", "闲置", "流失", "辍学", "不合格", "错误", "能耗", "耗时", "用时", "时长", "等待时间",
        "响应时间", "处置时间", "到场时间",
    ];

    /// <summary>
    /// Words that make a name measure how well a bad thing is handled or reduced (故障维护及时率, 隐患整治率, 事故下降率):
    /// those stay higher-is-better even though they name the bad thing.
    /// </summary>
    public static IReadOnlyList<string> HandlingWords { get; } =
    [
        "及时", "整治", "整改率", "处理率", "处置率", "解决率", "办结", "破案", "查处", "打击", "排查", "化解", "控制率", "节约",
        "下降率", "减少率", "降低率", "完好",
    ];

    /// <summary>
    /// The ratios of the 部门整体 framework that are held under a limit (在职人员控制率 = 在职人数 ÷ 编制数 ≤ 100 %,
    /// 公用经费控制率, "三公经费"控制率 and 变动率, 预算调整率, 结转结余率): lower is better, even though 控制率 is a
    /// handling word elsewhere (疫情控制率).
    /// </summary>
    public static IReadOnlyList<string> LimitWords { get; } =
    [
        "人员控制率", "经费控制率", "支出控制率", "面积控制率", "预算控制率", "调整率", "结余率", "结转率", "变动率",
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

    /// <summary>True when the indicator's name says lower is better (报停率, 事故发生数, 平均响应时间).</summary>
    public static bool IsLowerBetterName(string indicatorName) =>
        ContainsAny(indicatorName, LimitWords) || ContainsAny(indicatorName, LowerIsBetterWords) && !ContainsAny(indicatorName, HandlingWords);

    private static bool ContainsAny(string text, IReadOnlyList<string> words)
    {
        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
