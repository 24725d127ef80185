using System.Security.Claims;
using Jixiao.App.Downloads;
using Jixiao.App.Evaluations;
using Jixiao.App.Projects;
using Jixiao.App.Reviews;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Targets;
using Jixiao.Web.Auth;
using Jixiao.Web.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Api;

/// <summary>/api/v1: the same use cases and the same authorization as the pages.</summary>
public static class JixiaoApi
{
    public static void MapJixiaoApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization().DisableAntiforgery().AddEndpointFilter(ApiProblems.RetryAfterFilter);

        var auth = app.MapGroup("/api/v1/auth").WithTags("登录");
        auth.MapPost("/login", LoginAsync).AllowAnonymous().DisableAntiforgery().WithSummary("用户名密码登录，成功后设置 Cookie");
        auth.MapPost("/logout", LogoutAsync).RequireAuthorization().DisableAntiforgery().WithSummary("退出登录");
        auth.MapGet("/me", MeAsync).RequireAuthorization().WithSummary("当前用户、角色和可见单位");

        var units = api.MapGroup("/units").WithTags("单位");
        units.MapGet("/", ListUnitsAsync).WithSummary("可见的单位及其项目数、预算总额（分）");
        units.MapGet("/{id:int}", GetUnitAsync).WithSummary("一个单位");

        var projects = api.MapGroup("/projects").WithTags("项目");
        projects.MapGet("/", ListProjectsAsync).WithSummary("项目列表：搜索、筛选、排序、分页");
        projects.MapGet("/{id:int}", GetProjectAsync).WithSummary("项目详情，含绩效目标和指标");
        projects.MapPut("/{id:int}/fields", EditFieldsAsync)
            .WithSummary("修改项目编码、年度目标、实施期目标、政策依据、测算依据、本年金额和项目总金额（整体替换：未给的字段清空；金额以分为单位；须带 version；单位填报人，草稿或退回时）");
        projects.MapGet("/{id:int}/indicators", ListIndicatorsAsync).WithSummary("项目的绩效指标");
        projects.MapGet("/{id:int}/history", HistoryAsync).WithSummary("项目的修改和审核记录（审计日志）");
        projects.MapGet("/{id:int}/findings", FindingsAsync).WithSummary("系统预审意见：质量得分、结论（优/良/中/差）、各指标的问题和修改建议");

        var indicators = api.MapGroup("/indicators").WithTags("指标");
        indicators.MapGet("/{id:int}", GetIndicatorAsync).WithSummary("一个指标");
        indicators.MapPut("/{id:int}/targets", EditTargetsAsync).WithSummary("修改实施周期/年度指标值和指标解释（explanation：不给则不变，空串清空；需带上读取时的 version）");

        var reviews = api.MapGroup("/projects/{id:int}/review").WithTags("目标审核");
        reviews.MapPost("/submit", (int id, ReviewStepRequest body, JixiaoDbContext db, AccessService access, CancellationToken ct) =>
            StepAsync(id, body, db, access, ReviewWorkflow.SubmitAsync, ct)).WithSummary("提交审核（单位填报人）");
        reviews.MapPost("/return", (int id, ReviewStepRequest body, JixiaoDbContext db, AccessService access, CancellationToken ct) =>
            StepAsync(id, body, db, access, ReviewWorkflow.ReturnAsync, ct)).WithSummary("退回（审核人，须填写意见）");
        reviews.MapPost("/approve", (int id, ReviewStepRequest body, JixiaoDbContext db, AccessService access, CancellationToken ct) =>
            StepAsync(id, body, db, access, ReviewWorkflow.ApproveAsync, ct)).WithSummary("审核通过（审核人）");

        var imports = api.MapGroup("/imports").WithTags("导入");
        imports.MapPost("/", UploadAsync).DisableAntiforgery().WithSummary("上传目标表文件（multipart，字段名 file；可选 fiscalYear：文件未写明预算年度时使用），返回预览和诊断；尚未导入");
        imports.MapGet("/{id:int}", GetImportAsync).WithSummary("导入预览：项目数、诊断、能否确认");
        imports.MapPost("/{id:int}/undo", UndoImportAsync).WithSummary("撤销导入：删除该文件导入的全部项目（上传人或管理员，须写明原因，记入审计日志）");
        imports.MapPost("/{id:int}/confirm", ConfirmImportAsync).WithSummary("确认导入：整份文件全部导入，或什么都不写（分批写入，全部写完前他人看不到）");

