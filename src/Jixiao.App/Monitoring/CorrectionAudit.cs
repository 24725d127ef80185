using Jixiao.App.Auth;
using Jixiao.Data;
using Jixiao.Data.Entities;

namespace Jixiao.App.Monitoring;

/// <summary>
/// The audit lines of 纠偏 (entity monitoringCorrection, the request's id, the project's id): fields created, status,
/// decision, adjust (元), fundsPaused, each old → new with who, when and why — the same audit log as every other change,
/// so they show in the project's history.
/// </summary>
public static class CorrectionAudit
{
    public const string Entity = "monitoringCorrection";

    internal const string Stale = "该纠偏事项已被他人更新，您的操作未保存。请刷新后重新操作。";

    internal static void Add(JixiaoDbContext db, AccessScope scope, DateTimeOffset at, MonitoringCorrectionEntity correction, string field, string? old,
        string? @new, string reason)
    {
        if (old == @new)
        {
            return;
        }

        db.AuditLog.Add(new AuditEntry
        {
            At = at, Actor = scope.DisplayName, Entity = Entity, EntityId = correction.Id, ProjectId = correction.ProjectId,
            Field = field, OldValue = old, NewValue = @new, Reason = reason,
        });
    }

    /// <summary>How a funds mark reads in the audit log.</summary>
    internal static string Funds(bool paused) => paused ? "暂停拨付" : "正常拨付";
}
