using Jixiao.Data;
using Jixiao.Web.Auth;
using Jixiao.Web.Common;
using Jixiao.App.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jixiao.Web.Api;

/// <summary>
/// The admin's side of /api/v1/units: create a unit, correct its name or department, read its change history
/// (管理员 only; the reads every role has are in <see cref="JixiaoApi"/>).
/// </summary>
public static class UnitsAdminApi
{
    public static void MapJixiaoUnitsAdminApi(this WebApplication app)
    {
        var units = app.MapGroup("/api/v1/units").RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Admin }).DisableAntiforgery()
            .WithTags("单位");
        units.MapPost("/", CreateAsync).WithSummary("新建单位（管理员；名称不能与已有单位重复，导入时按名称找单位）");
        units.MapPut("/{id:int}", EditAsync).WithSummary("修改单位名称和部门（管理员；须带 version 和 reason，记入审计日志）");
        units.MapGet("/{id:int}/history", HistoryAsync).WithSummary("单位的修改记录（管理员）");
    }

    private static async Task<Results<Created<UnitAdminDto>, ProblemHttpResult>> CreateAsync(CreateUnitRequest body, JixiaoDbContext db,
        AccessService access, TimeProvider clock, CancellationToken ct)
    {
        var (outcome, unit) = await UnitAdmin.CreateAsync(db, await access.GetAsync(ct), body, clock, ct);
        return outcome is Outcome.Done ? TypedResults.Created($"/api/v1/units/{unit!.Id}", unit) : ApiProblems.From(outcome);
    }

    private static async Task<Results<Ok<UnitAdminDto>, ProblemHttpResult>> EditAsync(int id, EditUnitRequest body, JixiaoDbContext db,
        AccessService access, TimeProvider clock, CancellationToken ct)
    {
        var (outcome, unit) = await UnitAdmin.EditAsync(db, await access.GetAsync(ct), id, body, clock, ct);
        return outcome is Outcome.Done ? TypedResults.Ok(unit!) : ApiProblems.From(outcome);
    }

    private static async Task<Results<Ok<List<UnitHistoryLine>>, ProblemHttpResult>> HistoryAsync(int id, JixiaoDbContext db, CancellationToken ct) =>
        await UnitAdmin.GetAsync(db, id, ct) is null
            ? ApiProblems.NotFound($"单位 {id}")
            : TypedResults.Ok(await UnitAdmin.HistoryAsync(db, id, ct));
}
