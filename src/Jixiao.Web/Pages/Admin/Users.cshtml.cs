using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Web.Auth;
using Jixiao.Web.Common;
using Jixiao.App.Units;
using Jixiao.App.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Pages.Admin;

public sealed record UnitRow(int Id, string Name, string? Department, int Projects, IReadOnlyList<string> Users);

/// <summary>
/// 用户与单位 (管理员 only): users with roles, units and state (each opens its own page to be edited), create a user
/// (Identity's password policy applies), the latest user-management lines of the audit log, the units (each opens
/// its own page to be corrected), create a unit.
/// </summary>
[Authorize(Roles = App.Auth.Roles.Admin)]
public sealed class UsersModel(JixiaoDbContext db, UserManager<JixiaoUser> users, AccessService access, TimeProvider clock, LoginThrottle throttle) : PageModel
{
    public IReadOnlyList<UserSummary> Users { get; private set; } = [];
    public IReadOnlyList<UnitRow> Units { get; private set; } = [];
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Users = await UserAdmin.ListAsync(db, clock, throttle, cancellationToken);
        var names = Users.SelectMany(u => u.UnitIds.Select(id => (id, u.UserName))).ToLookup(x => x.id, x => x.UserName);
        Units = (await db.Units.AsNoTracking().OrderBy(u => u.Id)
                .Select(u => new { u.Id, u.Name, u.Department, Projects = u.Projects.Count }).ToListAsync(cancellationToken))
            .Select(u => new UnitRow(u.Id, u.Name, u.Department, u.Projects, names[u.Id].ToList())).ToList();
        History = await UserAdmin.HistoryAsync(db, null, 10, cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync(string? userName, string? displayName, string? password, string? role, int[]? unitIds,
        CancellationToken cancellationToken)
    {
        var (outcome, _) = await UserAdmin.CreateAsync(db, users, await access.GetAsync(cancellationToken),
            new CreateUserRequest(userName, displayName, password, role, unitIds), clock, throttle, cancellationToken);
        return this.RedirectWithMessage(outcome, $"已创建用户 {userName?.Trim()}（{role}）。", "/admin/users");
    }

    public async Task<IActionResult> OnPostCreateUnitAsync(string? unitName, string? unitDepartment, CancellationToken cancellationToken)
    {
        var (outcome, unit) = await UnitAdmin.CreateAsync(db, await access.GetAsync(cancellationToken),
            new CreateUnitRequest(unitName, unitDepartment, null), clock, cancellationToken);
        return this.RedirectWithMessage(outcome, $"已创建单位“{unit?.Name}”。", "/admin/users");
    }
}
