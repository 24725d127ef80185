using Jixiao.App.ResultUse;
using Jixiao.Data;
using Jixiao.Domain.ResultUse;
using Jixiao.Web.Auth;
using Jixiao.Web.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.ResultUse;

/// <summary>
/// 结果应用 of a 预算年度 (docs/result-use.md): each evaluated project's total and grade, the advice with the rule it
/// cites, next year's request and the decision; a reviewer of the unit or an admin enters the request and 一次性项目, and
/// records a decision, each with a reason.
/// The same use cases and scope as /api/v1/result-use: a project outside the scope is 404, a role that may not decide 403.
/// </summary>
public sealed class IndexModel(JixiaoDbContext db, AccessService access, ResultUseRules rules, TimeProvider clock) : PageModel
{
    public IReadOnlyList<int> Years { get; private set; } = [];
    public int? Year { get; private set; }
    public ResultUseView? View { get; private set; }
    public IReadOnlyList<ResultUseHistoryLine> History { get; private set; } = [];

    public async Task OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        var scope = await access.GetAsync(cancellationToken);
        Years = await ResultUseYear.YearsAsync(db, scope, cancellationToken);
        Year = year ?? (Years.Count > 0 ? Years[0] : null);
        if (Year is { } y)
        {
            View = await ResultUseYear.RunAsync(db, scope, rules, y, cancellationToken);
            History = await ResultUseHistory.RunAsync(db, scope, y, cancellationToken);
        }
    }

    /// <param name="amountWanYuan">Next year's amount as typed, in 万元.</param>
    public async Task<IActionResult> OnPostDecideAsync(int year, int projectId, string? action, decimal? amountWanYuan, string? reason, long version,
        CancellationToken cancellationToken)
    {
        var outcome = await ChangeResultUse.DecideAsync(db, await access.GetAsync(cancellationToken), projectId,
            new ResultUseDecision(action, amountWanYuan is { } a ? Format.ToFen(a) : null, reason, version), clock, cancellationToken);
        return this.RedirectWithMessage(outcome, "已保存结果应用决定。", $"/result-use?year={year}#project-{projectId}");
    }

    /// <param name="requestWanYuan">Next year's request in 万元; empty: none entered, next year's imported table counts.</param>
    public async Task<IActionResult> OnPostRequestAsync(int year, int projectId, decimal? requestWanYuan, bool oneOff, string? reason, long version,
        CancellationToken cancellationToken)
    {
        var outcome = await ChangeResultUse.SetRequestAsync(db, await access.GetAsync(cancellationToken), projectId,
            new ResultUseRequestChange(requestWanYuan is { } a ? Format.ToFen(a) : null, oneOff, reason, version), clock, cancellationToken);
        return this.RedirectWithMessage(outcome, "已保存下年申请。", $"/result-use?year={year}#project-{projectId}");
    }

    public static string GradeBadge(string grade) => grade switch
    {
        "优" => "text-bg-success",
        "良" => "text-bg-info",
        "中" => "text-bg-warning",
        _ => "text-bg-danger",
    };
}
