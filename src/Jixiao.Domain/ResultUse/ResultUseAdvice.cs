using System.Globalization;

namespace Jixiao.Domain.ResultUse;

/// <summary>
/// The advice for one project: the rule applied (null when the grade or year has none), the amount advised for next
/// year in 分 (null when this year's budget or the request it rests on is unknown), and the finding RES101 when a
/// project of a finding grade asks next year for no less than this year's budget.
/// </summary>
public sealed record ResultAdvice(ResultUseRule? Rule, long? AdvisedFen, string? Finding)
{
    /// <summary>RES101: a 中/差 project's request is not below this year's budget (结果应用不到位).</summary>
    public const string RequestNotReducedCode = "RES101";
}

/// <summary>Applies a district's <see cref="ResultUseRules"/> to a graded project.</summary>
public static class ResultUseAdvice
{
    /// <param name="year">The evaluated project's 预算年度.</param>
    /// <param name="grade">The evaluation's grade (优/良/中/低/差); null when not graded.</param>
    /// <param name="oneOff">The project ends this year (一次性项目) instead of recurring.</param>
    /// <param name="budgetFen">This year's budget (总计) in 分.</param>
    /// <param name="requestFen">Next year's request in 分; null when none is known yet.</param>
    public static ResultAdvice Advise(ResultUseRules rules, int year, string? grade, bool oneOff, long? budgetFen, long? requestFen)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (grade is null || rules.For(year) is not { } period
            || !(oneOff ? period.OneOff : period.Recurring).TryGetValue(grade, out var rule))
        {
            return new ResultAdvice(null, null, null);
        }

        long? advised = rule.Action switch
        {
            ResultAction.Prioritize => requestFen ?? budgetFen,
            ResultAction.Normal => requestFen,
            ResultAction.ControlGrowth => Min(requestFen, budgetFen),
            ResultAction.Cut => budgetFen is { } b ? Min(requestFen, Cut(b, rule.Percent!.Value)) : null,
            ResultAction.Cancel or ResultAction.NoSimilarNew => 0,
            _ => throw new ArgumentOutOfRangeException(nameof(rules), rule.Action, "Unknown action."),
        };
        var finding = period.FindingGrades.Contains(grade) && requestFen is { } r && budgetFen is { } budget && r >= budget
            ? $"评价等级为“{grade}”，下年申请 {WanYuan(r)} 万元不低于本年预算 {WanYuan(budget)} 万元：结果应用不到位（{rule.Wording}）。"
            : null;
        return new ResultAdvice(rule, advised, finding);
    }

    /// <summary>The budget less a percentage, to the 分 (half away from zero).</summary>
    public static long Cut(long budgetFen, decimal percent) =>
        (long)decimal.Round(budgetFen * (100m - percent) / 100m, 0, MidpointRounding.AwayFromZero);

    /// <summary>The smaller of two amounts where both are known; the known one otherwise.</summary>
    private static long? Min(long? a, long? b) => a is { } x && b is { } y ? Math.Min(x, y) : a ?? b;

    private static string WanYuan(long fen) => (fen / 1_000_000m).ToString("#,##0.00", CultureInfo.InvariantCulture);
}
