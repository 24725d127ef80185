using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Targets;
using Jixiao.Domain.Taxonomy;

namespace Jixiao.Domain.Projects;

/// <summary>
/// 单位: a budget unit (预算单位), possibly under a department (部门). Called BudgetUnit in code because "unit"
/// also means 计量单位.
/// </summary>
public sealed record BudgetUnit(string Name, string? Department, decimal? StatedTotal, IReadOnlyList<Project> Projects, SourceLocation? Location = null);

/// <summary>
/// The four funding columns of a 项目支出绩效目标表, in <see cref="Unit"/>. A blank cell is null. <see cref="Total"/> is
/// the year's 总计 (本年金额); <see cref="PeriodTotal"/> the 项目总金额 of the whole 实施期 where the table states one.
/// </summary>
public sealed record ProjectAmounts(decimal? Total, decimal? Fiscal, decimal? FiscalSpecial, decimal? Other, MoneyUnit Unit, decimal? PeriodTotal = null)
{
    /// <summary>财政拨款 + 财政专户拨款 + 其他资金, blanks counted as zero.</summary>
    public decimal SumOfSources => (Fiscal ?? 0) + (FiscalSpecial ?? 0) + (Other ?? 0);

    /// <summary>总计 = 财政拨款 + 财政专户拨款 + 其他资金 (exact decimal comparison).</summary>
    public bool Balances => Total is null || Total.Value == SumOfSources;
}

/// <summary>
/// 绩效目标: the goal text of a project; multi-year projects may state an overall (实施期/总体) goal and an annual goal.
/// </summary>
public sealed record PerformanceGoal(string Text, string? PeriodGoal = null, string? AnnualGoal = null);

/// <summary>
/// 项目: a project that spends budget money, with its goal and three-level indicators, and what a reviewer reads
/// beside them: <see cref="Code"/> (项目编码), <see cref="PolicyBasis"/> (政策依据 / 立项依据), <see cref="CostBasis"/>
/// (测算依据) and <see cref="Placeholders"/>, the category rows that hold no indicator: written 不适用, or left
/// without a name (Name ""); not indicators, kept so a review can tell a category declared not applicable from a
/// cell left empty.
/// </summary>
public sealed record Project(
    string Name,
    int? FiscalYear,
    ProjectAmounts Amounts,
    PerformanceGoal Goal,
    IReadOnlyList<Indicator> Indicators,
    SourceLocation? Location = null,
    string? Code = null,
    string? PolicyBasis = null,
    string? CostBasis = null,
    IReadOnlyList<Indicator>? Placeholders = null);

/// <summary>
/// 绩效指标: one 三级 indicator under its 一级 and 二级 categories, with its 实施周期指标值 (PeriodTarget) and
/// 年度指标值 (AnnualTarget). <see cref="Level1Code"/> and <see cref="Level2Code"/> hold the codes as the source
/// wrote them ("1", "12"), which may disagree with the names; the resolved categories are in
/// <see cref="Level1"/> and <see cref="Level2"/>. <see cref="Explanation"/> is the 指标解释 (what is measured and how).
/// </summary>
public sealed record Indicator(
    IndicatorCategory? Level1,
    IndicatorCategory? Level2,
    string Name,
    Target? PeriodTarget,
    Target? AnnualTarget,
    string? Unit = null,
    Direction? Direction = null,
    decimal? Weight = null,
    string? ScoringRule = null,
    string? Level1Code = null,
    string? Level2Code = null,
    string? Level1Text = null,
    string? Level2Text = null,
    int? Number = null,
    SourceLocation? Location = null,
    string? Explanation = null);
