using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Rechecks;

/// <summary>The progress of one 复核批次, as the page polls it while the batch runs: not found when the user does not see the batch.</summary>
public static class RecheckBatchProgress
{
    public static async Task<(Outcome Outcome, RecheckBatchSummary? Batch)> RunAsync(JixiaoDbContext db, AccessScope scope, int id,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.MayRecheck)
        {
            return (new Outcome.Forbidden("自评复核批次由主管部门/财政审核人或管理员查看。"), null);
        }

        var batch = await scope.Visible(db.RecheckBatches.AsNoTracking()).Where(b => b.Id == id)
            .Select(b => new { b.Id, b.Name, b.OwnerName, b.CreatedAt, b.FileCount }).SingleOrDefaultAsync(cancellationToken);
        if (batch is null)
        {
            return (new Outcome.NotFound($"找不到复核批次 {id}。"), null);
        }

        var progress = (await RecheckBatchList.ProgressAsync(db, [id], cancellationToken))[id];
        return (Outcome.Ok, new RecheckBatchSummary(batch.Id, batch.Name, batch.OwnerName, batch.CreatedAt, batch.FileCount, progress));
    }
}
