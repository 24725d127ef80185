using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Targets;
using Jixiao.Web.Auth;
using Jixiao.Web.Common;
using Jixiao.App.Evaluations;
using Jixiao.App.Projects;
using Jixiao.App.Reviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Pages.Projects;

/// <param name="RectifyProjectId">The project a finding's 下达整改 issues a task for; null when the user may not issue one.</param>
public sealed record IndicatorRowModel(IndicatorEntity Indicator, bool CanEdit, string? Message = null,
    IReadOnlyList<Jixiao.Domain.Reviews.ReviewFinding>? Findings = null, int? RectifyProjectId = null);

public sealed record TargetCellModel(string? Text, string? Kind, string? Comparator, bool Implicit, decimal? Value, decimal? Max, string? Unit, string? Direction);

public sealed record IndicatorEditModel(IndicatorEntity Indicator, string? Period, string? Annual, long Version, string? Error, string? Explanation = null)
{
    public TargetJson? PeriodPreview => Preview(Period);
    public TargetJson? AnnualPreview => Preview(Annual);

    public static TargetJson? Preview(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : TargetJson.From(TargetParser.Parse(text.Trim()));
}

/// <summary>The 绩效目标与审核信息 card: the goals, 政策依据 and 测算依据, and whether the user may edit them.</summary>
public sealed record ProjectFieldsModel(ProjectEntity Project, bool CanEdit);

/// <summary>The card's editor: the values as typed (amounts in 万元), the version they were typed against, and why a save was refused.</summary>
public sealed record ProjectFieldsEditModel(long Version, string? Code, string? Total, string? PeriodTotal, string? Goal, string? PeriodGoal,
    string? PolicyBasis, string? CostBasis, string? Error = null)
{
    public static ProjectFieldsEditModel Of(ProjectEntity p) => new(p.Version, p.Code, Amount(p.TotalFen), Amount(p.PeriodTotalFen), p.Goal, p.PeriodGoal,
        p.PolicyBasis, p.CostBasis);

    private static string? Amount(long? fen) => fen is { } f ? (f / 1_000_000m).ToString("0.######", System.Globalization.CultureInfo.InvariantCulture) : null;
}

/// <summary>项目 page: goal and what reviewers read (editable), the 初审 by the 审核口径 in force, the system's 预审, indicator tree with inline target editing (htmx), review steps, history.</summary>
public sealed class DetailModel(JixiaoDbContext db, AccessService access, TimeProvider clock) : PageModel
{
    public IReadOnlyList<EvaluationEntity> Evaluations { get; private set; } = [];
    public Jixiao.Domain.Reviews.ProjectReview Review { get; private set; } = null!;

    /// <summary>The 初审 by the 审核口径 the project's unit and year have chosen (the system's rules alone when none).</summary>
    public InitialReviewView Initial { get; private set; } = null!;

    /// <summary>Whether the user may choose the review rules of the project's unit (a reviewer of it, or an admin).</summary>
    public bool CanChooseRulebook { get; private set; }
    public bool CanStartSelfEvaluation { get; private set; }
    public bool CanStartDepartmentEvaluation { get; private set; }
    public IReadOnlyList<(string Id, string Name)> Experts { get; private set; } = [];

    public ProjectEntity Project { get; private set; } = null!;
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];
    public IReadOnlyList<ReviewStatus> Steps { get; private set; } = [];
    public bool CanEdit { get; private set; }

    /// <summary>Whether this user may make a 整改 task of a review finding (a reviewer of the unit, an admin).</summary>
    public bool CanRectify { get; private set; }

    /// <summary>The system's open errors, which submitting or approving asks the user to acknowledge.</summary>
    public int OpenErrors => ReviewWorkflow.OpenErrors(Review).Count;

    public string StepHint => Project.Status switch
    {
        ReviewStatus.Submitted => "已提交，等待主管部门或财政审核人审核。",
        ReviewStatus.Approved => "已审核通过，指标值已锁定。",
        _ => "本单位填报人修改完成后提交审核。",
    };

