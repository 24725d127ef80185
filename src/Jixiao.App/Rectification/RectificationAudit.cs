using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;

namespace Jixiao.App.Rectification;

/// <summary>
/// The audit lines of 整改 (entity rectification, the task's id, the project's id): fields created, status, measures,
/// deadline, each old → new with who, when and why — the same audit log the 结果应用 changes write to.
/// </summary>
public static class RectificationAudit
{
    public const string Entity = "rectification";

    internal const string Stale = "该整改任务已被他人修改，您的修改未保存。请刷新后重新操作。";

    internal static void Add(JixiaoDbContext db, AccessScope scope, DateTimeOffset at, RectificationTaskEntity task, string field, string? old,
        string? @new, string reason) =>
        AuditLines.Change(db, scope, at, Entity, task.Id, task.ProjectId, field, old, @new, reason);

    /// <summary>The Chinese name of an audited field.</summary>
    public static string FieldName(string field) => field switch
    {
        "created" => "创建",
        "status" => "状态",
        "measures" => "整改措施",
        "deadline" => "整改期限",
        _ => field,
    };
}
