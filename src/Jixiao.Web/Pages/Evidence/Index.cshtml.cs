using System.Globalization;
using Jixiao.App.Evidence;
using Jixiao.Data;
using Jixiao.Domain.Evidence;
using Jixiao.Web.Auth;
using Jixiao.Web.Common;
using Jixiao.Web.Evidence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Evidence;

/// <summary>
/// The 佐证材料 forms of the evaluation, 纠偏 and 整改 pages post here (docs/evidence.md): upload, replace and delete, by
/// the same use cases as /api/v1/evidence; the answer is the owner's page with a flash message (htmx: HX-Redirect and HX-Refresh).
/// The upload handlers bind nothing from the form: htmx sends the anti-forgery token as a header, so the body is first
/// read by <see cref="EvidenceUploads"/> within the evidence limits, not by model binding within the server's.
/// </summary>
public sealed class IndexModel(JixiaoDbContext db, AccessService access, EvidenceStore store, TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostUploadAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var id = Number("id");
        var line = Number("line");
        EvidenceOwner? owner = (Request.Query["owner"].ToString(), id) switch
        {
            ("evaluationLine", { } evaluation) when line is { } l => new EvidenceOwner.EvaluationLine(evaluation, l),
            ("correction", { } correction) => new EvidenceOwner.Correction(correction),
            ("rectification", { } task) => new EvidenceOwner.Rectification(task),
            _ => null,
        };
        if (owner is null)
        {
            return NotFound();
        }

        var scope = await access.GetAsync(cancellationToken);
        var (refused, file, form) = await EvidenceUploads.ReadAsync(Request, store.Limits, cancellationToken);
        var back = Back(owner);
        if (refused is not null)
        {
            return Done(refused, "", back);
        }

        var subjectText = EvidenceUploads.Text(form!, "subject");
        var subject = EvidenceSubjects.Parse(subjectText);
        if (subjectText is not null && subject is null)
        {
            return Done(new Outcome.Invalid("证明的内容应为 实际完成值 或 扣分依据。"), "", back);
        }

        if (owner is EvidenceOwner.EvaluationLine evaluationLine)
        {
            owner = evaluationLine with { Subject = subject };
        }

        await using var content = file!.OpenReadStream();
        var (outcome, row) = await UploadEvidence.RunAsync(db, scope, store, owner, new EvidenceUpload(content, file.FileName, EvidenceUploads.Text(form!, "note")),
            clock, cancellationToken);
        return Done(outcome, $"已上传佐证材料 {row?.Number}：{row?.FileName}。", back);
    }

    public async Task<IActionResult> OnPostReplaceAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (Number("id") is not { } id)
        {
            return NotFound();
        }

        var scope = await access.GetAsync(cancellationToken);
        if (await EvidenceList.OneAsync(db, scope, id, cancellationToken) is not { } one)
        {
            return NotFound();
        }

        var back = Back(OwnerOf(one.File));
        var (refused, file, form) = await EvidenceUploads.ReadAsync(Request, store.Limits, cancellationToken);
        if (refused is not null)
        {
            return Done(refused, "", back);
        }

        await using var content = file!.OpenReadStream();
        var (outcome, row) = await ReplaceEvidence.RunAsync(db, scope, store, id, EvidenceUploads.Version(form!) ?? -1,
            new EvidenceUpload(content, file.FileName, null), EvidenceUploads.Text(form!, "reason"), clock, cancellationToken);
        return Done(outcome, $"已替换佐证材料 {row?.Number} 的文件：{row?.FileName}。", back);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, long version, string? reason, CancellationToken cancellationToken)
    {
        var scope = await access.GetAsync(cancellationToken);
        if (await EvidenceList.OneAsync(db, scope, id, cancellationToken) is not { } one)
        {
            return NotFound();
        }

        var outcome = await DeleteEvidence.RunAsync(db, scope, store, id, new EvidenceDeletion(reason, version), clock, cancellationToken);
        return Done(outcome, $"已删除佐证材料 {one.Row.Number}。", Back(OwnerOf(one.File)));
    }

    private static EvidenceOwner OwnerOf(Data.Entities.EvidenceFileEntity file) =>
        file.EvaluationId is { } e ? new EvidenceOwner.EvaluationLine(e, file.LineIndex ?? 0)
        : file.CorrectionId is { } c ? new EvidenceOwner.Correction(c)
        : new EvidenceOwner.Rectification(file.RectificationTaskId ?? 0);

    /// <summary>The page the owner is shown on, at the owner.</summary>
    private static string Back(EvidenceOwner owner) => owner switch
    {
        EvidenceOwner.EvaluationLine line => $"/evaluations/{line.EvaluationId}#line-{line.Line}",
        EvidenceOwner.Correction correction => $"/monitoring/corrections#correction-{correction.CorrectionId}",
        EvidenceOwner.Rectification task => $"/rectification#task-{task.TaskId}",
        _ => "/",
    };

    /// <summary>404 and 403 as themselves; anything else a flash message on the owner's page (htmx follows HX-Redirect).</summary>
    private IActionResult Done(Outcome outcome, string done, string back)
    {
        var result = this.RedirectWithMessage(outcome, done, back);
        if (result is RedirectResult && Request.Headers.ContainsKey("HX-Request"))
        {
            // The owner's page is usually the page the form is on: going to its #anchor alone would not load it again, so
            // htmx is asked to reload it there too, and the flash message and the new list show.
            Response.Headers["HX-Redirect"] = back;
            Response.Headers["HX-Refresh"] = "true";
            return new EmptyResult();
        }

        return result;
    }

    private int? Number(string name) =>
        int.TryParse(Request.Query[name].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
