using Jixiao.App.Monitoring;
using Jixiao.Data;
using Jixiao.Web.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Monitoring;

/// <summary>运行监控: the rounds the user sees, newest first (the same use case as GET /api/v1/monitoring/rounds).</summary>
public sealed class IndexModel(JixiaoDbContext db, AccessService access) : PageModel
{
    public IReadOnlyList<RoundSummary> Rounds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rounds = await MonitoringRounds.ListAsync(db, await access.GetAsync(cancellationToken), cancellationToken);
}
