using Jixiao.App.Monitoring;
using Jixiao.Data;
using Jixiao.Domain.Monitoring;
using Jixiao.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jixiao.Web.Api;

/// <summary>
/// /api/v1/monitoring: 运行监控 rounds, the 监控表 of each project, the lights and the red list (docs/monitoring.md).
/// The same use cases and scope as the 运行监控 page; an id outside the user's scope answers 404 like a missing one.
/// </summary>
public static class MonitoringApi
{
    public static void MapJixiaoMonitoringApi(this WebApplication app)
    {
        var monitoring = app.MapGroup("/api/v1/monitoring").RequireAuthorization().DisableAntiforgery().WithTags("运行监控");
        monitoring.MapGet("/rounds", ListRoundsAsync).WithSummary("可见的监控轮次（含本范围内的项目数和已提交数）");
        monitoring.MapPost("/rounds", OpenRoundAsync)
            .WithSummary("发起监控：预算年度、月份范围（默认 1–7月）、类型、填报截止日期、单位（默认本人范围内的全部单位）；管理员或主管部门审核人");
        monitoring.MapGet("/rounds/{id:int}", GetRoundAsync).WithSummary("一轮监控及本范围内各项目的监控表状态");
        monitoring.MapPost("/rounds/{id:int}/close", CloseRoundAsync).WithSummary("结束一轮监控（发起人或管理员）：之后监控表不能再修改");
        monitoring.MapGet("/rounds/{id:int}/lights", LightsAsync).WithSummary("一轮监控的预警灯：各项目的预算执行灯、指标灯、预警和按单位汇总");
        monitoring.MapGet("/rounds/{id:int}/red", RedAsync).WithSummary("红灯项目清单（须纠偏）");
        monitoring.MapGet("/entries/{id:int}", GetEntryAsync).WithSummary("一个项目的监控表");
        monitoring.MapPut("/entries/{id:int}", FillEntryAsync)
            .WithSummary("填写监控表（本单位填报人；执行数以分为单位；须带 version；submit=true 提交）");
        monitoring.MapPost("/rounds/{id:int}/load", LoadTableAsync)
            .WithSummary("载入填好的监控表（multipart，字段 file；confirm=true 才写入，否则只预览匹配结果）；本单位填报人；全部匹配才载入，否则一项不载入");
        monitoring.MapPost("/rounds/{id:int}/payments", LoadPaymentsAsync)
            .WithMetadata(new RequestSizeLimitAttribute(LoadPaymentExport.MaxBytes + (1024 * 1024)))
            .WithFormOptions(multipartBodyLengthLimit: LoadPaymentExport.MaxBytes + (1024 * 1024))
            .WithSummary("载入预算系统的支付数据（CSV 或 Excel：项目编码、支付金额，可含支付日期；multipart 字段 file；confirm=true 才写入）：按项目编码汇总为 1–N月执行数；单位填报人、主管部门审核人或管理员");
        monitoring.MapGet("/entries/{id:int}/sheet.{format}", SheetFileAsync).WithSummary("一个项目的监控表（format 为 xlsx 或 docx，中央格式）");
        monitoring.MapGet("/rounds/{id:int}/units/{unitId:int}/summary.{format}", SummaryFileAsync)
            .WithSummary("一个单位本轮的监控汇总表（xlsx：汇总表和各项目监控表；docx）");
        monitoring.MapGet("/rounds/{id:int}/units/{unitId:int}/report.docx", ReportFileAsync)
            .WithSummary("一个单位本轮的监控报告（docx：预警、偏差原因、纠偏情况及项目表）");
        monitoring.MapPost("/rounds/{id:int}/corrections", RequestCorrectionsAsync)
            .WithSummary("下达纠偏：本轮尚未下达的红灯项目（审核范围内）各得一项纠偏，答复期限为地区规则的工作日数（默认 10 个）");
        monitoring.MapGet("/corrections", CorrectionsAsync).WithSummary("纠偏队列（roundId、status：awaiting、answered、overdue、paused），逾期未答复的在前");
        monitoring.MapGet("/corrections/{id:int}", CorrectionAsync).WithSummary("一项纠偏");
        monitoring.MapPost("/corrections/{id:int}/answer", AnswerCorrectionAsync)
            .WithSummary("答复纠偏（项目单位填报人）：decision 为 continue、adjust（须带 adjustFen，分）或 cancel，reason 必填，须带 version");
        monitoring.MapPost("/corrections/{id:int}/funds", PauseFundsAsync)
            .WithSummary("标记暂停拨付（pause=true）或恢复拨付（pause=false），reason 必填，须带 version；财政或主管部门审核人");
    }

