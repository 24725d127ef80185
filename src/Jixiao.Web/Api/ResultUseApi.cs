using Jixiao.App.ResultUse;
using Jixiao.Data;
using Jixiao.Domain.ResultUse;
using Jixiao.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Api;

/// <summary>
/// /api/v1/result-use: 结果应用 of a year (docs/result-use.md). The same use cases and scope as everywhere: a project
/// outside the user's scope answers 404 like a missing one; a role that may not decide answers 403.
/// </summary>
public static class ResultUseApi
{
    public static void MapJixiaoResultUseApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/result-use").RequireAuthorization().DisableAntiforgery().WithTags("结果应用");
        group.MapGet("/{year:int}", YearAsync).WithSummary("一个预算年度已锁定评价的项目：等级、本年预算、下年申请、建议、提示、决定（金额以分为单位）");
        group.MapGet("/{year:int}/workbook.xlsx", WorkbookAsync).WithSummary("结果应用情况表 .xlsx");
        group.MapGet("/{year:int}/report.docx", ReportAsync).WithSummary("结果应用情况 .docx：范围、按决定分类的项目表、引用的规则");
        group.MapPut("/projects/{id:int}/request", RequestAsync)
            .WithSummary("填写下年申请（requestFen，null 则按下年目标表）与是否一次性项目（主管部门/财政审核人、管理员；须带 reason 和 version）");
        group.MapPut("/projects/{id:int}/decision", DecisionAsync)
            .WithSummary("财政决定：action（prioritize、controlGrowth、cut、cancel、noSimilarNew、normal）、amountFen、reason、version");
    }

    private static async Task<Ok<ResultUseView>> YearAsync(int year, JixiaoDbContext db, AccessService access, ResultUseRules rules, CancellationToken ct) =>
        TypedResults.Ok(await ResultUseYear.RunAsync(db, await access.GetAsync(ct), rules, year, ct));

    private static async Task<FileContentHttpResult> WorkbookAsync(int year, JixiaoDbContext db, AccessService access, ResultUseRules rules,
        CancellationToken ct)
    {
        var file = await ResultUseWorkbook.RunAsync(db, await access.GetAsync(ct), rules, year, ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<FileContentHttpResult> ReportAsync(int year, JixiaoDbContext db, AccessService access, ResultUseRules rules,
        CancellationToken ct)
    {
        var file = await ResultUseReportFile.RunAsync(db, await access.GetAsync(ct), rules, year, ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<Results<Ok<ResultUseRow>, ProblemHttpResult>> RequestAsync(int id, ResultUseRequestChange body, JixiaoDbContext db,
        AccessService access, ResultUseRules rules, TimeProvider clock, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var outcome = await ChangeResultUse.SetRequestAsync(db, scope, id, body, clock, ct);
        return outcome is Outcome.Done ? TypedResults.Ok(await RowAsync(db, scope, rules, id, ct)) : ApiProblems.From(outcome);
    }

    private static async Task<Results<Ok<ResultUseRow>, ProblemHttpResult>> DecisionAsync(int id, ResultUseDecision body, JixiaoDbContext db,
        AccessService access, ResultUseRules rules, TimeProvider clock, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var outcome = await ChangeResultUse.DecideAsync(db, scope, id, body, clock, ct);
        return outcome is Outcome.Done ? TypedResults.Ok(await RowAsync(db, scope, rules, id, ct)) : ApiProblems.From(outcome);
    }

    private static async Task<ResultUseRow> RowAsync(JixiaoDbContext db, AccessScope scope, ResultUseRules rules, int projectId, CancellationToken ct)
    {
        var year = await db.Projects.Where(p => p.Id == projectId).Select(p => p.FiscalYear).SingleAsync(ct) ?? 0;
        return (await ResultUseYear.RunAsync(db, scope, rules, year, ct)).Rows.Single(r => r.ProjectId == projectId);
    }
}
