using Jixiao.App.Auth;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Projects;

/// <summary>A project with its unit and indicators (in source order), or null when it is not visible to the user.</summary>
public static class ProjectDetail
{
    public static async Task<ProjectEntity?> RunAsync(JixiaoDbContext db, AccessScope scope, int id, CancellationToken cancellationToken = default)
    {
        var project = await scope.Visible(db.Projects.AsNoTracking())
            .Include(p => p.Unit)
            .Include(p => p.Indicators.OrderBy(i => i.Position))
            // One query: a project has a handful of indicators, so repeating its row per indicator costs less than a
            // second round trip.
            .AsSingleQuery()
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return project;
    }

    public static async Task<IndicatorEntity?> IndicatorAsync(JixiaoDbContext db, AccessScope scope, int id, CancellationToken cancellationToken = default) =>
        await db.Indicators.AsNoTracking().Include(i => i.Project)
            .Where(i => scope.IsAdmin || scope.UnitIds.Contains(i.Project!.UnitId))
            .SingleOrDefaultAsync(i => i.Id == id, cancellationToken);

    public static async Task<IReadOnlyList<AuditEntry>> HistoryAsync(JixiaoDbContext db, int projectId, CancellationToken cancellationToken = default) =>
        await db.AuditLog.AsNoTracking().Where(a => a.ProjectId == projectId).OrderByDescending(a => a.Id).ToListAsync(cancellationToken);
}
