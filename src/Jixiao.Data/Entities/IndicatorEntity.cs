namespace Jixiao.Data.Entities;

/// <summary>
/// 绩效指标 as stored: the three levels, and both targets as raw text plus the parsed columns (kind, comparator in
/// machine spelling "&gt;=", value, max, unit, direction; see docs/formats.md), so lists can filter without re-parsing.
/// </summary>
public sealed class IndicatorEntity : IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public ProjectEntity? Project { get; set; }

    /// <summary>Order within the project, 0-based, as in the source.</summary>
    public int Position { get; set; }

    /// <summary>The number the source wrote ("1、"), which may restart; null when absent.</summary>
    public int? Number { get; set; }

    /// <summary>Resolved 一级/二级 taxonomy codes ("1", "12"); null when the source's words matched nothing.</summary>
    public string? Level1Code { get; set; }
    public string? Level2Code { get; set; }

    /// <summary>What the source wrote for the levels, kept verbatim ("1-产出指标", "12-质量指标").</summary>
    public string? Level1Text { get; set; }
    public string? Level2Text { get; set; }

    public required string Name { get; set; }
    public string? MeasureUnit { get; set; }
    public decimal? Weight { get; set; }
    public string? ScoringRule { get; set; }

    /// <summary>实施周期指标值 exactly as written; null when the cell was blank. The columns after it are what TargetParser read.</summary>
    public string? PeriodText { get; set; }
    public string? PeriodKind { get; set; }
    public string? PeriodComparator { get; set; }
    public bool PeriodImplicit { get; set; }
    public decimal? PeriodValue { get; set; }
    public decimal? PeriodMax { get; set; }
    public string? PeriodUnit { get; set; }
    public string? PeriodDirection { get; set; }

    /// <summary>年度指标值 exactly as written; null when the cell was blank. The columns after it are what TargetParser read.</summary>
    public string? AnnualText { get; set; }
    public string? AnnualKind { get; set; }
    public string? AnnualComparator { get; set; }
    public bool AnnualImplicit { get; set; }
    public decimal? AnnualValue { get; set; }
    public decimal? AnnualMax { get; set; }
    public string? AnnualUnit { get; set; }
    public string? AnnualDirection { get; set; }

    /// <summary>指标解释: what is measured and how, as the source wrote it; null when it has none (migration 0018).</summary>
    public string? Explanation { get; set; }

    public long Version { get; set; }
}
