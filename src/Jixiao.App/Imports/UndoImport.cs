using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Imports;

/// <summary>
/// 撤销导入: an import confirmed by mistake is taken back as a whole — every project it added, with its indicators —
/// by whoever uploaded it or an admin, with a reason, in one transaction and one audit line. Refused once work has
/// been built on it (a project submitted for review or evaluated): that work would be lost with it.
/// </summary>
public static class UndoImport
{
    public static async Task<(Outcome Outcome, int Removed)> UndoAsync(JixiaoDbContext db, AccessScope scope, int id, string? reason, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(clock);
        var batch = await db.ImportBatches.SingleOrDefaultAsync(b => b.Id == id && (scope.IsAdmin || b.UploadedBy == scope.UserId), cancellationToken);
        if (batch is null)
        {
            return (new Outcome.NotFound($"找不到导入批次 {id}。"), 0);
        }

        if (batch.Status != ImportStatus.Confirmed)
        {
            return (new Outcome.Conflict("只有已导入的文件可以撤销。"), 0);
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 2)
        {
            return (new Outcome.Invalid("撤销导入须写明原因（如“导入了错误的文件”），原因记入审计日志。"), 0);
        }

        if (reason.Length > InputLimits.Text)
        {
            return (new Outcome.Invalid($"原因不能超过 {InputLimits.Text} 个字。"), 0);
        }

        var projects = db.Projects.Where(p => p.ImportBatchId == id);
        var evaluated = await db.Evaluations.CountAsync(e => projects.Any(p => p.Id == e.ProjectId), cancellationToken);
        if (evaluated > 0)
        {
            return (new Outcome.Conflict($"该文件导入的项目已有 {evaluated} 个评价，撤销会丢失评价，不能撤销。请逐个处理这些项目。"), 0);
        }

        var reviewed = await projects.CountAsync(p => p.Status != ReviewStatus.Draft, cancellationToken);
        if (reviewed > 0)
        {
            return (new Outcome.Conflict($"该文件导入的项目中有 {reviewed} 个已提交审核，撤销会丢失审核记录，不能撤销。"), 0);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = await projects.Select(p => p.Id).ToListAsync(cancellationToken);
        await db.Indicators.Where(i => ids.Contains(i.ProjectId)).ExecuteDeleteAsync(cancellationToken);
        await db.ProjectNameGrams.Where(g => ids.Contains(g.ProjectId)).ExecuteDeleteAsync(cancellationToken);
        var removed = await db.Projects.Where(p => ids.Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);
        batch.Status = ImportStatus.Undone;
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            Actor = scope.DisplayName,
            Entity = "import",
            EntityId = batch.Id,
            Field = "status",
            OldValue = "已导入",
            NewValue = "已撤销",
            Reason = $"{reason.Trim()}（{batch.FileName}：删除 {removed} 个项目）",
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (new Outcome.Conflict("该文件正在被他人处理，请刷新查看结果。"), 0);
        }

        return (Outcome.Ok, removed);
    }
}
