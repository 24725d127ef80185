using Jixiao.App.Imports;
using Jixiao.App.Rechecks;
using Jixiao.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Rechecks;

/// <summary>
/// Runs this instance's recheck workers (<see cref="RecheckWorker"/>) while the host runs: each takes jobs until the
/// queue is empty, then waits for an upload here (<see cref="RecheckSignal"/>) or its next look at the queue. Started
/// after the database is migrated (hosted services start in order). On stop, a job being read goes back to the queue.
/// </summary>
public sealed partial class RecheckWorkerService(IDbContextFactory<JixiaoDbContext> contexts, ImportReader reader, TimeProvider clock,
    RecheckWorkerOptions options, RecheckSignal signal, ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger logger = loggers.CreateLogger<RecheckWorkerService>();

    /// <summary>A context for the workers: pooled, with the worker as the actor of anything it writes.</summary>
    private JixiaoDbContext Context()
    {
        var db = contexts.CreateDbContext();
        db.Actor = null;
        db.ActorOverride = "复核任务";
        db.ChangeReason = null;
        db.Clock = clock;
        return db;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var workers = Enumerable.Range(0, Math.Max(0, options.Workers))
            .Select(_ => new RecheckWorker(Context, reader, clock, options, loggers.CreateLogger<RecheckWorker>())).ToList();
        await Task.WhenAll(workers.Select(w => LoopAsync(w, stoppingToken)));
    }

    private async Task LoopAsync(RecheckWorker worker, CancellationToken stoppingToken)
    {
        LogStarted(logger, worker.Id);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                switch (await worker.RunOnceAsync(stoppingToken))
                {
                    case RecheckStep.Idle:
                        await signal.WaitAsync(options.Poll, clock, stoppingToken);
                        break;
                    case RecheckStep.Busy:
                        await Task.Delay(options.BusyWait, clock, stoppingToken);
                        break;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The database may be away for a while (a restart of PostgreSQL): the worker waits and tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, ex, worker.Id);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(EventId = 1611, Level = LogLevel.Information, Message = "Recheck worker {WorkerId} started")]
    private static partial void LogStarted(ILogger logger, string workerId);

    [LoggerMessage(EventId = 1612, Level = LogLevel.Error, Message = "Recheck worker {WorkerId} failed a step; it tries again in 5 s")]
    private static partial void LogFailed(ILogger logger, Exception exception, string workerId);
}
