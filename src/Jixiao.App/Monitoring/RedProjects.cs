using Jixiao.App.Auth;
using Jixiao.Data;
using Jixiao.Domain.Monitoring;

namespace Jixiao.App.Monitoring;

/// <summary>The red list of a round (the projects whose unit must correct, 纠偏), in the reader's scope.</summary>
public sealed record RedListView(RoundSummary Round, string District, IReadOnlyList<ProjectLightRow> Projects);

/// <summary>The round's red projects: those whose worst light (budget, an indicator or a rule option's warning) is red.</summary>
public static class RedProjects
{
    public static async Task<RedListView?> RunAsync(JixiaoDbContext db, AccessScope scope, MonitoringRules rules, int roundId,
        CancellationToken cancellationToken = default)
    {
        var lights = await RoundLights.RunAsync(db, scope, rules, roundId, cancellationToken);
        return lights is null ? null : new RedListView(lights.Round, lights.District, lights.Projects.Where(p => p.Lights.Light == Light.Red).ToList());
    }
}
