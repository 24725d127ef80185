using Jixiao.App.Evidence;
using Jixiao.App.Rectification;
using Jixiao.Data;
using Jixiao.Domain.Evidence;
using Jixiao.Domain.Rectification;
using Jixiao.Web.Auth;
using Jixiao.Web.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Rectification;

/// <summary>
/// 整改台账 (docs/rectification.md): the 整改 tasks in the user's scope, overdue ones first and highlighted; the unit's
/// clerk submits measures, a reviewer of the unit or an admin accepts or sends back, each on the row.
/// The same use cases and scope as /api/v1/rectification: a task outside the scope is 404, a role that may not act 403.
/// </summary>
public sealed class IndexModel(JixiaoDbContext db, AccessService access, RectificationRules rules, EvidenceLimits limits, TimeProvider clock) : PageModel
{
    /// <summary>Each task's 佐证材料 (the unit attaches them with its measures).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<EvidenceRow>> Evidence { get; private set; } = new Dictionary<int, IReadOnlyList<EvidenceRow>>();
    public EvidenceLimits Limits => limits;

    /// <summary>The status filter: null (all), pending, submitted, accepted or overdue.</summary>
    public string? Status { get; private set; }
    public IReadOnlyList<RectificationTaskRow> Tasks { get; private set; } = [];
    public RectificationRules Rules => rules;

    public static IReadOnlyList<(string? Value, string Label)> Filters { get; } =
        [(null, "全部"), ("overdue", "逾期"), ("pending", "待整改"), ("submitted", "整改中"), ("accepted", "已整改")];

    public async Task OnGetAsync(string? status, CancellationToken cancellationToken)
    {
        Status = Filters.Any(f => f.Value == status) ? status : null;
        var scope = await access.GetAsync(cancellationToken);
        Tasks = await RectificationTaskList.RunAsync(db, scope, rules, new RectificationFilter(Status: Status), clock, cancellationToken);
        Evidence = await EvidenceList.ForTasksAsync(db, scope, [.. Tasks.Select(t => (t.Id, t.CanSubmit))], cancellationToken);
    }

    /// <summary>Issues a task from a finding shown on another page (结果应用's RES101 today), with the district's default deadline.</summary>
    public async Task<IActionResult> OnPostCreateAsync(int projectId, string? source, string? findingCode, string? findingMessage, string? findingWhere,
        string? reason, CancellationToken cancellationToken)
    {
        var (outcome, id) = await CreateRectificationTask.RunAsync(db, await access.GetAsync(cancellationToken), rules,
            new NewRectificationTask(projectId, source, findingCode, findingMessage, findingWhere, null, null, null, reason), clock, cancellationToken);
        return this.RedirectWithMessage(outcome, "已下达整改任务。", outcome is Outcome.Done ? $"/rectification#task-{id}" : "/rectification");
    }

    public async Task<IActionResult> OnPostSubmitAsync(int taskId, string? measures, long version, CancellationToken cancellationToken)
    {
        var outcome = await SubmitRectificationMeasures.RunAsync(db, await access.GetAsync(cancellationToken), taskId,
            new RectificationMeasures(measures, version), clock, cancellationToken);
        return this.RedirectWithMessage(outcome, "已提交整改措施。", $"/rectification#task-{taskId}");
    }

    public async Task<IActionResult> OnPostVerifyAsync(int taskId, bool accept, string? reason, long version, CancellationToken cancellationToken)
    {
        var outcome = await VerifyRectificationTask.RunAsync(db, await access.GetAsync(cancellationToken), taskId,
            new RectificationVerdict(accept, reason, version), clock, cancellationToken);
        return this.RedirectWithMessage(outcome, accept ? "已验收：已整改。" : "已退回，单位重新整改。", $"/rectification#task-{taskId}");
    }

    public static string StatusBadge(RectificationTaskRow task) => task switch
    {
        { Overdue: true } => "text-bg-danger",
        { Status: "accepted" } => "text-bg-success",
        { Status: "submitted" } => "text-bg-info",
        _ => "text-bg-warning",
    };
}
