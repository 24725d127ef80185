using System.Data.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Rechecks;

/// <summary>A job a worker holds: which file of which batch, its SHA-256, and how many times it has been claimed (this one included).</summary>
public sealed record ClaimedJob(int Id, int BatchId, string FileName, string Sha256, int Attempts);

/// <summary>
/// The queue of 复核 jobs in the database (recheck_jobs, migration 0019), shared by every worker of every instance on it.
/// A claim is one statement that moves the oldest job that is queued, or running under a lease that has expired, to
/// running under this worker's lease: on PostgreSQL its row is picked FOR UPDATE SKIP LOCKED, so two instances claiming
/// at once get two jobs; on SQLite the statement holds the database's one write lock. Every later step (renew, release,
/// fail, finish) changes the job only while this worker still holds it, so a worker whose lease was taken over can no
/// longer finish it: each job is done once.
/// </summary>
public static class RecheckQueue
{
    private const string ClaimHead = """
        UPDATE "recheck_jobs" SET "State" = 'running', "WorkerId" = @worker, "LeaseUntilMs" = @lease, "Attempts" = "Attempts" + 1, "StartedAt" = @now
        WHERE "Id" = (SELECT "Id" FROM "recheck_jobs"
                      WHERE "State" = 'queued' OR ("State" = 'running' AND "LeaseUntilMs" < @nowMs)
                      ORDER BY "Id" LIMIT 1
        """;

    private const string ClaimTail = """
        )
        RETURNING "Id", "BatchId", "FileName", "Sha256", "Attempts"
        """;

    /// <summary>Whether anything is claimable: read first, so that an idle worker's look at the queue writes nothing (on SQLite, takes no write lock).</summary>
    private const string Waiting = """
        SELECT 1 FROM "recheck_jobs" WHERE "State" = 'queued' OR ("State" = 'running' AND "LeaseUntilMs" < @nowMs) LIMIT 1
        """;

    private const string ClaimSqlite = ClaimHead + ClaimTail;

    private const string ClaimPostgres = ClaimHead + " FOR UPDATE SKIP LOCKED" + ClaimTail;

    /// <summary>The next job for <paramref name="workerId"/>, held until <paramref name="lease"/> from now; null when none is waiting.</summary>
    public static async Task<ClaimedJob?> ClaimAsync(JixiaoDbContext db, string workerId, TimeProvider clock, TimeSpan lease,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        var postgres = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using (var look = connection.CreateCommand())
            {
                look.CommandText = Waiting;
                Add(look, "@nowMs", now.ToUnixTimeMilliseconds());
                if (await look.ExecuteScalarAsync(cancellationToken) is null)
                {
                    return null;
                }
            }

            await using var command = connection.CreateCommand();
            command.CommandText = postgres ? ClaimPostgres : ClaimSqlite;
            Add(command, "@worker", workerId);
            Add(command, "@lease", (now + lease).ToUnixTimeMilliseconds());
            Add(command, "@now", now);
            Add(command, "@nowMs", now.ToUnixTimeMilliseconds());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new ClaimedJob(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4))
                : null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Extends the lease; false when the job is no longer this worker's (its lease expired and another took it, or it ended).</summary>
    public static async Task<bool> RenewAsync(JixiaoDbContext db, ClaimedJob job, string workerId, TimeProvider clock, TimeSpan lease,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var until = (clock.GetUtcNow() + lease).ToUnixTimeMilliseconds();
        return await Held(db, job, workerId).ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntilMs, until), cancellationToken) == 1;
    }

    /// <summary>Puts the job back, as if it had not been claimed (the reader was busy, or the instance stops).</summary>
    public static async Task<bool> ReleaseAsync(JixiaoDbContext db, ClaimedJob job, string workerId, CancellationToken cancellationToken = default) =>
        await Held(db, job, workerId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, RecheckJobState.Queued)
            .SetProperty(j => j.WorkerId, (string?)null)
            .SetProperty(j => j.LeaseUntilMs, (long?)null)
            .SetProperty(j => j.Attempts, j => j.Attempts - 1), cancellationToken) == 1;

    /// <summary>Ends the job as not rechecked, with the Chinese reason.</summary>
    public static async Task<bool> FailAsync(JixiaoDbContext db, ClaimedJob job, string workerId, string reason, string? kind, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        var error = CreateRecheckBatch.Clip(reason, 2000);
        return await Held(db, job, workerId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, RecheckJobState.Failed)
            .SetProperty(j => j.Error, error)
            .SetProperty(j => j.Kind, kind)
            .SetProperty(j => j.Content, (byte[]?)null)
            .SetProperty(j => j.LeaseUntilMs, (long?)null)
            .SetProperty(j => j.FinishedAt, now), cancellationToken) == 1;
    }

    /// <summary>
    /// Ends the job as done with its evaluations (rows of <see cref="StoredRecheck.Row"/>, their job id set here), in
    /// one transaction: nothing is stored when the job is no longer this worker's. <paramref name="reusedFrom"/> and
    /// <paramref name="note"/>: the earlier job of the same bytes whose result this is.
    /// </summary>
    public static async Task<bool> FinishAsync(JixiaoDbContext db, ClaimedJob job, string workerId, string? kind,
        IReadOnlyList<RecheckEvaluationEntity> evaluations, TimeProvider clock, int? reusedFrom = null, string? note = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(evaluations);
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ended = await Held(db, job, workerId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, RecheckJobState.Done)
            .SetProperty(j => j.Kind, kind)
            .SetProperty(j => j.Error, note)
            .SetProperty(j => j.DuplicateOfId, reusedFrom)
            .SetProperty(j => j.EvaluationCount, evaluations.Count)
            .SetProperty(j => j.Content, (byte[]?)null)
            .SetProperty(j => j.LeaseUntilMs, (long?)null)
            .SetProperty(j => j.FinishedAt, now), cancellationToken);
        if (ended != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        foreach (var evaluation in evaluations)
        {
            evaluation.JobId = job.Id;
            evaluation.BatchId = job.BatchId;
        }

        db.RecheckEvaluations.AddRange(evaluations);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    private static IQueryable<RecheckJobEntity> Held(JixiaoDbContext db, ClaimedJob job, string workerId)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(job);
        return db.RecheckJobs.Where(j => j.Id == job.Id && j.WorkerId == workerId && j.State == RecheckJobState.Running);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
