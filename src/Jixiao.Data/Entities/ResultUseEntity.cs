using Jixiao.Domain.ResultUse;

namespace Jixiao.Data.Entities;

/// <summary>
/// 结果应用 of one evaluated project (its 预算年度 is the year applied): next year's request as finance entered it
/// (null: read from next year's imported table, matched by 项目编码, else by name), whether the project ends this year (一次性项目),
/// and finance's decision with its reason. Created at the first change; every change is an audit line.
/// </summary>
public sealed class ResultUseEntity : IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public ProjectEntity? Project { get; set; }

    /// <summary>Next year's requested amount in 分 as entered; null when none was entered.</summary>
    public long? RequestFen { get; set; }

    /// <summary>一次性项目 (ends this year): the one-off rules apply instead of the recurring ones.</summary>
    public bool OneOff { get; set; }

    /// <summary>The action finance decided; null while undecided.</summary>
    public ResultAction? DecidedAction { get; set; }

    /// <summary>The amount finance decided for next year, in 分.</summary>
    public long? DecidedFen { get; set; }
    public string? DecisionReason { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public long Version { get; set; }
}
