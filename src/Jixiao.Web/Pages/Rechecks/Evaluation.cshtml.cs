using System.Globalization;
using Jixiao.App.Rechecks;
using Jixiao.Data;
using Jixiao.Web.Auth;
using Jixiao.Web.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Rechecks;

/// <summary>
/// One rechecked self-evaluation: every line with the unit's value and score beside the 复核 score, its reason and the
/// reviewer's marks; the reviewer accepts a line's 复核 score or puts another with the reason (audited), and the total
/// and grade follow; the findings and the 修改记录. A forged batch or evaluation id is 404.
/// </summary>
public sealed class EvaluationModel(JixiaoDbContext db, AccessService access, TimeProvider clock) : PageModel
{
    public RecheckEvaluationView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int evaluationId, CancellationToken cancellationToken)
    {
        var (outcome, view) = await RecheckEvaluationDetail.RunAsync(db, await access.GetAsync(cancellationToken), id, evaluationId, cancellationToken);
        switch (outcome)
        {
            case Outcome.Forbidden:
                return Forbid();
            case Outcome.NotFound:
                return NotFound();
        }

        View = view!;
        return Page();
    }

    /// <summary>Accept (<paramref name="accept"/>) or override one line; the score as typed ("8", "7.5").</summary>
    public async Task<IActionResult> OnPostDecideAsync(int id, int evaluationId, int line, long version, bool accept, string? score, string? reason,
        CancellationToken cancellationToken)
    {
        var back = $"/rechecks/{id}/evaluations/{evaluationId}#line-{line}";
        decimal? value = null;
        if (!accept)
        {
            var typed = score?.Trim().TrimEnd('分').Trim();
            if (!decimal.TryParse(typed, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
            {
                TempData["Error"] = $"第 {line + 1} 行：复核得分“{score}”不是数字，请填写如 8 或 7.5 的分数。";
                return Redirect(back);
            }

            value = parsed;
        }

        var outcome = await DecideRecheckLine.RunAsync(db, await access.GetAsync(cancellationToken), id, evaluationId, line,
            new RecheckLineInput(value, reason, version), clock, cancellationToken);
        return this.RedirectWithMessage(outcome, accept ? $"已确认第 {line + 1} 行的复核得分。" : $"已将第 {line + 1} 行的复核得分改为 {BatchModel.Number(value)} 分。", back);
    }

    public static string FieldName(string field) => field switch
    {
        "line" => "复核得分",
        "total" => "复核总分 / 等级",
        "reason" => "理由",
        _ => field,
    };
}
