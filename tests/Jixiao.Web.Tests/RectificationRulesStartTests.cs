using Jixiao.Domain.Rectification;
using Jixiao.Web.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>The web app's 整改 deadlines: Jixiao:RectificationRules names a district file; one that does not validate stops the start (REC001).</summary>
public sealed class RectificationRulesStartTests
{
    private static IServiceCollection Register(string? file) =>
        new ServiceCollection().AddJixiaoMonitoring(new ConfigurationBuilder()
            .AddInMemoryCollection(file is null ? [] : [new("Jixiao:RectificationRules", file)]).Build());

    private static string TempFile(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"jixiao-rectification-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Without_a_file_the_default_is_used_and_a_district_file_replaces_it()
    {
        Register(null).BuildServiceProvider().GetRequiredService<RectificationRules>().ShouldBeSameAs(RectificationRules.Default);
        var path = TempFile("""{ "version": "1", "district": "白云区", "feedbackDays": { "days": 10, "source": "区通知" }, "measuresDays": { "days": 15, "source": "区通知" } }""");
        try
        {
            var rules = Register(path).BuildServiceProvider().GetRequiredService<RectificationRules>();
            rules.District.ShouldBe("白云区");
            rules.Measures.Days.ShouldBe(15);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_file_that_does_not_validate_stops_the_start_with_its_line_and_reason()
    {
        var path = TempFile("{\n  \"version\": \"1\",\n  \"district\": \"白云区\",\n  \"feedbackDays\": { \"days\": 400, \"source\": \"区通知\" },\n  \"measuresDays\": { \"days\": 15, \"source\": \"区通知\" }\n}");
        try
        {
            Should.Throw<InvalidDataException>(() => Register(path)).Message
                .ShouldBe($"整改规则文件 {Path.GetFileName(path)} 第 4 行：feedbackDays.days 应在 1 到 365 天之间（现为 400）。");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
