using Jixiao.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web;

/// <summary>
/// On start: creates and migrates the database, keeps the 预算执行率 of evaluations scored before migration 0011, and
/// makes sure the four roles exist.
/// </summary>
public sealed partial class DatabaseInitializer(IServiceScopeFactory scopes, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JixiaoDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        LogMigrated(logger, db.Database.ProviderName ?? "?");
        if (await Jixiao.App.Evaluations.EvaluationSheets.FillBudgetExecutionAsync(db, cancellationToken) is > 0 and var filled)
        {
            LogFilled(logger, filled);
        }

        await Jixiao.App.Demo.DemoSetup.EnsureRolesAsync(scope.ServiceProvider);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Database ready ({Provider})")]
    private static partial void LogMigrated(ILogger logger, string provider);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Kept the 预算执行率 of {Count} evaluations scored before migration 0011")]
    private static partial void LogFilled(ILogger logger, int count);
}
