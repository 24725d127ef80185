using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.App.Imports;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Data.Storing;
using Jixiao.Domain.Diagnostics;
using Jixiao.Import.Imports;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Imports;

/// <summary>
/// 导入: upload a target table → preview with the importer's diagnostics → confirm. The file is read once, through
/// <see cref="ImportReader"/>; confirming stores the whole file or nothing (<see cref="ImportBatches.ConfirmAsync(JixiaoDbContext, AccessScope, ImportBatchEntity, TimeProvider, BatchReading?, ImportWriteOptions?, CancellationToken)"/>). The importer itself is Jixiao.Import's <see cref="Jixiao.Import.Reading.DocumentReader"/> (any kind and format; only target tables are stored).
/// </summary>
public static class ImportFiles
{
    /// <summary>Uploads above this size are refused before reading (20 MB covers a city's tables).</summary>
    public const long MaxBytes = ImportBatches.MaxBytes;

    /// <summary>The 预算年度 an uploader may choose for a document that states none.</summary>
    public const int FirstYear = ImportBatches.FirstYear, LastYear = ImportBatches.LastYear;

    /// <summary>
    /// Reads an upload through <paramref name="reader"/> (once, within its budget and limits) and stores it as a pending
    /// batch. A read that is refused (<see cref="Outcome.Busy"/>) or runs too long (<see cref="Outcome.TimedOut"/>)
    /// stores nothing.
    /// </summary>
    /// <param name="fiscalYear">The 预算年度 for a document whose title states none, as typed (blank: none).</param>
    public static async Task<(Outcome Outcome, ImportBatchEntity? Batch)> UploadAsync(JixiaoDbContext db, AccessScope scope, ImportReader reader, Stream content,
        string fileName, long length, TimeProvider clock, CancellationToken cancellationToken = default, string? fiscalYear = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (ImportBatches.CheckUpload(scope, length, fiscalYear, out var year) is { } refused)
        {
            return (refused, null);
        }

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var (notRead, reading) = await reader.ReadAsync(bytes, ImportBatches.FileNameOf(fileName), year, scope.UserId, cancellationToken);
        if (notRead is not null)
        {
            return (notRead, null);
        }

        var batch = ImportBatches.Create(scope, fileName, bytes, year, clock, reading);
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        // The id exists only now; the upload's audit line follows in a second save, as an evaluation's creation does.
        db.AuditLog.Add(ImportLine(scope, clock, batch, "created", null, "待确认",
            $"上传 {batch.FileName}（{buffer.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} 字节{(year is { } y ? $"，预算年度 {y}" : "")}）"));
        await db.SaveChangesAsync(cancellationToken);
        return (Outcome.Ok, batch);
    }

    /// <summary>
    /// The preview of batch <paramref name="id"/> from its one reading: not found, or the reader's refusal (busy, too
    /// long), or done with the preview.
    /// </summary>
    public static async Task<(Outcome Outcome, ImportPreview? Preview)> PreviewAsync(JixiaoDbContext db, AccessScope scope, ImportReader reader, int id,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var batch = await Visible(db, scope).AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (batch is null)
        {
            return (new Outcome.NotFound($"找不到导入批次 {id}。"), null);
        }

        BatchReading? reading = null;
        if (batch.Status != ImportStatus.Discarded)
        {
            (var refused, reading) = await reader.ReadAsync(batch, scope.UserId, cancellationToken);
            if (refused is not null)
            {
                return (refused, null);
            }
        }

        return (Outcome.Ok, await ImportBatches.PreviewAsync(db, scope, batch, reading, cancellationToken));
    }

    /// <param name="writing">How the rows are written (<see cref="ImportWriteOptions.Default"/> when null).</param>
    public static async Task<(Outcome Outcome, int Added)> ConfirmAsync(JixiaoDbContext db, AccessScope scope, ImportReader reader, int id, TimeProvider clock,
        CancellationToken cancellationToken = default, ImportWriteOptions? writing = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var batch = await Visible(db, scope).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (batch is null)
        {
            return (new Outcome.NotFound($"找不到导入批次 {id}。"), 0);
        }

        BatchReading? reading = null;
        if (batch.Status == ImportStatus.Pending)
        {
            (var refused, reading) = await reader.ReadAsync(batch, scope.UserId, cancellationToken);
            if (refused is not null)
            {
                return (refused, 0);
            }
        }

        return await ImportBatches.ConfirmAsync(db, scope, batch, clock, reading, writing, cancellationToken);
    }

    public static async Task<Outcome> DiscardAsync(JixiaoDbContext db, AccessScope scope, ImportReader reader, int id, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var batch = await Visible(db, scope).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (batch is null)
        {
            return new Outcome.NotFound($"找不到导入批次 {id}。");
        }

        if (batch.Status != ImportStatus.Pending)
        {
            return new Outcome.Conflict("只有待确认的文件可以放弃。");
        }

        if (ImportBatches.IsBeingWritten(batch, clock))
        {
            return new Outcome.Conflict("该文件正在被确认导入，不能放弃；请稍后刷新查看结果。");
        }

        // What a confirmation that died left of this batch (hidden rows) goes with it.
        await UnitWriter.RemoveStagedAsync(db, batch.Id, cancellationToken);
        batch.StagingSince = null;

        batch.Status = ImportStatus.Discarded;
        reader.Forget(batch.Content);
        batch.Content = [];
        db.AuditLog.Add(ImportLine(scope, clock, batch, "status", "待确认", "已放弃", $"{batch.FileName}：放弃，未导入任何项目"));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }

    /// <summary>An audit line of an import batch (entity "import"), as confirming and undoing write theirs (ImportBatches, UndoImport).</summary>
    private static AuditEntry ImportLine(AccessScope scope, TimeProvider clock, ImportBatchEntity batch, string field, string? old, string @new, string reason) => new()
    {
        At = clock.GetUtcNow(), Actor = scope.DisplayName, Entity = "import", EntityId = batch.Id, ProjectId = null,
        Field = field, OldValue = old, NewValue = @new, Reason = reason,
    };

    /// <summary>The user's own uploads; an admin sees all.</summary>
    public static IQueryable<ImportBatchEntity> Visible(JixiaoDbContext db, AccessScope scope) =>
        scope.IsAdmin ? db.ImportBatches : db.ImportBatches.Where(b => b.UploadedBy == scope.UserId);
}
