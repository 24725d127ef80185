using System.Globalization;
using Jixiao.App.Rechecks;
using Jixiao.Data;
using Jixiao.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Rechecks;

/// <summary>
/// A 复核批次: its progress while it runs (polled by htmx every second; the page reloads when the last file ends), then
/// every unit and project with 自评 and 复核 totals, grade change and findings by check — sorted by a column header,
/// filtered by name, check or grade change — the files not rechecked with their reasons, and the downloads.
/// Another user's batch is 404.
/// </summary>
public sealed class BatchModel(JixiaoDbContext db, AccessService access) : PageModel
{
    public RecheckBatchView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, string? sort, bool desc, string? q, string? check, bool changed, CancellationToken cancellationToken)
    {
        var (outcome, view) = await RecheckBatchDetail.RunAsync(db, await access.GetAsync(cancellationToken), id,
            new RecheckRowFilter(RecheckRowFilter.Sorts.Contains(sort) ? sort : null, desc, q, check, changed), cancellationToken);
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

    /// <summary>The progress card alone, for htmx's poll; when the batch has finished the page is reloaded (HX-Refresh) to show the results.</summary>
    public async Task<IActionResult> OnGetProgressAsync(int id, CancellationToken cancellationToken)
    {
        var (outcome, batch) = await RecheckBatchProgress.RunAsync(db, await access.GetAsync(cancellationToken), id, cancellationToken);
        switch (outcome)
        {
            case Outcome.Forbidden:
                return Forbid();
            case Outcome.NotFound:
                return NotFound();
        }

        if (batch!.Progress.Finished)
        {
            Response.Headers["HX-Refresh"] = "true";
        }

        return Partial("_Progress", batch);
    }

    /// <summary>The link of a column header: sorts by <paramref name="key"/>, the other way when it is sorted by it already; the filter kept.</summary>
    public string SortLink(string key)
    {
        var f = View.Filter;
        var query = new List<string> { "sort=" + key };
        if (f.Sort == key && !f.Descending)
        {
            query.Add("desc=true");
        }

        if (f.Text is { Length: > 0 } q)
        {
            query.Add("q=" + Uri.EscapeDataString(q));
        }

        if (f.Check is { Length: > 0 } c)
        {
            query.Add("check=" + Uri.EscapeDataString(c));
        }

        if (f.GradeChanged)
        {
            query.Add("changed=true");
        }

        return $"/rechecks/{View.Batch.Id}?" + string.Join("&", query);
    }

    public string SortMark(string key) => View.Filter.Sort != key ? "" : View.Filter.Descending ? " ▼" : " ▲";

    public static string Number(decimal? value) => value is { } v ? Jixiao.Domain.Evaluations.ScoreRounding.Round(v).ToString("0.##", CultureInfo.InvariantCulture) : "—";

    public static string Signed(decimal? value) => value switch
    {
        null => "",
        > 0 => "+" + Number(value),
        _ => Number(value),
    };
}
