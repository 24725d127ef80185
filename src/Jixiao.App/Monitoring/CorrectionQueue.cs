using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Monitoring;

/// <summary>
/// One 纠偏 request as read: the round and the red project, why it was red, the days (asked, due), the status
/// (<see cref="Status"/> stored: awaiting, answered; <see cref="StatusText"/> shown: 待答复, 逾期未答复, 已答复, 逾期答复),
/// the unit's answer (money in 分), the funds mark, the row's version, and what this user may do with it.
/// </summary>
public sealed record CorrectionRow(int Id, int RoundId, int FiscalYear, string Months, int EntryId, int ProjectId, string ProjectName, int UnitId,
    string UnitName, long? BudgetFen, string RedReason, DateOnly RequestedOn, DateOnly Deadline, string RequestedBy, string Status, string StatusText,
    bool Overdue, bool AnsweredLate, string? Decision, string? DecisionText, long? AdjustFen, string? AnswerReason, string? AnsweredBy,
    DateTimeOffset? AnsweredAt, bool FundsPaused, string? PauseReason, string? PausedBy, DateTimeOffset? PausedAt, long Version, bool CanAnswer,
    bool CanPause);

/// <summary>What to list: one round's requests or all; one status (awaiting, answered, overdue, paused) or all.</summary>
public sealed record CorrectionFilter(int? RoundId = null, string? Status = null);

/// <summary>
/// The 纠偏 queue: the requests of the projects in the user's scope (an admin: all), overdue ones first, then by
/// deadline. Overdue is judged against today in 北京时间 from the clock passed in.
/// </summary>
public static class CorrectionQueue
{
    public static async Task<IReadOnlyList<CorrectionRow>> RunAsync(JixiaoDbContext db, AccessScope scope, CorrectionFilter filter, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var today = ChinaTime.Today(clock);
        var corrections = Visible(db.MonitoringCorrections.AsNoTracking(), scope);
        if (filter.RoundId is { } roundId)
        {
            corrections = corrections.Where(c => c.RoundId == roundId);
        }

        switch (filter.Status?.Trim())
        {
            case null or "":
                break;
            case "overdue":
                corrections = corrections.Where(c => c.Status == CorrectionStatus.Awaiting && c.Deadline < today);
                break;
            case "paused":
                corrections = corrections.Where(c => c.FundsPaused);
                break;
            case var name when Enum.GetValues<CorrectionStatus>().Cast<CorrectionStatus?>().FirstOrDefault(s => s!.Value.Name() == name) is { } status:
                corrections = corrections.Where(c => c.Status == status);
                break;
            default:
                return [];
        }

        var rows = await Project(corrections.OrderBy(c => c.Deadline).ThenBy(c => c.Id)).ToListAsync(cancellationToken);
        return rows.Select(r => Row(r, scope, today)).OrderByDescending(r => r.Overdue).ToList();
    }

    /// <summary>One request in scope; null when it does not exist or the user may not see it (the two look alike).</summary>
    public static async Task<CorrectionRow?> OneAsync(JixiaoDbContext db, AccessScope scope, int id, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await Project(Visible(db.MonitoringCorrections.AsNoTracking(), scope).Where(c => c.Id == id)).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : Row(row, scope, ChinaTime.Today(clock));
    }

    /// <summary>The requests whose project the user sees.</summary>
    internal static IQueryable<MonitoringCorrectionEntity> Visible(IQueryable<MonitoringCorrectionEntity> corrections, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var units = scope.UnitIds;
        return scope.IsAdmin ? corrections : corrections.Where(c => units.Contains(c.Project!.UnitId));
    }

    private sealed record Read(MonitoringCorrectionEntity Correction, int FiscalYear, int StartMonth, int EndMonth, string ProjectName, int UnitId,
        string UnitName, long? BudgetFen);

    private static IQueryable<Read> Project(IQueryable<MonitoringCorrectionEntity> corrections) =>
        corrections.Select(c => new Read(c, c.Round!.FiscalYear, c.Round.StartMonth, c.Round.EndMonth, c.Project!.Name, c.Project.UnitId,
            c.Project.Unit!.Name, c.Project.TotalFen));

    private static CorrectionRow Row(Read r, AccessScope scope, DateOnly today)
    {
        var c = r.Correction;
        return new CorrectionRow(c.Id, c.RoundId, r.FiscalYear, RoundKinds.Months(r.StartMonth, r.EndMonth), c.EntryId, c.ProjectId, r.ProjectName,
            r.UnitId, r.UnitName, r.BudgetFen, c.RedReason, c.RequestedOn, c.Deadline, c.RequestedBy, c.Status.Name(),
            CorrectionWorkflow.Shown(c.Status, c.Deadline, c.AnsweredOn, today), CorrectionWorkflow.IsOverdue(c.Status, c.Deadline, today),
            CorrectionWorkflow.AnsweredLate(c.AnsweredOn, c.Deadline), c.Decision?.Name(), c.Decision?.Chinese(), c.AdjustFen, c.AnswerReason,
            c.AnsweredBy, c.AnsweredAt, c.FundsPaused, c.PauseReason, c.PausedBy, c.PausedAt, c.Version,
            c.Status == CorrectionStatus.Awaiting && scope.MayFillMonitoring(r.UnitId), scope.MayReview(r.UnitId));
    }
}
