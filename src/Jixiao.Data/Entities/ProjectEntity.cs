using Jixiao.Domain.Reviews;

namespace Jixiao.Data.Entities;

/// <summary>项目 as stored. Money columns are integer 分 (0.01 元); a blank cell is null.</summary>
public sealed class ProjectEntity : IVersioned
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public UnitEntity? Unit { get; set; }
    public required string Name { get; set; }
    public int? FiscalYear { get; set; }

    /// <summary>The money unit the source document used ("万元" or "元"), for showing amounts the way the clerk wrote them.</summary>
    public required string SourceMoneyUnit { get; set; }

    /// <summary>项目编码 as the source wrote it (the 项目库's code, kept across years); null when the document has none.</summary>
    public string? Code { get; set; }

    /// <summary>总计: the year's amount (本年金额).</summary>
    public long? TotalFen { get; set; }
    public long? FiscalFen { get; set; }
    public long? FiscalSpecialFen { get; set; }
    public long? OtherFen { get; set; }

    /// <summary>项目总金额: the whole 实施期's amount, where the document states one (migration 0018).</summary>
    public long? PeriodTotalFen { get; set; }

    /// <summary>绩效目标 text; multi-year projects may also state a period (实施期) and an annual goal.</summary>
    public required string Goal { get; set; }
    public string? PeriodGoal { get; set; }
    public string? AnnualGoal { get; set; }

    /// <summary>政策依据 (立项依据) and 测算依据 as written, what a district's reviewer reads (docs/review.md, 审核口径).</summary>
    public string? PolicyBasis { get; set; }
    public string? CostBasis { get; set; }

    /// <summary>
    /// The category rows that hold no indicator (written 不适用, or left without a name), as JSON
    /// (<see cref="Storing.PlaceholderRows"/>): not indicators, kept so a 审核口径 tells a category declared not applicable
    /// from one left empty; null when there are none.
    /// </summary>
    public string? Placeholders { get; set; }

    /// <summary>目标审核 state: 草稿 → 已提交 → 退回 / 审核通过.</summary>
    public ReviewStatus Status { get; set; } = ReviewStatus.Draft;

    /// <summary>Where the project came from: file name and line, e.g. "002_57b7928e8e0f944a.txt:12".</summary>
    public string? Source { get; set; }

    /// <summary>The import that created the project; null for projects entered otherwise.</summary>
    public int? ImportBatchId { get; set; }

    /// <summary>
    /// The import batch still writing this project (migration 0016): hidden from every query (a query filter) until
    /// that import's last transaction makes its rows visible together; null for every visible project.
    /// </summary>
    public int? StagingBatchId { get; set; }

    public long Version { get; set; }
    public List<IndicatorEntity> Indicators { get; set; } = [];
}
