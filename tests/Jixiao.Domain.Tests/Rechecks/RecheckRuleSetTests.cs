using System.Text;
using System.Text.Json.Nodes;
using Jixiao.Domain.Data;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Rechecks;

namespace Jixiao.Domain.Tests.Rechecks;

public class RecheckRuleSetTests
{
    [Fact]
    public void The_default_rule_set_holds_the_10hao_rules()
    {
        var rules = RecheckRuleSet.Default;

        rules.Name.ShouldBe("10号");
        rules.BudgetExecution.Weight.ShouldBe(10);
        rules.Grades.ShouldBeSameAs(GradeScale.Default);
        rules.Qualitative.BandOf(QualitativeRating.Achieved).ShouldBe(new QualitativeBand(QualitativeRating.Achieved, 80, 100));
        rules.Qualitative.BandOf(QualitativeRating.PartlyAchieved).ShouldBe(new QualitativeBand(QualitativeRating.PartlyAchieved, 60, 80));
        rules.Qualitative.BandOf(QualitativeRating.NotAchieved).ShouldBe(new QualitativeBand(QualitativeRating.NotAchieved, 0, 60));
        rules.OverAchievement.Policy.ShouldBe(OverAchievementPolicy.Deduct);
        rules.OverAchievement.ThresholdPercent.ShouldBe(130);
        rules.Caps.Select(c => (c.ExecutionBelowPercent, c.MaxTotal)).ShouldBe([(80m, 89m), (70m, 79m), (60m, 69m), (50m, 59m)]);
        rules.BudgetExecution.Source.Text.ShouldContain("财预〔2020〕10号");
        rules.BudgetExecution.Source.DistrictChoice.ShouldBeFalse();
        rules.CapSource.DistrictChoice.ShouldBeTrue();
    }

    [Theory]
    [InlineData(81, null)]
    [InlineData(80, null)]
    [InlineData(79.99, 89)]
    [InlineData(75, 89)]
    [InlineData(69.99, 79)]
    [InlineData(60, 79)]
    [InlineData(59, 69)]
    [InlineData(49.9, 59)]
    [InlineData(0, 59)]
    public void The_total_is_capped_by_the_execution_rate(double rate, int? cap) =>
        ((int?)RecheckRuleSet.Default.CapFor((decimal)rate)?.MaxTotal).ShouldBe(cap);

    [Fact]
    public void A_rule_set_is_chosen_by_the_year_it_declares()
    {
        var old = Load(j => { j["name"] = "旧"; j["years"] = new JsonObject { ["from"] = 2018, ["to"] = 2019 }; });
        var current = Load(j => j["name"] = "新");
        IReadOnlyList<RecheckRuleSet> sets = [old, current];

        RecheckRuleSet.ForYear(2019, sets).Name.ShouldBe("旧");
        RecheckRuleSet.ForYear(2023, sets).Name.ShouldBe("新");
        RecheckRuleSet.ForYear(null, sets).Name.ShouldBe("旧");
        old.AppliesTo(2020).ShouldBeFalse();
        RecheckRuleSet.ForYear(2021).ShouldBeSameAs(RecheckRuleSet.Default);
    }

    [Fact]
    public void A_district_may_bring_its_own_grade_bands_and_policy()
    {
        var rules = Load(j =>
        {
            j["gradeScale"] = JsonNode.Parse("""{"source":"某区","bands":[{"grade":"优","min":80},{"grade":"良","min":70},{"grade":"中","min":60},{"grade":"差","min":0}]}""");
            j["overAchievement"] = JsonNode.Parse("""{"policy":"fixedPoints","thresholdPercent":130,"points":2,"source":"一体化操作手册","districtChoice":true}""");
        });

        rules.Grades.GradeOf(85).ShouldBe("优");
        rules.OverAchievement.ShouldBe(new OverAchievementRule(OverAchievementPolicy.FixedPoints, 130, 2, new RuleSource("一体化操作手册", true)));
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "$.caps.bands[1].maxTotal", "120", "$.caps.bands[1].maxTotal：120 不在 0–100 之间" },
        { "$.overAchievement.policy", "\"halve\"", "$.overAchievement.policy：“halve”无法识别" },
        { "$.gradeScale.name", "\"十级\"", "$.gradeScale.name：没有名为“十级”的等级划分" },
        { "$.qualitative.bands[2]", """{"rating":"达成","min":0,"max":60}""", "$.qualitative.bands[2].rating：档次“达成”重复" },
        { "$.budgetExecution.source", "null", "$.budgetExecution.source：缺少或不是文字" },
        { "$.years.to", "2010", "$.years.to：结束年度 2010 早于起始年度 2020" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_rule_set_is_refused_with_the_json_path_of_the_problem(string path, string value, string message)
    {
        var ex = Should.Throw<InvalidDataException>(() => Load(j => Set(j, path, JsonNode.Parse(value))));

        ex.Message.ShouldContain("复核规则文件 test.json 有误");
        ex.Message.ShouldContain(message);
    }

    [Fact]
    public void Broken_json_names_its_line()
    {
        var ex = Should.Throw<InvalidDataException>(() => RecheckRuleSet.Load(new MemoryStream("{\n\"name\": \"x\",\n oops }"u8.ToArray()), "x.json"));
        ex.Message.ShouldContain("复核规则文件 x.json 不是有效的 JSON（第 3 行）");
    }

    [Fact]
    public void Every_missing_band_is_reported_at_once()
    {
        var ex = Should.Throw<InvalidDataException>(() => Load(j => j["qualitative"]!["bands"] = new JsonArray()));
        ex.Message.ShouldContain("缺少“达成”一档");
        ex.Message.ShouldContain("缺少“部分达成”一档");
        ex.Message.ShouldContain("缺少“未达成”一档");
    }

    internal static RecheckRuleSet Load(Action<JsonNode> change)
    {
        var json = JsonNode.Parse(EmbeddedData.Text("recheck-rules-10hao.json"))!;
        change(json);
        return RecheckRuleSet.Load(new MemoryStream(Encoding.UTF8.GetBytes(json.ToJsonString())), "test.json");
    }

    private static void Set(JsonNode root, string path, JsonNode? value)
    {
        var parts = path.TrimStart('$', '.').Replace("[", ".[", StringComparison.Ordinal).Split('.');
        var node = root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            node = parts[i].StartsWith('[') ? node[int.Parse(parts[i].Trim('[', ']'), System.Globalization.CultureInfo.InvariantCulture)]! : node[parts[i]]!;
        }

        var last = parts[^1];
        if (last.StartsWith('['))
        {
            node.AsArray()[int.Parse(last.Trim('[', ']'), System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            node[last] = value;
        }
    }
}
