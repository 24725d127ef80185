using Jixiao.App.Users;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Web.Auth;
using Jixiao.Web.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Jixiao.Web.Api;

/// <summary>
/// A user as the admin API shows it: <c>state</c> ∈ active, lockedOut, disabled; <c>lockedUntil</c> only while locked
/// out after failed logins; <c>version</c> (Identity's concurrency stamp) is sent back with an edit.
/// </summary>
public sealed record UserDto(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<int> UnitIds,
    IReadOnlyList<string> Units, AccountState State, string StateName, DateTimeOffset? LockedUntil, string Version)
{
    public static UserDto From(UserSummary u) =>
        new(u.Id, u.UserName, u.DisplayName, u.Roles, u.UnitIds, u.UnitNames, u.State, u.StateName, u.LockedUntil, u.Version);
}

/// <summary>Who scores an evaluation: an 评价专家's user id, or null to take it from whoever has it; and why.</summary>
public sealed record AssignExpertRequest(string? ExpertId, string? Reason);

/// <summary>/api/v1/users (管理员 only) and /api/v1/auth/password (everyone, their own): the use cases of the admin pages.</summary>
public static class UsersApi
{
    public static void MapJixiaoUsersApi(this WebApplication app)
    {
        app.MapPost("/api/v1/auth/password", ChangeOwnPasswordAsync).RequireAuthorization().DisableAntiforgery().WithTags("登录")
            .WithSummary("修改自己的密码（当前密码、新密码）；其他会话在 1 分钟内失效，本会话保持登录");

        app.MapPut("/api/v1/evaluations/{id:int}/expert", AssignExpertAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Admin })
            .DisableAntiforgery().WithTags("绩效评价").WithSummary("指派或改派评价专家（expertId 为 null 即取消；须带 reason；管理员；已锁定的评价不能改派）");

        var users = app.MapGroup("/api/v1/users").RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Admin }).DisableAntiforgery()
            .WithTags("用户（管理员）");
        users.MapGet("/", ListAsync).WithSummary("全部用户：角色、单位、状态（正常/已锁定/已停用）");
        users.MapGet("/{id}", GetAsync).WithSummary("一个用户");
        users.MapPost("/", CreateAsync).WithSummary("新建用户（初始密码须符合密码规则；填报人和审核人须关联单位）");
        users.MapPut("/{id}", EditAsync).WithSummary("修改姓名、角色和单位（须带 version 和 reason，记入审计日志）");
        users.MapPost("/{id}/password", ResetPasswordAsync).WithSummary("管理员为用户设置新密码（须带 reason）；该用户的会话随即失效");
        users.MapPost("/{id}/unlock", (string id, UserActionRequest body, JixiaoDbContext db, AccessService access, TimeProvider clock, LoginThrottle throttle,
            CancellationToken ct) => RunAsync(access, scope => UserAdmin.UnlockAsync(db, scope, id, body, clock, throttle, ct), ct)).WithSummary("解除登录失败造成的锁定（须带 reason）");
        users.MapPost("/{id}/disable", (string id, UserActionRequest body, JixiaoDbContext db, AccessService access, TimeProvider clock, LoginThrottle throttle,
            CancellationToken ct) => RunAsync(access, scope => UserAdmin.SetDisabledAsync(db, scope, id, disable: true, body, clock, throttle, ct), ct)).WithSummary("停用用户（须带 reason；不能停用自己）");
        users.MapPost("/{id}/enable", (string id, UserActionRequest body, JixiaoDbContext db, AccessService access, TimeProvider clock, LoginThrottle throttle,
            CancellationToken ct) => RunAsync(access, scope => UserAdmin.SetDisabledAsync(db, scope, id, disable: false, body, clock, throttle, ct), ct)).WithSummary("启用已停用的用户（须带 reason）");
    }

    private static async Task<Results<Ok<AssignedEvaluation>, ProblemHttpResult>> AssignExpertAsync(int id, AssignExpertRequest body, JixiaoDbContext db,
        AccessService access, TimeProvider clock, CancellationToken ct)
    {
        var (outcome, evaluation) = await UserAdmin.AssignEvaluationAsync(db, await access.GetAsync(ct), id, body.ExpertId, body.Reason, clock, ct);
        return outcome is Outcome.Done ? TypedResults.Ok(evaluation!) : ApiProblems.From(outcome);
    }

    private static async Task<Ok<List<UserDto>>> ListAsync(JixiaoDbContext db, TimeProvider clock, LoginThrottle throttle, CancellationToken ct) =>
        TypedResults.Ok((await UserAdmin.ListAsync(db, clock, throttle, ct)).Select(UserDto.From).ToList());

    private static async Task<Results<Ok<UserDto>, ProblemHttpResult>> GetAsync(string id, JixiaoDbContext db, TimeProvider clock, LoginThrottle throttle,
        CancellationToken ct) =>
        await UserAdmin.GetAsync(db, id, clock, throttle, ct) is { } user ? TypedResults.Ok(UserDto.From(user)) : ApiProblems.NotFound($"用户 {id}");

    private static async Task<Results<Created<UserDto>, ProblemHttpResult>> CreateAsync(CreateUserRequest body, JixiaoDbContext db,
        UserManager<JixiaoUser> users, AccessService access, TimeProvider clock, LoginThrottle throttle, CancellationToken ct)
    {
        var (outcome, user) = await UserAdmin.CreateAsync(db, users, await access.GetAsync(ct), body, clock, throttle, ct);
        return outcome is Outcome.Done ? TypedResults.Created($"/api/v1/users/{user!.Id}", UserDto.From(user)) : ApiProblems.From(outcome);
    }

    private static Task<Results<Ok<UserDto>, ProblemHttpResult>> EditAsync(string id, EditUserRequest body, JixiaoDbContext db, AccessService access,
        TimeProvider clock, LoginThrottle throttle, CancellationToken ct) =>
        RunAsync(access, scope => UserAdmin.EditAsync(db, scope, id, body, clock, throttle, ct), ct);

    private static Task<Results<Ok<UserDto>, ProblemHttpResult>> ResetPasswordAsync(string id, ResetPasswordRequest body, JixiaoDbContext db,
        UserManager<JixiaoUser> users, AccessService access, TimeProvider clock, LoginThrottle throttle, CancellationToken ct) =>
        RunAsync(access, scope => UserAdmin.ResetPasswordAsync(db, users, scope, id, body, clock, throttle, ct), ct);

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangeOwnPasswordAsync(ChangePasswordRequest body, JixiaoDbContext db,
        UserManager<JixiaoUser> users, SignInManager<JixiaoUser> signIn, AccessService access, TimeProvider clock, LoginThrottle throttle,
        HttpContext context, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var outcome = await UserAdmin.ChangeOwnPasswordAsync(db, users, scope, body, clock, throttle, ClientAddress.Of(context), ct);
        if (outcome is not Outcome.Done)
        {
            return ApiProblems.From(outcome);
        }

        // A new cookie with the new security stamp: this session stays, the others end.
        await signIn.RefreshSignInAsync((await users.FindByIdAsync(scope.UserId))!);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<UserDto>, ProblemHttpResult>> RunAsync(AccessService access,
        Func<AccessScope, Task<(Outcome Outcome, UserSummary? User)>> action, CancellationToken ct)
    {
        var (outcome, user) = await action(await access.GetAsync(ct));
        return outcome is Outcome.Done ? TypedResults.Ok(UserDto.From(user!)) : ApiProblems.From(outcome);
    }
}
