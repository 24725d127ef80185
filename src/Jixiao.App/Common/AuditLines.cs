using Jixiao.App.Auth;
using Jixiao.Data;
using Jixiao.Data.Entities;

namespace Jixiao.App.Common;

/// <summary>
/// One changed field of a record as a line of the audit log: who (the scope's user), when, which record and project,
/// old → new and why. A field whose value did not change writes nothing. The use cases of 整改, 纠偏 and 结果应用 write
/// their lines through here, as the automatic audit of the store writes the others.
/// </summary>
public static class AuditLines
{
    /// <returns>Whether a line was written (the value changed).</returns>
    public static bool Change(JixiaoDbContext db, AccessScope scope, DateTimeOffset at, string entity, int entityId, int? projectId, string field,
        string? old, string? @new, string? reason)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        if (old == @new)
        {
            return false;
        }

        db.AuditLog.Add(new AuditEntry
        {
            At = at, Actor = scope.DisplayName, Entity = entity, EntityId = entityId, ProjectId = projectId,
            Field = field, OldValue = old, NewValue = @new, Reason = reason,
        });
        return true;
    }
}
