using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Monitoring;

/// <summary>
/// An open round as the 首页 warns of it, counted over the projects in the reader's scope: its red projects (and of them
/// those not asked to 纠偏 yet), its entries not submitted, and whether its fill deadline has passed.
/// </summary>
public sealed record RoundAlert(int RoundId, int FiscalYear, string Months, DateOnly Deadline, bool PastDeadline, int Projects, int Red, int RedNotAsked,
    int Unsubmitted);

/// <summary>
/// What the 首页 warns of in 运行监控: the open rounds with red projects or late entries, and the 纠偏 requests in scope
/// still owed (<see cref="CorrectionsOverdue"/> past their deadline, <see cref="CorrectionsAwaiting"/> not yet, the
/// nearest deadline of those). <see cref="MayAnswer"/>: the reader is a unit's clerk (the one who owes the answers);
/// <see cref="MayAsk"/>: the reader may 下达纠偏 (a reviewer of the units, an admin).
/// </summary>
public sealed record MonitoringAlertView(IReadOnlyList<RoundAlert> Rounds, int CorrectionsOverdue, int CorrectionsAwaiting, DateOnly? NextCorrectionDeadline,
    bool MayAnswer, bool MayAsk)
{
    public bool Any => CorrectionsOverdue > 0 || CorrectionsAwaiting > 0 || Rounds.Count > 0;
}

/// <summary>
/// The 运行监控 warnings of the 首页, in the reader's scope (a clerk: its units; a reviewer: the units it oversees; an
/// admin: all). An expert, though linked to a unit for its evaluations, has no part in monitoring and gets none. Lights are those of <see cref="RoundLights"/>, computed by
/// the district's rules for the open rounds only; a closed round no longer warns, but its 纠偏 still owed do.
/// </summary>
public static class MonitoringAlerts
{
    public static async Task<MonitoringAlertView> RunAsync(JixiaoDbContext db, AccessScope scope, MonitoringRules rules, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.IsAdmin && !scope.IsFiller && !scope.IsReviewer)
        {
            return new MonitoringAlertView([], 0, 0, null, false, false);
        }

        var today = ChinaTime.Today(clock);
        var awaiting = await CorrectionQueue.Visible(db.MonitoringCorrections.AsNoTracking(), scope)
            .Where(c => c.Status == CorrectionStatus.Awaiting).Select(c => new { c.EntryId, c.Deadline }).ToListAsync(cancellationToken);
        var overdue = awaiting.Count(c => CorrectionWorkflow.IsOverdue(CorrectionStatus.Awaiting, c.Deadline, today));
        var pending = awaiting.Where(c => !CorrectionWorkflow.IsOverdue(CorrectionStatus.Awaiting, c.Deadline, today)).ToList();

        var openRounds = await scope.Visible(db.MonitoringRounds.AsNoTracking()).Where(r => r.Status == MonitoringRoundStatus.Open)
            .OrderByDescending(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
        var asked = await CorrectionQueue.Visible(db.MonitoringCorrections.AsNoTracking(), scope).Where(c => openRounds.Contains(c.RoundId))
            .Select(c => c.EntryId).ToListAsync(cancellationToken);
        var askedEntries = asked.ToHashSet();
        var rounds = new List<RoundAlert>();
        foreach (var id in openRounds)
        {
            var lights = await RoundLights.RunAsync(db, scope, rules, id, cancellationToken);
            if (lights is null || lights.Projects.Count == 0)
            {
                continue;
            }

            var red = lights.Projects.Where(p => p.Lights.Light == Light.Red).ToList();
            var unsubmitted = lights.Projects.Count(p => p.Status != "submitted");
            var pastDeadline = today > lights.Round.Deadline;
            if (red.Count > 0 || (pastDeadline && unsubmitted > 0))
            {
                rounds.Add(new RoundAlert(id, lights.Round.FiscalYear, lights.Round.Months, lights.Round.Deadline, pastDeadline, lights.Projects.Count, red.Count,
                    red.Count(p => !askedEntries.Contains(p.EntryId)), unsubmitted));
            }
        }

        return new MonitoringAlertView(rounds, overdue, pending.Count, pending.Count > 0 ? pending.Min(c => c.Deadline) : null,
            scope.IsFiller && scope.UnitIds.Length > 0, scope.MayOpenMonitoring);
    }
}