        var evaluations = api.MapGroup("/evaluations").WithTags("绩效评价");
        evaluations.MapGet("/", ListEvaluationsAsync).WithSummary("可见的评价（含指派给我的）");
        evaluations.MapGet("/{id:int}", GetEvaluationAsync).WithSummary("评价表：各行得分及说明、总分、等级、检查发现");
        evaluations.MapPut("/{id:int}/lines/{line:int}", EditLineAsync).WithSummary("填写一行的实际完成值/定性结论/人工得分/原因（需带 version）");
        evaluations.MapPost("/{id:int}/lock", LockEvaluationAsync).WithSummary("提交并锁定评价");
        evaluations.MapGet("/{id:int}/recheck", RecheckAsync)
            .WithSummary("单位自评的自评复核：按地区复核规则重算各行得分、总分和等级；各行的佐证材料数已知，地区规则“无佐证 → 0”在此适用");
        evaluations.MapGet("/{id:int}/report-texts", GetReportTextsAsync).WithSummary("评价报告中由评价人撰写的文字（项目背景、工作过程、问题、建议等，格式见 docs/reports.md）");
        evaluations.MapPut("/{id:int}/report-texts", PutReportTextsAsync).WithSummary("保存评价报告文字（整体替换，需带 version；锁定后不能修改）");
        projects.MapPost("/{id:int}/evaluations", CreateEvaluationAsync).WithTags("绩效评价")
            .WithSummary("发起评价：kind = self（按绩效目标的单位自评）或 department（框架模板的部门评价，可指派专家）");

        var downloads = api.MapGroup("").WithTags("下载");
        downloads.MapGet("/reviews/workbook", (int? unitId, int? projectId, JixiaoDbContext db, AccessService access, WorkbookGate gate, CancellationToken ct) =>
            DownloadAsync(access, scope => Jixiao.App.Downloads.Downloads.ReviewWorkbookAsync(db, scope, unitId, projectId, gate, ct), ct))
            .WithSummary("审核意见表（.xlsx）：一个项目（projectId）、一个单位（unitId）或可见范围内的全部项目（单位或全部：每份最多 10,000 个项目，每人同时 1 份、10 分钟内 10 份，超出时 429）");
        downloads.MapGet("/projects/{id:int}/review/workbook", (int id, JixiaoDbContext db, AccessService access, CancellationToken ct) =>
            DownloadAsync(access, scope => Jixiao.App.Downloads.Downloads.ReviewWorkbookAsync(db, scope, null, id, ct), ct))
            .WithSummary("一个项目的审核意见表（.xlsx）");
        downloads.MapGet("/units/{id:int}/review/workbook", (int id, JixiaoDbContext db, AccessService access, WorkbookGate gate, CancellationToken ct) =>
            DownloadAsync(access, scope => Jixiao.App.Downloads.Downloads.ReviewWorkbookAsync(db, scope, id, null, gate, ct), ct))
            .WithSummary("一个单位的审核意见表（.xlsx；限制同上）");
        downloads.MapGet("/units/{id:int}/target-table.xlsx", (int id, JixiaoDbContext db, AccessService access, CancellationToken ct) =>
            DownloadAsync(access, scope => Jixiao.App.Downloads.Downloads.TargetTableAsync(db, scope, id, word: false, ct), ct))
            .WithSummary("单位的项目支出绩效目标表（.xlsx）");
        downloads.MapGet("/units/{id:int}/target-table.docx", (int id, JixiaoDbContext db, AccessService access, CancellationToken ct) =>
            DownloadAsync(access, scope => Jixiao.App.Downloads.Downloads.TargetTableAsync(db, scope, id, word: true, ct), ct))
            .WithSummary("单位的项目支出绩效目标表（.docx）");
        downloads.MapGet("/evaluations/{id:int}/sheet.xlsx", (int id, JixiaoDbContext db, AccessService access, CancellationToken ct) =>
            DownloadAsync(access, scope => Jixiao.App.Downloads.Downloads.EvaluationSheetAsync(db, scope, id, ct), ct))
            .WithSummary("评价表（.xlsx）");
        downloads.MapGet("/evaluations/{id:int}/report.docx", (int id, JixiaoDbContext db, AccessService access, CancellationToken ct) =>
            DownloadAsync(access, scope => Jixiao.App.Downloads.Downloads.ReportAsync(db, scope, id, pdf: false, null, ct), ct))
            .WithSummary("绩效评价报告（.docx）；评价须已有总分");
        downloads.MapGet("/evaluations/{id:int}/report.pdf", (int id, JixiaoDbContext db, AccessService access, CancellationToken ct) =>
            DownloadAsync(access, scope => Jixiao.App.Downloads.Downloads.ReportAsync(db, scope, id, pdf: true, null, ct), ct))
            .WithSummary("绩效评价报告（.pdf，服务器需安装 Chromium，否则 503）；评价须已有总分");

