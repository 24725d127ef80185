using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Rectification;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Rectification;

/// <summary>
/// The common path of a step on a task: find it in scope (404 like a missing one), check the role (403), the version
/// read (409 when stale), apply the workflow step, write the audit lines, save.
/// </summary>
internal static class RectificationChange
{
    public static async Task<Outcome> RunAsync(JixiaoDbContext db, AccessScope scope, int taskId, long version, RectificationStep step,
        Func<RectificationTaskEntity, bool> mayAct, string forbidden, string reason, TimeProvider clock,
        Action<RectificationTaskEntity, DateTimeOffset, Action<string, string?, string?>> apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(clock);
        var task = await RectificationTaskList.Visible(db.RectificationTasks, scope).SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
        {
            return new Outcome.NotFound($"找不到整改任务 {taskId}。");
        }

        if (!mayAct(task))
        {
            return new Outcome.Forbidden(forbidden);
        }

        if (task.Version != version)
        {
            return new Outcome.Conflict(RectificationAudit.Stale);
        }

        RectificationStatus to;
        switch (RectificationWorkflow.Apply(task.Status, step))
        {
            case RectificationStepResult.Moved moved:
                to = moved.To;
                break;
            case RectificationStepResult.Incomplete incomplete:
                return new Outcome.Invalid(incomplete.Reason);
            case RectificationStepResult.NotNow notNow:
                return new Outcome.Conflict(notNow.Reason);
            case var other:
                throw new InvalidOperationException($"Unknown step result {other}.");
        }

        db.Entry(task).Property(t => t.Version).OriginalValue = version;
        var at = clock.GetUtcNow();
        void Audit(string field, string? old, string? @new) => RectificationAudit.Add(db, scope, at, task, field, old, @new, reason);
        Audit("status", task.Status.Chinese(), to.Chinese());
        apply(task, at, Audit);
        task.Status = to;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Outcome.Conflict(RectificationAudit.Stale);
        }

        return Outcome.Ok;
    }
}
