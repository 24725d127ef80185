using Jixiao.App.Auth;
using Jixiao.App.Common;
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
        string? @new, string reason) =>
        AuditLines.Change(db, scope, at, Entity, correction.Id, correction.ProjectId, field, old, @new, reason);

    /// <summary>How a funds mark reads in the audit log.</summary>
    internal static string Funds(bool paused) => paused ? "暂停拨付" : "正常拨付";
}
