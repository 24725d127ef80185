using Jixiao.Domain.Monitoring;

namespace Jixiao.Data.Entities;

/// <summary>
/// 纠偏 (docs/monitoring.md): finance asked the unit of a red project in a round to answer by <see cref="Deadline"/>
/// (working days by the district's rules): 继续, 调剂 (with <see cref="AdjustFen"/>) or 取消, with a reason; finance may
/// mark the project's funds to pause. 逾期 is computed from <see cref="Deadline"/>, not stored. Every step is an audit line.
/// </summary>
public sealed class MonitoringCorrectionEntity : IVersioned
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public MonitoringRoundEntity? Round { get; set; }

    /// <summary>The red project's entry in the round: one request per entry.</summary>
    public int EntryId { get; set; }
    public MonitoringEntryEntity? Entry { get; set; }
    public int ProjectId { get; set; }
    public ProjectEntity? Project { get; set; }

    /// <summary>Why the project was red when asked: the red lights' explanations, as the unit read them.</summary>
    public required string RedReason { get; set; }

    /// <summary>The day finance asked (China time); not counted in the working days.</summary>
    public DateOnly RequestedOn { get; set; }

    /// <summary>The last day of the answer (inclusive).</summary>
    public DateOnly Deadline { get; set; }
    public required string RequestedBy { get; set; }
    public DateTimeOffset RequestedAt { get; set; }

    public CorrectionStatus Status { get; set; }
    public CorrectionDecision? Decision { get; set; }

    /// <summary>调剂金额 in 分; only with <see cref="CorrectionDecision.Adjust"/>.</summary>
    public long? AdjustFen { get; set; }

    /// <summary>The unit's reason for its decision.</summary>
    public string? AnswerReason { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>The China day of the answer, kept so a late answer stays marked (逾期答复).</summary>
    public DateOnly? AnsweredOn { get; set; }

    /// <summary>Finance marked the funds to pause (暂停拨付); the reason and who, of the last pause or resume.</summary>
    public bool FundsPaused { get; set; }
    public string? PauseReason { get; set; }
    public string? PausedBy { get; set; }
    public DateTimeOffset? PausedAt { get; set; }
    public long Version { get; set; }
}
