using Jixiao.App.Monitoring;
using Jixiao.Data;
using Jixiao.Domain.Monitoring;
using Jixiao.Web.Auth;
using Jixiao.Web.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Monitoring;

/// <summary>
/// One round's lights by unit and by project (the same use case as GET /api/v1/monitoring/rounds/{id}/lights); a round
/// outside the user's scope is 404, like a missing one.
/// </summary>
public sealed class RoundModel(JixiaoDbContext db, AccessService access, MonitoringRules rules, TimeProvider clock) : PageModel
{
    public RoundLightsView Lights { get; private set; } = null!;

    /// <summary>Whether this user may 下达纠偏 for the round's red projects (a reviewer of their units or an admin).</summary>
    public bool CanRequestCorrections { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var scope = await access.GetAsync(cancellationToken);
        var lights = await RoundLights.RunAsync(db, scope, rules, id, cancellationToken);
        if (lights is null)
        {
            return NotFound();
        }

        Lights = lights;
        CanRequestCorrections = lights.Projects.Any(p => p.Lights.Light == Light.Red && scope.MayReview(p.UnitId));
        return Page();
    }

    /// <summary>下达纠偏: the red projects not asked yet get a request each (RequestCorrections); then the round's queue.</summary>
    public async Task<IActionResult> OnPostCorrectionsAsync(int id, CancellationToken cancellationToken)
    {
        var (outcome, created) = await RequestCorrections.RunAsync(db, await access.GetAsync(cancellationToken), rules, id, clock, cancellationToken);
        return this.RedirectWithMessage(outcome, created == 0 ? "红灯项目均已下达纠偏，没有新增。" : $"已对 {created} 个红灯项目下达纠偏。",
            $"/monitoring/corrections?roundId={id}");
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
