using Jixiao.Domain.Projects;

namespace Jixiao.Domain.Reviews.Checks;

/// <summary>
/// Money that does not add up: funding columns against 总计 (REV701), a calculation in the goal text (REV703), the
/// goal's total against the budget (REV704) and monetary 成本 indicators above the approved amount (REV801).
/// </summary>
internal sealed class AmountCheck : IProjectCheck
{
    private readonly CheckContext context;
    private readonly decimal arithmeticTolerance;
    private readonly decimal budgetTolerance;
    private readonly decimal costTolerance;
    private readonly string[] totalWords;
    private readonly string[] periodUnits;
    private readonly Memo<string, GoalCalculation?> calculations = new(50_000);

    public AmountCheck(CheckContext context)
    {
        this.context = context;
        arithmeticTolerance = context.Rules["REV703"].Number("tolerance");
        budgetTolerance = context.Rules["REV704"].Number("tolerance");
        costTolerance = context.Rules["REV802"].Number("tolerance");
        totalWords = context.Rules["REV802"].Strings("totalWords");
        periodUnits = context.Rules["REV802"].Strings("periodUnits");
    }

    public IReadOnlyList<string> RuleIds { get; } = ["REV701", "REV703", "REV704", "REV801", "REV802"];

    public void Check(ProjectFacts project)
    {
        var amounts = project.Project.Amounts;
        var unitName = Money.UnitName(amounts.Unit);
        if (amounts.Total is { } total && (amounts.Fiscal ?? amounts.FiscalSpecial ?? amounts.Other) is not null && !amounts.Balances)
        {
            context.Add(project, "REV701", null, $"{ReviewRule.Format(total)}{unitName}", expected: $"{ReviewRule.Format(amounts.SumOfSources)}{unitName}");
        }

        decimal? budgetYuan = amounts.Total is { } t ? new Money(t, amounts.Unit).InYuan : null;
        if (context.Enabled("REV703") || context.Enabled("REV704"))
        {
            CheckGoalArithmetic(project, budgetYuan);
        }

        if (budgetYuan is { } budget)
        {
            foreach (var indicator in project.Indicators)
            {
                if (!indicator.IsCost)
                {
                    continue;
                }

                var over = Above(indicator.Indicator.PeriodTarget, budget) ?? Above(indicator.Indicator.AnnualTarget, budget);
                if (over is not null)
                {
                    context.Add(project, "REV801", indicator, over.Text.Trim(), expected: $"{ReviewRule.Format(amounts.Total!.Value)}{unitName}");
                }
                else if (context.Enabled("REV802") && TotalCost(indicator) is { } cost && cost.Yuan < budget * (1 - costTolerance))
                {
                    var short_ = (budget - cost.Yuan) / budget;
                    context.Add(project, "REV802", indicator, cost.Target.Text.Trim(), $"{short_:0%}", $"{ReviewRule.Format(amounts.Total!.Value)}{unitName}");
                }
            }
        }
    }

    /// <summary>
    /// REV802: an annual target that states the project's whole cost: the name (or the words before the value) say
    /// 总成本 or the like, the value is money, in total or per year ("42万元/年"), not per person or per item.
    /// </summary>
    private (Targets.Target Target, decimal Yuan)? TotalCost(IndicatorFacts indicator)
    {
        var target = indicator.Indicator.AnnualTarget ?? indicator.Indicator.PeriodTarget;
        if (target is not Targets.Target.Quantitative { Unit: { } unit } q || !ReviewText.ContainsAny(indicator.Key + (q.Remark ?? ""), totalWords))
        {
            return null;
        }

        var slash = unit.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0 && !periodUnits.Contains(unit[(slash + 1)..], StringComparer.Ordinal))
        {
            return null;
        }

        var money = slash >= 0 ? unit[..slash] : unit;
        return CheckContext.InYuan(q with { Unit = money }) is { } yuan ? (target, yuan) : null;
    }

    private static Targets.Target? Above(Targets.Target? target, decimal budgetYuan) =>
        target is not null && CheckContext.InYuan(target) is { } yuan && yuan > budgetYuan ? target : null;

    private void CheckGoalArithmetic(ProjectFacts project, decimal? budgetYuan)
    {
        if (project.Goal.Length == 0 || project.Goal.IndexOf('元', StringComparison.Ordinal) < 0
            || calculations.Get(project.Goal, 0, static (goal, _) => GoalCalculation.Find(goal)) is not { } calc)
        {
            return;
        }

        if (calc.Stated is { } stated)
        {
            if (!Close(calc.Computed, stated, arithmeticTolerance))
            {
                context.Add(project, "REV703", null, GoalCalculation.Show(stated), $"{calc.Quote}", $"{calc.Formula} = {GoalCalculation.Show(calc.Computed)}");
            }

            if (budgetYuan is { } budget && !Close(stated, budget, budgetTolerance))
            {
                context.Add(project, "REV704", null, GoalCalculation.Show(stated), expected: GoalCalculation.Show(budget));
            }
        }
        else if (budgetYuan is { } budget && !Close(calc.Computed, budget, budgetTolerance))
        {
            context.Add(project, "REV704", null, $"{GoalCalculation.Show(calc.Computed)}（{calc.Formula}）", expected: GoalCalculation.Show(budget));
        }
    }

    private static bool Close(decimal a, decimal b, decimal tolerance) =>
        a == b || Math.Abs(a - b) <= tolerance * Math.Max(Math.Abs(a), Math.Abs(b));
}

/// <summary>REV602: a goal text without a single number cannot be 细化量化.</summary>
internal sealed class GoalTextCheck(CheckContext context) : IProjectCheck
{
    public IReadOnlyList<string> RuleIds { get; } = ["REV602"];

    public void Check(ProjectFacts project)
    {
        foreach (var c in project.Goal)
        {
            if (char.IsAsciiDigit(c))
            {
                return;
            }
        }

        context.Add(project, "REV602", null);
    }
}
