using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Evaluations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Users;

/// <summary>正常 / 已锁定 (too many failed logins, ends by itself or by an admin's 解锁) / 已停用 (by an admin, for good).</summary>
public enum AccountState
{
    Active,
    LockedOut,
    Disabled,
}

/// <summary>A user as the admin sees them. <see cref="Version"/> is Identity's concurrency stamp, sent back with an edit.</summary>
public sealed record UserSummary(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<int> UnitIds,
    IReadOnlyList<string> UnitNames, AccountState State, DateTimeOffset? LockedUntil, string Version)
{
    public string? Role => Roles.Count == 0 ? null : Roles[0];

    public string StateName => State switch
    {
        AccountState.Active => "正常",
        AccountState.LockedOut => "已锁定",
        AccountState.Disabled => "已停用",
        _ => throw new ArgumentOutOfRangeException(nameof(State)),
    };
}

/// <summary>An evaluation as the admin assigns it: project, kind, whether locked, score, the expert's user id.</summary>
public sealed record AssignedEvaluation(int Id, int ProjectId, string ProjectName, string Kind, bool Locked, decimal? Total, string? Grade, string? ExpertId);

/// <summary>A new user: login name, display name, initial password (the password policy applies), one role, units.</summary>
public sealed record CreateUserRequest(string? UserName, string? DisplayName, string? Password, string? Role, int[]? UnitIds);

/// <summary>
/// An edit of a user: display name (null keeps it), role, the units they see or oversee (the whole set), the reason
/// written to the audit log, and the <see cref="UserSummary.Version"/> read.
/// </summary>
public sealed record EditUserRequest(string? DisplayName, string? Role, int[]? UnitIds, string? Reason, string? Version);

/// <summary>A new password set by the admin (typed twice when <see cref="ConfirmPassword"/> is given), and why.</summary>
public sealed record ResetPasswordRequest(string? Password, string? Reason, string? ConfirmPassword = null);

/// <summary>Why an account is unlocked, disabled or enabled.</summary>
public sealed record UserActionRequest(string? Reason);

/// <summary>A user's change of their own password: the current one, the new one and (optionally) the new one again.</summary>
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword, string? ConfirmPassword = null);

/// <summary>
/// 用户管理 (管理员 only): create users, change a user's role and units, set a new password, unlock, disable and enable;
/// and every user's change of their own password. Each change writes audit lines (entity "user", the login name
/// leading the old and new values, the admin's reason) in the same save as the change. A change that affects what
/// a session may do (role, password, disabling) renews the security stamp, so open sessions end within a minute.
/// An admin cannot take away their own admin role or disable themselves.
/// </summary>
public static class UserAdmin
{
    private const string StaleMessage = "该用户已被他人修改，您的修改未保存。请刷新后在最新内容上重新修改。";

