using Jixiao.App.Downloads;
using Jixiao.App.Reviews;
using Jixiao.Data;
using Jixiao.Domain.Reviews.Rulebooks;
using Jixiao.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jixiao.Web.Api;

/// <summary>A choice of review rules as the API shows it: where it holds (unit or, null, the district; year or, null, every year).</summary>
public sealed record RulebookChoiceDto(int Id, int? UnitId, string? UnitName, int? FiscalYear, string Scope, string Rulebook, string Title,
    string? FileName, string ChosenBy, DateTimeOffset ChosenAt, long Version);

/// <summary>The options, the choices in the user's scope, the units the user may choose for, and whether for the whole district.</summary>
public sealed record RulebookChoicesDto(IReadOnlyList<RulebookOption> Options, IReadOnlyList<RulebookChoiceDto> Choices,
    IReadOnlyList<int> UnitIds, bool MayChooseDistrict);

/// <summary>
/// PUT /api/v1/review-rulebooks/choice: <see cref="Rulebook"/> "default" or a built-in district ("baoan"); a file is
/// uploaded with POST …/choice/upload instead. <see cref="Version"/> is the version of the choice as read (0: none).
/// </summary>
public sealed record RulebookChoiceRequest(int? UnitId, int? FiscalYear, string? Rulebook, string? Reason, long Version = 0);

/// <summary>One 审核细项 that applies: its code, name, column (完整性审核 …), whether it is a 人工 proposal, the indicators it names and the 意见.</summary>
public sealed record InitialFindingDto(string Code, string Name, string Aspect, bool Manual, IReadOnlyList<string> Subjects, string Text);

/// <summary>
/// A project's 初审 by the review rules in force: <see cref="ByRulebook"/> false under the product's own rules (the
/// columns are then null); the three 初审 columns, the 初审小结 and the findings as the 初审表 has them.
/// </summary>
public sealed record InitialReviewDto(int ProjectId, string? Code, string Rulebook, string Title, string Scope, bool ByRulebook, string? Problem,
    string? Completeness, string? Measurability, string? Feasibility, string? Summary, IReadOnlyList<InitialFindingDto> Findings)
{
    public static InitialReviewDto From(int projectId, string? code, InitialReviewView view)
    {
        var r = view.Review;
        return new(projectId, code, view.InUse.Key, view.InUse.Title, view.InUse.Scope, view.ByRulebook, view.Problem,
            r?.Column(RulebookAspect.Completeness), r?.Column(RulebookAspect.Measurability), r?.Column(RulebookAspect.Feasibility), r?.Summary,
            r?.Findings.Select(f => new InitialFindingDto(f.Item.Code, f.Item.Name, ReviewRulebook.AspectName(f.Item.Aspect), f.Item.Manual, f.Subjects, f.Text)).ToList() ?? []);
    }
}

