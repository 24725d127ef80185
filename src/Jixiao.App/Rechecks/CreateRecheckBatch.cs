using System.Globalization;
using System.Security.Cryptography;
using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;

namespace Jixiao.App.Rechecks;

/// <summary>
/// A reviewer uploads a 复核批次: files and zips opened by <see cref="RecheckUploads"/> into one job per file, queued
/// for the workers. A file whose bytes (SHA-256) an earlier file of the same batch has is a duplicate, not queued; what
/// the upload left out is kept as the batch's notes. All in one transaction with the audit line: a refused upload leaves
/// nothing behind. Only a 主管部门/财政审核人 or an admin.
/// </summary>
public static class CreateRecheckBatch
{
    public const string AuditEntity = "recheckBatch";

    public static async Task<(Outcome Outcome, int? Id)> RunAsync(JixiaoDbContext db, AccessScope scope, IReadOnlyList<UploadedFile> files,
        RecheckUploadLimits limits, TimeProvider clock, RecheckSignal? signal = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(clock);
        if (!scope.MayRecheck)
        {
            return (new Outcome.Forbidden("自评复核批次由主管部门/财政审核人或管理员上传。"), null);
        }

        if (files.Count == 0)
        {
            return (new Outcome.Invalid("没有收到文件：请选择要复核的自评表（可多选），或一个 zip 压缩包。"), null);
        }

        if (files.Count > limits.MaxFiles)
        {
            return (new Outcome.Invalid($"选择了 {files.Count} 个文件：每个复核批次最多 {limits.MaxFiles} 个文件，请分批上传。"), null);
        }

        var at = clock.GetUtcNow();
        var name = Clip(files.Count == 1 ? Path.GetFileName(files[0].Name) : $"{Path.GetFileName(files[0].Name)} 等 {files.Count} 个文件", 300);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = new RecheckBatchEntity { Name = name, OwnerId = scope.UserId, OwnerName = scope.DisplayName, CreatedAt = at, Version = 1 };
        db.RecheckBatches.Add(batch);
        await db.SaveChangesAsync(cancellationToken);

        var notes = new List<string>();
        var first = new Dictionary<string, (int Id, int Position, string Name)>(StringComparer.Ordinal);
        var position = 0;
        var duplicates = 0;
        foreach (var item in RecheckUploads.Expand(files, limits))
        {
            switch (item)
            {
                case UploadItem.Refused refused:
                    await transaction.RollbackAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    return (new Outcome.Invalid(refused.Message), null);
                case UploadItem.Skipped skipped:
                    notes.Add(skipped.Note);
                    break;
                case UploadItem.File file:
                    var sha = Convert.ToHexString(SHA256.HashData(file.Content));
                    var job = new RecheckJobEntity
                    {
                        BatchId = batch.Id, Position = ++position, FileName = Clip(file.Name, 260), Sha256 = sha, SizeBytes = file.Content.Length,
                        QueuedAt = at, State = RecheckJobState.Queued, Content = file.Content,
                    };
                    if (first.TryGetValue(sha, out var original))
                    {
                        duplicates++;
                        job.State = RecheckJobState.Duplicate;
                        job.Content = null;
                        job.DuplicateOfId = original.Id;
                        job.FinishedAt = at;
                        job.Error = $"与本批第 {original.Position} 个文件“{original.Name}”内容相同（SHA-256 一致），未重复复核。";
                    }

                    db.RecheckJobs.Add(job);
                    await db.SaveChangesAsync(cancellationToken);
                    // the bytes are in the database now; the context need not hold 500 files' worth of them
                    db.Entry(job).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
                    first.TryAdd(sha, (job.Id, job.Position, job.FileName));
                    break;
                default:
                    throw new InvalidOperationException($"Unknown upload item {item}.");
            }
        }

        if (position == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return (new Outcome.Invalid("没有可复核的文件。" + string.Join(" ", notes)), null);
        }

        batch.FileCount = position;
        batch.Notes = notes.Count == 0 ? null : Clip(string.Join("\n", notes), 100_000);
        var count = position.ToString(CultureInfo.InvariantCulture);
        AuditLines.Change(db, scope, at, AuditEntity, batch.Id, null, "created", null, $"{count} 个文件",
            $"上传复核批次“{name}”" + (duplicates > 0 ? $"，其中 {duplicates} 个与本批其他文件内容相同" : "") + (notes.Count > 0 ? $"，{notes.Count} 项未纳入（见批次说明）" : ""));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal?.Notify();
        return (Outcome.Ok, batch.Id);
    }

    /// <summary>At most <paramref name="max"/> characters, a file name's extension kept.</summary>
    internal static string Clip(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var extension = Path.GetExtension(text);
        return extension.Length is > 0 and < 10 ? text[..(max - extension.Length - 1)] + "…" + extension : text[..(max - 1)] + "…";
    }
}
