using Jixiao.Data;
using Jixiao.Web.Auth;
using Jixiao.Web.Common;
using Jixiao.App.Imports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Imports;

/// <summary>The preview of an uploaded file, with confirm and discard.</summary>
public sealed class PreviewModel(JixiaoDbContext db, AccessService access, TimeProvider clock) : PageModel
{
    public ImportPreview Preview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var preview = await ImportFiles.PreviewAsync(db, await access.GetAsync(cancellationToken), id, cancellationToken);
        if (preview is null)
        {
            return NotFound();
        }

        Preview = preview;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(int id, CancellationToken cancellationToken)
    {
        var (outcome, added) = await ImportFiles.ConfirmAsync(db, await access.GetAsync(cancellationToken), id, clock, cancellationToken);
        return Done(id, outcome, $"导入完成：新增 {added} 个项目。");
    }

    public async Task<IActionResult> OnPostUndoAsync(int id, string? reason, CancellationToken cancellationToken) =>
        Done(id, (await UndoImport.UndoAsync(db, await access.GetAsync(cancellationToken), id, reason, clock, cancellationToken)).Outcome, "已撤销该文件的导入，其项目已删除。");

    public async Task<IActionResult> OnPostDiscardAsync(int id, CancellationToken cancellationToken) =>
        Done(id, await ImportFiles.DiscardAsync(db, await access.GetAsync(cancellationToken), id, clock, cancellationToken), "已放弃该文件。");

    private IActionResult Done(int id, Outcome outcome, string message) => this.RedirectWithMessage(outcome, message, $"/imports/{id}");
}
