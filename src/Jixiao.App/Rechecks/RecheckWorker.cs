using Jixiao.App.Common;
using Jixiao.App.Imports;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jixiao.App.Rechecks;

/// <summary>How the recheck workers of an instance run (Jixiao:Recheck:…, docs/recheck.md).</summary>
public sealed record RecheckWorkerOptions
{
    /// <summary>Workers (loops) on this instance (Jixiao:Recheck:Workers); each reads one file at a time.</summary>
    public int Workers { get; init; } = 1;

    /// <summary>How long a claim holds without renewal (Jixiao:Recheck:LeaseSeconds): a job of a worker that died is claimed again after it.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an idle worker looks at the queue for jobs uploaded to other instances (Jixiao:Recheck:PollSeconds).</summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a worker waits when the reader refuses it (the owner or the server reads as many files as allowed).</summary>
    public TimeSpan BusyWait { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Claims of one job before it fails: a file during which workers keep dying is not tried for ever.</summary>
    public int MaxAttempts { get; init; } = 3;
}

/// <summary>What one step of a worker did.</summary>
public enum RecheckStep
{
    /// <summary>No job was waiting.</summary>
    Idle,
    /// <summary>A job was ended (done or failed), or lost to another worker after its lease expired.</summary>
    Worked,
    /// <summary>The reader refused the read for now; the job was put back.</summary>
    Busy,
}

/// <summary>
/// One recheck worker: claims a job (<see cref="RecheckQueue"/>), takes an earlier job's result when the same bytes
/// were rechecked before, else reads the file through the <see cref="ImportReader"/> (its time budget and the owner's
/// limits; a background read, not kept) while renewing its lease, rechecks it (<see cref="SelfEvaluationRechecks"/>) and
/// stores every project's 复核, or fails the job with the Chinese reason. The host runs <see cref="RunOnceAsync"/> in a loop.
/// </summary>
public sealed partial class RecheckWorker(Func<JixiaoDbContext> contexts, ImportReader reader, TimeProvider clock, RecheckWorkerOptions options,
    ILogger<RecheckWorker> logger, string? id = null)
{
    public const string Reused = "与此前复核过的文件内容相同（SHA-256 一致），沿用其复核结果，未重新读取。";

    /// <summary>This worker's name in the queue: the machine, the process and a number of this start.</summary>
    public string Id { get; } = id ?? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    public RecheckWorkerOptions Options { get; } = options;

    /// <summary>For tests: runs after the claim, before anything else, with the job.</summary>
    internal Func<ClaimedJob, Task>? AfterClaim { get; set; }

    public async Task<RecheckStep> RunOnceAsync(CancellationToken cancellationToken)
    {
        ClaimedJob? job;
        await using (var db = contexts())
        {
            job = await RecheckQueue.ClaimAsync(db, Id, clock, Options.Lease, cancellationToken);
        }

        if (job is null)
        {
            return RecheckStep.Idle;
        }

        if (AfterClaim is { } hook)
        {
            await hook(job);
        }

        try
        {
            return await WorkAsync(job, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The instance stops: the job goes back to the queue for the next worker (or this one after a restart).
            await using var db = contexts();
            await RecheckQueue.ReleaseAsync(db, job, Id, CancellationToken.None);
            throw;
        }
    }

    private async Task<RecheckStep> WorkAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        await using var db = contexts();
        if (job.Attempts > Options.MaxAttempts)
        {
            await RecheckQueue.FailAsync(db, job, Id, $"该文件已尝试复核 {Options.MaxAttempts} 次均未完成（处理中服务中断），不再重试。请检查文件后单独上传。", null, clock, cancellationToken);
            return RecheckStep.Worked;
        }

        var owner = await db.RecheckBatches.Where(b => b.Id == job.BatchId).Select(b => b.OwnerId).SingleAsync(cancellationToken);
        var earlier = await db.RecheckJobs.AsNoTracking()
            .Where(j => j.Sha256 == job.Sha256 && j.State == RecheckJobState.Done && j.Id != job.Id && j.DuplicateOfId == null)
            .OrderBy(j => j.Id).Select(j => new { j.Id, j.Kind }).FirstOrDefaultAsync(cancellationToken);
        if (earlier is not null)
        {
            var stored = await db.RecheckEvaluations.AsNoTracking().Where(e => e.JobId == earlier.Id).OrderBy(e => e.Position)
                .Select(e => e.ResultJson).ToListAsync(cancellationToken);
            var copies = stored.Select((json, i) => StoredRecheck.Parse(json).Row(job.BatchId, job.Id, i + 1)).ToList();
            await RecheckQueue.FinishAsync(db, job, Id, earlier.Kind, copies, clock, earlier.Id, Reused, cancellationToken);
            return RecheckStep.Worked;
        }

        var content = await db.RecheckJobs.Where(j => j.Id == job.Id).Select(j => j.Content).SingleAsync(cancellationToken);
        if (content is null)
        {
            await RecheckQueue.FailAsync(db, job, Id, "文件内容已不在数据库中，无法复核，请重新上传。", null, clock, cancellationToken);
            return RecheckStep.Worked;
        }

        using var holding = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = RenewAsync(job, holding);
        Outcome? refused;
        BatchReading? reading;
        try
        {
            (refused, reading) = await reader.ReadAsync(content, Path.GetFileName(job.FileName), null, owner, background: true, holding.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogLost(logger, job.Id, Id);
            return RecheckStep.Worked;
        }
#pragma warning disable CA1031 // A reader bug fails this one file with a message; the batch and the worker go on.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogReadFailed(logger, ex, job.Id);
            refused = new Outcome.Invalid("读取文件时程序出错，未能复核。请将该文件发给系统管理员。");
            reading = null;
        }
        finally
        {
            await holding.CancelAsync();
            await renewing;
        }

        switch (refused)
        {
            case Outcome.Busy:
                await RecheckQueue.ReleaseAsync(db, job, Id, cancellationToken);
                return RecheckStep.Busy;
            case Outcome.TimedOut:
                await RecheckQueue.FailAsync(db, job, Id,
                    $"文件读取超过 {reader.Limits.Budget.TotalSeconds:0} 秒仍未完成，已停止读取，未复核。文件可能过大或过于复杂（如大量空行、空列或页面），请删去多余内容或拆分后重新上传。",
                    null, clock, cancellationToken);
                return RecheckStep.Worked;
            case { } other:
                await RecheckQueue.FailAsync(db, job, Id, other.Reason!, null, clock, cancellationToken);
                return RecheckStep.Worked;
        }

        FileRecheck recheck;
        try
        {
            recheck = SelfEvaluationRechecks.Recheck(reading!.Document);
        }
#pragma warning disable CA1031 // A recheck bug fails this one file with a message; the batch and the worker go on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogRecheckFailed(logger, ex, job.Id);
            await RecheckQueue.FailAsync(db, job, Id, "复核该文件时程序出错，未能复核。请将该文件发给系统管理员。", null, clock, cancellationToken);
            return RecheckStep.Worked;
        }

        if (recheck.Error is { } error)
        {
            await RecheckQueue.FailAsync(db, job, Id, error, recheck.Kind, clock, cancellationToken);
            return RecheckStep.Worked;
        }

        var rows = recheck.Projects.Select((p, i) => StoredRecheck.From(p).Row(job.BatchId, job.Id, i + 1)).ToList();
        if (!await RecheckQueue.FinishAsync(db, job, Id, recheck.Kind, rows, clock, cancellationToken: cancellationToken))
        {
            LogLost(logger, job.Id, Id);
        }

        return RecheckStep.Worked;
    }

    /// <summary>Renews the lease every third of it until <paramref name="holding"/> ends; cancels it when the job is no longer this worker's.</summary>
    private async Task RenewAsync(ClaimedJob job, CancellationTokenSource holding)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Options.Lease / 3, clock, holding.Token);
                await using var db = contexts();
                if (!await RecheckQueue.RenewAsync(db, job, Id, clock, Options.Lease, holding.Token))
                {
                    await holding.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the read ended, or the instance stops
        }
    }

    [LoggerMessage(EventId = 1601, Level = LogLevel.Warning, Message = "Recheck job {JobId} is no longer held by worker {WorkerId} (its lease expired); its result was not stored")]
    private static partial void LogLost(ILogger logger, int jobId, string workerId);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Error, Message = "Reading the file of recheck job {JobId} failed")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, int jobId);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Error, Message = "Rechecking the file of recheck job {JobId} failed")]
    private static partial void LogRecheckFailed(ILogger logger, Exception exception, int jobId);
}
