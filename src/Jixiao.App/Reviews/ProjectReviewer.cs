using Jixiao.App.Projects;
using Jixiao.Data.Entities;
using Jixiao.Domain.Reviews;

namespace Jixiao.App.Reviews;

/// <summary>
/// The review engine's findings (Jixiao.Domain.Reviews, docs/review.md) for a stored project, as they stand now: the
/// project is rebuilt from its stored targets, so an edit shows its effect at once.
/// </summary>
public static class ProjectReviewer
{
    public static ProjectReview Review(ProjectEntity project) =>
        ReviewEngine.Default.Review(StoredProjects.ToDomain(project), project.Unit?.Name ?? "", project.Unit?.Department);

    /// <summary>The findings about one indicator (by name, as the engine reports them).</summary>
    public static IReadOnlyList<ReviewFinding> For(ProjectReview review, string indicatorName) =>
        review.Findings.Where(f => f.Indicator == indicatorName).ToList();

    /// <summary>Rules whose fix is a different target value: their suggestion opens the target editor.</summary>
    public static bool FixedByEditingTarget(ReviewFinding finding) => finding.Rule.StartsWith("REV1", StringComparison.Ordinal);
}
