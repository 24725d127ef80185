using Jixiao.App.Rechecks;
using Jixiao.Data;
using Jixiao.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Rechecks;

/// <summary>
/// 自评复核 (docs/recheck.md, "Batches"): a reviewer uploads self-evaluations — several files, or a zip — as one 复核批次,
/// then follows it on its page. Lists the user's batches (an admin's: all). The same use cases as /api/v1/rechecks.
/// </summary>
[RequestSizeLimit(RecheckUploadLimits.LargestBatchBytes + (4L * 1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = RecheckUploadLimits.LargestBatchBytes + (4L * 1024 * 1024), ValueCountLimit = 1024)]
public sealed class IndexModel(JixiaoDbContext db, AccessService access, RecheckUploadLimits limits, RecheckSignal signal, TimeProvider clock) : PageModel
{
    public IReadOnlyList<RecheckBatchSummary> Batches { get; private set; } = [];
    public RecheckUploadLimits Limits => limits;
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = await access.GetAsync(cancellationToken);
        if (!scope.MayRecheck)
        {
            return Forbid();
        }

        Batches = await RecheckBatchList.RunAsync(db, scope, cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(List<IFormFile> files, CancellationToken cancellationToken)
    {
        var scope = await access.GetAsync(cancellationToken);
        var uploaded = files.Select(f => new UploadedFile(f.FileName, f.Length, f.OpenReadStream)).ToList();
        var (outcome, id) = await CreateRecheckBatch.RunAsync(db, scope, uploaded, limits, clock, signal, cancellationToken);
        switch (outcome)
        {
            case Outcome.Done:
                return Redirect($"/rechecks/{id}");
            case Outcome.Forbidden:
                return Forbid();
            default:
                Error = outcome.Reason;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                Batches = await RecheckBatchList.RunAsync(db, scope, cancellationToken: cancellationToken);
                return Page();
        }
    }
}
