namespace Jixiao.Data.Entities;

/// <summary>
/// One line of the append-only audit log: who changed which field of which row, from what to what, and why.
/// Rows are only ever inserted; <see cref="JixiaoDbContext"/> refuses to update or delete them.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }

    /// <summary>"project", "indicator", …</summary>
    public required string Entity { get; set; }
    public int EntityId { get; set; }

    /// <summary>The project the change belongs to, so a project's history is one indexed query.</summary>
    public int? ProjectId { get; set; }

    /// <summary>"status", "periodTarget", "annualTarget", "created", …</summary>
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public string? Reason { get; set; }
}