    private static async Task<Results<Ok<MonitoringTableLoad>, ProblemHttpResult>> LoadTableAsync(int id, IFormFile file, [FromForm] bool? confirm,
        JixiaoDbContext db, AccessService access, MonitoringRules rules, TimeProvider clock, CancellationToken ct)
    {
        if (file.Length > LoadMonitoringTable.MaxBytes)
        {
            return ApiProblems.From(new Outcome.Invalid($"文件超过 {LoadMonitoringTable.MaxBytes / (1024 * 1024)} MB，监控表不应这么大。"));
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var (outcome, load) = await LoadMonitoringTable.RunAsync(db, await access.GetAsync(ct), rules, id, buffer.ToArray(), file.FileName, confirm == true, clock, ct);
        return outcome is Outcome.Done ? TypedResults.Ok(load!) : ApiProblems.From(outcome);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> SheetFileAsync(int id, string format, JixiaoDbContext db, AccessService access,
        MonitoringRules rules, TimeProvider clock, CancellationToken ct) =>
        await MonitoringSheetFile.RunAsync(db, await access.GetAsync(ct), rules, id, format, clock, ct) is { } file
            ? TypedResults.File(file.Content, file.ContentType, file.FileName)
            : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> SummaryFileAsync(int id, int unitId, string format, JixiaoDbContext db,
        AccessService access, MonitoringRules rules, TimeProvider clock, CancellationToken ct) =>
        format is not ("xlsx" or "docx") ? TypedResults.NotFound()
        : await MonitoringUnitFile.RunAsync(db, await access.GetAsync(ct), rules, id, unitId,
            format == "xlsx" ? MonitoringUnitDocument.SummaryXlsx : MonitoringUnitDocument.SummaryDocx, clock, ct) is { } file
            ? TypedResults.File(file.Content, file.ContentType, file.FileName)
            : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> ReportFileAsync(int id, int unitId, JixiaoDbContext db, AccessService access,
        MonitoringRules rules, TimeProvider clock, CancellationToken ct) =>
        await MonitoringUnitFile.RunAsync(db, await access.GetAsync(ct), rules, id, unitId, MonitoringUnitDocument.ReportDocx, clock, ct) is { } file
            ? TypedResults.File(file.Content, file.ContentType, file.FileName)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<PaymentExportLoad>, ProblemHttpResult>> LoadPaymentsAsync(int id, IFormFile file, [FromForm] bool? confirm,
        JixiaoDbContext db, AccessService access, TimeProvider clock, CancellationToken ct)
    {
        if (file.Length > LoadPaymentExport.MaxBytes)
        {
            return ApiProblems.From(new Outcome.Invalid($"文件超过 {LoadPaymentExport.MaxBytes / (1024 * 1024)} MB。"));
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var (outcome, load) = await LoadPaymentExport.RunAsync(db, await access.GetAsync(ct), id, buffer.ToArray(), file.FileName, confirm == true, clock, ct);
        return outcome is Outcome.Done ? TypedResults.Ok(load!) : ApiProblems.From(outcome);
    }

    /// <summary>What a 下达纠偏 made, and the round's requests in scope.</summary>
    public sealed record CorrectionsMade(int Created, IReadOnlyList<CorrectionRow> Corrections);

    private static async Task<Results<Ok<CorrectionsMade>, ProblemHttpResult>> RequestCorrectionsAsync(int id, JixiaoDbContext db, AccessService access,
        MonitoringRules rules, TimeProvider clock, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var (outcome, created) = await RequestCorrections.RunAsync(db, scope, rules, id, clock, ct);
        return outcome is Outcome.Done
            ? TypedResults.Ok(new CorrectionsMade(created, await CorrectionQueue.RunAsync(db, scope, new CorrectionFilter(id), clock, ct)))
            : ApiProblems.From(outcome);
    }

    private static async Task<Ok<IReadOnlyList<CorrectionRow>>> CorrectionsAsync(int? roundId, string? status, JixiaoDbContext db, AccessService access,
        TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await CorrectionQueue.RunAsync(db, await access.GetAsync(ct), new CorrectionFilter(roundId, status), clock, ct));

    private static async Task<Results<Ok<CorrectionRow>, ProblemHttpResult>> CorrectionAsync(int id, JixiaoDbContext db, AccessService access,
        TimeProvider clock, CancellationToken ct) =>
        await CorrectionQueue.OneAsync(db, await access.GetAsync(ct), id, clock, ct) is { } row ? TypedResults.Ok(row) : ApiProblems.NotFound($"纠偏事项 {id}");

    private static async Task<Results<Ok<CorrectionRow>, ProblemHttpResult>> AnswerCorrectionAsync(int id, CorrectionAnswer body, JixiaoDbContext db,
        AccessService access, TimeProvider clock, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var outcome = await AnswerCorrection.RunAsync(db, scope, id, body, clock, ct);
        return outcome is Outcome.Done ? TypedResults.Ok((await CorrectionQueue.OneAsync(db, scope, id, clock, ct))!) : ApiProblems.From(outcome);
    }

    private static async Task<Results<Ok<CorrectionRow>, ProblemHttpResult>> PauseFundsAsync(int id, FundsPauseRequest body, JixiaoDbContext db,
        AccessService access, TimeProvider clock, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var outcome = await PauseCorrectionFunds.RunAsync(db, scope, id, body, clock, ct);
        return outcome is Outcome.Done ? TypedResults.Ok((await CorrectionQueue.OneAsync(db, scope, id, clock, ct))!) : ApiProblems.From(outcome);
    }

    private static async Task<Ok<List<RoundSummary>>> ListRoundsAsync(JixiaoDbContext db, AccessService access, CancellationToken ct) =>
        TypedResults.Ok(await MonitoringRounds.ListAsync(db, await access.GetAsync(ct), ct));

    private static async Task<Results<Created<RoundDetail>, ProblemHttpResult>> OpenRoundAsync(OpenRoundRequest body, JixiaoDbContext db,
        AccessService access, TimeProvider clock, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var (outcome, id) = await OpenRound.RunAsync(db, scope, body, clock, ct);
        if (outcome is not Outcome.Done)
        {
            return ApiProblems.From(outcome);
        }

        return TypedResults.Created($"/api/v1/monitoring/rounds/{id}", (await MonitoringRounds.GetAsync(db, scope, id!.Value, ct))!);
    }

    private static async Task<Results<Ok<RoundDetail>, ProblemHttpResult>> GetRoundAsync(int id, JixiaoDbContext db, AccessService access,
        CancellationToken ct) =>
        await MonitoringRounds.GetAsync(db, await access.GetAsync(ct), id, ct) is { } round ? TypedResults.Ok(round) : ApiProblems.NotFound($"监控轮次 {id}");

    private static async Task<Results<Ok<RoundDetail>, ProblemHttpResult>> CloseRoundAsync(int id, JixiaoDbContext db, AccessService access,
        TimeProvider clock, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var outcome = await CloseRound.RunAsync(db, scope, id, clock, ct);
        return outcome is Outcome.Done ? TypedResults.Ok((await MonitoringRounds.GetAsync(db, scope, id, ct))!) : ApiProblems.From(outcome);
    }

    private static async Task<Results<Ok<RoundLightsView>, ProblemHttpResult>> LightsAsync(int id, JixiaoDbContext db, AccessService access,
        MonitoringRules rules, CancellationToken ct) =>
        await RoundLights.RunAsync(db, await access.GetAsync(ct), rules, id, ct) is { } lights ? TypedResults.Ok(lights) : ApiProblems.NotFound($"监控轮次 {id}");

    private static async Task<Results<Ok<RedListView>, ProblemHttpResult>> RedAsync(int id, JixiaoDbContext db, AccessService access,
        MonitoringRules rules, CancellationToken ct) =>
        await RedProjects.RunAsync(db, await access.GetAsync(ct), rules, id, ct) is { } red ? TypedResults.Ok(red) : ApiProblems.NotFound($"监控轮次 {id}");

    private static async Task<Results<Ok<MonitoringEntryView>, ProblemHttpResult>> GetEntryAsync(int id, JixiaoDbContext db, AccessService access,
        MonitoringRules rules, CancellationToken ct) =>
        await EntryDetail.GetAsync(db, await access.GetAsync(ct), rules, id, ct) is { } entry ? TypedResults.Ok(entry) : ApiProblems.NotFound($"监控表 {id}");

    private static async Task<Results<Ok<MonitoringEntryView>, ProblemHttpResult>> FillEntryAsync(int id, FillEntryRequest body, JixiaoDbContext db,
        AccessService access, MonitoringRules rules, TimeProvider clock, CancellationToken ct)
    {
        var (outcome, entry) = await FillEntry.RunAsync(db, await access.GetAsync(ct), rules, id, body, clock, ct);
        return outcome is Outcome.Done ? TypedResults.Ok(entry!) : ApiProblems.From(outcome);
    }
}
