using System.Globalization;
using Jixiao.App.Evidence;
using Jixiao.Data;
using Jixiao.Domain.Evidence;

namespace Jixiao.Web.Evidence;

/// <summary>
/// 佐证材料 (docs/evidence.md): the store's folder and the size limits from configuration, and the sweep of the folder at
/// start-up and every quarter hour. Jixiao:Evidence:Folder names the folder; without it, the folder <c>evidence</c> in the
/// data folder (Jixiao:DataFolder, else the user's local application data, as for the SQLite database). Several instances
/// on one PostgreSQL database must share the folder. Jixiao:Evidence:MaxFileMegabytes (20) and :MaxTotalMegabytes (200)
/// are the limits; a value that is not a positive number, or a total below the file limit, stops the start.
/// </summary>
public static class EvidenceRegistration
{
    public static IServiceCollection AddJixiaoEvidence(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var limits = LimitsOf(configuration);
        services.AddSingleton(limits);
        services.AddSingleton(_ => new EvidenceStore(FolderOf(configuration), limits));
        services.AddHostedService<EvidenceSweeper>();
        return services;
    }

    public static string FolderOf(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration["Jixiao:Evidence:Folder"] is { Length: > 0 } folder)
        {
            return folder;
        }

        var data = configuration["Jixiao:DataFolder"] is { Length: > 0 } f
            ? f
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "jixiao");
        return Path.Combine(data, "evidence");
    }

    public static EvidenceLimits LimitsOf(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Jixiao:Evidence");
        long Megabytes(string name, long fallback) => section[name] is not { Length: > 0 } text ? fallback
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= 100_000 ? (long)(value * 1024 * 1024)
            : throw new InvalidDataException($"配置 Jixiao:Evidence:{name} 的值“{text}”无效：应为正数（MB）。");
        var defaults = EvidenceLimits.Default;
        var limits = defaults with
        {
            MaxFileBytes = Megabytes("MaxFileMegabytes", defaults.MaxFileBytes),
            MaxTotalBytes = Megabytes("MaxTotalMegabytes", defaults.MaxTotalBytes),
        };
        return limits.MaxTotalBytes >= limits.MaxFileBytes ? limits
            : throw new InvalidDataException("配置 Jixiao:Evidence:MaxTotalMegabytes 小于 MaxFileMegabytes：合计上限不能小于单个文件的上限。");
    }
}

/// <summary>Sweeps the evidence folder (<see cref="EvidenceSweep"/>) once the database is migrated, then every quarter hour.</summary>
public sealed partial class EvidenceSweeper(IServiceScopeFactory scopes, EvidenceStore store, TimeProvider clock, ILogger<EvidenceSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(EvidenceSweep.Grace, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<JixiaoDbContext>();
                var result = await EvidenceSweep.RunAsync(db, store, clock, cancellationToken: stoppingToken);
                if (result.Completed + result.TempRemoved + result.FilesRemoved > 0)
                {
                    LogSwept(logger, result.Completed, result.TempRemoved, result.FilesRemoved);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information,
        Message = "Evidence folder swept: {Completed} saved uploads moved into place, {TempRemoved} abandoned uploads and {FilesRemoved} unreferenced files removed")]
    private static partial void LogSwept(ILogger logger, int completed, int tempRemoved, int filesRemoved);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Evidence folder sweep failed; it runs again in a quarter hour")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
