using Jixiao.App.Evidence;
using Jixiao.App.Monitoring;
using Jixiao.Data;
using Jixiao.Domain.Evidence;
using Jixiao.Domain.Monitoring;
using Jixiao.Web.Auth;
using Jixiao.Web.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Monitoring;

/// <summary>
/// 纠偏队列 (docs/monitoring.md): the red projects' requests in the user's scope, overdue answers first and highlighted;
/// the unit's clerk answers 继续 / 调剂 / 取消 on the row, a reviewer of the unit or an admin marks the funds to pause.
/// The same use cases and scope as /api/v1/monitoring/corrections: a request outside the scope is 404, a role that may not act 403.
/// </summary>
public sealed class CorrectionsModel(JixiaoDbContext db, AccessService access, MonitoringRules rules, EvidenceLimits limits, TimeProvider clock) : PageModel
{
    /// <summary>Each request's 佐证材料 (the unit attaches them before it answers).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<EvidenceRow>> Evidence { get; private set; } = new Dictionary<int, IReadOnlyList<EvidenceRow>>();
    public EvidenceLimits Limits => limits;

    public string? Status { get; private set; }
    public int? RoundId { get; private set; }
    public IReadOnlyList<CorrectionRow> Corrections { get; private set; } = [];
    public CorrectionRule Rule => rules.Correction;

    public static IReadOnlyList<(string? Value, string Label)> Filters { get; } =
        [(null, "全部"), ("overdue", "逾期未答复"), ("awaiting", "待答复"), ("answered", "已答复"), ("paused", "暂停拨付")];

    public async Task OnGetAsync(string? status, int? roundId, CancellationToken cancellationToken)
    {
        Status = Filters.Any(f => f.Value == status) ? status : null;
        RoundId = roundId;
        var scope = await access.GetAsync(cancellationToken);
        Corrections = await CorrectionQueue.RunAsync(db, scope, new CorrectionFilter(roundId, Status), clock, cancellationToken);
        Evidence = await EvidenceList.ForCorrectionsAsync(db, scope, [.. Corrections.Select(c => (c.Id, c.CanAnswer))], cancellationToken);
    }

    public async Task<IActionResult> OnPostAnswerAsync(int correctionId, string? decision, decimal? adjustYuan, string? reason, long version,
        CancellationToken cancellationToken)
    {
        long? fen = adjustYuan is { } yuan ? (long)decimal.Round(yuan * 100, MidpointRounding.AwayFromZero) : null;
        var outcome = await AnswerCorrection.RunAsync(db, await access.GetAsync(cancellationToken), correctionId,
            new CorrectionAnswer(decision, fen, reason, version), clock, cancellationToken);
        return this.RedirectWithMessage(outcome, "已答复纠偏意见。", $"/monitoring/corrections#correction-{correctionId}");
    }

    public async Task<IActionResult> OnPostFundsAsync(int correctionId, bool pause, string? reason, long version, CancellationToken cancellationToken)
    {
        var outcome = await PauseCorrectionFunds.RunAsync(db, await access.GetAsync(cancellationToken), correctionId,
            new FundsPauseRequest(pause, reason, version), clock, cancellationToken);
        return this.RedirectWithMessage(outcome, pause ? "已标记暂停拨付。" : "已恢复拨付。", $"/monitoring/corrections#correction-{correctionId}");
    }

    public static string StatusBadge(CorrectionRow row) => row switch
    {
        { Overdue: true } => "text-bg-danger",
        { AnsweredLate: true } => "text-bg-warning",
        { Status: "answered" } => "text-bg-success",
        _ => "text-bg-secondary",
    };
}
