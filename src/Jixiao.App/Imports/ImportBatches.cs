using System.Globalization;
using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Data.Storing;
using Jixiao.Domain.Diagnostics;
using Jixiao.Import.Imports;
using Jixiao.Import.Reading;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Imports;

/// <summary>
/// The core of 导入 that the upload page and `jixiao import` share: check an upload, read it into a pending batch,
/// preview what confirming would do, and confirm (the whole file, or nothing). The importer itself
/// is Jixiao.Import's <see cref="Jixiao.Import.Reading.DocumentReader"/> (any kind and format; only target tables are stored).
/// </summary>
public static class ImportBatches
{
    /// <summary>Uploads above this size are refused before reading (20 MB covers a city's tables).</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    /// <summary>The 预算年度 an uploader may choose for a document that states none.</summary>
    public const int FirstYear = 2000, LastYear = 2100;

    /// <summary>
    /// Why an upload of <paramref name="length"/> bytes is refused before its content is read, or null.
    /// <paramref name="fiscalYear"/> is the 预算年度 as typed (blank: none); <paramref name="year"/> what it reads as.
    /// </summary>
    public static Outcome? CheckUpload(AccessScope scope, long length, string? fiscalYear, out int? year)
    {
        ArgumentNullException.ThrowIfNull(scope);
        year = null;
        if (!scope.MayImport)
        {
            return new Outcome.Forbidden("只有单位填报人和管理员可以导入目标表。");
        }

        if (!string.IsNullOrWhiteSpace(fiscalYear))
        {
            if (!int.TryParse(fiscalYear.Trim().TrimEnd('年'), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                || parsed < FirstYear || parsed > LastYear)
            {
                return new Outcome.Invalid($"预算年度“{fiscalYear.Trim()}”不是有效的年份：请填写 {FirstYear}–{LastYear} 之间的四位年份，或留空（按文件写明的年度）。");
            }

            year = parsed;
        }

        if (length <= 0)
        {
            return new Outcome.Invalid("没有收到文件内容，请选择要导入的目标表文件。");
        }

        return length > MaxBytes ? new Outcome.Invalid($"文件太大（{length / 1024 / 1024} MB），单个文件不能超过 {MaxBytes / 1024 / 1024} MB。") : null;
    }

    /// <summary>The name a batch keeps for an uploaded file (its last segment; "上传文件" when it has none).</summary>
    public static string FileNameOf(string fileName)
    {
        var name = Path.GetFileName(fileName);
        return string.IsNullOrWhiteSpace(name) ? "上传文件" : name;
    }

    /// <summary>
    /// A pending batch of an uploaded file with its layout and counts (not yet added to a context), from
    /// <paramref name="reading"/> (the <see cref="ImportReader"/>'s), or read here when none is given (the CLI).
    /// </summary>
    public static ImportBatchEntity Create(AccessScope scope, string fileName, byte[] content, int? fiscalYear, TimeProvider clock, BatchReading? reading = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(clock);
        var batch = new ImportBatchEntity
        {
            FileName = FileNameOf(fileName),
            Content = content,
            UploadedBy = scope.UserId,
            UploadedByName = scope.DisplayName,
            UploadedAt = clock.GetUtcNow(),
            FiscalYear = fiscalYear,
        };
        var result = (reading ?? Reading(batch)).Targets;
        batch.Layout = result.Layout;
        batch.ProjectCount = result.Projects.Count();
        batch.IndicatorCount = result.IndicatorCount;
        batch.ErrorCount = result.Diagnostics.Count(d => d.Severity == Severity.Error);
        batch.WarningCount = result.Diagnostics.Count(d => d.Severity == Severity.Warning);
        return batch;
    }

    /// <summary>The importer's result for a batch's content, read now (the web app reads through <see cref="ImportReader"/>, once).</summary>
    public static ImportResult Read(ImportBatchEntity batch) => Reading(batch).Targets;

    /// <summary>
    /// A batch's content read now, on the caller's thread and without a time budget (the CLI's way), as any of the five
    /// kinds of document (<see cref="DocumentReader"/>), and what of it the store keeps as target tables: nothing, with
    /// an error saying what the document is, for the other kinds.
    /// </summary>
    public static BatchReading Reading(ImportBatchEntity batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return Reading(batch.Content, batch.FileName, batch.FiscalYear);
    }

    /// <summary>Bytes read as a batch of <paramref name="fileName"/> (see <see cref="FileNameOf"/>) and 预算年度 <paramref name="fiscalYear"/> would be.</summary>
    public static BatchReading Reading(byte[] content, string fileName, int? fiscalYear, CancellationToken cancellationToken = default)
    {
        var reading = DocumentReader.Read(content, fileName, ImportOptions.Default with { FiscalYear = fiscalYear }, cancellationToken);
        return new BatchReading(TargetsFromReading.ToImportResult(reading, fiscalYear), reading.Document);
    }

    /// <summary>What confirming the batch would do: which of its projects the store has already, which units are not the user's.</summary>
    public static Task<ImportPreview> PreviewAsync(JixiaoDbContext db, AccessScope scope, ImportBatchEntity batch, CancellationToken cancellationToken = default) =>
        PreviewAsync(db, scope, batch, null, cancellationToken);

    /// <param name="reading">The batch's content as read (none for a discarded batch; read here when null otherwise).</param>
    public static async Task<ImportPreview> PreviewAsync(JixiaoDbContext db, AccessScope scope, ImportBatchEntity batch, BatchReading? reading,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(batch);
        var read = batch.Status == ImportStatus.Discarded ? null : reading ?? Reading(batch);
        var result = read?.Targets ?? new ImportResult(batch.FileName, batch.Layout ?? ImportLayouts.Unknown, null, Domain.Projects.MoneyUnit.WanYuan, null, [], []);
        var document = read?.Document;
        var unitNames = result.Units.Select(u => u.Name).Distinct().ToList();
        var known = await db.Units.AsNoTracking().Where(u => unitNames.Contains(u.Name)).Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken);
        var foreign = scope.IsAdmin
            ? []
            : unitNames.Where(n => known.FirstOrDefault(k => k.Name == n) is not { } k || !scope.UnitIds.Contains(k.Id)).ToList();
        var knownIds = known.Select(k => k.Id).ToArray();
        var stored = await db.Projects.AsNoTracking().Where(p => knownIds.Contains(p.UnitId))
            .Select(p => new { Unit = p.Unit!.Name, p.Name }).ToListAsync(cancellationToken);
        var storedKeys = stored.Select(s => (s.Unit, s.Name)).ToHashSet();
        var existing = result.Units.SelectMany(u => u.Projects.Select(p => (Unit: u.Name, p.Name)))
            .Where(storedKeys.Contains).Select(k => $"{k.Unit} / {k.Name}").ToList();
        return new ImportPreview(batch, result, existing, foreign, document);
    }

