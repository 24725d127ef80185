using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Evaluations;

/// <summary>
/// 提交并锁定: whoever may score the evaluation ends it, unless the sheet still has an error finding; a locked
/// evaluation never changes. One audit line (status, with the total).
/// </summary>
public static class LockEvaluation
{
    public static async Task<Outcome> RunAsync(JixiaoDbContext db, AccessScope scope, int id, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var evaluation = await EvaluationSheets.Visible(db, scope).Include(e => e.Project).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (evaluation is null)
        {
            return new Outcome.NotFound($"找不到评价 {id}。");
        }

        if (!EvaluationSheets.MayEdit(scope, evaluation, evaluation.Project!.UnitId))
        {
            return evaluation.Status == EvaluationStatus.Locked
                ? new Outcome.Conflict("该评价已锁定。")
                : new Outcome.Forbidden("只有指派的评价专家（单位自评为本单位填报人）可以提交评价。");
        }

        var scored = Scorer.Score(EvaluationSheets.Read(evaluation));
        if (scored.Findings.FirstOrDefault(f => f.Severity == Domain.Diagnostics.Severity.Error) is { } error)
        {
            return new Outcome.Invalid($"评价表还有错误，不能提交：{error.Message}");
        }

        evaluation.Status = EvaluationStatus.Locked;
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), Actor = scope.DisplayName, Entity = "evaluation", EntityId = evaluation.Id, ProjectId = evaluation.ProjectId,
            Field = "status", OldValue = "评分中", NewValue = "已锁定", Reason = LineEdits.TotalText(scored),
        });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }
}
