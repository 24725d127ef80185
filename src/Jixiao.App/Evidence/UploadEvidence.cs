using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.App.Downloads;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Evidence;
using Jixiao.Import.Evidence;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Evidence;

/// <summary>An uploaded file: its content (read once, front to back), the name the user's computer sent, and an optional note.</summary>
public sealed record EvidenceUpload(Stream Content, string? FileName, string? Note);

/// <summary>
/// 上传佐证材料 (docs/evidence.md): attaches a file to an evaluation line, a 纠偏 request or a 整改 task, in four steps
/// that leave nothing half-done. (1) The owner in scope (404) and the user's right to change it now (403, 409), the name
/// (a path is refused) and the room left under the owner's total. (2) The content is streamed to a temp file with a
/// counting limit — never held in memory — and its type sniffed from the bytes (HTML, SVG, zip bombs, macros refused).
/// (3) The row, with its number (佐证-年-序号, per unit and year) and its audit line, is saved in one transaction.
/// (4) Only then is the file moved into place. A failure before (3) removes the temp file; a crash leaves a temp file
/// that the store's sweep removes (no row) or moves into place (row saved): never a row without its file.
/// </summary>
public static class UploadEvidence
{
    public static async Task<(Outcome Outcome, EvidenceRow? File)> RunAsync(JixiaoDbContext db, AccessScope scope, EvidenceStore store, EvidenceOwner owner,
        EvidenceUpload upload, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(clock);
        var (notFound, found) = await EvidenceOwners.FindAsync(db, scope, owner, cancellationToken);
        if (found is null)
        {
            return (notFound!, null);
        }

        if (found.Refusal is { } refused)
        {
            return (refused, null);
        }

        if (EvidenceFileNames.Problem(upload.FileName) is { } badName)
        {
            return (new Outcome.Invalid(badName), null);
        }

        if (InputLimits.Check(("说明", upload.Note, 500)) is { } tooLong)
        {
            return (tooLong, null);
        }

        var (staged, refusal) = await StageAsync(db, store, owner, found, upload.Content, upload.FileName!, replacing: null, cancellationToken);
        if (staged is null)
        {
            return (refusal!, null);
        }

        var committed = false;
        try
        {
            var at = clock.GetUtcNow();
            var year = ChinaTime.Date(at).Year;
            var note = string.IsNullOrWhiteSpace(upload.Note) ? null : upload.Note.Trim();
            EvidenceFileEntity? file = null;
            // The number is the next of the unit's year; two uploads at once may pick the same one, and the unique index
            // refuses the second, which then takes the next.
            for (var attempt = 1; ; attempt++)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                if (await EvidenceOwners.Group(db, owner).SumAsync(e => e.SizeBytes, cancellationToken) + staged.File.Length > store.Limits.MaxTotalBytes)
                {
                    return (TotalExceeded(found, store.Limits), null);
                }

                var sequence = 1 + (await db.EvidenceFiles.Where(e => e.UnitId == found.UnitId && e.Year == year).MaxAsync(e => (int?)e.Sequence, cancellationToken) ?? 0);
                file = new EvidenceFileEntity
                {
                    Number = EvidenceNumbers.Format(year, sequence), UnitId = found.UnitId, Year = year, Sequence = sequence, ProjectId = found.ProjectId,
                    EvaluationId = (owner as EvidenceOwner.EvaluationLine)?.EvaluationId, LineIndex = (owner as EvidenceOwner.EvaluationLine)?.Line,
                    LineName = found.LineName, Subject = found.Subject,
                    CorrectionId = (owner as EvidenceOwner.Correction)?.CorrectionId, RectificationTaskId = (owner as EvidenceOwner.Rectification)?.TaskId,
                    FileName = staged.Name, FileType = staged.Type, SizeBytes = staged.File.Length, Sha256 = staged.File.Sha256, StorageKey = staged.File.Key,
                    Note = note, UploadedBy = scope.DisplayName, UploadedById = scope.UserId, UploadedAt = at, Version = 1,
                };
                db.EvidenceFiles.Add(file);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    EvidenceAudit.Add(db, scope, at, file, "created", null,
                        $"{file.Number} {EvidenceAudit.Describe(file.FileName, file.FileType, file.SizeBytes, file.Sha256)}，附于{found.Label}",
                        note ?? (staged.Renamed is { } renamed ? $"上传佐证材料（{renamed}）" : "上传佐证材料"));
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    committed = true;
                    break;
                }
                catch (DbUpdateException) when (attempt < 5)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
                    {
                        entry.State = EntityState.Detached;
                    }
                }
            }

            store.Commit(staged.File.Key);
            return (Outcome.Ok, EvidenceRow.From(file!, canChange: true));
        }
        finally
        {
            if (!committed)
            {
                store.Discard(staged.File.Key);
            }
        }
    }

    /// <summary>A file streamed to the temp folder and sniffed: its listed name, type, and a note when its extension was wrong.</summary>
    internal sealed record Staged(StagedFile File, string Name, EvidenceFileType Type, string? Renamed);

    /// <summary>
    /// Steps 1–2 of an upload or a replacement: the room left (the file replaced does not count), the content streamed to a
    /// temp file within the smaller of the per-file limit and that room, and sniffed. Null with the refusal when it is
    /// refused; nothing is left behind then.
    /// </summary>
    internal static async Task<(Staged? Staged, Outcome? Refusal)> StageAsync(JixiaoDbContext db, EvidenceStore store, EvidenceOwner owner,
        OwnerInScope found, Stream content, string fileName, EvidenceFileEntity? replacing, CancellationToken cancellationToken)
    {
        var limits = store.Limits;
        var used = await EvidenceOwners.Group(db, owner).SumAsync(e => e.SizeBytes, cancellationToken) - (replacing?.SizeBytes ?? 0);
        var room = limits.MaxTotalBytes - used;
        if (room <= 0)
        {
            return (null, TotalExceeded(found, limits));
        }

        var file = await store.StageAsync(content, Math.Min(limits.MaxFileBytes, room), cancellationToken);
        if (file.TooLarge)
        {
            return (null, limits.MaxFileBytes <= room
                ? new Outcome.TooLarge($"文件“{fileName}”超过 {EvidenceLimits.Text(limits.MaxFileBytes)}，未上传。单个佐证材料不能超过 {EvidenceLimits.Text(limits.MaxFileBytes)}；"
                    + "扫描件请降低分辨率或分成几个文件上传。")
                : TotalExceeded(found, limits, used));
        }

        EvidenceSniff sniff;
        await using (var stream = store.OpenStaged(file.Key))
        {
            sniff = EvidenceSniffer.Sniff(stream, fileName, limits);
        }

        if (sniff.Type is not { } type)
        {
            store.Discard(file.Key);
            return (null, new Outcome.Invalid(sniff.Refusal!));
        }

        var name = EvidenceFileNames.Listed(fileName, type, FileDownload.SafeFileName);
        var renamed = EvidenceFileNames.ExtensionAgrees(fileName, type) ? null : $"内容为{type.Chinese()}，按 {type.Extension()} 保存";
        return (new Staged(file, name, type, renamed), null);
    }

    private static Outcome.TooLarge TotalExceeded(OwnerInScope found, EvidenceLimits limits, long? used = null) =>
        new($"{found.GroupName}的佐证材料合计不能超过 {EvidenceLimits.Text(limits.MaxTotalBytes)}"
            + (used is { } u ? $"（已用 {EvidenceLimits.Size(u)}，这个文件放不下）" : "，已没有余量")
            + "，未上传。请删除不需要的文件，或把扫描件压缩后再上传。");
}
