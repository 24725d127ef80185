using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Web.Auth;
using Jixiao.Web.Common;
using Jixiao.App.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Pages.Admin;

/// <summary>
/// One user (管理员 only): change name, role and units; set a new password; unlock after failed logins; disable or
/// enable. Each change needs a reason and is written to the audit log, shown at the foot of the page.
/// </summary>
[Authorize(Roles = App.Auth.Roles.Admin)]
public sealed class UserEditModel(JixiaoDbContext db, UserManager<JixiaoUser> users, AccessService access, TimeProvider clock, LoginThrottle throttle) : PageModel
{
    public UserSummary Subject { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name, string? Department)> Units { get; private set; } = [];
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];
    public bool IsSelf { get; private set; }

    /// <summary>Every 部门评价 (and 财政/第三方评价): those of this expert are listed, the other drafts can be given to them.</summary>
    public IReadOnlyList<AssignedEvaluation> Evaluations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var user = await UserAdmin.GetAsync(db, id, clock, throttle, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        Subject = user;
        IsSelf = user.Id == (await access.GetAsync(cancellationToken)).UserId;
        Units = (await db.Units.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.Name, u.Department }).ToListAsync(cancellationToken))
            .Select(u => (u.Id, u.Name, u.Department)).ToList();
        History = await UserAdmin.HistoryAsync(db, user.UserName, 50, cancellationToken);
        if (user.Roles.Contains(App.Auth.Roles.Expert))
        {
            Evaluations = await UserAdmin.AssignableEvaluationsAsync(db, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(string id, string? displayName, string? role, int[]? unitIds, string? reason, string? version,
        CancellationToken cancellationToken)
    {
        var (outcome, user) = await UserAdmin.EditAsync(db, await access.GetAsync(cancellationToken), id,
            new EditUserRequest(displayName, role, unitIds, reason, version), clock, throttle, cancellationToken);
        return this.RedirectWithMessage(outcome, $"已保存用户 {user?.UserName} 的姓名、角色和单位。", PageUrl(id));
    }

    public async Task<IActionResult> OnPostPasswordAsync(string id, string? password, string? confirmPassword, string? reason,
        CancellationToken cancellationToken)
    {
        var (outcome, user) = await UserAdmin.ResetPasswordAsync(db, users, await access.GetAsync(cancellationToken), id,
            new ResetPasswordRequest(password, reason, confirmPassword ?? ""), clock, throttle, cancellationToken);
        return this.RedirectWithMessage(outcome, $"已为 {user?.UserName} 设置新密码，其已登录的会话在 1 分钟内失效。请将新密码当面或以安全方式告知本人。", PageUrl(id));
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id, string? reason, CancellationToken cancellationToken)
    {
        var (outcome, user) = await UserAdmin.UnlockAsync(db, await access.GetAsync(cancellationToken), id, new UserActionRequest(reason), clock, throttle, cancellationToken);
        return this.RedirectWithMessage(outcome, $"已解锁用户 {user?.UserName}，可以重新登录。", PageUrl(id));
    }

    public async Task<IActionResult> OnPostDisableAsync(string id, bool enable, string? reason, CancellationToken cancellationToken)
    {
        var (outcome, user) = await UserAdmin.SetDisabledAsync(db, await access.GetAsync(cancellationToken), id, !enable, new UserActionRequest(reason),
            clock, throttle, cancellationToken);
        return this.RedirectWithMessage(outcome,
            enable ? $"已启用用户 {user?.UserName}。" : $"已停用用户 {user?.UserName}，已登录的会话在 1 分钟内失效。", PageUrl(id));
    }

    /// <summary>Gives a draft evaluation to this expert (<paramref name="assign"/>) or takes it from them.</summary>
    public async Task<IActionResult> OnPostAssignAsync(string id, int evaluationId, bool assign, string? reason, CancellationToken cancellationToken)
    {
        var scope = await access.GetAsync(cancellationToken);
        if (!assign && (await UserAdmin.AssignableEvaluationsAsync(db, cancellationToken)).FirstOrDefault(e => e.Id == evaluationId) is { } current
            && current.ExpertId != id)
        {
            TempData["Error"] = "该评价已不再指派给此用户，请刷新。";
            return Redirect(PageUrl(id));
        }

        var (outcome, evaluation) = await UserAdmin.AssignEvaluationAsync(db, scope, evaluationId, assign ? id : null, reason, clock, cancellationToken);
        return this.RedirectWithMessage(outcome,
            assign ? $"已将“{evaluation?.ProjectName}”的{evaluation?.Kind}指派给该专家。" : $"已取消“{evaluation?.ProjectName}”的{evaluation?.Kind}的指派。", PageUrl(id));
    }

    private static string PageUrl(string id) => $"/admin/users/{Uri.EscapeDataString(id)}";
}
