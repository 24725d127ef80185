using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Web.Auth;
using Jixiao.Web.Common;
using Jixiao.App.Imports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Pages.Imports;

/// <summary>导入 page: upload a target table; the preview page follows.</summary>
[RequestSizeLimit(ImportFiles.MaxBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = ImportFiles.MaxBytes + (1024 * 1024))]
public sealed class IndexModel(JixiaoDbContext db, AccessService access, ImportReader reader, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ImportBatchEntity> Batches { get; private set; } = [];
    public string? Error { get; private set; }

    public static string StatusName(ImportStatus status) => status switch
    {
        ImportStatus.Pending => "待确认",
        ImportStatus.Confirmed => "已导入",
        ImportStatus.Undone => "已撤销",
        _ => "已放弃",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = await access.GetAsync(cancellationToken);
        if (!scope.MayImport)
        {
            return Forbid();
        }

        await LoadAsync(scope, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, string? fiscalYear, CancellationToken cancellationToken)
    {
        var scope = await access.GetAsync(cancellationToken);
        if (file is null)
        {
            Error = "请选择要导入的文件。";
            await LoadAsync(scope, cancellationToken);
            return Page();
        }

        await using var stream = file.OpenReadStream();
        var (outcome, batch) = await ImportFiles.UploadAsync(db, scope, reader, stream, file.FileName, file.Length, clock, cancellationToken, fiscalYear);
        switch (outcome)
        {
            case Outcome.Done:
                if (Request.Headers.ContainsKey("HX-Request"))
                {
                    Response.Headers["HX-Redirect"] = $"/imports/{batch!.Id}";
                    return new EmptyResult();
                }

                return Redirect($"/imports/{batch!.Id}");
            case Outcome.Forbidden:
                return Forbid();
            case Outcome.Busy busy:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = Api.ApiProblems.RetryAfterOf(busy.RetryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
                Error = busy.Message;
                await LoadAsync(scope, cancellationToken);
                return Page();
            default:
                Error = outcome.Reason ?? "上传失败。";
                await LoadAsync(scope, cancellationToken);
                return Page();
        }
    }

    private async Task LoadAsync(AccessScope scope, CancellationToken cancellationToken) =>
        Batches = await ImportFiles.Visible(db, scope).AsNoTracking().OrderByDescending(b => b.Id).Take(50).ToListAsync(cancellationToken);
}