    public string IndicatorName(int id) => Project.Indicators.FirstOrDefault(i => i.Id == id)?.Name is { } name ? $"“{name}”" : "指标";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var scope = await access.GetAsync(cancellationToken);
        var project = await ProjectDetail.RunAsync(db, scope, id, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        Project = project;
        Review = ProjectReviewer.Review(project);
        Initial = InitialReview.Of(project, await RulebookInForce.LoadAsync(db, cancellationToken));
        CanChooseRulebook = scope.MayReview(project.UnitId);
        CanEdit = EditAllowed(scope, project);
        CanRectify = scope.MayReview(project.UnitId);
        Steps = ReviewWorkflow.AllowedSteps(scope, project);
        History = await ProjectDetail.HistoryAsync(db, id, cancellationToken);
        Evaluations = await EvaluationSheets.Visible(db, scope).AsNoTracking().Where(e => e.ProjectId == id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        CanStartSelfEvaluation = EvaluationSheets.MayCreate(scope, project.UnitId, EvaluationKind.SelfEvaluation);
        CanStartDepartmentEvaluation = EvaluationSheets.MayCreate(scope, project.UnitId, EvaluationKind.DepartmentEvaluation);
        if (CanStartDepartmentEvaluation)
        {
            Experts = await EvaluationSheets.ExpertsAsync(db, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetRowAsync(int id, int indicatorId, CancellationToken cancellationToken)
    {
        var scope = await access.GetAsync(cancellationToken);
        var indicator = await ProjectDetail.IndicatorAsync(db, scope, indicatorId, cancellationToken);
        return indicator is null || indicator.ProjectId != id
            ? NotFound()
            : Partial("_IndicatorRow", new IndicatorRowModel(indicator, EditAllowed(scope, indicator.Project!), null,
                await FindingsAsync(scope, indicator, cancellationToken), scope.MayReview(indicator.Project!.UnitId) ? id : null));
    }

    public async Task<IActionResult> OnGetEditAsync(int id, int indicatorId, CancellationToken cancellationToken)
    {
        var scope = await access.GetAsync(cancellationToken);
        var indicator = await ProjectDetail.IndicatorAsync(db, scope, indicatorId, cancellationToken);
        if (indicator is null || indicator.ProjectId != id)
        {
            return NotFound();
        }

        return EditAllowed(scope, indicator.Project!)
            ? Partial("_IndicatorEdit", new IndicatorEditModel(indicator, indicator.PeriodText, indicator.AnnualText, indicator.Version, null, indicator.Explanation))
            : Forbid();
    }

    public async Task<IActionResult> OnGetFieldsAsync(int id, CancellationToken cancellationToken)
    {
        var scope = await access.GetAsync(cancellationToken);
        var project = await ProjectDetail.RunAsync(db, scope, id, cancellationToken);
        return project is null ? NotFound() : Partial("_ProjectFields", new ProjectFieldsModel(project, EditAllowed(scope, project)));
    }

    public async Task<IActionResult> OnGetFieldsEditAsync(int id, CancellationToken cancellationToken)
    {
        var scope = await access.GetAsync(cancellationToken);
        var project = await ProjectDetail.RunAsync(db, scope, id, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        return EditAllowed(scope, project) ? Partial("_ProjectFieldsEdit", ProjectFieldsEditModel.Of(project)) : Forbid();
    }

    public async Task<IActionResult> OnPostFieldsAsync(int id, string? code, string? total, string? periodTotal, string? goal, string? periodGoal,
        string? policyBasis, string? costBasis, long version, string? reason, CancellationToken cancellationToken)
    {
        var scope = await access.GetAsync(cancellationToken);
        var typed = new ProjectFieldsEditModel(version, code, total, periodTotal, goal, periodGoal, policyBasis, costBasis);
        var (totalFen, badTotal) = EditProjectFields.WanYuanToFen("本年金额", total);
        var (periodFen, badPeriod) = EditProjectFields.WanYuanToFen("项目总金额", periodTotal);
        var outcome = badTotal ?? badPeriod ?? (await EditProjectFields.RunAsync(db, scope, id,
            new EditProjectFieldsRequest(code, goal, periodGoal, policyBasis, costBasis, totalFen, periodFen, version, reason), cancellationToken)).Outcome;
        switch (outcome)
        {
            case Outcome.Done:
                // The 初审 and the system's 预审 read these fields: the whole page is shown again.
                TempData["Message"] = "项目信息已保存。";
                Response.Headers["HX-Redirect"] = $"/projects/{id}";
                return new NoContentResult();
            case Outcome.NotFound:
                return NotFound();
            case Outcome.Forbidden:
                return Forbid();
            default:
                var current = await ProjectDetail.RunAsync(db, scope, id, cancellationToken);
                // Keep what the user typed, against the project's current version, so nothing is lost.
                return Partial("_ProjectFieldsEdit", typed with { Version = current?.Version ?? version, Error = outcome.Reason });
        }
    }

    public IActionResult OnPostPreview(string? period, string? annual) =>
        Partial("_TargetPreview", IndicatorEditModel.Preview(period ?? annual));

    public async Task<IActionResult> OnPostSaveAsync(int id, int indicatorId, string? period, string? annual, string? explanation, long version, string? reason,
        CancellationToken cancellationToken)
    {
        var scope = await access.GetAsync(cancellationToken);
        // The form always sends the 指标解释: a blank one clears it.
        var (outcome, indicator) = await EditTargets.RunAsync(db, scope, indicatorId, new EditTargetsRequest(period, annual, version, reason, explanation ?? ""), cancellationToken);
        switch (outcome)
        {
            case Outcome.Done when indicator!.ProjectId == id:
                return Partial("_IndicatorRow", new IndicatorRowModel(indicator, true, "已保存", await FindingsAsync(scope, indicator, cancellationToken),
                    scope.MayReview(indicator.Project!.UnitId) ? id : null));
            case Outcome.NotFound or Outcome.Done:
                return NotFound();
            case Outcome.Forbidden:
                return Forbid();
            default:
                var current = await ProjectDetail.IndicatorAsync(db, scope, indicatorId, cancellationToken);
                var message = outcome switch
                {
                    Outcome.Conflict c => c.Message,
                    Outcome.Invalid i => i.Message,
                    _ => "保存失败。",
                };
                // Keep what the user typed, against the row's current version, so nothing is lost.
                return Partial("_IndicatorEdit", new IndicatorEditModel(current!, period, annual, current!.Version, message, explanation));
        }
    }

    public Task<IActionResult> OnPostSubmitAsync(int id, string? comment, long? version, bool confirm, CancellationToken cancellationToken) =>
        StepAsync(id, new ReviewStepRequest(comment, version, confirm), ReviewWorkflow.SubmitAsync, "已提交审核。", cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(int id, string? comment, long? version, CancellationToken cancellationToken) =>
        StepAsync(id, new ReviewStepRequest(comment, version), ReviewWorkflow.ReturnAsync, "已退回，单位可修改后重新提交。", cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(int id, string? comment, long? version, bool confirm, CancellationToken cancellationToken) =>
        StepAsync(id, new ReviewStepRequest(comment, version, confirm), ReviewWorkflow.ApproveAsync, "已审核通过。", cancellationToken);

    private async Task<IActionResult> StepAsync(int id, ReviewStepRequest request,
        Func<JixiaoDbContext, AccessScope, int, ReviewStepRequest, CancellationToken, Task<Outcome>> step, string done, CancellationToken cancellationToken)
    {
        var outcome = await step(db, await access.GetAsync(cancellationToken), id, request, cancellationToken);
        return this.RedirectWithMessage(outcome, done, $"/projects/{id}");
    }

    public async Task<IActionResult> OnPostEvaluateAsync(int id, string? kind, string? expertId, CancellationToken cancellationToken)
    {
        var evaluationKind = kind == "department" ? EvaluationKind.DepartmentEvaluation : EvaluationKind.SelfEvaluation;
        var (outcome, evaluation) = await CreateEvaluation.RunAsync(db, await access.GetAsync(cancellationToken), id, evaluationKind, expertId, clock, cancellationToken);
        switch (outcome)
        {
            case Outcome.Done:
                return Redirect($"/evaluations/{evaluation!.Id}");
            case Outcome.NotFound:
                return NotFound();
            case Outcome.Forbidden:
                return Forbid();
            default:
                TempData["Error"] = outcome is Outcome.Invalid i ? i.Message : "发起评价失败。";
                return RedirectToPage("/Projects/Detail", new { id });
        }
    }

    private async Task<IReadOnlyList<Jixiao.Domain.Reviews.ReviewFinding>> FindingsAsync(AccessScope scope, IndicatorEntity indicator,
        CancellationToken cancellationToken)
    {
        var project = await ProjectDetail.RunAsync(db, scope, indicator.ProjectId, cancellationToken);
        return project is null ? [] : ProjectReviewer.For(ProjectReviewer.Review(project), indicator.Name);
    }

    private static bool EditAllowed(AccessScope scope, ProjectEntity project) =>
        scope.MayEditTargets(project.UnitId) && project.Status.TargetsEditable();
}
