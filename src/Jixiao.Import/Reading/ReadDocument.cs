using Jixiao.Domain.Diagnostics;

namespace Jixiao.Import.Reading;

/// <summary>The five kinds of document users bring.</summary>
public enum DocumentKind
{
    /// <summary>项目支出绩效目标表 / 申报表 / 批复表: projects with their amounts and indicators.</summary>
    Targets,
    /// <summary>部门整体支出绩效目标表: the department, its funds, its indicators.</summary>
    DepartmentTargets,
    /// <summary>项目支出绩效自评表 (and the 部门整体 自评表): budget line, indicators with 分值 / 实际 / 得分, 总分.</summary>
    SelfEvaluation,
    /// <summary>绩效监控表 / 监控报告: 1–N月 execution and progress.</summary>
    Monitoring,
    /// <summary>绩效评价报告 / 自评报告: narrative with tables and stated numbers.</summary>
    Report,
}

/// <summary>
/// One indicator as the document prints it; nothing is converted except whitespace and width. <see cref="Explanation"/>
/// is the 指标解释 (指标说明) column a reviewer reads: what the indicator measures and how.
/// </summary>
public sealed record ReadIndicator(
    string? Level1,
    string? Level2,
    string Name,
    string? Target,
    string? PeriodTarget,
    decimal? Weight,
    string? Actual,
    decimal? Score,
    string? Reason,
    string Location,
    string? Explanation = null);

/// <summary>
/// The 预算执行率 line of a self-evaluation as printed: its label ("年度资金总额"), 分值, the printed 执行率 and 得分,
/// and the budget and execution printed on that row (万元), which may differ from the project's amounts when the
/// total row is left at 0 over filled parts.
/// </summary>
public sealed record BudgetLine(string Label, decimal? Weight, string? Rate, decimal? Score, decimal? Budget, decimal? Executed, string Location);

/// <summary>
/// A project (or, in a department document, the department itself) with its amounts in 万元. What a reviewer reads
/// besides the indicators: <see cref="PolicyBasis"/> (政策依据 / 立项依据), <see cref="CostBasis"/> (测算依据),
/// <see cref="PeriodGoal"/> (实施期目标; <see cref="Goal"/> is the 年度目标), and <see cref="Placeholders"/>: the
/// category rows the table fills with 不适用 instead of an indicator, kept so a review can tell a category declared
/// not applicable from one left empty (they are not indicators and are not counted as such).
/// </summary>
public sealed record ReadProject(
    string? Name,
    string? Unit,
    string? Department,
    string? Code,
    decimal? AmountWanYuan,
    decimal? PeriodAmountWanYuan,
    decimal? ExecutedWanYuan,
    BudgetLine? BudgetExecution,
    string? Goal,
    IReadOnlyList<ReadIndicator> Indicators,
    string Location,
    string? PolicyBasis = null,
    string? CostBasis = null,
    string? PeriodGoal = null,
    IReadOnlyList<ReadIndicator>? Placeholders = null);

/// <summary>
/// A number of the document that does not compute: <see cref="Check"/> is one of the recheck's checks
/// (execution-rate, execution-score, sum, weights, score-over-weight, met-target-below-full, missed-target-full,
/// grade, impossible-value, arithmetic, count, unit, rule); <see cref="Where"/> names the indicator or label.
/// </summary>
public sealed record ReadFinding(string Check, string Where, string? Stated, string? Recomputed, string Message, string? Location);

/// <summary>What one document holds, read by its kind, with every problem of reading it.</summary>
public sealed record ReadDocument(
    string File,
    string Format,
    DocumentKind Kind,
    string? Title,
    IReadOnlyList<ReadProject> Projects,
    decimal? StatedTotal,
    string? StatedGrade,
    IReadOnlyList<ReadFinding> Findings,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public int IndicatorCount => Projects.Sum(p => p.Indicators.Count);

    public static string KindName(DocumentKind kind) => kind switch
    {
        DocumentKind.Targets => "targets",
        DocumentKind.DepartmentTargets => "department-targets",
        DocumentKind.SelfEvaluation => "self-evaluation",
        DocumentKind.Monitoring => "monitoring",
        DocumentKind.Report => "report",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string KindTitle(DocumentKind kind) => kind switch
    {
        DocumentKind.Targets => "项目支出绩效目标表",
        DocumentKind.DepartmentTargets => "部门整体支出绩效目标表",
        DocumentKind.SelfEvaluation => "绩效自评表",
        DocumentKind.Monitoring => "绩效监控表 / 监控报告",
        DocumentKind.Report => "绩效评价报告",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
