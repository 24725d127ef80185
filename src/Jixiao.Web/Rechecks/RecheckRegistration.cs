using System.Globalization;
using Jixiao.App.Rechecks;

namespace Jixiao.Web.Rechecks;

/// <summary>
/// 自评复核批次 (docs/recheck.md, "Batches"): the upload limits, the workers' options and the hosted service that runs
/// them. Jixiao:Recheck:Workers (1; 0 runs none on this instance), :LeaseSeconds (30), :PollSeconds (2), :MaxAttempts (3),
/// :MaxFiles (500), :BatchMegabytes (200, at most 200: the upload page's request limit). A value that is not a number in range stops the start.
/// </summary>
public static class RecheckRegistration
{
    public static IServiceCollection AddJixiaoRechecks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Jixiao:Recheck");
        double Number(string name, double fallback, double min) => section[name] is not { Length: > 0 } text ? fallback
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && double.IsFinite(value) ? value
            : throw new InvalidDataException($"配置 Jixiao:Recheck:{name} 的值“{text}”无效：应为不小于 {min.ToString(CultureInfo.InvariantCulture)} 的数。");
        var workers = new RecheckWorkerOptions();
        var uploads = new RecheckUploadLimits();
        services.AddSingleton(workers with
        {
            Workers = (int)Number("Workers", workers.Workers, 0),
            Lease = TimeSpan.FromSeconds(Number("LeaseSeconds", workers.Lease.TotalSeconds, 1)),
            Poll = TimeSpan.FromSeconds(Number("PollSeconds", workers.Poll.TotalSeconds, 0.05)),
            MaxAttempts = (int)Number("MaxAttempts", workers.MaxAttempts, 1),
        });
        services.AddSingleton(uploads with
        {
            MaxFiles = (int)Number("MaxFiles", uploads.MaxFiles, 1),
            MaxBatchBytes = Number("BatchMegabytes", uploads.MaxBatchBytes / 1024.0 / 1024.0, 1) is var mb && mb * 1024 * 1024 <= RecheckUploadLimits.LargestBatchBytes
                ? (long)(mb * 1024 * 1024)
                : throw new InvalidDataException($"配置 Jixiao:Recheck:BatchMegabytes 的值“{section["BatchMegabytes"]}”无效：不能超过 {RecheckUploadLimits.LargestBatchBytes / 1024 / 1024}。"),
        });
        services.AddSingleton<RecheckSignal>();
        services.AddHostedService<RecheckWorkerService>();
        return services;
    }
}
