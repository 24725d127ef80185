using System.Security.Claims;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace Jixiao.App.Auth;

/// <summary>What a login attempt came to; the page and the API map it alike (200 / 401 / 423 / 429).</summary>
public abstract record LoginResult
{
    private LoginResult()
    {
    }

    public sealed record SignedIn(JixiaoUser User) : LoginResult;

    /// <summary>A wrong password or an unknown name: one answer for both, so nothing tells which names exist.</summary>
    public sealed record Refused : LoginResult;

    /// <summary>The right password of a disabled account: only someone who knows the password learns it is disabled.</summary>
    public sealed record Disabled : LoginResult;

    /// <summary>This address failed too often (<see cref="LoginThrottle"/>): it waits before its next try.</summary>
    public sealed record Throttled(TimeSpan Wait) : LoginResult;

    public string Message => this switch
    {
        SignedIn => "",
        Refused => PasswordLogin.WrongMessage,
        Disabled => "该账户已停用，请联系管理员。",
        Throttled t => PasswordLogin.ThrottledMessage(t.Wait),
        _ => throw new InvalidOperationException(),
    };
}

/// <summary>
/// The password login of the page and of POST /api/v1/auth/login. An unknown name costs the same hash verification as
/// a known one (against a dummy hash) and gets the same answer as a wrong password; no account is ever locked by
/// failures — the address that fails waits instead (<see cref="LoginThrottle"/>). Every failure and every wait that
/// starts is an audit line (entity "login"), with the address, never the password typed.
/// </summary>
public sealed class PasswordLogin(SignInManager<JixiaoUser> signIn, JixiaoDbContext db, LoginThrottle throttle, TimeProvider clock)
{
    public const string WrongMessage = "用户名或密码错误。";

    /// <summary>The actor of a login's audit lines: a name typed at the login is what someone claims, not who they are.</summary>
    public const string Anonymous = "（未登录）";

    private static string? s_dummyHash;

    public static string ThrottledMessage(TimeSpan wait) => $"登录失败次数过多，请 {LoginThrottle.Describe(wait)}后再试，或请管理员解锁。";

    public async Task<LoginResult> SignInAsync(string? userName, string? password, string address, CancellationToken cancellationToken = default)
    {
        userName ??= "";
        password ??= "";
        if (throttle.Wait(address, userName) is { } wait)
        {
            return new LoginResult.Throttled(wait);
        }

        var users = signIn.UserManager;
        var user = userName.Length == 0 ? null : await users.FindByNameAsync(userName);
        bool right;
        if (user?.PasswordHash is null)
        {
            // The same PBKDF2 work as a real check (~90 ms): the time of the answer does not tell whether the name exists.
            s_dummyHash ??= users.PasswordHasher.HashPassword(new JixiaoUser(), Guid.NewGuid().ToString("N"));
            users.PasswordHasher.VerifyHashedPassword(new JixiaoUser(), s_dummyHash, password);
            right = false;
        }
        else
        {
            right = await users.CheckPasswordAsync(user, password);
        }

        if (!right)
        {
            await FailedAsync(db, throttle, clock, userName, address, "登录密码错误", Anonymous, cancellationToken);
            return new LoginResult.Refused();
        }

        throttle.Succeeded(address, userName);
        if (Users.UserAdmin.StateOf(user!, clock.GetUtcNow()) == Users.AccountState.Disabled)
        {
            Audit(db, clock, Anonymous, "disabled", $"{user!.UserName}：已停用的账户登录被拒绝", $"来自 {address}");
            await db.SaveChangesAsync(cancellationToken);
            return new LoginResult.Disabled();
        }

        await signIn.SignInWithClaimsAsync(user!, isPersistent: false, [new Claim("amr", "pwd")]);
        return new LoginResult.SignedIn(user!);
    }

    /// <summary>
    /// Counts a wrong password of <paramref name="userName"/> from <paramref name="address"/> (a login, or the current
    /// password on 修改密码) and writes its audit line, and one more when the failure starts a wait.
    /// </summary>
    public static async Task FailedAsync(JixiaoDbContext db, LoginThrottle throttle, TimeProvider clock, string userName, string address, string what,
        string actor, CancellationToken cancellationToken)
    {
        var hold = throttle.Failed(address, userName);
        var shown = Shown(userName);
        Audit(db, clock, actor, "failed", $"{shown}：{what}", $"来自 {address}");
        if (hold is { } h)
        {
            Audit(db, clock, actor, "throttled",
                h.ForName ? $"{shown}：暂停登录至 {ChinaTime.Text(h.Until)}" : $"（该地址的所有账户）：暂停登录至 {ChinaTime.Text(h.Until)}",
                $"来自 {address}：{(h.ForName ? "该账户" : "该地址")}登录失败 {h.Failures} 次");
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Audit(JixiaoDbContext db, TimeProvider clock, string actor, string field, string value, string reason) =>
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), Actor = actor, Entity = "login", EntityId = 0, ProjectId = null,
            Field = field, OldValue = null, NewValue = value, Reason = reason,
        });

    /// <summary>The typed name as the log keeps it: at most 64 characters, no line breaks.</summary>
    private static string Shown(string userName)
    {
        var oneLine = string.Concat(userName.Where(c => !char.IsControl(c)));
        return oneLine.Length == 0 ? "（空）" : oneLine.Length <= 64 ? oneLine : oneLine[..64] + "…";
    }
}
