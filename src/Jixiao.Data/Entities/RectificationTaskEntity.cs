using Jixiao.Domain.Rectification;

namespace Jixiao.Data.Entities;

/// <summary>
/// A 整改 task (docs/rectification.md): a finding of a project (its source, code, message, where), the unit that must
/// fix it, the deadline for the unit's measures, and the workflow: the unit's measures, the reviewer's acceptance or
/// return with its reason. 逾期 is computed from <see cref="Deadline"/>, not stored. Every change is an audit line.
/// </summary>
public sealed class RectificationTaskEntity : IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public ProjectEntity? Project { get; set; }

    /// <summary>The responsible unit (责任单位): the project's unit unless the reviewer named another one in scope.</summary>
    public int UnitId { get; set; }
    public UnitEntity? Unit { get; set; }

    public RectificationSource Source { get; set; }
    public required string FindingCode { get; set; }
    public required string FindingMessage { get; set; }

    /// <summary>Where the finding is (an indicator, a line, a month); null when the whole project.</summary>
    public string? FindingWhere { get; set; }

    /// <summary>The day the finding was made; the task is due to be fed back within the district's feedback days of it.</summary>
    public DateOnly FoundOn { get; set; }

    /// <summary>The day the task was issued to the unit (China time).</summary>
    public DateOnly IssuedOn { get; set; }

    /// <summary>The last day for the unit's measures (inclusive).</summary>
    public DateOnly Deadline { get; set; }

    public RectificationStatus Status { get; set; }

    /// <summary>The unit's 整改措施 as last submitted.</summary>
    public string? Measures { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>Why the reviewer last sent the measures back; kept after a resubmission so the unit sees what was asked.</summary>
    public string? ReturnReason { get; set; }
    public string? VerifiedBy { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }

    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public long Version { get; set; }
}
