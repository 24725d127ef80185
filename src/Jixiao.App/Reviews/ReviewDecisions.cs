using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Reviews;

/// <summary>
/// The reviewer's decision on each of some projects, from the workflow's audit lines (status changes, with the
/// reviewer's name and comment): the last status line of an approved or returned project is the decision.
/// </summary>
public static class ReviewDecisions
{
    public static async Task<Dictionary<int, ReviewDecision>> ForAsync(JixiaoDbContext db, IQueryable<ProjectEntity> projects,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var decided = projects.Where(p => p.Status == ReviewStatus.Approved || p.Status == ReviewStatus.Returned);
        var statuses = await decided.Select(p => new { p.Id, p.Status }).ToListAsync(cancellationToken);
        if (statuses.Count == 0)
        {
            return [];
        }

        var ids = decided.Select(p => (int?)p.Id);
        var last = db.AuditLog.Where(a => a.Entity == "project" && a.Field == "status" && ids.Contains(a.ProjectId))
            .GroupBy(a => a.ProjectId).Select(g => g.Max(a => a.Id));
        var lines = await db.AuditLog.AsNoTracking().Where(a => last.Contains(a.Id))
            .Select(a => new { a.ProjectId, a.Actor, a.At, a.Reason, a.NewValue }).ToListAsync(cancellationToken);
        var byProject = lines.ToDictionary(l => l.ProjectId!.Value);
        return statuses.ToDictionary(s => s.Id, s => byProject.TryGetValue(s.Id, out var line) && line.NewValue == s.Status.Chinese()
            ? new ReviewDecision(s.Status, line.Actor, ChinaTime.Date(line.At), line.Reason)
            : new ReviewDecision(s.Status));
    }
}
