using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Pages.Admin;

public sealed record UserRow(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Units, bool Disabled);

public sealed record UnitRow(int Id, string Name, string? Department, int Projects, IReadOnlyList<string> Users);

/// <summary>
/// 用户与单位 (管理员 only): list users with roles and units, create a user (Identity's password policy applies),
/// disable or enable one (a disabled user is locked out for good and their sessions end), list the units.
/// </summary>
[Authorize(Roles = Auth.Roles.Admin)]
public sealed class UsersModel(JixiaoDbContext db, UserManager<JixiaoUser> users, AccessService access) : PageModel
{
    public IReadOnlyList<UserRow> Users { get; private set; } = [];
    public IReadOnlyList<UnitRow> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(string? userName, string? displayName, string? password, string? role, int[]? unitIds,
        CancellationToken cancellationToken)
    {
        userName = userName?.Trim() ?? "";
        displayName = displayName?.Trim() ?? "";
        string? error = null;
        if (userName.Length == 0 || displayName.Length == 0)
        {
            error = "请填写登录名和姓名。";
        }
        else if (role is null || !Auth.Roles.All.Contains(role))
        {
            error = "请选择角色。";
        }
        else if (role is Auth.Roles.Filler or Auth.Roles.Reviewer && (unitIds is null || unitIds.Length == 0))
        {
            error = $"{role}必须关联至少一个单位。";
        }

        if (error is null)
        {
            var user = new JixiaoUser { UserName = userName, DisplayName = displayName };
            var created = await users.CreateAsync(user, password ?? "");
            if (!created.Succeeded)
            {
                error = string.Join(" ", created.Errors.Select(e => e.Description));
            }
            else
            {
                await users.AddToRoleAsync(user, role!);
                var known = await db.Units.Where(u => unitIds!.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken);
                db.UserUnits.AddRange(known.Select(id => new UserUnit { UserId = user.Id, UnitId = id }));
                await db.SaveChangesAsync(cancellationToken);
                TempData["Message"] = $"已创建用户 {userName}（{role}）。";
                return RedirectToPage();
            }
        }

        TempData["Error"] = error;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync(string id, bool enable, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var scope = await access.GetAsync(cancellationToken);
        if (!enable && user.Id == scope.UserId)
        {
            TempData["Error"] = "不能停用自己的账户。";
            return RedirectToPage();
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, enable ? null : DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        TempData["Message"] = enable ? $"已启用用户 {user.UserName}。" : $"已停用用户 {user.UserName}，已登录的会话在 1 分钟内失效。";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var roleLinks = await (from link in db.UserRoles join r in db.Roles on link.RoleId equals r.Id select new { link.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var unitLinks = await (from link in db.UserUnits join u in db.Units on link.UnitId equals u.Id select new { link.UserId, u.Id, u.Name })
            .ToListAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var all = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        Users = all.Select(u => new UserRow(u.Id, u.UserName!, u.DisplayName,
            roleLinks.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList(),
            unitLinks.Where(l => l.UserId == u.Id).Select(l => l.Name).ToList(),
            u.LockoutEnd is { } end && end > now.AddYears(100))).ToList();
        var names = all.ToDictionary(u => u.Id, u => u.UserName!);
        Units = (await db.Units.AsNoTracking().OrderBy(u => u.Id)
                .Select(u => new { u.Id, u.Name, u.Department, Projects = u.Projects.Count }).ToListAsync(cancellationToken))
            .Select(u => new UnitRow(u.Id, u.Name, u.Department, u.Projects,
                unitLinks.Where(l => l.Id == u.Id).Select(l => names.GetValueOrDefault(l.UserId, "?")).ToList())).ToList();
    }
}
