using System.Text.RegularExpressions;
using Jixiao.App.Auth;
using Jixiao.App.Projects;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Reviews.Rulebooks;

namespace Jixiao.App.Reviews;

/// <summary>
/// A project's 初审 by the 审核口径 in force (<see cref="InUse"/>): <see cref="Review"/> is null under the product's own
/// rules (the system's 预审 stands alone) and when the rulebook cannot be run (<see cref="Problem"/> says why).
/// </summary>
public sealed record InitialReviewView(RulebookInUse InUse, RulebookProjectReview? Review, string? Problem)
{
    public bool ByRulebook => InUse.Rulebook is not null;
}

/// <summary>
/// The 初审 of stored projects by the rulebook their unit and year have chosen (<see cref="RulebookInForce"/>): the
/// project as stored (with 政策依据, 测算依据, 指标解释 and its 不适用 rows), so an edit shows at once, exactly as
/// `jixiao review FILE --rules …` says of the file it came from.
/// </summary>
public static class InitialReview
{
    /// <summary>A visible project's 初审 (the caller has loaded it with unit and indicators through the scope).</summary>
    public static InitialReviewView Of(ProjectEntity project, IReadOnlyList<RulebookChoiceEntity> choices)
    {
        ArgumentNullException.ThrowIfNull(project);
        return Of(project, RulebookInForce.For(choices, project.UnitId, project.FiscalYear));
    }

    public static InitialReviewView Of(ProjectEntity project, RulebookInUse inUse)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(inUse);
        if (inUse.Rulebook is not { } rulebook)
        {
            return new InitialReviewView(inUse, null, inUse.Problem);
        }

        try
        {
            return new InitialReviewView(inUse, new RulebookReviewer(rulebook).Review(StoredProjects.ToDomain(project), project.Unit?.Name ?? ""), null);
        }
        catch (RegexMatchTimeoutException ex)
        {
            // A district's pattern is the district's: one that runs away is reported, not a broken page.
            return new InitialReviewView(inUse, null, $"审核口径中的正则表达式“{ex.Pattern}”运行超时，无法完成初审；请修改该审核细项后重新上传审核口径。");
        }
    }

    /// <summary>The 初审 of one project by id, or null when it is not visible to the user.</summary>
    public static async Task<InitialReviewView?> RunAsync(JixiaoDbContext db, AccessScope scope, int projectId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var project = await ProjectDetail.RunAsync(db, scope, projectId, cancellationToken);
        return project is null ? null : Of(project, await RulebookInForce.LoadAsync(db, cancellationToken));
    }
}
