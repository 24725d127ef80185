using Jixiao.Data;
using Jixiao.Web.Auth;
using Jixiao.Web.Common;
using Jixiao.App.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Admin;

/// <summary>One unit (管理员 only): correct its name or department, with a reason; its change history below.</summary>
[Authorize(Roles = App.Auth.Roles.Admin)]
public sealed class UnitEditModel(JixiaoDbContext db, AccessService access, TimeProvider clock) : PageModel
{
    public UnitAdminDto Subject { get; private set; } = null!;
    public IReadOnlyList<UnitHistoryLine> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await UnitAdmin.GetAsync(db, id, cancellationToken) is not { } unit)
        {
            return NotFound();
        }

        Subject = unit;
        History = await UnitAdmin.HistoryAsync(db, id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? name, string? department, string? reason, long? version,
        CancellationToken cancellationToken)
    {
        var (outcome, unit) = await UnitAdmin.EditAsync(db, await access.GetAsync(cancellationToken), id,
            new EditUnitRequest(name, department, reason, version), clock, cancellationToken);
        return this.RedirectWithMessage(outcome, $"已保存单位“{unit?.Name}”。", $"/admin/units/{id}");
    }
}
