using Jixiao.App.Auth;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Rechecks;

/// <summary>Where a batch's files are: waiting, being read, rechecked, not rechecked, duplicates; and the evaluations rechecked so far.</summary>
public sealed record RecheckProgress(int Files, int Queued, int Running, int Done, int Failed, int Duplicate, int Evaluations, int GradeChanges)
{
    /// <summary>Every file has ended (rechecked, failed or a duplicate).</summary>
    public bool Finished => Queued + Running == 0;

    public int Ended => Done + Failed + Duplicate;

    /// <summary>Files ended, in whole percent (100 when there are none).</summary>
    public int Percent => Files == 0 ? 100 : Ended * 100 / Files;
}

/// <summary>A 复核批次 as listed: who uploaded it when, and its progress.</summary>
public sealed record RecheckBatchSummary(int Id, string Name, string OwnerName, DateTimeOffset CreatedAt, int FileCount, RecheckProgress Progress);

/// <summary>The 复核批次 the user sees (their own; an admin all), newest first, with their progress.</summary>
public static class RecheckBatchList
{
    public static async Task<IReadOnlyList<RecheckBatchSummary>> RunAsync(JixiaoDbContext db, AccessScope scope, int take = 100,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.MayRecheck)
        {
            return [];
        }

        var batches = await scope.Visible(db.RecheckBatches.AsNoTracking()).OrderByDescending(b => b.Id).Take(take)
            .Select(b => new { b.Id, b.Name, b.OwnerName, b.CreatedAt, b.FileCount }).ToListAsync(cancellationToken);
        var ids = batches.Select(b => b.Id).ToList();
        var progress = await ProgressAsync(db, ids, cancellationToken);
        return [.. batches.Select(b => new RecheckBatchSummary(b.Id, b.Name, b.OwnerName, b.CreatedAt, b.FileCount,
            progress.GetValueOrDefault(b.Id) ?? new RecheckProgress(b.FileCount, 0, 0, 0, 0, 0, 0, 0)))];
    }

    /// <summary>The progress of each of <paramref name="batchIds"/>: three grouped counts, whatever the batches' size.</summary>
    internal static async Task<Dictionary<int, RecheckProgress>> ProgressAsync(JixiaoDbContext db, IReadOnlyList<int> batchIds,
        CancellationToken cancellationToken)
    {
        var states = await db.RecheckJobs.AsNoTracking().Where(j => batchIds.Contains(j.BatchId))
            .GroupBy(j => new { j.BatchId, j.State }).Select(g => new { g.Key.BatchId, g.Key.State, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var evaluations = await db.RecheckEvaluations.AsNoTracking().Where(e => batchIds.Contains(e.BatchId))
            .GroupBy(e => e.BatchId)
            .Select(g => new { BatchId = g.Key, Count = g.Count(), Changed = g.Count(e => e.StatedGrade != null && e.StatedGrade != e.Grade) })
            .ToListAsync(cancellationToken);
        var result = new Dictionary<int, RecheckProgress>();
        foreach (var id in batchIds)
        {
            int Of(RecheckJobState state) => states.Where(s => s.BatchId == id && s.State == state).Sum(s => s.Count);
            var e = evaluations.FirstOrDefault(x => x.BatchId == id);
            var queued = Of(RecheckJobState.Queued);
            var running = Of(RecheckJobState.Running);
            var done = Of(RecheckJobState.Done);
            var failed = Of(RecheckJobState.Failed);
            var duplicate = Of(RecheckJobState.Duplicate);
            result[id] = new RecheckProgress(queued + running + done + failed + duplicate, queued, running, done, failed, duplicate, e?.Count ?? 0, e?.Changed ?? 0);
        }

        return result;
    }
}
