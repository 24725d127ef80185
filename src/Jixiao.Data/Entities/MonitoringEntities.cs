namespace Jixiao.Data.Entities;

/// <summary>
/// 运行监控 round: the year's approved projects (of the opener's units) are monitored over months
/// <see cref="StartMonth"/>–<see cref="EndMonth"/> (default 1–7月, 财预〔2019〕136号), filled by their units by the deadline.
/// </summary>
public sealed class MonitoringRoundEntity : IVersioned
{
    public int Id { get; set; }
    public int FiscalYear { get; set; }

    /// <summary>First month monitored, 1–12 (1 for the usual cumulative 1–N月).</summary>
    public int StartMonth { get; set; }

    /// <summary>Last month monitored, 1–12: the N of 1–N月 and of the time share N ÷ 12.</summary>
    public int EndMonth { get; set; }

    public MonitoringRoundKind Kind { get; set; }
    public DateOnly Deadline { get; set; }

    /// <summary>The user id of who opened it (finance, an admin, or a department reviewer for its units).</summary>
    public required string OpenedById { get; set; }
    public required string OpenedByName { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public MonitoringRoundStatus Status { get; set; } = MonitoringRoundStatus.Open;
    public long Version { get; set; }
    public List<MonitoringEntryEntity> Entries { get; set; } = [];
}

public enum MonitoringRoundKind
{
    /// <summary>年中监控 (1–7月, the central rule).</summary>
    MidYear,
    /// <summary>半年监控 (1–6月).</summary>
    HalfYear,
    /// <summary>季度监控.</summary>
    Quarter,
    /// <summary>其他月份范围.</summary>
    Other,
}

public enum MonitoringRoundStatus
{
    /// <summary>填报中: units fill their entries.</summary>
    Open,
    /// <summary>已结束: nothing changes any more.</summary>
    Closed,
}

/// <summary>
/// One project in a round (the 监控表 of that project): 1–N月 执行数 and 全年预计执行数 in 分 (null: not filled), the
/// unit's narrative, and whether it was submitted. Its indicators are <see cref="Indicators"/>, one row per indicator
/// of the project, made when the round opens.
/// </summary>
public sealed class MonitoringEntryEntity : IVersioned
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public MonitoringRoundEntity? Round { get; set; }
    public int ProjectId { get; set; }
    public ProjectEntity? Project { get; set; }

    /// <summary>1–N月 执行数, 分.</summary>
    public long? ExecutedFen { get; set; }

    /// <summary>全年预计执行数, 分.</summary>
    public long? ExpectedAnnualFen { get; set; }
    public string? Narrative { get; set; }
    public MonitoringEntryStatus Status { get; set; } = MonitoringEntryStatus.Pending;

    /// <summary>When it was last saved: a save of only its indicators still moves the entry's <see cref="Version"/>.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public long Version { get; set; }
    public List<MonitoringIndicatorEntryEntity> Indicators { get; set; } = [];
}

public enum MonitoringEntryStatus
{
    /// <summary>未填报</summary>
    Pending,
    /// <summary>填报中 (saved, not submitted)</summary>
    Draft,
    /// <summary>已提交</summary>
    Submitted,
}

/// <summary>One indicator of a monitored project: 1–N月 progress as written, 全年预计完成, 偏差原因, 完成目标可能性, 纠偏措施.</summary>
public sealed class MonitoringIndicatorEntryEntity
{
    public int Id { get; set; }
    public int EntryId { get; set; }
    public MonitoringEntryEntity? Entry { get; set; }
    public int IndicatorId { get; set; }
    public IndicatorEntity? Indicator { get; set; }

    /// <summary>1–N月 完成情况, as the unit wrote it ("600人", "90%", "按计划推进"); the lights parse it.</summary>
    public string? Progress { get; set; }

    /// <summary>全年预计完成情况.</summary>
    public string? ExpectedAnnual { get; set; }

    /// <summary>One of the district's 偏差原因 (monitoring-rules.json deviationCauses).</summary>
    public string? DeviationCause { get; set; }

    /// <summary>完成目标可能性: 确定能 / 有可能 / 完全不可能.</summary>
    public string? Likelihood { get; set; }

    /// <summary>纠偏措施.</summary>
    public string? Correction { get; set; }
}
