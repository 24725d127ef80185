using Jixiao.Domain.Rectification;
using Shouldly;
using Xunit;

namespace Jixiao.Domain.Tests.Rectification;

public class RectificationRulesTests
{
    [Fact]
    public void The_default_feeds_back_within_20_days_and_asks_measures_within_30_citing_its_sources()
    {
        var rules = RectificationRules.Default;

        rules.Feedback.Days.ShouldBe(20);
        rules.Measures.Days.ShouldBe(30);
        rules.Feedback.Source.ShouldContain("财预〔2020〕10号");
        rules.Measures.Source.ShouldContain("district choice");
        rules.FeedbackDue(new DateOnly(2026, 3, 1)).ShouldBe(new DateOnly(2026, 3, 21));
        rules.MeasuresDue(new DateOnly(2026, 12, 15)).ShouldBe(new DateOnly(2027, 1, 14));
    }

    private const string Valid = """
        {
          "version": "1",
          "district": "白云区",
          "feedbackDays": { "days": 15, "source": "区财政局通知" },
          "measuresDays": { "days": 45, "source": "区财政局通知" }
        }
        """;

    [Fact]
    public void A_district_file_replaces_the_days()
    {
        var load = RectificationRules.Load(Valid, "baiyun.json");

        load.Error.ShouldBeNull();
        load.Rules.ShouldNotBeNull().District.ShouldBe("白云区");
        load.Rules.MeasuresDue(new DateOnly(2026, 1, 1)).ShouldBe(new DateOnly(2026, 2, 15));
    }

    [Theory]
    [InlineData("\"days\": 45", "\"days\": 0", 5, "measuresDays.days 应在 1 到 365 天之间（现为 0）。")]
    [InlineData("\"days\": 15", "\"days\": \"15\"", 4, "feedbackDays.days 应为整数天数。")]
    [InlineData("\"source\": \"区财政局通知\" }\n", "\"source\": \" \" }\n", 5, "measuresDays.source 应为非空文字。")]
    [InlineData("\"district\": \"白云区\",", "\"district\": \"白云区\", \"weekends\": true,", 3, "文件 中的“weekends”不是已知的字段（可用：version、district、feedbackDays、measuresDays）。")]
    [InlineData("\"measuresDays\": { \"days\": 45, \"source\": \"区财政局通知\" }", "\"x\": 1", 5, "文件 中的“x”不是已知的字段（可用：version、district、feedbackDays、measuresDays）。")]
    [InlineData("}\n", "", 5, "不是有效的 JSON")]
    public void A_bad_file_is_refused_with_REC001_and_its_line(string find, string replace, int line, string reason)
    {
        var load = RectificationRules.Load(Valid.Replace(find, replace, StringComparison.Ordinal), "bad.json");

        load.Rules.ShouldBeNull();
        var error = load.Error.ShouldNotBeNull();
        error.Code.ShouldBe("REC001");
        error.Location.ShouldNotBeNull().Line.ShouldBe(line);
        error.Message.ShouldContain($"整改规则文件 bad.json 第 {line} 行：{reason}");
    }

    [Fact]
    public void A_file_without_measures_days_is_refused()
    {
        var load = RectificationRules.Load("""{ "version": "1", "district": "x", "feedbackDays": { "days": 20, "source": "s" } }""", "short.json");

        load.Error.ShouldNotBeNull().Message.ShouldEndWith("缺少 measuresDays。");
    }
}
