using Jixiao.App.Rectification;
using Jixiao.Data;
using Jixiao.Domain.Rectification;
using Jixiao.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jixiao.Web.Api;

/// <summary>
/// /api/v1/rectification: 整改 tasks (docs/rectification.md). The same use cases and scope as the page: a task outside
/// the user's scope answers 404 like a missing one; a role that may not take the step answers 403.
/// </summary>
public static class RectificationApi
{
    public static void MapJixiaoRectificationApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/rectification").RequireAuthorization().DisableAntiforgery().WithTags("整改");
        group.MapGet("/", ListAsync).WithSummary("范围内的整改任务，逾期的在前；可按 projectId、status（pending、submitted、accepted、overdue）筛选");
        group.MapGet("/ledger.xlsx", LedgerAsync).WithSummary("整改台账 .xlsx（同样的筛选）");
        group.MapGet("/{id:int}", OneAsync).WithSummary("一项整改任务");
        group.MapPost("/", CreateAsync)
            .WithSummary("由问题下达整改任务（主管部门/财政审核人、管理员）：projectId、source、findingCode、findingMessage、findingWhere、unitId、foundOn、deadline、reason");
        group.MapPut("/{id:int}/measures", SubmitAsync).WithSummary("责任单位提交整改措施（measures、version）：待整改 → 整改中");
        group.MapPut("/{id:int}/verification", VerifyAsync)
            .WithSummary("审核人验收（accept true：已整改）或退回（accept false：待整改），须带 reason 和 version");
    }

    private static async Task<Ok<IReadOnlyList<RectificationTaskRow>>> ListAsync(int? projectId, string? status, JixiaoDbContext db, AccessService access,
        RectificationRules rules, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await RectificationTaskList.RunAsync(db, await access.GetAsync(ct), rules, new RectificationFilter(projectId, status), clock, ct));

    private static async Task<FileContentHttpResult> LedgerAsync(int? projectId, string? status, JixiaoDbContext db, AccessService access,
        RectificationRules rules, TimeProvider clock, CancellationToken ct)
    {
        var file = await RectificationLedger.RunAsync(db, await access.GetAsync(ct), rules, new RectificationFilter(projectId, status), clock, ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<Results<Ok<RectificationTaskRow>, ProblemHttpResult>> OneAsync(int id, JixiaoDbContext db, AccessService access,
        RectificationRules rules, TimeProvider clock, CancellationToken ct) =>
        await RectificationTaskList.OneAsync(db, await access.GetAsync(ct), rules, id, clock, ct) is { } row
            ? TypedResults.Ok(row)
            : ApiProblems.NotFound($"整改任务 {id}");

    private static async Task<Results<Created<RectificationTaskRow>, ProblemHttpResult>> CreateAsync(NewRectificationTask body, JixiaoDbContext db,
        AccessService access, RectificationRules rules, TimeProvider clock, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var (outcome, id) = await CreateRectificationTask.RunAsync(db, scope, rules, body, clock, ct);
        return outcome is Outcome.Done
            ? TypedResults.Created($"/api/v1/rectification/{id}", (await RectificationTaskList.OneAsync(db, scope, rules, id!.Value, clock, ct))!)
            : ApiProblems.From(outcome);
    }

    private static async Task<Results<Ok<RectificationTaskRow>, ProblemHttpResult>> SubmitAsync(int id, RectificationMeasures body, JixiaoDbContext db,
        AccessService access, RectificationRules rules, TimeProvider clock, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var outcome = await SubmitRectificationMeasures.RunAsync(db, scope, id, body, clock, ct);
        return outcome is Outcome.Done ? TypedResults.Ok((await RectificationTaskList.OneAsync(db, scope, rules, id, clock, ct))!) : ApiProblems.From(outcome);
    }

    private static async Task<Results<Ok<RectificationTaskRow>, ProblemHttpResult>> VerifyAsync(int id, RectificationVerdict body, JixiaoDbContext db,
        AccessService access, RectificationRules rules, TimeProvider clock, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var outcome = await VerifyRectificationTask.RunAsync(db, scope, id, body, clock, ct);
        return outcome is Outcome.Done ? TypedResults.Ok((await RectificationTaskList.OneAsync(db, scope, rules, id, clock, ct))!) : ApiProblems.From(outcome);
    }
}
