using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Monitoring;

/// <summary>
/// Ends a round (填报中 → 已结束): an admin, or whoever opened it. Its entries cannot change afterwards; the lights stay
/// readable. One audit line (entity monitoringRound, field status).
/// </summary>
public static class CloseRound
{
    public static async Task<Outcome> RunAsync(JixiaoDbContext db, AccessScope scope, int roundId, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(clock);
        var round = await scope.Visible(db.MonitoringRounds).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return new Outcome.NotFound($"找不到监控轮次 {roundId}。");
        }

        if (!scope.IsAdmin && round.OpenedById != scope.UserId)
        {
            return new Outcome.Forbidden("只有发起该轮监控的人或管理员可以结束它。");
        }

        if (round.Status == MonitoringRoundStatus.Closed)
        {
            return new Outcome.Conflict("该轮监控已经结束。");
        }

        round.Status = MonitoringRoundStatus.Closed;
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), Actor = scope.DisplayName, Entity = "monitoringRound", EntityId = round.Id, ProjectId = null, Field = "status",
            OldValue = "填报中", NewValue = "已结束",
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Outcome.Conflict("该轮监控已被他人更新，请刷新后再操作。");
        }

        return Outcome.Ok;
    }
}