/// <summary>
/// /api/v1/review-rulebooks and the 初审 endpoints (docs/review.md, "审核口径 in the web app"): the same use cases and
/// scope as the 审核 page; a unit or project outside the user's scope answers 404, a role that may not choose 403.
/// </summary>
public static class RulebookApi
{
    public static void MapJixiaoRulebookApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization().DisableAntiforgery().AddEndpointFilter(ApiProblems.RetryAfterFilter).WithTags("目标审核");
        api.MapGet("/review-rulebooks", ListAsync).WithSummary("审核口径：可选的审核规则、可见范围内已作的选择、可为哪些单位（及是否可为全区）选择");
        api.MapPut("/review-rulebooks/choice", ChooseAsync)
            .WithSummary("为单位（unitId）或全区（unitId 为空，管理员）、某一预算年度（fiscalYear，空为所有年度）选择审核规则：default 或内置地区（baoan）；须带 reason 和 version");
        api.MapPost("/review-rulebooks/choice/upload", UploadAsync).DisableAntiforgery()
            .WithSummary("上传审核口径文件（multipart：file、unitId、fiscalYear、reason、version）：宝安格式的 .xlsx 或审核口径 JSON，校验不通过时 400 并说明原因");
        api.MapGet("/projects/{id:int}/initial-review", InitialAsync)
            .WithSummary("项目按当前审核口径的初审：完整性审核、可测性审核、可行性审核、初审小结和各审核细项的意见");
        api.MapGet("/units/{id:int}/review/initial.xlsx", WorkbookAsync)
            .WithSummary("单位的初审表 .xlsx（审核人的列：项目编码、完整性审核、可测性审核、可行性审核、初审小结；year 为预算年度，可选）");
    }

    private static RulebookChoiceDto Dto(Data.Entities.RulebookChoiceEntity c) => new(c.Id, c.UnitId, c.Unit?.Name, c.FiscalYear,
        RulebookInForce.ScopeName(c.Unit?.Name, c.UnitId, c.FiscalYear), c.Rulebook, c.Title, c.FileName, c.ChosenBy, c.ChosenAt, c.Version);

    private static async Task<Ok<RulebookChoicesDto>> ListAsync(JixiaoDbContext db, AccessService access, CancellationToken ct)
    {
        var view = await RulebookChoiceList.RunAsync(db, await access.GetAsync(ct), ct);
        return TypedResults.Ok(new RulebookChoicesDto(view.Options, view.Choices.Select(Dto).ToList(), view.Units.Select(u => u.Id).ToList(), view.MayChooseDistrict));
    }

    private static async Task<Results<Ok<RulebookChoiceDto>, ProblemHttpResult>> ChooseAsync(RulebookChoiceRequest body, JixiaoDbContext db,
        AccessService access, TimeProvider clock, CancellationToken ct)
    {
        if (body.Rulebook?.Trim() == RulebookFiles.File)
        {
            return ApiProblems.From(new Outcome.Invalid("上传审核口径文件请用 POST /api/v1/review-rulebooks/choice/upload（multipart，字段 file）。"));
        }

        return await ResultAsync(db, await access.GetAsync(ct), new ChooseRulebookRequest(body.UnitId, body.FiscalYear, body.Rulebook, body.Reason, body.Version), clock, ct);
    }

    private static async Task<Results<Ok<RulebookChoiceDto>, ProblemHttpResult>> UploadAsync(IFormFile? file, [FromForm] int? unitId, [FromForm] int? fiscalYear,
        [FromForm] string? reason, [FromForm] long? version, JixiaoDbContext db, AccessService access, TimeProvider clock, CancellationToken ct)
    {
        byte[] content = [];
        if (file is not null)
        {
            await using var stream = file.OpenReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }

        return await ResultAsync(db, await access.GetAsync(ct),
            new ChooseRulebookRequest(unitId, fiscalYear, RulebookFiles.File, reason, version ?? 0, file?.FileName, content), clock, ct);
    }

    private static async Task<Results<Ok<RulebookChoiceDto>, ProblemHttpResult>> ResultAsync(JixiaoDbContext db, AccessScope scope, ChooseRulebookRequest request,
        TimeProvider clock, CancellationToken ct)
    {
        var (outcome, choice) = await ChooseRulebook.RunAsync(db, scope, request, clock, ct);
        if (outcome is not Outcome.Done)
        {
            return ApiProblems.From(outcome);
        }

        var stored = (await RulebookInForce.LoadAsync(db, ct)).Single(c => c.Id == choice!.Id);
        return TypedResults.Ok(Dto(stored));
    }

    private static async Task<Results<Ok<InitialReviewDto>, ProblemHttpResult>> InitialAsync(int id, JixiaoDbContext db, AccessService access, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var project = await Jixiao.App.Projects.ProjectDetail.RunAsync(db, scope, id, ct);
        if (project is null)
        {
            return ApiProblems.NotFound($"项目 {id}");
        }

        return TypedResults.Ok(InitialReviewDto.From(id, project.Code, InitialReview.Of(project, await RulebookInForce.LoadAsync(db, ct))));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> WorkbookAsync(int id, int? year, JixiaoDbContext db, AccessService access,
        WorkbookGate gate, CancellationToken ct)
    {
        var (outcome, file) = await InitialReviewWorkbook.RunAsync(db, await access.GetAsync(ct), id, year, gate, ct);
        return outcome is Outcome.Done ? TypedResults.File(file!.Content, file.ContentType, file.FileName) : ApiProblems.From(outcome);
    }
}
