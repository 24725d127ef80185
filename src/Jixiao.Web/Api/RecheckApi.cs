using Jixiao.App.Rechecks;
using Jixiao.Data;
using Jixiao.Domain.Rechecks;
using Jixiao.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jixiao.Web.Api;

/// <summary>
/// /api/v1/rechecks: 复核批次 (docs/recheck.md, "Batches"). The same use cases and scope as the pages: a batch is its
/// owner's (an admin sees all), another's batch or evaluation id answers 404 like a missing one, a role that uploads no
/// batches (填报人, 专家) 403.
/// </summary>
public static class RecheckApi
{
    public static void MapJixiaoRecheckApi(this WebApplication app)
    {
        var limits = app.Services.GetRequiredService<RecheckUploadLimits>();
        var group = app.MapGroup("/api/v1/rechecks").RequireAuthorization().DisableAntiforgery().WithTags("自评复核");
        group.MapGet("/", ListAsync).WithSummary("我的复核批次（管理员：全部），新的在前，含进度");
        group.MapPost("/", UploadAsync)
            .WithSummary($"上传复核批次（multipart，任意字段名，可多个文件或 zip 压缩包；最多 {limits.MaxFiles} 个文件，合计不超过 {limits.MaxBatchBytes / 1024 / 1024} MB）：每个文件排队复核")
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxBatchBytes + (4L * 1024 * 1024)))
            .WithFormOptions(multipartBodyLengthLimit: limits.MaxBatchBytes + (4L * 1024 * 1024), valueCountLimit: limits.MaxFiles + 100);
        group.MapGet("/{id:int}", BatchAsync)
            .WithSummary("一个批次：进度、每个文件的状态和未复核原因、各份自评（自评总分、复核总分、等级变化、按检查项的发现）；sort、desc、q、check、changed 排序和筛选");
        group.MapGet("/{id:int}/progress", ProgressAsync).WithSummary("批次进度（排队、复核中、已复核、未能复核、重复）");
        group.MapGet("/{id:int}/evaluations/{evaluationId:int}", EvaluationAsync).WithSummary("一份自评的复核：每一行、总分、等级、发现、复核人的决定和修改记录");
        group.MapPut("/{id:int}/evaluations/{evaluationId:int}/lines/{line:int}", DecideAsync)
            .WithSummary("复核人接受（score 为 null）或调整（score，须带 reason）一行的复核得分，须带 version；总分和等级随之重算，记入审计日志");
        group.MapGet("/{id:int}/workbook.xlsx", WorkbookAsync).WithSummary("自评复核表 .xlsx（汇总表 + 每份自评一张表，含复核人的调整）");
        group.MapGet("/{id:int}/report.docx", ReportAsync).WithSummary("复核报告 .docx（范围、方法、按检查项的发现、等级变化的自评、未能复核的文件）");
    }

    private static async Task<Results<Ok<IReadOnlyList<RecheckBatchSummary>>, ProblemHttpResult>> ListAsync(JixiaoDbContext db, AccessService access,
        CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        return scope.MayRecheck
            ? TypedResults.Ok(await RecheckBatchList.RunAsync(db, scope, cancellationToken: ct))
            : ApiProblems.From(new Outcome.Forbidden("自评复核批次由主管部门/财政审核人或管理员上传和查看。"));
    }

    private static async Task<Results<Created<RecheckBatchSummary>, ProblemHttpResult>> UploadAsync(HttpRequest request, JixiaoDbContext db,
        AccessService access, RecheckUploadLimits limits, RecheckSignal signal, TimeProvider clock, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        if (!request.HasFormContentType)
        {
            return ApiProblems.From(new Outcome.Invalid("请以 multipart/form-data 上传文件。"));
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return ApiProblems.From(new Outcome.Invalid(
                $"上传的内容无法读取（过大或不是完整的 multipart/form-data）：一个复核批次最多 {limits.MaxFiles} 个文件、合计 {limits.MaxBatchBytes / 1024 / 1024} MB。"));
        }

        var files = form.Files.Select(f => new UploadedFile(f.FileName, f.Length, f.OpenReadStream)).ToList();
        var (outcome, id) = await CreateRecheckBatch.RunAsync(db, scope, files, limits, clock, signal, ct);
        if (outcome is not Outcome.Done)
        {
            return ApiProblems.From(outcome);
        }

        var (_, batch) = await RecheckBatchProgress.RunAsync(db, scope, id!.Value, ct);
        return TypedResults.Created($"/api/v1/rechecks/{id}", batch!);
    }

    private static async Task<Results<Ok<RecheckBatchView>, ProblemHttpResult>> BatchAsync(int id, string? sort, bool? desc, string? q, string? check,
        bool? changed, JixiaoDbContext db, AccessService access, CancellationToken ct)
    {
        var (outcome, view) = await RecheckBatchDetail.RunAsync(db, await access.GetAsync(ct), id,
            new RecheckRowFilter(sort, desc ?? false, q, check, changed ?? false), ct);
        return view is not null ? TypedResults.Ok(view) : ApiProblems.From(outcome);
    }

    private static async Task<Results<Ok<RecheckBatchSummary>, ProblemHttpResult>> ProgressAsync(int id, JixiaoDbContext db, AccessService access,
        CancellationToken ct)
    {
        var (outcome, batch) = await RecheckBatchProgress.RunAsync(db, await access.GetAsync(ct), id, ct);
        return batch is not null ? TypedResults.Ok(batch) : ApiProblems.From(outcome);
    }

    private static async Task<Results<Ok<RecheckEvaluationJson>, ProblemHttpResult>> EvaluationAsync(int id, int evaluationId, JixiaoDbContext db,
        AccessService access, CancellationToken ct)
    {
        var (outcome, view) = await RecheckEvaluationDetail.RunAsync(db, await access.GetAsync(ct), id, evaluationId, ct);
        return view is not null ? TypedResults.Ok(RecheckEvaluationJson.From(view)) : ApiProblems.From(outcome);
    }

    private static async Task<Results<Ok<RecheckEvaluationJson>, ProblemHttpResult>> DecideAsync(int id, int evaluationId, int line, RecheckLineInput body,
        JixiaoDbContext db, AccessService access, TimeProvider clock, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var outcome = await DecideRecheckLine.RunAsync(db, scope, id, evaluationId, line, body, clock, ct);
        if (outcome is not Outcome.Done)
        {
            return ApiProblems.From(outcome);
        }

        var (_, view) = await RecheckEvaluationDetail.RunAsync(db, scope, id, evaluationId, ct);
        return TypedResults.Ok(RecheckEvaluationJson.From(view!));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> WorkbookAsync(int id, JixiaoDbContext db, AccessService access,
        CancellationToken ct)
    {
        var (outcome, file) = await RecheckBatchFiles.WorkbookAsync(db, await access.GetAsync(ct), id, ct);
        return file is not null ? TypedResults.File(file.Content, file.ContentType, file.FileName) : ApiProblems.From(outcome);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ReportAsync(int id, JixiaoDbContext db, AccessService access,
        TimeProvider clock, CancellationToken ct)
    {
        var (outcome, file) = await RecheckBatchFiles.ReportAsync(db, await access.GetAsync(ct), id, clock, ct);
        return file is not null ? TypedResults.File(file.Content, file.ContentType, file.FileName) : ApiProblems.From(outcome);
    }
}

/// <summary>The decision on a line as the API shows it.</summary>
public sealed record RecheckDecisionJson(decimal? Score, bool Accepted, string? Reason, string DecidedBy, DateTimeOffset DecidedAt);

/// <summary>A line of a 复核 as the API shows it: the unit's values, the score by the rules (<see cref="RuleScore"/>) and after the reviewer's decision (<see cref="Score"/>).</summary>
public sealed record RecheckLineJson(int Line, string? Level1, string? Level2, string Name, decimal? Weight, string? Target, string? Actual,
    decimal? StatedScore, decimal? RuleScore, decimal? Score, decimal? Difference, bool Rechecked, string Reason, IReadOnlyList<string> MarkDowns,
    string? PartOf, RecheckDecisionJson? Decision);

public sealed record RecheckBudgetJson(string Label, decimal? Weight, string? StatedRate, decimal? RatePercent, decimal? StatedScore, decimal? Score,
    decimal? Difference, string Reason);

/// <summary>One rechecked evaluation as the API shows it (<see cref="RecheckEvaluationView"/> without the rule set's object).</summary>
public sealed record RecheckEvaluationJson(int Id, int BatchId, string File, string? FileNote, long Version, string? Project, string? Unit, int? Year,
    string Rules, RecheckBudgetJson? BudgetExecution, IReadOnlyList<RecheckLineJson> Lines, decimal? StatedTotal, decimal RuleTotal, decimal UncappedTotal,
    TotalCap? Cap, decimal Total, decimal? Difference, string? StatedGrade, string Grade, string GradeChange, bool CutShort,
    IReadOnlyList<RecheckFinding> Findings, IReadOnlyList<RecheckHistoryLine> History)
{
    public static RecheckEvaluationJson From(RecheckEvaluationView v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var r = v.Result;
        return new(v.Id, v.BatchId, v.FileName, v.FileNote, v.Version, r.Input.Project, r.Input.BudgetUnit, r.Input.Year, r.Rules.Name,
            r.Budget is { } b ? new RecheckBudgetJson(b.Line.Label, b.Line.Weight, b.Line.StatedRate, b.RatePercent is { } rate ? decimal.Round(rate, 4) : null,
                b.Line.StatedScore, b.Score, b.Difference, b.Reason) : null,
            [.. r.Lines.Select((l, i) => new RecheckLineJson(i, l.Line.Level1, l.Line.Level2, l.Line.Name, l.Line.Weight, l.Line.Target, l.Line.Actual,
                l.Line.StatedScore, v.Original.Lines[i].Score, l.Score, l.Difference, l.Rechecked, l.Reason, [.. l.MarkDowns.Select(m => m.Message)], l.PartOf,
                v.Decisions[i] is { } d ? new RecheckDecisionJson(d.Score, d.Accepted, d.Reason, d.DecidedBy, d.DecidedAt) : null))],
            r.StatedTotal, v.Original.Total, r.UncappedTotal, r.Cap, r.Total, r.Difference, r.StatedGrade, r.Grade, r.GradeChange, v.CutShort, v.Findings,
            v.History);
    }
}
