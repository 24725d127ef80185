using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Rechecks;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Rechecks;

/// <summary>One stored evaluation read back: the 复核 as the worker stored it, with the reviewer's decisions taken, and the decisions.</summary>
internal sealed record DecidedRecheck(RecheckEvaluationEntity Row, StoredRecheck Stored, RecheckResult Original, RecheckResult Result,
    IReadOnlyList<RecheckLineDecisionEntity> Decisions)
{
    public static DecidedRecheck From(RecheckEvaluationEntity row, IReadOnlyList<RecheckLineDecisionEntity> decisions)
    {
        var stored = StoredRecheck.Parse(row.ResultJson);
        var original = stored.ToResult();
        return new DecidedRecheck(row, stored, original, RecheckDecisions.Apply(original, decisions.Select(ToDecision)), decisions);
    }

    public static LineDecision ToDecision(RecheckLineDecisionEntity d) => new(d.Line, d.Score, d.Reason);
}

/// <summary>A file of a batch with its evaluations read back (none for a file that was not rechecked).</summary>
internal sealed record RecheckedFile(RecheckJobEntity Job, IReadOnlyList<DecidedRecheck> Evaluations);

/// <summary>Reads a batch's files and evaluations back, in the order of the files, for the downloads.</summary>
internal static class RecheckBatchResults
{
    public static async Task<IReadOnlyList<RecheckedFile>> LoadAsync(JixiaoDbContext db, int batchId, CancellationToken cancellationToken)
    {
        // Content is left out: a running batch still holds its waiting files' bytes, which no download needs.
        var jobs = await db.RecheckJobs.AsNoTracking().Where(j => j.BatchId == batchId).OrderBy(j => j.Position)
            .Select(j => new RecheckJobEntity
            {
                Id = j.Id, BatchId = j.BatchId, Position = j.Position, FileName = j.FileName, Sha256 = j.Sha256, SizeBytes = j.SizeBytes, State = j.State,
                Attempts = j.Attempts, QueuedAt = j.QueuedAt, StartedAt = j.StartedAt, FinishedAt = j.FinishedAt, Kind = j.Kind, Error = j.Error,
                DuplicateOfId = j.DuplicateOfId, EvaluationCount = j.EvaluationCount,
            })
            .ToListAsync(cancellationToken);
        var evaluations = await db.RecheckEvaluations.AsNoTracking().Include(e => e.Decisions).Where(e => e.BatchId == batchId)
            .OrderBy(e => e.JobId).ThenBy(e => e.Position).ToListAsync(cancellationToken);
        var byJob = evaluations.ToLookup(e => e.JobId);
        return [.. jobs.Select(j => new RecheckedFile(j, [.. byJob[j.Id].Select(e => DecidedRecheck.From(e, e.Decisions.OrderBy(d => d.Line).ToList()))]))];
    }
}
