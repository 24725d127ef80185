using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Reviews;

/// <summary>
/// A workflow step. <see cref="Version"/> (optional) is the project version the user saw; <see cref="Confirm"/> that the
/// user saw the system's open errors and takes the step anyway.
/// </summary>
public sealed record ReviewStepRequest(string? Comment = null, long? Version = null, bool Confirm = false);

/// <summary>
/// 目标审核 workflow: 草稿/退回 → 已提交 (the unit's clerk), 已提交 → 退回 with a comment or → 审核通过 (a reviewer of an
/// overseen unit). Every step is written to the audit log with its comment. Submitting or approving while the system's
/// review reports errors is refused (conflict, with the errors' count and the first one) unless the user confirms.
/// </summary>
public static class ReviewWorkflow
{
    public static Task<Outcome> SubmitAsync(JixiaoDbContext db, AccessScope scope, int projectId, ReviewStepRequest request, CancellationToken cancellationToken = default) =>
        StepAsync(db, scope, projectId, request, ReviewStatus.Submitted, cancellationToken);

    public static Task<Outcome> ReturnAsync(JixiaoDbContext db, AccessScope scope, int projectId, ReviewStepRequest request, CancellationToken cancellationToken = default) =>
        StepAsync(db, scope, projectId, request, ReviewStatus.Returned, cancellationToken);

    public static Task<Outcome> ApproveAsync(JixiaoDbContext db, AccessScope scope, int projectId, ReviewStepRequest request, CancellationToken cancellationToken = default) =>
        StepAsync(db, scope, projectId, request, ReviewStatus.Approved, cancellationToken);

    /// <summary>The steps this user may take on a project now, for showing buttons.</summary>
    public static IReadOnlyList<ReviewStatus> AllowedSteps(AccessScope scope, ProjectEntity project) =>
        ReviewStatuses.Steps.Where(to => Refusal(scope, project, to) is null).ToList();

    private static async Task<Outcome> StepAsync(JixiaoDbContext db, AccessScope scope, int projectId, ReviewStepRequest request,
        ReviewStatus to, CancellationToken cancellationToken)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null || !scope.Sees(project.UnitId))
        {
            return new Outcome.NotFound($"找不到项目 {projectId}。");
        }

        if (Refusal(scope, project, to) is { } refused)
        {
            return refused;
        }

        if (to.NeedsComment() && string.IsNullOrWhiteSpace(request.Comment))
        {
            return new Outcome.Invalid("退回时请填写退回意见，说明需要修改什么。");
        }

        if (request.Version is { } version && version != project.Version)
        {
            return new Outcome.Conflict("项目已被他人更新，请刷新页面后再操作。");
        }

        if (to.NeedsConfirmationOfOpenErrors() && !request.Confirm)
        {
            await db.Entry(project).Reference(p => p.Unit).LoadAsync(cancellationToken);
            await db.Entry(project).Collection(p => p.Indicators).Query().OrderBy(i => i.Position).LoadAsync(cancellationToken);
            var errors = OpenErrors(ProjectReviewer.Review(project));
            if (errors.Count > 0)
            {
                return new Outcome.Conflict(OpenErrorsWarning(to, errors));
            }
        }

        project.Status = to;
        db.ChangeReason = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Outcome.Conflict("项目已被他人更新，请刷新页面后再操作。");
        }

        return Outcome.Ok;
    }

    /// <summary>The system's findings of severity error: what a step asks the user to confirm.</summary>
    public static IReadOnlyList<ReviewFinding> OpenErrors(ProjectReview review) =>
        review.Findings.Where(f => f.Severity == Domain.Diagnostics.Severity.Error).ToList();

    private static string OpenErrorsWarning(ReviewStatus to, IReadOnlyList<ReviewFinding> errors)
    {
        var step = to == ReviewStatus.Approved ? "审核通过" : "提交审核";
        var first = errors[0];
        var where = first.Indicator is { } indicator ? $"“{indicator}”：" : "";
        return $"系统预审还有 {errors.Count} 个错误（{(errors.Count > 1 ? "如" : "")}{where}{first.Message}）。确认仍要{step}，请勾选“我已知悉系统提示的错误”后再{step}。";
    }

    /// <summary>Why this user may not take the step now (their role, then the workflow's state), or null.</summary>
    private static Outcome? Refusal(AccessScope scope, ProjectEntity project, ReviewStatus to)
    {
        var from = project.Status;
        switch (to)
        {
            case ReviewStatus.Submitted:
                if (!scope.MaySubmit(project.UnitId))
                {
                    return new Outcome.Forbidden("只有本单位的填报人可以提交。");
                }

                return from.Allows(to) ? null : new Outcome.Conflict($"项目处于“{from.Chinese()}”状态，不能提交。");
            case ReviewStatus.Returned or ReviewStatus.Approved:
                if (!scope.MayReview(project.UnitId))
                {
                    return new Outcome.Forbidden("只有主管部门或财政审核人可以审核。");
                }

                return from.Allows(to) ? null : new Outcome.Conflict($"项目处于“{from.Chinese()}”状态，只有已提交的项目可以审核。");
            default:
                return new Outcome.Invalid("不支持的审核操作。");
        }
    }
}