    /// <summary>
    /// Stores a pending batch's new projects (those already stored are skipped) and marks it 已导入, with an audit line;
    /// refused while the preview has a blocker. The batch must be tracked by <paramref name="db"/>.
    /// An import commits whole or changes nothing, without holding the database's write lock for the whole file: the
    /// batch is claimed (<see cref="ImportBatchEntity.StagingSince"/>, under its concurrency token, so one confirmation
    /// writes it), its rows are written hidden in short transactions of about <see cref="ImportWriteOptions.ChunkRows"/>
    /// rows each (<see cref="UnitWriter.StageAsync"/>), and one last short transaction makes them all visible and marks the
    /// batch 已导入. Until then nobody sees any of them; a failure on the way deletes them again, and what a crash leaves
    /// (hidden, never seen) is deleted by the next confirmation or discard of the batch.
    /// </summary>
    /// <param name="reading">The batch's content as read (the one its preview showed); read here when null.</param>
    public static async Task<(Outcome Outcome, int Added)> ConfirmAsync(JixiaoDbContext db, AccessScope scope, ImportBatchEntity batch, TimeProvider clock,
        BatchReading? reading = null, CancellationToken cancellationToken = default) =>
        await ConfirmAsync(db, scope, batch, clock, reading, null, cancellationToken);

