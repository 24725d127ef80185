using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Evidence;

namespace Jixiao.App.Evidence;

/// <summary>
/// The audit lines of 佐证材料 (entity evidence, the file's id, the project's id): created, file (replaced: the old file →
/// the new one) and deleted, each with who, when and why — in the project's history with the owner's other changes.
/// </summary>
public static class EvidenceAudit
{
    public const string Entity = "evidence";

    internal const string Stale = "该佐证材料已被他人修改或删除，您的操作未执行。请刷新后重新操作。";

    internal static void Add(JixiaoDbContext db, AccessScope scope, DateTimeOffset at, EvidenceFileEntity file, string field, string? old, string? @new,
        string reason) =>
        AuditLines.Change(db, scope, at, Entity, file.Id, file.ProjectId, field, old, @new, reason);

    /// <summary>"照片.png（PNG 图片，1.2 MB，SHA-256 1a2b3c4d5e6f…）".</summary>
    internal static string Describe(string fileName, EvidenceFileType type, long size, string sha256) =>
        $"{fileName}（{type.Chinese()}，{EvidenceLimits.Size(size)}，SHA-256 {sha256[..12]}…）";

    public static string FieldName(string field) => field switch
    {
        "created" => "上传",
        "file" => "替换文件",
        "deleted" => "删除",
        _ => field,
    };
}
