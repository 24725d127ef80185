using Jixiao.Domain.Monitoring;

namespace Jixiao.Web.Monitoring;

/// <summary>
/// The district's monitoring light rules: the file named by Jixiao:MonitoringRules, else the central default. A file
/// that does not validate stops the start with its line and the reason (MON001), instead of lighting by wrong rules.
/// </summary>
public static class MonitoringRegistration
{
    public static IServiceCollection AddJixiaoMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var rules = MonitoringRules.Default;
        if (configuration["Jixiao:MonitoringRules"] is { Length: > 0 } file)
        {
            string json;
            try
            {
                json = File.ReadAllText(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new InvalidDataException($"无法读取监控规则文件 {file}：{ex.Message}", ex);
            }

            var load = MonitoringRules.Load(json, Path.GetFileName(file));
            rules = load.Rules ?? throw new InvalidDataException(load.Error!.Message);
        }

        services.AddSingleton(rules);
        return services;
    }
}
