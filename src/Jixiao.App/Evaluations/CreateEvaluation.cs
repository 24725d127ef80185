using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Evaluations;

/// <summary>
/// Starts an evaluation: a 单位自评 from the project's targets (<see cref="EvaluationTemplates.FromProject"/>) by the
/// unit's clerk, a 部门评价 from the framework template by a reviewer of the unit or an admin, optionally assigned to an
/// 评价专家. Audit lines: created (kind and total) and, with an expert, expert.
/// </summary>
public static class CreateEvaluation
{
    public static async Task<(Outcome Outcome, EvaluationEntity? Evaluation)> RunAsync(JixiaoDbContext db, AccessScope scope, int projectId,
        EvaluationKind kind, string? expertId, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var project = await scope.Visible(db.Projects).Include(p => p.Indicators.OrderBy(i => i.Position))
            .SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return (new Outcome.NotFound($"找不到项目 {projectId}。"), null);
        }

        if (!EvaluationSheets.MayCreate(scope, project.UnitId, kind))
        {
            return (new Outcome.Forbidden(kind == EvaluationKind.SelfEvaluation
                ? "单位自评由本单位的填报人发起。"
                : "部门评价由主管部门/财政审核人或管理员发起。"), null);
        }

        // The rule of the admin's assignment (UserAdmin.AssignEvaluationAsync): a 单位自评 is scored by its unit's clerk and
        // has no expert; any other evaluation only by a user in the expert role.
        string? expert = null;
        if (!string.IsNullOrEmpty(expertId))
        {
            if (kind == EvaluationKind.SelfEvaluation)
            {
                return (new Outcome.Invalid("单位自评由本单位填报人评分，不指派评价专家。"), null);
            }

            expert = await EvaluationSheets.ExpertNameAsync(db, expertId, cancellationToken);
            if (expert is null)
            {
                return (new Outcome.Invalid("所选用户不是评价专家。"), null);
            }
        }

        var sheet = kind == EvaluationKind.SelfEvaluation
            ? EvaluationTemplates.FromProject(EvaluationSheets.ToDomain(project))
            : EvaluationTemplates.Load(kind) with { Project = project.Name, Year = project.FiscalYear };
        var scored = Scorer.Score(sheet);
        var evaluation = new EvaluationEntity
        {
            ProjectId = project.Id,
            Kind = kind,
            SheetJson = EvaluationSheetJson.Write(sheet),
            Total = scored.Total,
            Grade = scored.Grade,
            BudgetExecution = EvaluationSheets.Round(scored.BudgetExecution),
            AssignedExpertId = string.IsNullOrEmpty(expertId) ? null : expertId,
            CreatedBy = scope.DisplayName,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Evaluations.Add(evaluation);
        await db.SaveChangesAsync(cancellationToken);

        // The id exists only now: the audit lines follow in a second save (a failure there leaves an unaudited draft, never a lost one).
        var at = clock.GetUtcNow();
        db.AuditLog.Add(new AuditEntry
        {
            At = at, Actor = scope.DisplayName, Entity = "evaluation", EntityId = evaluation.Id, ProjectId = project.Id,
            Field = "created", OldValue = null, NewValue = $"{kind.Chinese()}（{LineEdits.TotalText(scored)}）",
        });
        if (expert is not null)
        {
            db.AuditLog.Add(new AuditEntry
            {
                At = at, Actor = scope.DisplayName, Entity = "evaluation", EntityId = evaluation.Id, ProjectId = project.Id,
                Field = "expert", OldValue = "（未指派）", NewValue = expert, Reason = "发起评价时指派",
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return (Outcome.Ok, evaluation);
    }
}
