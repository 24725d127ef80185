using Jixiao.App.Auth;
using Jixiao.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Reviews;

/// <summary>
/// What the 审核 queue shows of a project beside its name: the system's quality score (0–100) and open errors, and
/// under a district's 审核口径 its 初审小结 (the 审核细项 that apply; null under the product's own rules).
/// </summary>
public sealed record QueueFigures(int Score, int Errors, string? InitialSummary = null, int InitialItems = 0);

/// <summary>The system's review of the projects a queue lists (a page of them), within the user's scope.</summary>
public static class ReviewQueue
{
    public static async Task<Dictionary<int, QueueFigures>> FiguresAsync(JixiaoDbContext db, AccessScope scope, IEnumerable<int> projectIds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var ids = projectIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var projects = await scope.Visible(db.Projects.AsNoTracking()).Where(p => ids.Contains(p.Id))
            .Include(p => p.Unit).Include(p => p.Indicators.OrderBy(i => i.Position)).AsSplitQuery().ToListAsync(cancellationToken);
        var choices = await RulebookInForce.LoadAsync(db, cancellationToken);
        return projects.ToDictionary(p => p.Id, p =>
        {
            var review = ProjectReviewer.Review(p);
            var initial = InitialReview.Of(p, choices).Review;
            return new QueueFigures(review.Score, ReviewWorkflow.OpenErrors(review).Count, initial?.Summary,
                initial?.Findings.Where(f => !f.Item.Manual).Select(f => f.Item.Name).Distinct().Count() ?? 0);
        });
    }
}
