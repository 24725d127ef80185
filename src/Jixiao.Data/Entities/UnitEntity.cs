namespace Jixiao.Data.Entities;

/// <summary>单位: a budget unit (预算单位) as stored. Amounts are integer 分 (0.01 元).</summary>
public sealed class UnitEntity : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>部门: the department the unit belongs to (may equal the unit).</summary>
    public string? Department { get; set; }

    /// <summary>The unit's total as the source table states it, in 分; null when the table has no unit row.</summary>
    public long? StatedTotalFen { get; set; }

    /// <summary>The import batch still writing this new unit: hidden until the import is visible whole (as <see cref="ProjectEntity.StagingBatchId"/>).</summary>
    public int? StagingBatchId { get; set; }

    public long Version { get; set; }
    public List<ProjectEntity> Projects { get; set; } = [];
}
