using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Rectification;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Rectification;

/// <summary>
/// One 整改 task as read: the finding (source, code, message, where), project and responsible unit, the days (found,
/// feedback due by the district's rules, issued, deadline), the status (<see cref="Status"/> stored: pending, submitted,
/// accepted; <see cref="StatusText"/> shown, 逾期 when overdue), the measures and the verification, the row's version,
/// and what this user may do with it.
/// </summary>
public sealed record RectificationTaskRow(int Id, int ProjectId, string ProjectName, int UnitId, string UnitName, string Source, string SourceText,
    string FindingCode, string FindingMessage, string? FindingWhere, DateOnly FoundOn, DateOnly FeedbackDue, DateOnly IssuedOn, DateOnly Deadline,
    string Status, string StatusText, bool Overdue, string? Measures, string? SubmittedBy, DateTimeOffset? SubmittedAt, string? ReturnReason,
    string? VerifiedBy, DateTimeOffset? VerifiedAt, string CreatedBy, DateTimeOffset CreatedAt, long Version, bool CanSubmit, bool CanVerify);

/// <summary>What to list: a project's tasks, one status (pending, submitted, accepted, or overdue), or all.</summary>
public sealed record RectificationFilter(int? ProjectId = null, string? Status = null);

/// <summary>
/// The 整改 tasks in the user's scope (a task is seen by whoever sees its project or its responsible unit; an admin:
/// all), overdue first, then by deadline. Overdue is judged against today in 北京时间 from the clock passed in.
/// </summary>
public static class RectificationTaskList
{
    public static async Task<IReadOnlyList<RectificationTaskRow>> RunAsync(JixiaoDbContext db, AccessScope scope, RectificationRules rules,
        RectificationFilter filter, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(filter);
        var today = ChinaTime.Today(clock);
        var tasks = Visible(db.RectificationTasks.AsNoTracking(), scope);
        if (filter.ProjectId is { } projectId)
        {
            tasks = tasks.Where(t => t.ProjectId == projectId);
        }

        switch (filter.Status?.Trim())
        {
            case null or "":
                break;
            case "overdue":
                tasks = tasks.Where(t => t.Status == RectificationStatus.Pending && t.Deadline < today);
                break;
            case var name when Enum.GetValues<RectificationStatus>().Cast<RectificationStatus?>().FirstOrDefault(s => s!.Value.Name() == name) is { } status:
                tasks = tasks.Where(t => t.Status == status);
                break;
            default:
                return [];
        }

        var rows = await tasks.Select(t => new { Task = t, ProjectName = t.Project!.Name, UnitName = t.Unit!.Name })
            .OrderBy(t => t.Task.Deadline).ThenBy(t => t.Task.Id).ToListAsync(cancellationToken);
        return rows.Select(r => Row(r.Task, r.ProjectName, r.UnitName, scope, rules, today)).OrderByDescending(r => r.Overdue).ToList();
    }

    /// <summary>One task in scope; null when it does not exist or the user may not see it (the two look alike).</summary>
    public static async Task<RectificationTaskRow?> OneAsync(JixiaoDbContext db, AccessScope scope, RectificationRules rules, int id, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await Visible(db.RectificationTasks.AsNoTracking(), scope).Where(t => t.Id == id)
            .Select(t => new { Task = t, ProjectName = t.Project!.Name, UnitName = t.Unit!.Name }).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : Row(row.Task, row.ProjectName, row.UnitName, scope, rules, ChinaTime.Today(clock));
    }

    /// <summary>The tasks whose project or responsible unit the user sees.</summary>
    internal static IQueryable<RectificationTaskEntity> Visible(IQueryable<RectificationTaskEntity> tasks, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var units = scope.UnitIds;
        return scope.IsAdmin ? tasks : tasks.Where(t => units.Contains(t.UnitId) || units.Contains(t.Project!.UnitId));
    }

    private static RectificationTaskRow Row(RectificationTaskEntity t, string projectName, string unitName, AccessScope scope, RectificationRules rules, DateOnly today) =>
        new(t.Id, t.ProjectId, projectName, t.UnitId, unitName, t.Source.Name(), t.Source.Chinese(), t.FindingCode, t.FindingMessage, t.FindingWhere,
            t.FoundOn, rules.FeedbackDue(t.FoundOn), t.IssuedOn, t.Deadline, t.Status.Name(), RectificationWorkflow.Shown(t.Status, t.Deadline, today),
            RectificationWorkflow.IsOverdue(t.Status, t.Deadline, today), t.Measures, t.SubmittedBy, t.SubmittedAt, t.ReturnReason, t.VerifiedBy,
            t.VerifiedAt, t.CreatedBy, t.CreatedAt, t.Version,
            t.Status == RectificationStatus.Pending && scope.MaySubmit(t.UnitId),
            t.Status == RectificationStatus.Submitted && scope.MayReview(t.UnitId));
}
