using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Reviews.Checks;

/// <summary>
/// Targets that cannot fail or make no sense (财预〔2015〕88号 适当性): a saving of at most 0 (REV401), a cost "控制率" of
/// at most 0 % (REV402), 100 % of an input such as money paid out (REV403), a 实施周期 target weaker than the annual one
/// (REV404) and an annual count above the 实施周期 count (REV405).
/// </summary>
internal sealed class ReasonablenessCheck : IIndicatorCheck
{
    private readonly CheckContext context;
    private readonly string[] savingWords;
    private readonly string[] costWords;
    private readonly string[] costExempt;
    private readonly string[] inputWords;
    private readonly string[] inputExempt;

    public ReasonablenessCheck(CheckContext context)
    {
        this.context = context;
        var rules = context.Rules;
        savingWords = rules["REV401"].Strings("words");
        costWords = rules["REV402"].Strings("words");
        costExempt = rules["REV402"].Strings("exemptWords");
        inputWords = rules["REV403"].Strings("words");
        inputExempt = rules["REV403"].Strings("exemptWords");
    }

    public IReadOnlyList<string> RuleIds { get; } = ["REV401", "REV402", "REV403", "REV404", "REV405"];

    public void Decide(ProjectFacts project, IndicatorFacts indicator, List<Verdict> output)
    {
        CheckZeroCeilings(indicator, output);
        CheckInputHundred(project, indicator, output);
        CheckPeriodAgainstAnnual(indicator, output);
    }

    private static bool IsCeilingAtZero(Target target, out Target.Quantitative quantitative)
    {
        quantitative = null!;
        if (target is Target.Quantitative q && q.Value <= 0 && (q.Unit is null or "%")
            && q.Comparator is Comparator.AtMost or Comparator.LessThan or Comparator.Equal)
        {
            quantitative = q;
            return true;
        }

        return false;
    }

    private void CheckZeroCeilings(IndicatorFacts indicator, List<Verdict> output)
    {
        foreach (var target in indicator.Targets)
        {
            if (!IsCeilingAtZero(target, out var q))
            {
                continue;
            }

            var words = indicator.Key + ChineseTextOf(q);
            if (ReviewText.ContainsAny(words, savingWords))
            {
                output.Add(new Verdict("REV401", target.Text.Trim(), null, null));
                return;
            }

            if ((indicator.IsCost || ReviewText.ContainsAny(words, costWords)) && !ReviewText.ContainsAny(words, costExempt)
                && (q.Unit == "%" || q.Remark?.Contains('%', StringComparison.Ordinal) == true || target.Text.Contains('%', StringComparison.Ordinal)))
            {
                output.Add(new Verdict("REV402", target.Text.Trim(), null, CheckContext.BudgetMarker));
                return;
            }
        }
    }

    private static string ChineseTextOf(Target.Quantitative q) => q.Remark ?? "";

    private void CheckInputHundred(ProjectFacts project, IndicatorFacts indicator, List<Verdict> output)
    {
        if (!ReviewText.ContainsAny(indicator.Key, inputWords) || ReviewText.ContainsAny(indicator.Key, inputExempt))
        {
            return;
        }

        foreach (var target in indicator.Targets)
        {
            if (target is Target.Quantitative { Value: 100m } q && (q.Unit == "%" || indicator.Key.Contains('%'))
                && q.Comparator is Comparator.AtLeast or Comparator.Equal)
            {
                output.Add(new Verdict("REV403", target.Text.Trim(), null, context.LibraryExample(project, "11")));
                return;
            }
        }
    }

    private static void CheckPeriodAgainstAnnual(IndicatorFacts indicator, List<Verdict> output)
    {
        if (indicator.Indicator.PeriodTarget is not Target.Quantitative period || indicator.Indicator.AnnualTarget is not Target.Quantitative annual
            || period.Unit != annual.Unit && !(period.Unit is null || annual.Unit is null))
        {
            return;
        }

        var unit = period.Unit ?? annual.Unit;
        var lowerBetter = IsDown(period) || IsDown(annual) || period.Implicit && annual.Implicit && CheckContext.IsLowerBetter(indicator.Stem);
        if ((IsDown(period) && IsUp(annual)) || (IsUp(period) && IsDown(annual)))
        {
            return;
        }

        var rate = unit == "%" || unit is null && indicator.Key.Contains('%');
        var time = unit is "小时" or "分钟" or "天" or "日" or "个工作日" or "工作日" or "周" or "个月" or "月";
        if (rate || time || lowerBetter)
        {
            var weaker = lowerBetter ? Bound(period, up: false) > Bound(annual, up: false) : Bound(period, up: true) < Bound(annual, up: true);
            if (weaker)
            {
                output.Add(new Verdict("REV404", period.Text.Trim(), null, annual.Text.Trim()));
            }

            return;
        }

        // counts: the annual amount is a part of the 实施周期 amount (Σ 年度 ≤ 实施期)
        if (Bound(annual, up: true) > Bound(period, up: true))
        {
            output.Add(new Verdict("REV405", period.Text.Trim(), null, annual.Text.Trim()));
        }
    }

    private static bool IsUp(Target.Quantitative q) => !q.Implicit && q.Comparator is Comparator.AtLeast or Comparator.GreaterThan;

    private static bool IsDown(Target.Quantitative q) => !q.Implicit && q.Comparator is Comparator.AtMost or Comparator.LessThan;

    /// <summary>The least value that meets an upward target ("＞1次" needs 2), the most that meets a downward one.</summary>
    private static decimal Bound(Target.Quantitative q, bool up)
    {
        var whole = decimal.Truncate(q.Value) == q.Value && q.Unit is not "%";
        return q.Comparator switch
        {
            Comparator.GreaterThan when up => whole ? q.Value + 1 : q.Value + 0.0001m,
            Comparator.LessThan when !up => whole ? q.Value - 1 : q.Value - 0.0001m,
            _ => q.Value,
        };
    }
}
