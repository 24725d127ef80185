using Jixiao.Data;
using Jixiao.Web.Auth;
using Jixiao.Web.Common;
using Jixiao.App.Imports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Imports;

/// <summary>The preview of an uploaded file, with confirm and discard.</summary>
public sealed class PreviewModel(JixiaoDbContext db, AccessService access, ImportReader reader, ImportWriteOptions writing, TimeProvider clock) : PageModel
{
    public ImportPreview Preview { get; private set; } = null!;

    /// <summary>Why there is no preview (the file took too long to read, or too many files are being read); null when there is one.</summary>
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var (outcome, preview) = await ImportFiles.PreviewAsync(db, await access.GetAsync(cancellationToken), reader, id, cancellationToken);
        switch (outcome)
        {
            case Outcome.Done:
                Preview = preview!;
                return Page();
            case Outcome.NotFound:
                return NotFound();
            case Outcome.Busy busy:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = Api.ApiProblems.RetryAfterOf(busy.RetryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
                Problem = busy.Message;
                return Page();
            default:
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                Problem = outcome.Reason;
                return Page();
        }
    }

    public async Task<IActionResult> OnPostConfirmAsync(int id, CancellationToken cancellationToken)
    {
        var (outcome, added) = await ImportFiles.ConfirmAsync(db, await access.GetAsync(cancellationToken), reader, id, clock, cancellationToken, writing);
        return Done(id, outcome, $"导入完成：新增 {added} 个项目。");
    }

    public async Task<IActionResult> OnPostUndoAsync(int id, string? reason, CancellationToken cancellationToken) =>
        Done(id, (await UndoImport.UndoAsync(db, await access.GetAsync(cancellationToken), id, reason, clock, cancellationToken)).Outcome, "已撤销该文件的导入，其项目已删除。");

    public async Task<IActionResult> OnPostDiscardAsync(int id, CancellationToken cancellationToken) =>
        Done(id, await ImportFiles.DiscardAsync(db, await access.GetAsync(cancellationToken), reader, id, clock, cancellationToken), "已放弃该文件。");

    private IActionResult Done(int id, Outcome outcome, string message) => this.RedirectWithMessage(outcome, message, $"/imports/{id}");
}
