using System.Text;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Reviews.Rulebooks;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Tests.Reviews;

/// <summary>
/// A district's 审核口径 as data (the built-in Baoan rulebook and files of the same shape): loading, validation, and
/// each check on one project written to show it.
/// </summary>
public class RulebookTests
{
    private static readonly RulebookReviewer Baoan = new(ReviewRulebook.ForDistrict("宝安")!);

    private static Indicator Row(string level2, string name, string? value, string? explanation = "考察完成情况")
    {
        var level1 = level2 is "数量" or "质量" or "时效" or "成本" ? "产出" : level2.Contains("满意", StringComparison.Ordinal) ? "满意度" : "效益";
        return new Indicator(null, null, name, null, value is null ? null : TargetParser.Parse(value), Level1Text: level1, Level2Text: level2, Explanation: explanation);
    }

    /// <summary>A project every enabled Baoan item passes.</summary>
    private static Project Sound(Func<Project, Project>? change = null)
    {
        var p = new Project("社区道路养护", 2023, new ProjectAmounts(120m, null, null, null, MoneyUnit.WanYuan, 360m),
            new PerformanceGoal("通过养护社区道路12公里，达到道路完好率95%以上。"),
            [
                Row("数量", "养护道路里程", "12公里"),
                Row("质量", "道路完好率", "≥95%"),
                Row("时效", "养护完成时间", "2023年12月前"),
                Row("成本", "养护总成本", "≤120万元"),
                Row("社会效益", "居民出行条件改善", "显著改善，投诉≤5件"),
            ],
            Code: "P1",
            PolicyBasis: "根据《深圳市道路养护管理办法》设立本项目。",
            CostBasis: "养护费10万元/公里*12公里=120万元，依据《道路养护定额标准》测算。",
            Placeholders: [new Indicator(null, null, "不适用", null, TargetParser.Parse("不适用"), Level1Text: "效益", Level2Text: "生态效益", Explanation: "不适用")]);
        return change is null ? p : change(p);
    }

    private static IEnumerable<string> Names(Project p) => Baoan.Review(p).Findings.Where(f => !f.Item.Manual).Select(f => f.Item.Name);

    [Fact]
    public void A_sound_project_passes_every_enabled_item_and_the_sheet_says_so()
    {
        var review = Baoan.Review(Sound());

        review.Findings.ShouldBeEmpty();
        review.Column(RulebookAspect.Completeness).ShouldBe("审核通过");
        review.Summary.ShouldBe("");
    }

    [Theory]
    [InlineData("policy-none", "政策依据不规范")]
    [InlineData("policy-empty", "政策依据不规范")]
    [InlineData("cost-no-arithmetic", "测算依据不规范")]
    [InlineData("goal-empty", "年度绩效目标未填写")]
    [InlineData("no-indicators", "绩效目标表未填写")]
    [InlineData("no-quantity", "数量指标未填写")]
    [InlineData("blank-row", "绩效指标不能留空")]
    [InlineData("no-explanation", "指标解释未填写")]
    [InlineData("long-name", "绩效指标表述过于冗长")]
    [InlineData("vague-value", "指标值不具量化易评性")]
    [InlineData("timely", "时间限制不合理可行。")]
    public void Each_item_finds_the_fault_it_names_and_nothing_else(string fault, string expected)
    {
        var p = Sound(p => fault switch
        {
            "policy-none" => p with { PolicyBasis = "为保障居民出行设立本项目。" },
            "policy-empty" => p with { PolicyBasis = null },
            "cost-no-arithmetic" => p with { CostBasis = "养护费120万元。" },
            "goal-empty" => p with { Goal = new PerformanceGoal("") },
            "no-indicators" => p with { Indicators = [] },
            "no-quantity" => p with { Indicators = p.Indicators.Skip(1).ToList() },
            "blank-row" => p with { Placeholders = [new Indicator(null, null, "", null, null, Level1Text: "效益", Level2Text: "生态效益")] },
            "no-explanation" => p with { Indicators = [.. p.Indicators.Take(4), Row("社会效益", "居民出行条件改善", "投诉≤5件", explanation: null)] },
            "long-name" => p with { Indicators = [Row("数量", "社区范围内需要养护的道路总里程数", "12公里"), .. p.Indicators.Skip(1)] },
            "vague-value" => p with { Indicators = [.. p.Indicators.Take(4), Row("社会效益", "居民出行条件", "明显改善")] },
            "timely" => p with { Indicators = [.. p.Indicators.Take(2), Row("时效", "养护完成及时性", "及时完成"), .. p.Indicators.Skip(3)] },
            _ => throw new ArgumentOutOfRangeException(nameof(fault)),
        });

        var names = Names(p).ToList();
        names.ShouldContain(expected);
        names.Except([expected, "绩效指标不能留空", "指标值不具量化易评性"]).ShouldBeEmpty();
    }

