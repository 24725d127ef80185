using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Rectification;
using Jixiao.Domain.ResultUse;

namespace Jixiao.Web.Monitoring;

/// <summary>
/// The district's monitoring light rules, 结果应用 rules and 整改 deadlines. Monitoring: the file named by Jixiao:MonitoringRules, else the central default. A file
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
        services.AddSingleton(LoadResultUseRules(configuration));
        services.AddSingleton(LoadRectificationRules(configuration));
        services.AddSingleton(LoadRecheckRules(configuration));
        return services;
    }

    /// <summary>
    /// The district's 自评复核 rule sets (docs/recheck.md): the files named by Jixiao:RecheckRules (several, one per period,
    /// separated by ;), else the built-in 10号 set; a bad file stops the start with the file and the JSON path of each problem.
    /// </summary>
    private static IReadOnlyList<Jixiao.Domain.Rechecks.RecheckRuleSet> LoadRecheckRules(IConfiguration configuration)
    {
        if (configuration["Jixiao:RecheckRules"] is not { Length: > 0 } files)
        {
            return Jixiao.Domain.Rechecks.RecheckRuleSet.BuiltIn;
        }

        var sets = new List<Jixiao.Domain.Rechecks.RecheckRuleSet>();
        foreach (var file in files.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                using var stream = File.OpenRead(file);
                sets.Add(Jixiao.Domain.Rechecks.RecheckRuleSet.Load(stream, Path.GetFileName(file)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new InvalidDataException($"无法读取复核规则文件 {file}：{ex.Message}", ex);
            }
        }

        return sets;
    }

    /// <summary>The district's 结果应用 rules: the file named by Jixiao:ResultUseRules, else the default; a bad file stops the start (RES001).</summary>
    private static ResultUseRules LoadResultUseRules(IConfiguration configuration)
    {
        if (configuration["Jixiao:ResultUseRules"] is not { Length: > 0 } file)
        {
            return ResultUseRules.Default;
        }

        string json;
        try
        {
            json = File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"无法读取结果应用规则文件 {file}：{ex.Message}", ex);
        }

        var load = ResultUseRules.Load(json, Path.GetFileName(file));
        return load.Rules ?? throw new InvalidDataException(load.Error!.Message);
    }

    /// <summary>The district's 整改 deadlines: the file named by Jixiao:RectificationRules, else the default; a bad file stops the start (REC001).</summary>
    private static RectificationRules LoadRectificationRules(IConfiguration configuration)
    {
        if (configuration["Jixiao:RectificationRules"] is not { Length: > 0 } file)
        {
            return RectificationRules.Default;
        }

        string json;
        try
        {
            json = File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"无法读取整改规则文件 {file}：{ex.Message}", ex);
        }

        var load = RectificationRules.Load(json, Path.GetFileName(file));
        return load.Rules ?? throw new InvalidDataException(load.Error!.Message);
    }
}
