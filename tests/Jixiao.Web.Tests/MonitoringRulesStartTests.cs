using Jixiao.Domain.Monitoring;
using Jixiao.Web.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>The web app's monitoring rules: Jixiao:MonitoringRules names a district file; one that does not validate stops the start.</summary>
public sealed class MonitoringRulesStartTests
{
    private static IServiceCollection Register(string? file) =>
        new ServiceCollection().AddJixiaoMonitoring(new ConfigurationBuilder()
            .AddInMemoryCollection(file is null ? [] : [new("Jixiao:MonitoringRules", file)]).Build());

    private static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Jixiao.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine([dir.FullName, .. parts]);
    }

    [Fact]
    public void Without_a_file_the_central_default_is_used_and_a_district_file_replaces_it()
    {
        Register(null).BuildServiceProvider().GetRequiredService<MonitoringRules>().ShouldBeSameAs(MonitoringRules.Default);
        Register(RepoFile("samples", "monitoring", "rules-hubei.json")).BuildServiceProvider().GetRequiredService<MonitoringRules>()
            .DeviationCauses.Causes.ShouldBe(["规划和目标设计", "投入保障", "制度保障", "项目管理"]);
    }

    [Fact]
    public void A_file_that_does_not_validate_stops_the_start_with_its_line_and_reason()
    {
        var path = Path.Combine(Path.GetTempPath(), $"jixiao-rules-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, File.ReadAllText(RepoFile("samples", "monitoring", "rules-sichuan.json"))
            .Replace("\"month\": 6,", "\"month\": 3,", StringComparison.Ordinal));
        try
        {
            var line = File.ReadAllLines(path).ToList().FindIndex(l => l.Contains("\"month\": 3,", StringComparison.Ordinal)) + 1;
            Should.Throw<InvalidDataException>(() => Register(path)).Message
                .ShouldBe($"监控规则文件 {Path.GetFileName(path)} 第 {line} 行：floors.points 的月份应从小到大排列（3 月在 4 月之后）。");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
