using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Monitoring;

/// <summary>
/// The common path of a step on a 纠偏 request: find it in scope (404 like a missing one), check the role (403), the
/// version read (409 when stale), apply the workflow step (given the project's budget in 分), write the audit lines, save.
/// </summary>
internal static class CorrectionChange
{
    public static async Task<Outcome> RunAsync(JixiaoDbContext db, AccessScope scope, int correctionId, long? version,
        Func<long?, CorrectionStep> step, Func<int, bool> mayAct, string forbidden, string reason, TimeProvider clock,
        Action<MonitoringCorrectionEntity, DateTimeOffset, Action<string, string?, string?>> apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(clock);
        var found = await CorrectionQueue.Visible(db.MonitoringCorrections, scope).Where(c => c.Id == correctionId)
            .Select(c => new { Correction = c, c.Project!.UnitId, c.Project.TotalFen }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return new Outcome.NotFound($"找不到纠偏事项 {correctionId}。");
        }

        var correction = found.Correction;
        if (!mayAct(found.UnitId))
        {
            return new Outcome.Forbidden(forbidden);
        }

        if (version != correction.Version)
        {
            return new Outcome.Conflict(CorrectionAudit.Stale);
        }

        CorrectionState to;
        switch (CorrectionWorkflow.Apply(new CorrectionState(correction.Status, correction.FundsPaused), step(found.TotalFen)))
        {
            case CorrectionStepResult.Moved moved:
                to = moved.To;
                break;
            case CorrectionStepResult.Incomplete incomplete:
                return new Outcome.Invalid(incomplete.Reason);
            case CorrectionStepResult.NotNow notNow:
                return new Outcome.Conflict(notNow.Reason);
            case var other:
                throw new InvalidOperationException($"Unknown step result {other}.");
        }

        var at = clock.GetUtcNow();
        void Audit(string field, string? old, string? @new) => CorrectionAudit.Add(db, scope, at, correction, field, old, @new, reason);
        Audit("status", correction.Status.Chinese(), to.Status.Chinese());
        Audit("fundsPaused", CorrectionAudit.Funds(correction.FundsPaused), CorrectionAudit.Funds(to.FundsPaused));
        apply(correction, at, Audit);
        correction.Status = to.Status;
        correction.FundsPaused = to.FundsPaused;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Outcome.Conflict(CorrectionAudit.Stale);
        }

        return Outcome.Ok;
    }
}
