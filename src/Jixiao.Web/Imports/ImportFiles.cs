using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Data.Storing;
using Jixiao.Domain.Diagnostics;
using Jixiao.Import.Imports;
using Jixiao.Web.Auth;
using Jixiao.Web.Common;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Imports;

/// <summary>
/// What a confirmed import would do: the importer's result, the projects the store already has (skipped), and the
/// units the user may not import into. <see cref="CanConfirm"/> only when the whole file can land.
/// </summary>
public sealed record ImportPreview(ImportBatchEntity Batch, ImportResult Result, IReadOnlyList<string> Existing, IReadOnlyList<string> ForeignUnits)
{
    public bool CanConfirm => Batch.Status == ImportStatus.Pending && Result.Succeeded && ForeignUnits.Count == 0
        && Result.Projects.Count() > Existing.Count;

    /// <summary>The 预算年度 the projects will get (stated by the file, or chosen at upload); empty when none.</summary>
    public IReadOnlyList<int> FiscalYears => Result.Projects.Where(p => p.FiscalYear is not null).Select(p => p.FiscalYear!.Value).Distinct().Order().ToList();

    public string? Blocker => Batch.Status != ImportStatus.Pending ? null
        : !Result.Succeeded ? "文件中有错误（见下方诊断），整份文件不会导入。请修正后重新上传。"
        : ForeignUnits.Count > 0 ? $"文件中的单位“{string.Join("、", ForeignUnits)}”不是您负责的单位，不能导入。"
        : Result.Projects.Count() <= Existing.Count ? "文件中的项目都已在系统中，没有可导入的新项目。"
        : null;
}

/// <summary>
/// 导入: upload a target table → preview with the importer's diagnostics → confirm. Confirming stores the whole
/// file in one transaction, or nothing. The importer itself is Jixiao.Import's <see cref="TargetTableImporter"/>.
/// </summary>
public static class ImportFiles
{
    /// <summary>Uploads above this size are refused before reading (20 MB covers a city's tables).</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    /// <summary>The 预算年度 an uploader may choose for a document that states none.</summary>
    public const int FirstYear = 2000, LastYear = 2100;

