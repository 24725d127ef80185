using System.Globalization;
using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Monitoring;

/// <summary>
/// 下达纠偏: every red project of the round that the user reviews (an admin: all; a 主管部门/财政审核人: its units) and
/// that was not asked yet gets a request, due the district's working days after today (<see cref="CorrectionRule"/>).
/// One audit line created per request, with the project, in one transaction.
/// </summary>
public static class RequestCorrections
{
    /// <summary>How many requests were made (0 when every red project was asked already), or why not.</summary>
    public static async Task<(Outcome Outcome, int Created)> RunAsync(JixiaoDbContext db, AccessScope scope, MonitoringRules rules, int roundId,
        TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(clock);
        var lights = await RoundLights.RunAsync(db, scope, rules, roundId, cancellationToken);
        if (lights is null)
        {
            return (new Outcome.NotFound($"找不到监控轮次 {roundId}。"), 0);
        }

        if (!scope.IsAdmin && !scope.IsReviewer)
        {
            return (new Outcome.Forbidden("纠偏由财政或主管部门审核人下达。"), 0);
        }

        var asked = await db.MonitoringCorrections.Where(c => c.RoundId == roundId).Select(c => c.EntryId).ToListAsync(cancellationToken);
        var red = lights.Projects.Where(p => p.Lights.Light == Light.Red && scope.MayReview(p.UnitId) && !asked.Contains(p.EntryId)).ToList();
        if (red.Count == 0)
        {
            return (Outcome.Ok, 0);
        }

        var today = ChinaTime.Today(clock);
        var deadline = CorrectionWorkflow.Deadline(rules.Correction, today);
        var at = clock.GetUtcNow();
        var made = red.Select(p => new MonitoringCorrectionEntity
        {
            RoundId = roundId, EntryId = p.EntryId, ProjectId = p.ProjectId, RedReason = RedReason(p.Lights), RequestedOn = today, Deadline = deadline,
            RequestedBy = scope.DisplayName, RequestedAt = at, Status = CorrectionStatus.Awaiting, Version = 1,
        }).ToList();

        // The audit lines name the requests' ids, known only after the first save: both saves in one transaction, so
        // there is never a request without its created line.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.MonitoringCorrections.AddRange(made);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another reviewer asked for the same entry at the same time (the unique index on EntryId).
            return (new Outcome.Conflict(CorrectionAudit.Stale), 0);
        }

        var due = deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var correction in made)
        {
            CorrectionAudit.Add(db, scope, at, correction, "created", null, $"{CorrectionStatus.Awaiting.Chinese()}：答复期限 {due}（{rules.Correction.WorkingDays} 个工作日）",
                correction.RedReason);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (Outcome.Ok, made.Count);
    }

    /// <summary>The red parts of a project's lights, as the unit will read why it must answer.</summary>
    internal static string RedReason(ProjectLight lights)
    {
        var parts = new List<string>();
        if (lights.Budget.Light == Light.Red)
        {
            parts.Add("预算执行：" + lights.Budget.Explanation);
        }

        parts.AddRange(lights.Indicators.Where(i => i.Verdict.Light == Light.Red).Select(i => $"指标“{i.Name}”：{i.Verdict.Explanation}"));
        parts.AddRange(lights.Warnings.Where(w => w.Light == Light.Red).Select(w => $"{w.Code} {w.Message}"));
        var text = string.Join("\n", parts);
        return text.Length <= 4000 ? text : text[..3999] + "…";
    }
}
