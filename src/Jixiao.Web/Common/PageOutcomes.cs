using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Common;

/// <summary>
/// The pages' one mapping of an <see cref="Outcome"/> (the API's is <see cref="OutcomeResults"/>): not found → 404,
/// forbidden → 403, anything else a flash message (success or the outcome's Chinese reason) and a redirect.
/// </summary>
public static class PageOutcomes
{
    /// <summary>The Chinese reason of an outcome that did not succeed; null for <see cref="Outcome.Done"/>.</summary>
    public static string? Reason(Outcome outcome) => outcome?.Reason;

    public static IActionResult RedirectWithMessage(this PageModel page, Outcome outcome, string done, string url)
    {
        switch (outcome)
        {
            case Outcome.NotFound:
                return page.NotFound();
            case Outcome.Forbidden:
                return page.Forbid();
            case Outcome.Done:
                page.TempData["Message"] = done;
                break;
            default:
                page.TempData["Error"] = Reason(outcome);
                break;
        }

        return new RedirectResult(url);
    }
}