    /// <param name="fiscalYear">The 预算年度 for a document whose title states none, as typed (blank: none).</param>
    public static async Task<(Outcome Outcome, ImportBatchEntity? Batch)> UploadAsync(JixiaoDbContext db, AccessScope scope, Stream content,
        string fileName, long length, TimeProvider clock, CancellationToken cancellationToken = default, string? fiscalYear = null)
    {
        if (!scope.MayImport)
        {
            return (new Outcome.Forbidden("只有单位填报人和管理员可以导入目标表。"), null);
        }

        int? year = null;
        if (!string.IsNullOrWhiteSpace(fiscalYear))
        {
            if (!int.TryParse(fiscalYear.Trim().TrimEnd('年'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture,
                    out var parsed) || parsed < FirstYear || parsed > LastYear)
            {
                return (new Outcome.Invalid($"预算年度“{fiscalYear.Trim()}”不是有效的年份：请填写 {FirstYear}–{LastYear} 之间的四位年份，或留空（按文件写明的年度）。"), null);
            }

            year = parsed;
        }

        if (length <= 0)
        {
            return (new Outcome.Invalid("没有收到文件内容，请选择要导入的目标表文件。"), null);
        }

        if (length > MaxBytes)
        {
            return (new Outcome.Invalid($"文件太大（{length / 1024 / 1024} MB），单个文件不能超过 {MaxBytes / 1024 / 1024} MB。"), null);
        }

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var name = Path.GetFileName(fileName);
        var batch = new ImportBatchEntity
        {
            FileName = string.IsNullOrWhiteSpace(name) ? "上传文件" : name,
            Content = buffer.ToArray(),
            UploadedBy = scope.UserId,
            UploadedByName = scope.DisplayName,
            UploadedAt = clock.GetUtcNow(),
            FiscalYear = year,
        };
        var result = Run(batch);
        batch.Layout = result.Layout;
        batch.ProjectCount = result.Projects.Count();
        batch.IndicatorCount = result.IndicatorCount;
        batch.ErrorCount = result.Diagnostics.Count(d => d.Severity == Severity.Error);
        batch.WarningCount = result.Diagnostics.Count(d => d.Severity == Severity.Warning);
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        return (Outcome.Ok, batch);
    }

    public static async Task<ImportPreview?> PreviewAsync(JixiaoDbContext db, AccessScope scope, int id, CancellationToken cancellationToken = default)
    {
        var batch = await Visible(db, scope).AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        return batch is null ? null : await PreviewAsync(db, scope, batch, cancellationToken);
    }

    public static async Task<(Outcome Outcome, int Added)> ConfirmAsync(JixiaoDbContext db, AccessScope scope, int id, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        var batch = await Visible(db, scope).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (batch is null)
        {
            return (new Outcome.NotFound($"找不到导入批次 {id}。"), 0);
        }

        if (batch.Status != ImportStatus.Pending)
        {
            return (new Outcome.Conflict($"该文件已{(batch.Status == ImportStatus.Confirmed ? "导入" : "放弃")}，不能再次确认。"), 0);
        }

        var preview = await PreviewAsync(db, scope, batch, cancellationToken);
        if (preview.Blocker is { } blocker)
        {
            return (new Outcome.Invalid(blocker), 0);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var written = await UnitWriter.AddAsync(db, preview.Result.Units, batch.FileName, batch.Id, cancellationToken);
        batch.Status = ImportStatus.Confirmed;
        batch.ConfirmedAt = clock.GetUtcNow();
        db.AuditLog.Add(new AuditEntry
        {
            At = batch.ConfirmedAt.Value,
            Actor = scope.DisplayName,
            Entity = "import",
            EntityId = batch.Id,
            Field = "status",
            OldValue = "待确认",
            NewValue = "已导入",
            Reason = $"{batch.FileName}：新增 {written.Added.Count} 个项目，跳过已有 {written.Skipped.Count} 个",
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (new Outcome.Conflict("该文件正在被他人确认导入，请刷新查看结果。"), 0);
        }

        return (Outcome.Ok, written.Added.Count);
    }

    public static async Task<Outcome> DiscardAsync(JixiaoDbContext db, AccessScope scope, int id, CancellationToken cancellationToken = default)
    {
        var batch = await Visible(db, scope).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (batch is null)
        {
            return new Outcome.NotFound($"找不到导入批次 {id}。");
        }

        if (batch.Status != ImportStatus.Pending)
        {
            return new Outcome.Conflict("只有待确认的文件可以放弃。");
        }

        batch.Status = ImportStatus.Discarded;
        batch.Content = [];
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }

    /// <summary>The user's own uploads; an admin sees all.</summary>
    public static IQueryable<ImportBatchEntity> Visible(JixiaoDbContext db, AccessScope scope) =>
        scope.IsAdmin ? db.ImportBatches : db.ImportBatches.Where(b => b.UploadedBy == scope.UserId);

    private static ImportResult Run(ImportBatchEntity batch)
    {
        using var stream = new MemoryStream(batch.Content, writable: false);
        return TargetTableImporter.Import(stream, batch.FileName, ImportOptions.Default with { FiscalYear = batch.FiscalYear });
    }

    private static async Task<ImportPreview> PreviewAsync(JixiaoDbContext db, AccessScope scope, ImportBatchEntity batch, CancellationToken cancellationToken)
    {
        var result = batch.Status == ImportStatus.Discarded
            ? new ImportResult(batch.FileName, batch.Layout ?? ImportLayouts.Unknown, null, Domain.Projects.MoneyUnit.WanYuan, null, [], [])
            : Run(batch);
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
        return new ImportPreview(batch, result, existing, foreign);
    }
}
