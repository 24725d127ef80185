using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Evidence;

/// <summary>The reason of a deletion and the version read.</summary>
public sealed record EvidenceDeletion(string? Reason, long Version);

/// <summary>
/// 删除佐证材料: by whoever may change the owner now, with a reason, under the version read. The row stays (its number is
/// never given again) with who, when and why; the stored bytes are removed after it is saved. One audit line, deleted.
/// </summary>
public static class DeleteEvidence
{
    public static async Task<Outcome> RunAsync(JixiaoDbContext db, AccessScope scope, EvidenceStore store, int id, EvidenceDeletion deletion, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(deletion);
        ArgumentNullException.ThrowIfNull(clock);
        var (refused, file, _) = await EvidenceChange.FindAsync(db, scope, id, deletion.Version, deletion.Reason, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var at = clock.GetUtcNow();
        var reason = deletion.Reason!.Trim();
        db.Entry(file!).Property(f => f.Version).OriginalValue = deletion.Version;
        file!.DeletedAt = at;
        file.DeletedBy = scope.DisplayName;
        file.DeleteReason = reason;
        EvidenceAudit.Add(db, scope, at, file, "deleted", $"{file.Number} {EvidenceAudit.Describe(file.FileName, file.FileType, file.SizeBytes, file.Sha256)}",
            "已删除", reason);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Outcome.Conflict(EvidenceAudit.Stale);
        }

        store.Remove(file.StorageKey);
        return Outcome.Ok;
    }
}
