using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Rechecks;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Rechecks;

/// <summary>A reviewer's decision on a line as stored: accepted (<see cref="Score"/> null) or the score put, with who, when and why.</summary>
public sealed record RecheckLineDecisionView(int Line, decimal? Score, string? Reason, string DecidedBy, DateTimeOffset DecidedAt)
{
    public bool Accepted => Score is null;
}

/// <summary>One line of the audit log of an evaluation's decisions.</summary>
public sealed record RecheckHistoryLine(DateTimeOffset At, string Actor, string Field, string? OldValue, string? NewValue, string? Reason);

/// <summary>
/// One rechecked evaluation: the 复核 with the reviewer's decisions taken (<see cref="Result"/>) beside the one the worker
/// stored (<see cref="Original"/>), every finding with the reading's, the decision of each line (null where none), the
/// row's version for the next decision, the audit history, and whether this user may decide.
/// </summary>
public sealed record RecheckEvaluationView(int BatchId, string BatchName, int Id, string FileName, string? FileNote, long Version, RecheckResult Result,
    RecheckResult Original, IReadOnlyList<RecheckFinding> Findings, bool CutShort, IReadOnlyList<RecheckLineDecisionView?> Decisions,
    IReadOnlyList<RecheckHistoryLine> History, bool MayDecide);

/// <summary>An evaluation of a batch the user sees; a forged batch or evaluation id is not found.</summary>
public static class RecheckEvaluationDetail
{
    public const string AuditEntity = "recheck";

    public static async Task<(Outcome Outcome, RecheckEvaluationView? View)> RunAsync(JixiaoDbContext db, AccessScope scope, int batchId, int id,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var (outcome, found) = await FindAsync(db, scope, batchId, id, tracking: false, cancellationToken);
        if (found is null)
        {
            return (outcome, null);
        }

        var (batchName, row, fileName, note) = found.Value;
        var decided = DecidedRecheck.From(row, [.. row.Decisions.OrderBy(d => d.Line)]);
        var byLine = decided.Decisions.ToDictionary(d => d.Line);
        var history = await db.AuditLog.AsNoTracking().Where(a => a.Entity == AuditEntity && a.EntityId == id).OrderBy(a => a.Id)
            .Select(a => new RecheckHistoryLine(a.At, a.Actor, a.Field, a.OldValue, a.NewValue, a.Reason)).ToListAsync(cancellationToken);
        return (Outcome.Ok, new RecheckEvaluationView(batchId, batchName, id, fileName, note, row.Version, decided.Result, decided.Original,
            decided.Stored.Findings, decided.Stored.CutShort,
            [.. Enumerable.Range(0, decided.Result.Lines.Count).Select(i => byLine.TryGetValue(i, out var d)
                ? new RecheckLineDecisionView(d.Line, d.Score, d.Reason, d.DecidedBy, d.DecidedAt) : null)],
            history, scope.MayRecheck));
    }

    /// <summary>The evaluation <paramref name="id"/> of a batch the user sees, with its decisions; not found otherwise (forbidden for a role that sees no batch).</summary>
    internal static async Task<(Outcome Outcome, (string BatchName, RecheckEvaluationEntity Row, string FileName, string? FileNote)? Found)> FindAsync(
        JixiaoDbContext db, AccessScope scope, int batchId, int id, bool tracking, CancellationToken cancellationToken)
    {
        if (!scope.MayRecheck)
        {
            return (new Outcome.Forbidden("自评复核批次由主管部门/财政审核人或管理员查看。"), null);
        }

        var batch = await scope.Visible(db.RecheckBatches.AsNoTracking()).Where(b => b.Id == batchId).Select(b => new { b.Name }).SingleOrDefaultAsync(cancellationToken);
        var rows = db.RecheckEvaluations.Include(e => e.Decisions).Where(e => e.Id == id && e.BatchId == batchId);
        var row = batch is null ? null : await (tracking ? rows : rows.AsNoTracking()).SingleOrDefaultAsync(cancellationToken);
        if (batch is null || row is null)
        {
            return (new Outcome.NotFound($"找不到复核批次 {batchId} 中的评价 {id}。"), null);
        }

        var file = await db.RecheckJobs.AsNoTracking().Where(j => j.Id == row.JobId).Select(j => new { j.FileName, j.Error }).SingleAsync(cancellationToken);
        return (Outcome.Ok, (batch.Name, row, file.FileName, file.Error));
    }
}