    /// <param name="writing">How the rows are written (<see cref="ImportWriteOptions.Default"/> when null).</param>
    public static async Task<(Outcome Outcome, int Added)> ConfirmAsync(JixiaoDbContext db, AccessScope scope, ImportBatchEntity batch, TimeProvider clock,
        BatchReading? reading, ImportWriteOptions? writing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(clock);
        writing ??= ImportWriteOptions.Default;
        if (batch.Status != ImportStatus.Pending)
        {
            return (new Outcome.Conflict($"该文件已{(batch.Status == ImportStatus.Confirmed ? "导入" : "放弃")}，不能再次确认。"), 0);
        }

        if (IsBeingWritten(batch, clock, writing))
        {
            return (BeingWritten, 0);
        }

        var preview = await PreviewAsync(db, scope, batch, reading, cancellationToken);
        if (preview.Blocker is { } blocker)
        {
            return (new Outcome.Invalid(blocker), 0);
        }

        batch.StagingSince = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (BeingWritten, 0);
        }

        StagedWrite written;
        try
        {
            // What an earlier confirmation of this batch left when it died: hidden rows nobody has seen.
            await UnitWriter.RemoveStagedAsync(db, batch.Id, cancellationToken);
            written = await UnitWriter.StageAsync(db, preview.Result.Units, batch.FileName, batch.Id, writing.ChunkRows, writing.AfterChunk, writing.SqlitePause, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await UnitWriter.PublishAsync(db, batch.Id, cancellationToken);
            batch.Status = ImportStatus.Confirmed;
            batch.ConfirmedAt = clock.GetUtcNow();
            batch.StagingSince = null;
            db.AuditLog.Add(new AuditEntry
            {
                At = batch.ConfirmedAt.Value,
                Actor = scope.DisplayName,
                Entity = "import",
                EntityId = batch.Id,
                Field = "status",
                OldValue = "待确认",
                NewValue = "已导入",
                Reason = $"{batch.FileName}：新增 {written.Added} 个项目，跳过已有 {written.Skipped.Count} 个",
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            await UndoStagingAsync(db, batch);
            return (new Outcome.Conflict("确认导入时数据已被他人修改（如同时导入了同名单位，或该文件已被放弃），没有导入任何项目。请刷新后重试。"), 0);
        }
        catch
        {
            await UndoStagingAsync(db, batch);
            throw;
        }

        return (Outcome.Ok, written.Added);
    }

    private static Outcome BeingWritten => new Outcome.Conflict("该文件正在被确认导入，请稍后刷新查看结果。");

    /// <summary>Whether a confirmation is writing the batch now (claimed, and not so long ago that it must have died).</summary>
    public static bool IsBeingWritten(ImportBatchEntity batch, TimeProvider clock, ImportWriteOptions? writing = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(clock);
        return batch.StagingSince is { } since && clock.GetUtcNow() - since < (writing ?? ImportWriteOptions.Default).StaleAfter;
    }

    /// <summary>A failed confirmation: its hidden rows deleted and the batch free again; whatever the failure, nothing was visible.</summary>
    private static async Task UndoStagingAsync(JixiaoDbContext db, ImportBatchEntity batch)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity != batch).ToList())
        {
            entry.State = EntityState.Detached;
        }

        await UnitWriter.RemoveStagedAsync(db, batch.Id, CancellationToken.None);
        var tracked = db.Entry(batch);
        await tracked.ReloadAsync(CancellationToken.None);
        if (tracked.State != EntityState.Detached && batch.Status == ImportStatus.Pending && batch.StagingSince is not null)
        {
            batch.StagingSince = null;
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone else changed the batch meanwhile (a discard); their change stands.
            }
        }
    }
}
