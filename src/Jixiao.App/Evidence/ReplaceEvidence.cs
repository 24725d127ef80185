using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Evidence;

/// <summary>
/// 替换佐证材料: a new file under the same number (the reports that cited it stay true), by whoever may change the owner
/// now, with a reason, under the version read. The same four steps as <see cref="UploadEvidence"/>: the old file is
/// removed only after the row names the new one. One audit line, file: the old file → the new one.
/// </summary>
public static class ReplaceEvidence
{
    public static async Task<(Outcome Outcome, EvidenceRow? File)> RunAsync(JixiaoDbContext db, AccessScope scope, EvidenceStore store, int id, long version,
        EvidenceUpload upload, string? reason, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(clock);
        var (refused, file, found) = await EvidenceChange.FindAsync(db, scope, id, version, reason, cancellationToken);
        if (refused is not null)
        {
            return (refused, null);
        }

        if (Jixiao.Domain.Evidence.EvidenceFileNames.Problem(upload.FileName) is { } badName)
        {
            return (new Outcome.Invalid(badName), null);
        }

        var (staged, refusal) = await UploadEvidence.StageAsync(db, store, found!.Owner, found, upload.Content, upload.FileName!, file, cancellationToken);
        if (staged is null)
        {
            return (refusal!, null);
        }

        var committed = false;
        var oldKey = file!.StorageKey;
        try
        {
            var at = clock.GetUtcNow();
            var old = EvidenceAudit.Describe(file.FileName, file.FileType, file.SizeBytes, file.Sha256);
            db.Entry(file).Property(f => f.Version).OriginalValue = version;
            file.FileName = staged.Name;
            file.FileType = staged.Type;
            file.SizeBytes = staged.File.Length;
            file.Sha256 = staged.File.Sha256;
            file.StorageKey = staged.File.Key;
            EvidenceAudit.Add(db, scope, at, file, "file", old, EvidenceAudit.Describe(file.FileName, file.FileType, file.SizeBytes, file.Sha256),
                reason!.Trim() + (staged.Renamed is { } renamed ? $"（{renamed}）" : ""));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return (new Outcome.Conflict(EvidenceAudit.Stale), null);
            }

            committed = true;
            store.Commit(staged.File.Key);
            store.Remove(oldKey);
            return (Outcome.Ok, EvidenceRow.From(file, canChange: true));
        }
        finally
        {
            if (!committed)
            {
                store.Discard(staged.File.Key);
            }
        }
    }
}

/// <summary>What replacing and deleting share: the file in scope (404 like a missing one), its owner's state (403, 409), the version read and a reason.</summary>
internal static class EvidenceChange
{
    public static async Task<(Outcome? Refused, EvidenceFileEntity? File, OwnerInScope? Owner)> FindAsync(JixiaoDbContext db, AccessScope scope, int id,
        long version, string? reason, CancellationToken cancellationToken)
    {
        var file = await EvidenceOwners.Visible(db.EvidenceFiles, scope).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (file is null)
        {
            return (new Outcome.NotFound($"找不到佐证材料 {id}。"), null, null);
        }

        if (file.DeletedAt is not null)
        {
            return (new Outcome.Conflict($"佐证材料 {file.Number} 已于 {ChinaTime.Text(file.DeletedAt.Value)} 被 {file.DeletedBy} 删除。"), null, null);
        }

        var (notFound, owner) = await EvidenceOwners.FindAsync(db, scope, EvidenceOwners.Of(file), cancellationToken);
        if (owner is null)
        {
            return (notFound, null, null);
        }

        if (owner.Refusal is { } refusal)
        {
            return (refusal, null, null);
        }

        if (file.Version != version)
        {
            return (new Outcome.Conflict(EvidenceAudit.Stale), null, null);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return (new Outcome.Invalid("请填写原因，它将记入审计日志。"), null, null);
        }

        if (InputLimits.Check(("原因", reason, 2000)) is { } tooLong)
        {
            return (tooLong, null, null);
        }

        return (null, file, owner);
    }
}
