using Jixiao.Domain.Evaluations;

namespace Jixiao.Data.Entities;

/// <summary>
/// 绩效评价 of a project: the evaluation sheet in the sheet JSON of docs/evaluations.md (weights, targets, actuals,
/// ratings, deductions, reasons), and the total and grade of its last scoring, kept as columns for lists and charts.
/// </summary>
public sealed class EvaluationEntity : IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public ProjectEntity? Project { get; set; }

    /// <summary>The sheet's kind; stored as its Chinese name (单位自评, 部门评价, 财政评价, 第三方评价).</summary>
    public required EvaluationKind Kind { get; set; }

    public required string SheetJson { get; set; }

    /// <summary>Σ scores, 2 decimals; null when the sheet has no weights.</summary>
    public decimal? Total { get; set; }
    public string? Grade { get; set; }

    /// <summary>预算执行率 (%) of the last scoring (<c>ScoredEvaluation.BudgetExecution</c>), for the 首页 chart; migration 0011.</summary>
    public decimal? BudgetExecution { get; set; }
    public EvaluationStatus Status { get; set; } = EvaluationStatus.Draft;

    /// <summary>The 评价专家 who scores it; null for a self-evaluation.</summary>
    public string? AssignedExpertId { get; set; }

    /// <summary>
    /// The evaluator's texts of the 绩效评价报告 (项目背景, 工作过程, 经验做法, 存在问题, 建议, 其他 …) in the
    /// <c>*.report.json</c> format of docs/reports.md; null until someone writes them.
    /// </summary>
    public string? ReportTextsJson { get; set; }

    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public long Version { get; set; }
}

public enum EvaluationStatus
{
    /// <summary>评分中: actuals and scores can change.</summary>
    Draft,
    /// <summary>已锁定: submitted; nothing changes any more.</summary>
    Locked,
}