    public static async Task<IReadOnlyList<UserSummary>> ListAsync(JixiaoDbContext db, TimeProvider clock, LoginThrottle throttle, CancellationToken cancellationToken = default)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        return await SummariesAsync(db, users, clock, throttle, cancellationToken);
    }

    public static async Task<UserSummary?> GetAsync(JixiaoDbContext db, string id, TimeProvider clock, LoginThrottle throttle, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        return user is null ? null : (await SummariesAsync(db, [user], clock, throttle, cancellationToken))[0];
    }

    public static async Task<(Outcome Outcome, UserSummary? User)> CreateAsync(JixiaoDbContext db, UserManager<JixiaoUser> users, AccessScope scope,
        CreateUserRequest request, TimeProvider clock, LoginThrottle throttle, CancellationToken cancellationToken = default)
    {
        if (!scope.IsAdmin)
        {
            return (AdminOnly, null);
        }

        var userName = request.UserName?.Trim() ?? "";
        var displayName = request.DisplayName?.Trim() ?? "";
        if (userName.Length == 0 || displayName.Length == 0)
        {
            return (new Outcome.Invalid("请填写登录名和姓名。"), null);
        }

        var (unitIds, problem) = await CheckRoleAndUnitsAsync(db, request.Role, request.UnitIds, cancellationToken);
        if (problem is not null)
        {
            return (problem, null);
        }

        var user = new JixiaoUser { UserName = userName, DisplayName = displayName };
        if (await PasswordProblemAsync(users, user, request.Password) is { } weak)
        {
            return (weak, null);
        }

        // One transaction: the user, their role, their units and the audit line land together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            return (new Outcome.Invalid(string.Join(" ", created.Errors.Select(e => e.Description))), null);
        }

        await users.AddToRoleAsync(user, request.Role!);
        db.UserUnits.AddRange(unitIds.Select(id => new UserUnit { UserId = user.Id, UnitId = id }));
        Audit(db, scope, clock, user, "created", null, $"{request.Role}；{await UnitNamesAsync(db, unitIds, cancellationToken)}", null);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (Outcome.Ok, await GetAsync(db, user.Id, clock, throttle, cancellationToken));
    }

    public static async Task<(Outcome Outcome, UserSummary? User)> EditAsync(JixiaoDbContext db, AccessScope scope, string id, EditUserRequest request,
        TimeProvider clock, LoginThrottle throttle, CancellationToken cancellationToken = default)
    {
        var (user, denied) = await FindAsync(db, scope, id, cancellationToken);
        if (user is null)
        {
            return (denied!, null);
        }

        if (string.IsNullOrEmpty(request.Version) || request.Version != user.ConcurrencyStamp)
        {
            return (new Outcome.Conflict(StaleMessage), null);
        }

        if (MissingReason(request.Reason) is { } noReason)
        {
            return (noReason, null);
        }

        var (unitIds, problem) = await CheckRoleAndUnitsAsync(db, request.Role, request.UnitIds, cancellationToken);
        if (problem is not null)
        {
            return (problem, null);
        }

        var displayName = request.DisplayName?.Trim() ?? user.DisplayName;
        if (displayName.Length == 0)
        {
            return (new Outcome.Invalid("姓名不能为空。"), null);
        }

        var role = request.Role!;
        if (user.Id == scope.UserId && role != Roles.Admin)
        {
            return (new Outcome.Invalid("不能取消自己的管理员角色：请由另一位管理员修改。"), null);
        }

        var roleIds = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
        var oldRoleLinks = await db.UserRoles.Where(l => l.UserId == user.Id).ToListAsync(cancellationToken);
        var oldRoles = RoleText(roleIds, oldRoleLinks.Select(l => l.RoleId));
        var oldUnitLinks = await db.UserUnits.Where(l => l.UserId == user.Id).ToListAsync(cancellationToken);
        var oldUnits = await UnitNamesAsync(db, oldUnitLinks.Select(l => l.UnitId), cancellationToken);
        var newUnits = await UnitNamesAsync(db, unitIds, cancellationToken);
        var reason = request.Reason!.Trim();

        if (displayName != user.DisplayName)
        {
            Audit(db, scope, clock, user, "displayName", user.DisplayName, displayName, reason);
            user.DisplayName = displayName;
        }

        var roleChanged = oldRoles != role;
        if (roleChanged)
        {
            Audit(db, scope, clock, user, "role", oldRoles, role, reason);
            var roleId = roleIds[role];
            db.UserRoles.RemoveRange(oldRoleLinks.Where(l => l.RoleId != roleId));
            if (!oldRoleLinks.Exists(l => l.RoleId == roleId))
            {
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
            }
        }

        if (oldUnits != newUnits)
        {
            Audit(db, scope, clock, user, "units", oldUnits, newUnits, reason);
            db.UserUnits.RemoveRange(oldUnitLinks.Where(l => !unitIds.Contains(l.UnitId)));
            db.UserUnits.AddRange(unitIds.Where(u => !oldUnitLinks.Exists(l => l.UnitId == u)).Select(u => new UserUnit { UserId = user.Id, UnitId = u }));
        }

        if (!db.ChangeTracker.HasChanges())
        {
            return (Outcome.Ok, await GetAsync(db, user.Id, clock, throttle, cancellationToken));
        }

        // The role travels in the login cookie: a new stamp makes open sessions log in again and get the new role.
        // Units are read from the store on every request, so a change of units applies at once.
        if (roleChanged)
        {
            user.SecurityStamp = NewStamp();
        }

        user.ConcurrencyStamp = NewStamp();
        return await SaveAsync(db, user, request.Version, clock, throttle, cancellationToken);
    }

    /// <summary>The admin sets a new password (the password policy applies); open sessions of the user end.</summary>
    public static async Task<(Outcome Outcome, UserSummary? User)> ResetPasswordAsync(JixiaoDbContext db, UserManager<JixiaoUser> users,
        AccessScope scope, string id, ResetPasswordRequest request, TimeProvider clock, LoginThrottle throttle, CancellationToken cancellationToken = default)
    {
        var (user, denied) = await FindAsync(db, scope, id, cancellationToken);
        if (user is null)
        {
            return (denied!, null);
        }

        if (user.Id == scope.UserId)
        {
            return (new Outcome.Invalid("自己的密码请在“修改密码”页修改（需输入当前密码）。"), null);
        }

        if (MissingReason(request.Reason) is { } noReason)
        {
            return (noReason, null);
        }

        if (request.ConfirmPassword is not null && request.ConfirmPassword != request.Password)
        {
            return (new Outcome.Invalid("两次输入的新密码不一致。"), null);
        }

        if (await PasswordProblemAsync(users, user, request.Password) is { } weak)
        {
            return (weak, null);
        }

        var read = user.ConcurrencyStamp;
        // Someone who forgot their password has often locked themselves out trying: the new password ends that lockout
        // (not a disabling, which only 启用 ends).
        var wasLockedOut = StateOf(user, clock.GetUtcNow(), throttle) == AccountState.LockedOut;
        if (wasLockedOut)
        {
            user.LockoutEnd = null;
            throttle.Release(user.UserName!);
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, request.Password!);
        user.AccessFailedCount = 0;
        user.SecurityStamp = NewStamp();
        user.ConcurrencyStamp = NewStamp();
        // The hash itself never goes to the log.
        Audit(db, scope, clock, user, "password", null, wasLockedOut ? "管理员重设密码（并解除锁定）" : "管理员重设密码", request.Reason!.Trim());
        return await SaveAsync(db, user, read, clock, throttle, cancellationToken);
    }

    /// <summary>Ends a lockout after too many failed logins (not a disabled account: that is <see cref="SetDisabledAsync"/>).</summary>
    public static async Task<(Outcome Outcome, UserSummary? User)> UnlockAsync(JixiaoDbContext db, AccessScope scope, string id, UserActionRequest request,
        TimeProvider clock, LoginThrottle throttle, CancellationToken cancellationToken = default)
    {
        var (user, denied) = await FindAsync(db, scope, id, cancellationToken);
        if (user is null)
        {
            return (denied!, null);
        }

        var now = clock.GetUtcNow();
        var held = throttle.HeldUntil(user.UserName!);
        switch (StateOf(user, now))
        {
            case AccountState.Disabled:
                return (new Outcome.Conflict($"用户 {user.UserName} 已停用：请使用“启用”。"), null);
            case AccountState.Active when user.AccessFailedCount == 0 && held is null:
                return (new Outcome.Conflict($"用户 {user.UserName} 没有被锁定。"), null);
        }

        if (MissingReason(request.Reason) is { } noReason)
        {
            return (noReason, null);
        }

        var read = user.ConcurrencyStamp;
        // A lockout in the store is one from before logins were throttled by address (or by Identity elsewhere); a
        // throttled name waits at one or more addresses: either way 解锁 lets the user try again at once, from anywhere.
        var until = user.LockoutEnd is { } end && end > now && (held is null || end > held) ? end : held;
        Audit(db, scope, clock, user, "lockout",
            until is { } u ? $"锁定至 {ChinaTime.Text(u)}（登录失败次数过多）" : $"登录失败 {user.AccessFailedCount} 次",
            "已解锁", request.Reason!.Trim());
        throttle.Release(user.UserName!);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        user.ConcurrencyStamp = NewStamp();
        return await SaveAsync(db, user, read, clock, throttle, cancellationToken);
    }

    /// <summary>停用 (locked out for good, sessions end) or 启用. An admin cannot disable themselves.</summary>
    public static async Task<(Outcome Outcome, UserSummary? User)> SetDisabledAsync(JixiaoDbContext db, AccessScope scope, string id, bool disable,
        UserActionRequest request, TimeProvider clock, LoginThrottle throttle, CancellationToken cancellationToken = default)
    {
        var (user, denied) = await FindAsync(db, scope, id, cancellationToken);
        if (user is null)
        {
            return (denied!, null);
        }

        if (disable && user.Id == scope.UserId)
        {
            return (new Outcome.Invalid("不能停用自己的账户。"), null);
        }

        var now = clock.GetUtcNow();
        var state = StateOf(user, now);
        if ((state == AccountState.Disabled) == disable)
        {
            return (new Outcome.Conflict(disable ? $"用户 {user.UserName} 已经停用。" : $"用户 {user.UserName} 没有停用。"), null);
        }

        if (MissingReason(request.Reason) is { } noReason)
        {
            return (noReason, null);
        }

        var read = user.ConcurrencyStamp;
        Audit(db, scope, clock, user, "status", Name(state), disable ? "已停用" : "正常", request.Reason!.Trim());
        user.LockoutEnabled = true;
        user.LockoutEnd = disable ? DateTimeOffset.MaxValue : null;
        user.AccessFailedCount = 0;
        user.SecurityStamp = NewStamp();
        user.ConcurrencyStamp = NewStamp();
        return await SaveAsync(db, user, read, clock, throttle, cancellationToken);
    }

    /// <summary>
    /// A user changes their own password: the current one must be right, the new one must pass the policy and be
    /// typed twice alike. The security stamp changes (other sessions end); the caller refreshes the current sign-in.
    /// </summary>
    public static async Task<Outcome> ChangeOwnPasswordAsync(JixiaoDbContext db, UserManager<JixiaoUser> users, AccessScope scope,
        ChangePasswordRequest request, TimeProvider clock, LoginThrottle throttle, string address, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == scope.UserId, cancellationToken);
        if (user is null)
        {
            return new Outcome.NotFound("找不到当前用户。");
        }

        if (string.IsNullOrEmpty(request.CurrentPassword))
        {
            return new Outcome.Invalid("请输入当前密码。");
        }

        if (string.IsNullOrEmpty(request.NewPassword))
        {
            return new Outcome.Invalid("请输入新密码。");
        }

        if (request.ConfirmPassword is not null && request.ConfirmPassword != request.NewPassword)
        {
            return new Outcome.Invalid("两次输入的新密码不一致。");
        }

        if (request.NewPassword == request.CurrentPassword)
        {
            return new Outcome.Invalid("新密码不能与当前密码相同。");
        }

        // Wrong current passwords count as failed logins of this name from this address: an open session cannot be used
        // to guess the password, and the wait falls on the address, as at the login.
        if (throttle.Wait(address, user.UserName) is { } wait)
        {
            return new Outcome.Invalid($"密码输错次数过多，请 {LoginThrottle.Describe(wait)}后再试。");
        }

        if (!await users.CheckPasswordAsync(user, request.CurrentPassword))
        {
            await PasswordLogin.FailedAsync(db, throttle, clock, user.UserName!, address, "修改密码时当前密码错误", scope.DisplayName, cancellationToken);
            return new Outcome.Invalid("当前密码不正确。");
        }

        throttle.Succeeded(address, user.UserName);

        if (await PasswordProblemAsync(users, user, request.NewPassword) is { } weak)
        {
            return weak;
        }

        var read = user.ConcurrencyStamp;
        user.AccessFailedCount = 0;
        user.PasswordHash = users.PasswordHasher.HashPassword(user, request.NewPassword);
        user.SecurityStamp = NewStamp();
        user.ConcurrencyStamp = NewStamp();
        Audit(db, scope, clock, user, "password", null, "本人修改密码", null);
        var (outcome, _) = await SaveAsync(db, user, read, clock, throttle, cancellationToken);
        return outcome;
    }

    /// <summary>
    /// Assigns a draft 部门评价 (or 财政/第三方评价) to an expert, or takes it from them (<paramref name="expertId"/> null):
    /// the expert then scores it, or no longer may. A locked evaluation keeps its expert; a 单位自评 has none (its unit's
    /// clerk scores it). The change is an audit line of the evaluation (field "expert", in the project's history).
    /// </summary>
    public static async Task<(Outcome Outcome, AssignedEvaluation? Evaluation)> AssignEvaluationAsync(JixiaoDbContext db, AccessScope scope,
        int evaluationId, string? expertId, string? reason, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        if (!scope.IsAdmin)
        {
            return (AdminOnly, null);
        }

        var evaluation = await db.Evaluations.Include(e => e.Project).SingleOrDefaultAsync(e => e.Id == evaluationId, cancellationToken);
        if (evaluation is null)
        {
            return (new Outcome.NotFound($"找不到评价 {evaluationId}。"), null);
        }

        if (evaluation.Status == EvaluationStatus.Locked)
        {
            return (new Outcome.Conflict("该评价已提交锁定，不能再改派评价专家。"), null);
        }

        if (evaluation.Kind == EvaluationKind.SelfEvaluation)
        {
            return (new Outcome.Invalid("单位自评由本单位填报人评分，不指派评价专家。"), null);
        }

        var newExpert = string.IsNullOrEmpty(expertId) ? null : expertId;
        var names = await (from user in db.Users
                           where user.Id == newExpert || user.Id == evaluation.AssignedExpertId
                           select new { user.Id, user.UserName, user.DisplayName, IsExpert = db.UserRoles.Any(l => l.UserId == user.Id && db.Roles.Any(r => r.Id == l.RoleId && r.Name == Roles.Expert)) })
            .ToListAsync(cancellationToken);
        if (newExpert is not null && names.FirstOrDefault(n => n.Id == newExpert) is not { IsExpert: true })
        {
            return (new Outcome.Invalid("所选用户不是评价专家。"), null);
        }

        if (evaluation.AssignedExpertId == newExpert)
        {
            return (Outcome.Ok, await AssignedAsync(db, evaluation.Id, cancellationToken));
        }

        if (MissingReason(reason) is { } noReason)
        {
            return (noReason, null);
        }

        string Name(string? id) => names.FirstOrDefault(n => n.Id == id) is { } n ? $"{n.DisplayName}（{n.UserName}）" : "（未指派）";
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), Actor = scope.DisplayName, Entity = "evaluation", EntityId = evaluation.Id, ProjectId = evaluation.ProjectId,
            Field = "expert", OldValue = Name(evaluation.AssignedExpertId), NewValue = Name(newExpert), Reason = reason!.Trim(),
        });
        evaluation.AssignedExpertId = newExpert;
        await db.SaveChangesAsync(cancellationToken);
        return (Outcome.Ok, await AssignedAsync(db, evaluation.Id, cancellationToken));
    }

    /// <summary>The evaluations an expert may be given or has: every 部门评价 (and 财政/第三方评价), newest first.</summary>
    public static async Task<IReadOnlyList<AssignedEvaluation>> AssignableEvaluationsAsync(JixiaoDbContext db, CancellationToken cancellationToken = default)
    {
        var self = EvaluationKind.SelfEvaluation;
        return await Assigned(db.Evaluations.AsNoTracking().Where(e => e.Kind != self).OrderByDescending(e => e.Id)).ToListAsync(cancellationToken);
    }

    /// <summary>The user-management lines of the audit log, newest first.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> HistoryAsync(JixiaoDbContext db, string? userName, int take, CancellationToken cancellationToken = default)
    {
        var lines = db.AuditLog.AsNoTracking().Where(a => a.Entity == "user");
        if (userName is not null)
        {
            var prefix = userName + "：";
            lines = lines.Where(a => (a.NewValue != null && a.NewValue.StartsWith(prefix)) || (a.OldValue != null && a.OldValue.StartsWith(prefix)));
        }

        return await lines.OrderByDescending(a => a.Id).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>"gaj：评价专家" → "评价专家": the value of a user audit line without the login name that leads it.</summary>
    public static string? ValueOf(string? auditValue) =>
        auditValue is null ? null : auditValue.IndexOf('：', StringComparison.Ordinal) is var i and >= 0 ? auditValue[(i + 1)..] : auditValue;

    /// <summary>The login name that leads a user audit line's values.</summary>
    public static string? UserNameOf(AuditEntry line) =>
        (line.NewValue ?? line.OldValue) is { } v && v.IndexOf('：', StringComparison.Ordinal) is var i and >= 0 ? v[..i] : null;

    public static string FieldName(string field) => field switch
    {
        "created" => "新建用户",
        "displayName" => "姓名",
        "role" => "角色",
        "units" => "单位",
        "password" => "密码",
        "lockout" => "锁定",
        "status" => "状态",
        _ => field,
    };

    private static async Task<AssignedEvaluation> AssignedAsync(JixiaoDbContext db, int id, CancellationToken cancellationToken) =>
        await Assigned(db.Evaluations.AsNoTracking().Where(e => e.Id == id)).SingleAsync(cancellationToken);

    private static IQueryable<AssignedEvaluation> Assigned(IQueryable<EvaluationEntity> evaluations) =>
        from e in evaluations
        select new AssignedEvaluation(e.Id, e.ProjectId, e.Project!.Name, e.Kind.Chinese(), e.Status == EvaluationStatus.Locked, e.Total, e.Grade, e.AssignedExpertId);

    internal static AccountState StateOf(JixiaoUser user, DateTimeOffset now) =>
        user.LockoutEnd is not { } end || end <= now ? AccountState.Active
        : end > now.AddYears(100) ? AccountState.Disabled
        : AccountState.LockedOut;

    /// <summary>The state as the admin sees it: a name that some address must wait to try again counts as 已锁定 (解锁 ends it).</summary>
    private static AccountState StateOf(JixiaoUser user, DateTimeOffset now, LoginThrottle throttle) =>
        StateOf(user, now) is AccountState.Active && throttle.HeldUntil(user.UserName!) is not null ? AccountState.LockedOut : StateOf(user, now);

    private static Outcome.Forbidden AdminOnly => new("只有管理员可以管理用户。");

    private static string Name(AccountState state) => state switch
    {
        AccountState.Active => "正常",
        AccountState.LockedOut => "已锁定",
        AccountState.Disabled => "已停用",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    private static string NewStamp() => Guid.NewGuid().ToString("D");

    private static Outcome.Invalid? MissingReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? new Outcome.Invalid("请填写修改原因，它将记入审计日志。") : null;

    private static async Task<(JixiaoUser? User, Outcome? Denied)> FindAsync(JixiaoDbContext db, AccessScope scope, string id, CancellationToken cancellationToken)
    {
        if (!scope.IsAdmin)
        {
            return (null, AdminOnly);
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        return user is null ? (null, new Outcome.NotFound($"找不到用户 {id}。")) : (user, null);
    }

    /// <summary>One of the four roles; 单位填报人 and 审核人 need at least one unit; every unit must exist.</summary>
    private static async Task<(int[] UnitIds, Outcome? Problem)> CheckRoleAndUnitsAsync(JixiaoDbContext db, string? role, int[]? unitIds,
        CancellationToken cancellationToken)
    {
        if (role is null || !Roles.All.Contains(role))
        {
            return ([], new Outcome.Invalid($"请选择角色：{string.Join("、", Roles.All)}。"));
        }

        var wanted = (unitIds ?? []).Distinct().Order().ToArray();
        if (role is Roles.Filler or Roles.Reviewer && wanted.Length == 0)
        {
            return ([], new Outcome.Invalid($"{role}必须关联至少一个单位。"));
        }

        var known = await db.Units.Where(u => wanted.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken);
        if (wanted.FirstOrDefault(u => !known.Contains(u)) is var missing and not 0)
        {
            return ([], new Outcome.Invalid($"单位 {missing} 不存在。"));
        }

        return (wanted, null);
    }

    private static async Task<Outcome.Invalid?> PasswordProblemAsync(UserManager<JixiaoUser> users, JixiaoUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return new Outcome.Invalid("请输入新密码。");
        }

        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }

        return errors.Count == 0 ? null : new Outcome.Invalid(string.Join(" ", errors));
    }

    private static async Task<(Outcome, UserSummary?)> SaveAsync(JixiaoDbContext db, JixiaoUser user, string? readStamp, TimeProvider clock, LoginThrottle throttle,
        CancellationToken cancellationToken)
    {
        db.Entry(user).Property(u => u.ConcurrencyStamp).OriginalValue = readStamp;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (new Outcome.Conflict(StaleMessage), null);
        }

        return (Outcome.Ok, await GetAsync(db, user.Id, clock, throttle, cancellationToken));
    }

    private static void Audit(JixiaoDbContext db, AccessScope scope, TimeProvider clock, JixiaoUser user, string field, string? old, string? @new, string? reason)
    {
        // Users have string ids and belong to no project: the login name leads the values ("gaj：单位填报人"), the way an
        // evaluation line's name leads its audit values.
        string? Value(string? v) => v is null ? null : $"{user.UserName}：{v}";
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), Actor = scope.DisplayName, Entity = "user", EntityId = 0, ProjectId = null,
            Field = field, OldValue = Value(old), NewValue = Value(@new), Reason = reason,
        });
    }

    private static string RoleText(Dictionary<string, string> roleIds, IEnumerable<string> ids)
    {
        var names = roleIds.Where(r => ids.Contains(r.Value)).Select(r => r.Key).ToHashSet();
        return names.Count == 0 ? "（无）" : string.Join("、", Roles.All.Where(names.Contains));
    }

    private static async Task<string> UnitNamesAsync(JixiaoDbContext db, IEnumerable<int> unitIds, CancellationToken cancellationToken)
    {
        var ids = unitIds.ToArray();
        if (ids.Length == 0)
        {
            return "（无单位）";
        }

        var names = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.Id).Select(u => u.Name).ToListAsync(cancellationToken);
        return string.Join("、", names);
    }

    private static async Task<IReadOnlyList<UserSummary>> SummariesAsync(JixiaoDbContext db, List<JixiaoUser> users, TimeProvider clock, LoginThrottle throttle,
        CancellationToken cancellationToken)
    {
        var ids = users.Select(u => u.Id).ToArray();
        var roleLinks = await (from link in db.UserRoles join r in db.Roles on link.RoleId equals r.Id where ids.Contains(link.UserId) select new { link.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var unitLinks = await (from link in db.UserUnits join u in db.Units on link.UnitId equals u.Id where ids.Contains(link.UserId) select new { link.UserId, u.Id, u.Name })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return users.Select(u =>
        {
            var roles = roleLinks.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToHashSet();
            var units = unitLinks.Where(l => l.UserId == u.Id).OrderBy(l => l.Id).ToList();
            var state = StateOf(u, now, throttle);
            var until = new[] { u.LockoutEnd is { } end && end > now ? end : (DateTimeOffset?)null, throttle.HeldUntil(u.UserName!) }.Max();
            return new UserSummary(u.Id, u.UserName!, u.DisplayName, Roles.All.Where(roles.Contains).ToList(), units.Select(l => l.Id).ToList(),
                units.Select(l => l.Name).ToList(), state, state == AccountState.LockedOut ? until : null, u.ConcurrencyStamp ?? "");
        }).ToList();
    }
}
