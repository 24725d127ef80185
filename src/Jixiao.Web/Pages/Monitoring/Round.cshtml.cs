using Jixiao.App.Monitoring;
using Jixiao.Data;
using Jixiao.Domain.Monitoring;
using Jixiao.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Monitoring;

/// <summary>
/// One round's lights by unit and by project (the same use case as GET /api/v1/monitoring/rounds/{id}/lights); a round
/// outside the user's scope is 404, like a missing one.
/// </summary>
public sealed class RoundModel(JixiaoDbContext db, AccessService access, MonitoringRules rules) : PageModel
{
    public RoundLightsView Lights { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var lights = await RoundLights.RunAsync(db, await access.GetAsync(cancellationToken), rules, id, cancellationToken);
        if (lights is null)
        {
            return NotFound();
        }

        Lights = lights;
        return Page();
    }

    public static string Badge(Light? light) => light switch
    {
        Light.Red => "text-bg-danger",
        Light.Yellow => "text-bg-warning",
        Light.Green => "text-bg-success",
        Light.Blue => "text-bg-primary",
        _ => "text-bg-secondary",
    };

    public static string Name(Light? light) => light?.Chinese() ?? "无法判断";
}