    [Fact]
    public void An_indicator_item_names_the_indicators_in_the_reviewers_form()
    {
        var p = Sound(p => p with { Indicators = [Row("数量", "社区范围内需要养护的道路总里程数", "12公里"), .. p.Indicators.Skip(1)] });

        var f = Baoan.Review(p).Findings.ShouldHaveSingleItem();
        f.Subjects.ShouldBe(["数量指标“社区范围内需要养护的道路总里程数”"]);
        f.Text.ShouldStartWith("数量指标“社区范围内需要养护的道路总里程数”表述冗长，");
        Baoan.Review(p).Column(RulebookAspect.Completeness).ShouldStartWith("1. 数量指标“");
        Baoan.Review(p).Summary.ShouldBe("1. 绩效指标表述过于冗长");
    }

    [Fact]
    public void A_time_stated_in_words_is_a_time_and_not_applicable_fills_a_required_category()
    {
        var p = Sound(p => p with
        {
            Indicators = [.. p.Indicators.Take(2), Row("时效", "问题处理及时性", "半小时内及时处理"), p.Indicators[3]],
            Placeholders = [new Indicator(null, null, "不适用", null, TargetParser.Parse("不适用"), Level1Text: "效益", Level2Text: "社会效益", Explanation: "不适用")],
        });

        // The value states its time in words, which the district's 指标值 pattern (a number) does not take.
        Names(p).ShouldBe(["指标值不具量化易评性"]);
    }

    [Fact]
    public void Manual_items_are_proposals_not_initial_review_text()
    {
        var p = Sound(p => p with
        {
            Amounts = new ProjectAmounts(900m, null, null, null, MoneyUnit.WanYuan),
            Indicators = [Row("数量", "养护道路里程", "12"), .. p.Indicators.Skip(1)],
        });

        var review = Baoan.Review(p);
        review.Proposals.Select(f => f.Item.Name).ShouldBe(["指标值数量单位未填写单位", "绩效目标与项目资金量不匹配"]);
        review.Proposals.Last().Text.ShouldStartWith("项目本年度预算金额为900万元，而绩效指标仅仅设置了5条");
        review.Summary.ShouldBe("");
    }

    [Fact]
    public void Items_the_2023_review_did_not_apply_are_kept_but_disabled()
    {
        var book = ReviewRulebook.ForDistrict("baoan")!;

        book.Items.Count.ShouldBe(26);
        book.Items.Where(i => !i.Enabled).Select(i => i.Code).ShouldBe(["3", "11", "12", "13", "14", "15"]);
        book.Items.Where(i => i.Manual).Select(i => i.Code).ShouldBe(["18", "19", "20", "22", "24"]);
        ReviewRulebook.ForDistrict("无此地区").ShouldBeNull();
    }

    [Theory]
    [InlineData("""{"items":[]}""", "没有任何审核细项")]
    [InlineData("""{"items":[{"code":"1","aspect":"完整性","name":"甲","opinion":"乙","check":"spelling"}]}""", "检查“spelling”未知")]
    [InlineData("""{"items":[{"code":"1","aspect":"完整性","name":"甲","opinion":"乙","check":"name-length","pattern":"(("}]}""", "正则表达式无法使用")]
    [InlineData("""{"items":[{"code":"1","aspect":"完整性","name":"甲","opinion":"乙","check":"name-length"}]}""", "需要正则表达式")]
    [InlineData("""{"items":[{"code":"1","aspect":"完整性","name":"甲","opinion":"乙","check":"timeliness","pattern":"及时"}]}""", "需要指标类别")]
    [InlineData("""{"items":[{"code":"1","aspect":"合理性","name":"甲","opinion":"乙","check":"manual"}]}""", "不是完整性、可测性或可行性")]
    [InlineData("""{"items":[{"code":"1","aspect":"完整性","name":"甲","opinion":"乙","check":"amount-indicators"}]}""", "需要参数 bands")]
    [InlineData("""{"items":[{"code":"1","aspect":"完整性","name":"甲","opinion":"乙","check":"manual"},{"code":"1","aspect":"完整性","name":"丙","opinion":"乙","check":"manual"}]}""", "编码 1 重复")]
    [InlineData("""{"items":""", "不是有效的 JSON")]
    public void A_rulebook_file_that_does_not_fit_the_checks_is_rejected_in_chinese(string json, string reason)
    {
        var ex = Should.Throw<InvalidDataException>(() => ReviewRulebook.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        ex.Message.ShouldContain(reason);
    }
}
