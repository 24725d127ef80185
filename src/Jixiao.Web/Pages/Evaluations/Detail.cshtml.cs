using Jixiao.Data;
using Jixiao.Web.Auth;
using Jixiao.Web.Common;
using Jixiao.App.Evaluations;
using Jixiao.App.Evidence;
using Jixiao.Domain.Evidence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Evaluations;

/// <summary>The sheet partial's model: the scored evaluation and its lines' 佐证材料.</summary>
/// <param name="CanRectify">Whether this user may make a 整改 task of a finding (a reviewer of the unit, an admin).</param>
public sealed record SheetModel(EvaluationView View, EvidencePanel Evidence, bool CanRectify);

/// <summary>An evaluation sheet: lines with actuals entered inline (htmx), scores, total, grade, findings, each line's 佐证材料; lock.</summary>
public sealed class DetailModel(JixiaoDbContext db, AccessService access, EvidenceLimits limits, TimeProvider clock) : PageModel
{
    public EvaluationView View { get; private set; } = null!;
    public EvidencePanel Evidence { get; private set; } = null!;
    public bool CanRectify { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var scope = await access.GetAsync(cancellationToken);
        var view = await EvaluationSheets.GetAsync(db, scope, id, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        Evidence = await EvidenceOf(scope, id, cancellationToken);
        CanRectify = scope.MayReview(view.Evaluation.Project!.UnitId);
        return Page();
    }

    private async Task<EvidencePanel> EvidenceOf(AccessScope scope, int id, CancellationToken cancellationToken) =>
        (await EvidenceList.ForEvaluationAsync(db, scope, limits, id, cancellationToken)).Panel ?? new EvidencePanel("本评价", [], false, null, 0, limits);

    /// <summary>The rescored sheet as htmx swaps it in, with the lines' files.</summary>
    private async Task<PartialViewResult> SheetAsync(EvaluationView view, CancellationToken cancellationToken)
    {
        var scope = await access.GetAsync(cancellationToken);
        return Partial("_Sheet", new SheetModel(view, await EvidenceOf(scope, view.Evaluation.Id, cancellationToken), scope.MayReview(view.Evaluation.Project!.UnitId)));
    }

    public async Task<IActionResult> OnPostLineAsync(int id, int line, string? actual, string? rating, decimal? percent, decimal? score, string? reason,
        long version, string? inputs, string? deductions, string? changeReason, CancellationToken cancellationToken)
    {
        var scope = await access.GetAsync(cancellationToken);
        // A computed line offers its formula inputs and a box for a value written directly: a value written wins.
        var useInputs = inputs is not null && string.IsNullOrWhiteSpace(actual);
        var (outcome, view) = await EditLine.RunAsync(db, scope, id, line,
            new EditLineRequest(useInputs ? null : actual ?? (rating is null && score is null && deductions is null ? "" : null), rating, percent, score,
                reason ?? "", version, Inputs: useInputs ? inputs : null, Deductions: deductions, ChangeReason: changeReason), clock, cancellationToken);
        return await SheetOrMessageAsync(outcome, view, cancellationToken: cancellationToken);
    }

    /// <summary>Sets or changes the formula of a line (with its inputs and the reason of the change) and returns the rescored sheet.</summary>
    public async Task<IActionResult> OnPostFormulaAsync(int id, int line, long version, string? formula, string? formulaInputs, string? formulaReason,
        CancellationToken cancellationToken)
    {
        var scope = await access.GetAsync(cancellationToken);
        var (outcome, view) = await EditLine.RunAsync(db, scope, id, line,
            new EditLineRequest(null, null, null, null, null, version, Formula: formula ?? "", Inputs: formulaInputs ?? "", FormulaReason: formulaReason),
            clock, cancellationToken);
        return await SheetOrMessageAsync(outcome, view, $"#formula-error-{line}", cancellationToken);
    }

    /// <summary>Saves the report texts of the form; the fields the form does not show (funds, title, date …) stay as stored.</summary>
    public async Task<IActionResult> OnPostTextsAsync(int id, long version, CancellationToken cancellationToken)
    {
        var scope = await access.GetAsync(cancellationToken);
        var current = await ReportTexts.GetAsync(db, scope, id, cancellationToken);
        if (current is null)
        {
            return NotFound();
        }

        string? Text(string name) => Request.Form[name].ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Trim() is { Length: > 0 } value ? value : null;
        var texts = current.Texts with
        {
            Preface = Text("preface"),
            Background = Text("background"),
            Content = Text("content"),
            OverallGoal = Text("overallGoal"),
            AnnualGoal = Text("annualGoal"),
            Purpose = Text("purpose"),
            Scope = Text("scope"),
            Principles = Text("principles"),
            Methods = Text("methods"),
            Process = Text("process"),
            Experience = ReportTexts.ParseItems(Text("experience")),
            Problems = ReportTexts.ParseItems(Text("problems")),
            Suggestions = ReportTexts.ParseItems(Text("suggestions")),
            Other = Text("other"),
        };
        var (outcome, _) = await ReportTexts.SaveAsync(db, scope, id, version, texts, clock, cancellationToken);
        switch (outcome)
        {
            case Outcome.Done:
                return await SheetAsync((await EvaluationSheets.GetAsync(db, scope, id, cancellationToken))!, cancellationToken);
            case Outcome.NotFound:
                return NotFound();
            case Outcome.Forbidden:
                return Forbid();
            default:
                return Message(outcome, "#evaluation-error");
        }
    }

    /// <summary>The rescored sheet, 404/403, or the outcome's Chinese reason shown in <paramref name="messageBox"/> (htmx retargets it).</summary>
    private async Task<IActionResult> SheetOrMessageAsync(Outcome outcome, EvaluationView? view, string messageBox = "#evaluation-error",
        CancellationToken cancellationToken = default)
    {
        switch (outcome)
        {
            case Outcome.Done:
                return await SheetAsync(view!, cancellationToken);
            case Outcome.NotFound:
                return NotFound();
            case Outcome.Forbidden:
                return Forbid();
            default:
                return Message(outcome, messageBox);
        }
    }

    /// <summary>
    /// The outcome's reason for htmx to put into <paramref name="messageBox"/>. htmx inserts what it gets as HTML, and a
    /// reason often quotes the user's input (定性结论“…”无法识别), so it goes as encoded HTML text, never as markup.
    /// </summary>
    private ContentResult Message(Outcome outcome, string messageBox)
    {
        Response.Headers["HX-Retarget"] = messageBox;
        Response.Headers["HX-Reswap"] = "innerHTML";
        return Content(System.Net.WebUtility.HtmlEncode(PageOutcomes.Reason(outcome)!), "text/html; charset=utf-8");
    }

    public async Task<IActionResult> OnPostLockAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await LockEvaluation.RunAsync(db, await access.GetAsync(cancellationToken), id, clock, cancellationToken);
        return this.RedirectWithMessage(outcome, "评价已提交并锁定。", $"/evaluations/{id}");
    }
}
