using Jixiao.App.Evidence;
using Jixiao.Data;
using Jixiao.Domain.Evidence;
using Jixiao.Web.Auth;
using Jixiao.Web.Evidence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jixiao.Web.Api;

/// <summary>
/// 佐证材料 (docs/evidence.md): listed and uploaded under their owner (an evaluation line, a 纠偏 request, a 整改 task),
/// downloaded, replaced and deleted by id under /api/v1/evidence. The same use cases and scope as the pages: a file or
/// owner outside the user's scope answers 404 like a missing one; a role that may not change it 403; an owner that no
/// longer changes (a locked evaluation, an answered 纠偏, submitted or accepted measures) 409.
/// </summary>
public static class EvidenceApi
{
    public static void MapJixiaoEvidenceApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization().DisableAntiforgery().WithTags("佐证材料");
        api.MapGet("/evaluations/{id:int}/evidence", EvaluationAsync).WithSummary("评价各行的佐证材料，以及已评分而无佐证的行");
        api.MapPost("/evaluations/{id:int}/lines/{line:int}/evidence", (int id, int line, HttpRequest request, JixiaoDbContext db, AccessService access,
                EvidenceStore store, TimeProvider clock, CancellationToken ct) =>
                UploadAsync(request, db, access, store, clock, form => EvidenceSubjects.Parse(EvidenceUploads.Text(form, "subject")) is { } subject
                    ? new EvidenceOwner.EvaluationLine(id, line, subject)
                    : EvidenceUploads.Text(form, "subject") is null ? new EvidenceOwner.EvaluationLine(id, line) : null, ct))
            .WithSummary("上传评价一行的佐证材料（multipart：file；可选 subject = actual 实际完成值 或 deduction 扣分依据，note 说明）");
        api.MapGet("/monitoring/corrections/{id:int}/evidence", (int id, JixiaoDbContext db, AccessService access, EvidenceLimits limits, CancellationToken ct) =>
            PanelAsync(db, access, limits, new EvidenceOwner.Correction(id), ct)).WithSummary("纠偏答复的佐证材料");
        api.MapPost("/monitoring/corrections/{id:int}/evidence", (int id, HttpRequest request, JixiaoDbContext db, AccessService access, EvidenceStore store,
                TimeProvider clock, CancellationToken ct) => UploadAsync(request, db, access, store, clock, _ => new EvidenceOwner.Correction(id), ct))
            .WithSummary("上传纠偏答复的佐证材料（项目单位填报人，答复前；multipart：file，可选 note）");
        api.MapGet("/rectification/{id:int}/evidence", (int id, JixiaoDbContext db, AccessService access, EvidenceLimits limits, CancellationToken ct) =>
            PanelAsync(db, access, limits, new EvidenceOwner.Rectification(id), ct)).WithSummary("整改任务的佐证材料");
        api.MapPost("/rectification/{id:int}/evidence", (int id, HttpRequest request, JixiaoDbContext db, AccessService access, EvidenceStore store,
                TimeProvider clock, CancellationToken ct) => UploadAsync(request, db, access, store, clock, _ => new EvidenceOwner.Rectification(id), ct))
            .WithSummary("上传整改任务的佐证材料（责任单位填报人，提交整改措施前；multipart：file，可选 note）");
        api.MapGet("/evidence/{id:int}", OneAsync).WithSummary("一份佐证材料的编号、文件名、类型、大小、SHA-256 和上传人");
        api.MapGet("/evidence/{id:int}/file", DownloadAsync).WithSummary("下载佐证材料（以附件下载，类型按内容识别）");
        api.MapPut("/evidence/{id:int}/file", ReplaceAsync).WithSummary("替换佐证材料的文件，编号不变（multipart：file、reason、version）");
        api.MapDelete("/evidence/{id:int}", DeleteAsync).WithSummary("删除佐证材料（reason、version）；编号不再使用");
    }

    private static async Task<Results<Ok<EvaluationEvidenceView>, ProblemHttpResult>> EvaluationAsync(int id, JixiaoDbContext db, AccessService access,
        EvidenceLimits limits, CancellationToken ct)
    {
        var (outcome, view) = await EvaluationEvidence.RunAsync(db, await access.GetAsync(ct), limits, id, ct);
        return view is null ? ApiProblems.From(outcome) : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<EvidencePanel>, ProblemHttpResult>> PanelAsync(JixiaoDbContext db, AccessService access, EvidenceLimits limits,
        EvidenceOwner owner, CancellationToken ct)
    {
        var (outcome, panel) = await EvidenceList.ForOwnerAsync(db, await access.GetAsync(ct), limits, owner, ct);
        return panel is null ? ApiProblems.From(outcome) : TypedResults.Ok(panel);
    }

    private static async Task<Results<Created<EvidenceRow>, ProblemHttpResult>> UploadAsync(HttpRequest request, JixiaoDbContext db, AccessService access,
        EvidenceStore store, TimeProvider clock, Func<IFormCollection, EvidenceOwner?> owner, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var (refused, file, form) = await EvidenceUploads.ReadAsync(request, store.Limits, ct);
        if (refused is not null)
        {
            return ApiProblems.From(refused);
        }

        if (owner(form!) is not { } target)
        {
            return ApiProblems.From(new Outcome.Invalid("subject 应为 actual（实际完成值）或 deduction（扣分依据）。"));
        }

        await using var content = file!.OpenReadStream();
        var (outcome, row) = await UploadEvidence.RunAsync(db, scope, store, target,
            new EvidenceUpload(content, file.FileName, EvidenceUploads.Text(form!, "note")), clock, ct);
        return row is null ? ApiProblems.From(outcome) : TypedResults.Created($"/api/v1/evidence/{row.Id}", row);
    }

    private static async Task<Results<Ok<EvidenceRow>, ProblemHttpResult>> OneAsync(int id, JixiaoDbContext db, AccessService access, CancellationToken ct) =>
        await EvidenceList.OneAsync(db, await access.GetAsync(ct), id, ct) is { File.DeletedAt: null } one
            ? TypedResults.Ok(one.Row)
            : ApiProblems.NotFound($"佐证材料 {id}");

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(int id, HttpContext context, JixiaoDbContext db,
        AccessService access, EvidenceStore store, CancellationToken ct)
    {
        var (outcome, file) = await DownloadEvidence.RunAsync(db, await access.GetAsync(ct), store, id, ct);
        if (file is null)
        {
            return ApiProblems.From(outcome);
        }

        // Never shown in the browser: an attachment of the sniffed type, not to be sniffed again, not kept by shared caches.
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "private, no-store";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<Results<Ok<EvidenceRow>, ProblemHttpResult>> ReplaceAsync(int id, HttpRequest request, JixiaoDbContext db, AccessService access,
        EvidenceStore store, TimeProvider clock, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var (refused, file, form) = await EvidenceUploads.ReadAsync(request, store.Limits, ct);
        if (refused is not null)
        {
            return ApiProblems.From(refused);
        }

        if (EvidenceUploads.Version(form!) is not { } version)
        {
            return ApiProblems.From(new Outcome.Invalid("请带上读取时的 version。"));
        }

        await using var content = file!.OpenReadStream();
        var (outcome, row) = await ReplaceEvidence.RunAsync(db, scope, store, id, version, new EvidenceUpload(content, file.FileName, null),
            EvidenceUploads.Text(form!, "reason"), clock, ct);
        return row is null ? ApiProblems.From(outcome) : TypedResults.Ok(row);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(int id, [Microsoft.AspNetCore.Mvc.FromBody] EvidenceDeletion body, JixiaoDbContext db, AccessService access,
        EvidenceStore store, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await DeleteEvidence.RunAsync(db, await access.GetAsync(ct), store, id, body, clock, ct);
        return outcome is Outcome.Done ? TypedResults.NoContent() : ApiProblems.From(outcome);
    }
}