        api.MapPost("/targets/parse", (ParseTargetRequest body) => TypedResults.Ok(TargetJson.From(TargetParser.Parse(body.Text ?? ""))))
            .WithTags("指标").WithSummary("解析一个指标值文本，返回比较符、数值、单位和方向");
    }

    private static async Task<Results<Ok<RecheckDto>, ProblemHttpResult>> RecheckAsync(int id, JixiaoDbContext db, AccessService access,
        IReadOnlyList<Domain.Rechecks.RecheckRuleSet> rules, CancellationToken ct)
    {
        var (outcome, result) = await App.Rechecks.RecheckStoredEvaluation.RunAsync(db, await access.GetAsync(ct), rules, id, ct);
        return result is null ? ApiProblems.From(outcome) : TypedResults.Ok(RecheckDto.From(id, result));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(AccessService access,
        Func<AccessScope, Task<(Outcome Outcome, Jixiao.App.Downloads.FileDownload? File)>> make, CancellationToken ct)
    {
        var (outcome, file) = await make(await access.GetAsync(ct));
        return outcome is Outcome.Done
            ? TypedResults.File(file!.Content, file.ContentType, file.FileName)
            : ApiProblems.From(outcome);
    }

    private static async Task<Results<Ok<ImportDto>, ProblemHttpResult>> UploadAsync(IFormFile file, [FromForm] string? fiscalYear, JixiaoDbContext db,
        AccessService access, ImportReader reader, TimeProvider clock, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        await using var stream = file.OpenReadStream();
        var (outcome, batch) = await ImportFiles.UploadAsync(db, scope, reader, stream, file.FileName, file.Length, clock, ct, fiscalYear);
        return outcome is Outcome.Done ? await PreviewAsync(db, scope, reader, batch!.Id, ct) : ApiProblems.From(outcome);
    }

    private static async Task<Results<Ok<ImportDto>, ProblemHttpResult>> GetImportAsync(int id, JixiaoDbContext db, AccessService access, ImportReader reader,
        CancellationToken ct) =>
        await PreviewAsync(db, await access.GetAsync(ct), reader, id, ct);

    private static async Task<Results<Ok<ImportDto>, ProblemHttpResult>> PreviewAsync(JixiaoDbContext db, AccessScope scope, ImportReader reader, int id,
        CancellationToken ct)
    {
        var (outcome, preview) = await ImportFiles.PreviewAsync(db, scope, reader, id, ct);
        return outcome is Outcome.Done ? TypedResults.Ok(ImportDto.From(preview!)) : ApiProblems.From(outcome);
    }

    private static async Task<Results<Ok<ImportDto>, ProblemHttpResult>> ConfirmImportAsync(int id, JixiaoDbContext db, AccessService access,
        ImportReader reader, ImportWriteOptions writing, TimeProvider clock, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var (outcome, _) = await ImportFiles.ConfirmAsync(db, scope, reader, id, clock, ct, writing);
        if (outcome is not Outcome.Done)
        {
            return ApiProblems.From(outcome);
        }

        db.ChangeTracker.Clear();
        return await PreviewAsync(db, scope, reader, id, ct);
    }

    private static async Task<Results<Ok<ImportDto>, ProblemHttpResult>> UndoImportAsync(int id, UndoImportRequest request, JixiaoDbContext db, AccessService access,
        ImportReader reader, TimeProvider clock, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var (outcome, _) = await UndoImport.UndoAsync(db, scope, id, request.Reason, clock, ct);
        if (outcome is not Outcome.Done)
        {
            return ApiProblems.From(outcome);
        }

        db.ChangeTracker.Clear();
        return await PreviewAsync(db, scope, reader, id, ct);
    }

    private static async Task<Ok<List<EvaluationSummaryDto>>> ListEvaluationsAsync(JixiaoDbContext db, AccessService access, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var list = await EvaluationSheets.Visible(db, scope).AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new EvaluationSummaryDto(e.Id, e.ProjectId, e.Project!.Name, e.Kind.Chinese(), e.Total, e.Grade, e.Status.ToString().ToLowerInvariant(), e.AssignedExpertId, e.Version))
            .ToListAsync(ct);
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Ok<EvaluationDto>, ProblemHttpResult>> GetEvaluationAsync(int id, JixiaoDbContext db, AccessService access, CancellationToken ct)
    {
        var view = await EvaluationSheets.GetAsync(db, await access.GetAsync(ct), id, ct);
        return view is null ? ApiProblems.NotFound($"评价 {id}") : TypedResults.Ok(EvaluationDto.From(view));
    }

    private static async Task<Results<Created<EvaluationDto>, ProblemHttpResult>> CreateEvaluationAsync(int id, CreateEvaluationRequest body,
        JixiaoDbContext db, AccessService access, TimeProvider clock, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var kind = body.Kind switch
        {
            "self" => Domain.Evaluations.EvaluationKind.SelfEvaluation,
            "department" => Domain.Evaluations.EvaluationKind.DepartmentEvaluation,
            _ => (Domain.Evaluations.EvaluationKind?)null,
        };
        if (kind is null)
        {
            return ApiProblems.From(new Outcome.Invalid("kind 应为 self（单位自评）或 department（部门评价）。"));
        }

        var (outcome, evaluation) = await CreateEvaluation.RunAsync(db, scope, id, kind.Value, body.ExpertId, clock, ct);
        if (outcome is not Outcome.Done)
        {
            return ApiProblems.From(outcome);
        }

        var view = (await EvaluationSheets.GetAsync(db, scope, evaluation!.Id, ct))!;
        return TypedResults.Created($"/api/v1/evaluations/{evaluation.Id}", EvaluationDto.From(view));
    }

    private static async Task<Results<Ok<EvaluationDto>, ProblemHttpResult>> EditLineAsync(int id, int line, EditLineRequest body,
        JixiaoDbContext db, AccessService access, TimeProvider clock, CancellationToken ct)
    {
        var (outcome, view) = await EditLine.RunAsync(db, await access.GetAsync(ct), id, line, body, clock, ct);
        return outcome is Outcome.Done ? TypedResults.Ok(EvaluationDto.From(view!)) : ApiProblems.From(outcome);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> LockEvaluationAsync(int id, JixiaoDbContext db, AccessService access,
        TimeProvider clock, CancellationToken ct)
    {
        var outcome = await LockEvaluation.RunAsync(db, await access.GetAsync(ct), id, clock, ct);
        return outcome is Outcome.Done ? TypedResults.NoContent() : ApiProblems.From(outcome);
    }

    private static async Task<Results<Ok<ReportTextsDto>, ProblemHttpResult>> GetReportTextsAsync(int id, JixiaoDbContext db, AccessService access,
        CancellationToken ct)
    {
        var view = await ReportTexts.GetAsync(db, await access.GetAsync(ct), id, ct);
        return view is null ? ApiProblems.NotFound($"评价 {id}") : TypedResults.Ok(ReportTextsDto.From(view));
    }

    private static async Task<Results<Ok<ReportTextsDto>, ProblemHttpResult>> PutReportTextsAsync(int id, ReportTextsRequest body, JixiaoDbContext db,
        AccessService access, TimeProvider clock, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var (texts, problem) = ReportTexts.Parse(body.Texts);
        if (texts is null)
        {
            // A forged id stays a 404 even with a bad body: nothing leaks about evaluations out of scope.
            return await ReportTexts.GetAsync(db, scope, id, ct) is null
                ? ApiProblems.NotFound($"评价 {id}")
                : ApiProblems.From(new Outcome.Invalid(problem!));
        }

        var (outcome, view) = await ReportTexts.SaveAsync(db, scope, id, body.Version, texts, clock, ct);
        return outcome is Outcome.Done ? TypedResults.Ok(ReportTextsDto.From(view!)) : ApiProblems.From(outcome);
    }

    private static async Task<Results<Ok<MeDto>, ProblemHttpResult>> LoginAsync(LoginRequest body, PasswordLogin login, UserManager<JixiaoUser> users,
        JixiaoDbContext db, HttpContext context, CancellationToken ct)
    {
        JixiaoUser user;
        switch (await login.SignInAsync(body.UserName, body.Password, ClientAddress.Of(context), ct))
        {
            case LoginResult.SignedIn signedIn:
                user = signedIn.User;
                break;
            case LoginResult.Throttled throttled:
                context.Response.Headers.RetryAfter = LoginThrottle.RetryAfter(throttled.Wait);
                return TypedResults.Problem(throttled.Message, statusCode: 429, title: ApiProblems.TitleFor(429));
            case LoginResult.Disabled disabled:
                return TypedResults.Problem(disabled.Message, statusCode: 423, title: ApiProblems.TitleFor(423));
            case var refused:
                return TypedResults.Problem(refused.Message, statusCode: 401, title: ApiProblems.TitleFor(401));
        }

        var roles = await users.GetRolesAsync(user);
        // The same answer as /auth/me gives afterwards (this request's principal is still the anonymous one).
        var units = roles.Contains(Roles.Admin)
            ? []
            : await db.UserUnits.AsNoTracking().Where(u => u.UserId == user.Id).OrderBy(u => u.UnitId).Select(u => u.UnitId).ToArrayAsync(ct);
        return TypedResults.Ok(new MeDto(user.UserName!, user.DisplayName, roles.ToList(), units));
    }

    private static async Task<NoContent> LogoutAsync(SignInManager<JixiaoUser> signIn, ClaimsPrincipal user)
    {
        await SessionStamps.EndAsync(signIn, user);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<MeDto>> MeAsync(ClaimsPrincipal user, AccessService access, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        return TypedResults.Ok(new MeDto(user.Identity!.Name!, scope.DisplayName, scope.Roles.ToList(), scope.UnitIds));
    }

    private static async Task<Ok<List<UnitDto>>> ListUnitsAsync(JixiaoDbContext db, AccessService access, StampCache cache, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        // Each unit's project count and budget sum over all its projects: kept until projects or units change.
        var stamp = await ChangeStamps.ReadAsync(db, ChangeStamps.Projects, ct);
        var key = "units|" + StampCache.ScopeKey(scope);
        if (!cache.TryGet(key, stamp, out List<UnitDto>? units))
        {
            units = await scope.Visible(db.Units.AsNoTracking()).OrderBy(u => u.Id)
                .Select(u => new UnitDto(u.Id, u.Name, u.Department, u.Projects.Count, u.Projects.Sum(p => p.TotalFen ?? 0), u.Version))
                .ToListAsync(ct);
            cache.Set(key, stamp, units);
        }

        return TypedResults.Ok(units);
    }

    private static async Task<Results<Ok<UnitDto>, ProblemHttpResult>> GetUnitAsync(int id, JixiaoDbContext db, AccessService access, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var unit = await scope.Visible(db.Units.AsNoTracking()).Where(u => u.Id == id)
            .Select(u => new UnitDto(u.Id, u.Name, u.Department, u.Projects.Count, u.Projects.Sum(p => p.TotalFen ?? 0), u.Version))
            .SingleOrDefaultAsync(ct);
        return unit is null ? ApiProblems.NotFound($"单位 {id}") : TypedResults.Ok(unit);
    }

    private static async Task<Ok<ProjectPageDto>> ListProjectsAsync(JixiaoDbContext db, AccessService access, StampCache cache, string? q, int? unitId,
        ReviewStatus? status, decimal? minWanYuan, decimal? maxWanYuan, string? sort, bool? desc, int? page, int? pageSize, int? year, string? grade,
        CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var result = await ProjectList.RunAsync(db, scope,
            new ProjectListQuery(q, unitId, status, minWanYuan, maxWanYuan, sort, desc ?? false, page ?? 1, pageSize ?? 20, year, grade), ct, cache);
        return TypedResults.Ok(new ProjectPageDto(
            result.Items.Select(p => new ProjectSummaryDto(p.Id, p.Name, p.UnitId, p.UnitName, p.TotalFen, p.Status, p.Status.Chinese(),
                p.IndicatorCount, p.VagueTargets, p.Version, p.FiscalYear, p.Grade)).ToList(),
            result.Total, result.PageNumber, result.PageSize));
    }

    private static async Task<Results<Ok<ProjectDto>, ProblemHttpResult>> GetProjectAsync(int id, JixiaoDbContext db, AccessService access, CancellationToken ct)
    {
        var project = await ProjectDetail.RunAsync(db, await access.GetAsync(ct), id, ct);
        if (project is null)
        {
            return ApiProblems.NotFound($"项目 {id}");
        }

        return TypedResults.Ok(ProjectDto.From(project));
    }

    private static async Task<Results<Ok<ProjectDto>, ProblemHttpResult>> EditFieldsAsync(int id, ProjectFieldsRequest body, JixiaoDbContext db,
        AccessService access, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var (outcome, _) = await EditProjectFields.RunAsync(db, scope, id, new EditProjectFieldsRequest(body.Code, body.Goal, body.PeriodGoal,
            body.PolicyBasis, body.CostBasis, body.TotalFen, body.PeriodTotalFen, body.Version, body.Reason), ct);
        return outcome is Outcome.Done ? TypedResults.Ok(ProjectDto.From((await ProjectDetail.RunAsync(db, scope, id, ct))!)) : ApiProblems.From(outcome);
    }

    private static async Task<Results<Ok<List<IndicatorDto>>, ProblemHttpResult>> ListIndicatorsAsync(int id, JixiaoDbContext db, AccessService access, CancellationToken ct)
    {
        var project = await ProjectDetail.RunAsync(db, await access.GetAsync(ct), id, ct);
        return project is null ? ApiProblems.NotFound($"项目 {id}") : TypedResults.Ok(project.Indicators.Select(IndicatorDto.From).ToList());
    }

    private static async Task<Results<Ok<List<HistoryDto>>, ProblemHttpResult>> HistoryAsync(int id, JixiaoDbContext db, AccessService access, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        if (!await scope.Visible(db.Projects.AsNoTracking()).AnyAsync(p => p.Id == id, ct))
        {
            return ApiProblems.NotFound($"项目 {id}");
        }

        var history = await ProjectDetail.HistoryAsync(db, id, ct);
        return TypedResults.Ok(history.Select(a => new HistoryDto(a.Id, a.At, a.Actor, a.Entity, a.EntityId, a.Field, a.OldValue, a.NewValue, a.Reason)).ToList());
    }

    private static async Task<Results<Ok<Domain.Reviews.ProjectReviewJson>, ProblemHttpResult>> FindingsAsync(int id, JixiaoDbContext db,
        AccessService access, CancellationToken ct)
    {
        var project = await ProjectDetail.RunAsync(db, await access.GetAsync(ct), id, ct);
        return project is null
            ? ApiProblems.NotFound($"项目 {id}")
            : TypedResults.Ok(Domain.Reviews.ProjectReviewJson.From(ProjectReviewer.Review(project)));
    }

    private static async Task<Results<Ok<IndicatorDto>, ProblemHttpResult>> GetIndicatorAsync(int id, JixiaoDbContext db, AccessService access, CancellationToken ct)
    {
        var indicator = await ProjectDetail.IndicatorAsync(db, await access.GetAsync(ct), id, ct);
        return indicator is null ? ApiProblems.NotFound($"指标 {id}") : TypedResults.Ok(IndicatorDto.From(indicator));
    }

    private static async Task<Results<Ok<IndicatorDto>, ProblemHttpResult>> EditTargetsAsync(int id, EditTargetsRequest body, JixiaoDbContext db,
        AccessService access, CancellationToken ct)
    {
        var (outcome, indicator) = await EditTargets.RunAsync(db, await access.GetAsync(ct), id, body, ct);
        return outcome is Outcome.Done ? TypedResults.Ok(IndicatorDto.From(indicator!)) : ApiProblems.From(outcome);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> StepAsync(int id, ReviewStepRequest body, JixiaoDbContext db, AccessService access,
        Func<JixiaoDbContext, AccessScope, int, ReviewStepRequest, CancellationToken, Task<Outcome>> step, CancellationToken ct)
    {
        var outcome = await step(db, await access.GetAsync(ct), id, body, ct);
        return outcome is Outcome.Done ? TypedResults.NoContent() : ApiProblems.From(outcome);
    }
}
