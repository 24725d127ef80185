namespace Jixiao.Domain.Reviews.Checks;

/// <summary>
/// 产出 indicators that measure what the project buys instead of what it produces (财预〔2015〕88号; local rules forbid
/// it explicitly): money (REV501: "专项工作经费 大于400万元") and staff or equipment (REV502: "专职辅警人员数").
/// 成本 indicators are exempt: they are where money belongs.
/// </summary>
internal sealed class InputAsOutputCheck : IIndicatorCheck
{
    private readonly CheckContext context;
    private readonly string[] moneySuffixes;
    private readonly string[] staffWords;
    private readonly string[] equipmentWords;

    public InputAsOutputCheck(CheckContext context)
    {
        this.context = context;
        moneySuffixes = context.Rules["REV501"].Strings("moneyNameSuffixes");
        staffWords = context.Rules["REV502"].Strings("staffWords");
        equipmentWords = context.Rules["REV502"].Strings("equipmentWords");
    }

    public IReadOnlyList<string> RuleIds { get; } = ["REV501", "REV502"];

    public void Decide(ProjectFacts project, IndicatorFacts indicator, List<Verdict> output)
    {
        if (indicator.IsOutput && Decide(project, indicator) is { } verdict)
        {
            output.Add(verdict);
        }
    }

    private Verdict? Decide(ProjectFacts project, IndicatorFacts indicator)
    {
        var moneyTarget = false;
        foreach (var target in indicator.Targets)
        {
            moneyTarget |= CheckContext.InYuan(target) is not null;
        }

        // the name's head noun is money ("专项工作经费"); "救助资金发放时限" measures time, not money
        if (moneyTarget || ReviewText.EndsWithAny(indicator.Stem, moneySuffixes))
        {
            return new Verdict("REV501", ReviewText.Values(indicator.Indicator), null, context.LibraryExample(project, "11"));
        }

        var what = ReviewText.ContainsAny(indicator.Key, staffWords) ? "人员"
            : ReviewText.ContainsAny(indicator.Key, equipmentWords) ? "设备、物资" : null;
        return what is null ? null : new Verdict("REV502", ReviewText.Values(indicator.Indicator), what, context.LibraryExample(project, "11"));
    }
}
