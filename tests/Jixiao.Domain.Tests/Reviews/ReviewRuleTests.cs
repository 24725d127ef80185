using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Reviews;
using static Jixiao.Domain.Tests.Reviews.ProjectBuilder;

namespace Jixiao.Domain.Tests.Reviews;

/// <summary>Each rule on projects written to show exactly one problem (a clean project plus one change).</summary>
public class ReviewRuleTests
{
    private static Project With(params Indicator[] extra)
    {
        var clean = Clean();
        return clean with { Indicators = [.. clean.Indicators, .. extra] };
    }

    [Fact]
    public void A_clean_project_gets_no_findings_and_full_marks()
    {
        var review = Review(Clean());
        review.Findings.ShouldBeEmpty();
        review.Score.ShouldBe(100);
        review.Outcome.ShouldBe(ReviewOutcome.Excellent);
    }

    public static TheoryData<string, string, string, string?, string?, string> OneIndicator => new()
    {
        // level1, level2, name, period, annual → the one rule it breaks
        { "2-效益指标", "22-社会效益指标", "案件类警情同比下降率", "下降", "下降", "REV101" },
        { "2-效益指标", "22-社会效益指标", "辅警队伍稳定性", "进一步提升", "进一步提升", "REV102" },
        { "1-产出指标", "12-质量指标", "设备完好率", "95%", "95%", "REV103" },
        { "1-产出指标", "11-数量指标", "巡逻出勤次数", "≥365", "≥365", "REV104" },
        { "2-效益指标", "22-社会效益指标", "平安宣传", "营造平安氛围", "营造平安氛围", "REV105" },
        { "1-产出指标", "11-数量指标", "新植树木", null, null, "REV106" },
        { "1-产出指标", "11-数量指标", "新植树木", "≥**株", "≥**株", "REV306" },
        { "2-效益指标", "22-社会效益指标", "交通秩序", "有所提搞", "有所提搞", "REV307" },
        { "2-效益指标", "22-社会效益指标", "办案时间节约率", "≤0%", "≤0%", "REV401" },
        { "4-成本指标", "41-经济成本指标", "维护成本控制率", "≤0%", "≤0%", "REV402" },
        { "1-产出指标", "12-质量指标", "预算资金支付率", "=100%", "=100%", "REV403" },
        { "1-产出指标", "12-质量指标", "案件办结率", "≥80%", "≥90%", "REV404" },
        { "1-产出指标", "13-时效指标", "故障修复时间", "≤72小时", "≤48小时", "REV404" },
        { "1-产出指标", "11-数量指标", "培训场次", "≥4场", "≥6场", "REV405" },
        { "1-产出指标", "11-数量指标", "专项工作经费", "≥300万元", "≥300万元", "REV501" },
        { "1-产出指标", "11-数量指标", "社工人数", "=51人", "=51人", "REV502" },
        { "1-产出指标", "11-数量指标", "执法记录仪采购数量", "=40台", "=40台", "REV502" },
        { "4-成本指标", "41-经济成本指标", "项目总成本", "≤130万元", "≤130万元", "REV801" },
        { "1-产出指标", "12-效益指标", "执法检查覆盖率", "≥95%", "≥95%", "REV301" },
        { "1-产出指标", "99-其他", "执法检查覆盖率", "≥95%", "≥95%", "REV301" },
        { "1-产出指标", "22-社会效益指标", "执法检查覆盖率", "≥95%", "≥95%", "REV302" },
        { "2-效益指标", "22-社会效益指标", "竣工验收通过率", "=100%", "=100%", "REV303" },
        { "1-产出指标", "11-数量指标", "改造面积", "≥1200平方米", "≥1200平方米", "REV304" },
    };

    [Theory]
    [MemberData(nameof(OneIndicator))]
    public void One_faulty_indicator_breaks_exactly_its_rule(string level1, string level2, string name, string? period, string? annual, string rule)
    {
        var review = Review(With(ProjectBuilder.I(null, level1, level2, name, period, annual)));
        review.Rules().ShouldBe([rule], $"got {string.Join("; ", review.Findings.Select(f => $"{f.Rule} {f.Message}"))}");
    }

    public static TheoryData<string, string> MissingCategory => new()
    {
        { "1", "REV201" },
        { "2", "REV202" },
        { "3", "REV203" },
        { "4", "REV204" },
    };

    [Theory]
    [MemberData(nameof(MissingCategory))]
    public void A_missing_category_is_found(string level1Code, string rule)
    {
        var clean = Clean();
        var project = clean with { Indicators = [.. clean.Indicators.Where(i => i.Level1Code != level1Code)] };
        var review = Review(project);
        review.Rules().ShouldContain(rule);
        review.Rules().Where(r => r.StartsWith("REV20", StringComparison.Ordinal) && r != "REV206" && r != "REV207").ShouldBe([rule]);
    }

    [Theory]
    [InlineData("完好")]
    [InlineData("合理")]
    [InlineData("有序")]
    public void Short_words_outside_the_vocabulary_are_not_called_typos(string value)
    {
        var review = Review(With(I("1-产出指标", "12-质量指标", "设施状况", value)));
        review.Rules().ShouldNotContain("REV307");
    }

    [Fact]
    public void Satisfaction_is_required_only_where_the_project_serves_people()
    {
        var clean = Clean();
        var internalOnly = clean with
        {
            Goal = new PerformanceGoal("2022年完成机房空调改造2台，9月底前竣工验收。"),
            Indicators = [.. clean.Indicators.Where(i => i.Level1Code != "3")],
        };
        Review(internalOnly).Rules().ShouldNotContain("REV203");
    }

    [Fact]
    public void Outputs_need_a_quantity_and_a_quality_or_timeliness_indicator()
    {
        var clean = Clean();
        Review(clean with { Indicators = [.. clean.Indicators.Where(i => i.Level2Code != "11")] }).Rules().ShouldBe(["REV206"]);
        Review(clean with { Indicators = [.. clean.Indicators.Where(i => i.Level2Code is not ("12" or "13"))] }).Rules().ShouldBe(["REV207"]);
    }

    [Fact]
    public void Fewer_than_three_indicators_is_an_error_and_none_at_all_blocks_budgeting()
    {
        var two = P("小额项目", 5m, "2022年完成2场培训。",
            I("1-产出指标", "11-数量指标", "培训场次", "≥2场"),
            I("2-效益指标", "22-社会效益指标", "参训人员考核合格率", "≥95%"));
        Review(two).Rules().ShouldContain("REV205");
        Review(two).On("REV205").Single().Message.ShouldBe("项目“小额项目”只有2项绩效指标，少于3项。");

        var none = Review(P("空项目", 5m, "2022年完成2场培训。"));
        none.Rules().ShouldBe(["REV200"]);
        none.Outcome.ShouldBe(ReviewOutcome.Poor);
        none.Outcome.BlocksBudgeting().ShouldBeTrue();
    }

    [Fact]
    public void Funding_columns_that_do_not_add_up_are_an_error()
    {
        var clean = Clean();
        var project = clean with { Amounts = new ProjectAmounts(120m, 100m, 10m, null, MoneyUnit.WanYuan) };
        var finding = Review(project).On("REV701").Single();
        finding.Message.ShouldBe("项目“派出所业务用房改造工程”的总计 120万元 不等于各项资金之和 110万元。");
    }

    [Fact]
    public void A_unit_total_that_differs_from_its_projects_is_reported_on_the_unit()
    {
        var unit = new BudgetUnit("某单位", "某部门", 250m, [Clean("甲工程", 120m), Clean("乙工程", 120m)]);
        var report = ReviewEngine.Default.Review([unit]);
        report.Units[0].Findings.Single().Message.ShouldBe("单位“某单位”的合计 250万元 不等于所属项目总计之和 240万元。");
        report.Projects.ShouldAllBe(p => p.Findings.Count == 0);
    }

    [Fact]
    public void Cost_equal_to_the_budget_is_fine_and_above_it_is_an_error()
    {
        Review(Clean(amount: 120m)).Rules().ShouldNotContain("REV801");
        var review = Review(With(I("4-成本指标", "41-经济成本指标", "预计支出", "≤1,300,000元")));
        review.On("REV801").Single().Message.ShouldBe("成本指标“预计支出”的目标“≤1,300,000元”超过了项目预算 120万元。");
    }

    [Fact]
    public void Goal_text_reused_by_unrelated_projects_of_a_department_is_boilerplate()
    {
        const string goal = "做好基础设施保障工作，提供良好的办公环境，确保单位和人员能够正常使用运作。";
        var a = Clean("金沙派出所公建配套业务用房改造工程") with { Goal = new PerformanceGoal(goal) };
        var b = Clean("分局房屋零星维修项目") with { Goal = new PerformanceGoal(goal) };
        var c = Clean("2023年金沙派出所公建配套业务用房改造工程") with { Goal = new PerformanceGoal(goal) };
        var report = ReviewEngine.Default.Review([new BudgetUnit("甲单位", "某部门", null, [a]), new BudgetUnit("乙单位", "某部门", null, [b, c])]);
        report.Projects[1].On("REV601").Single().Message.ShouldContain("“金沙派出所公建配套业务用房改造工程”“2023年金沙派出所公建配套业务用房改造工程”");

        var otherDepartment = ReviewEngine.Default.Review([new BudgetUnit("甲单位", "甲部门", null, [a]), new BudgetUnit("乙单位", "乙部门", null, [b])]);
        otherDepartment.Projects.ShouldAllBe(p => !p.Rules().Contains("REV601"));
    }

    [Fact]
    public void Findings_carry_the_indicator_number_and_location_of_the_source()
    {
        var indicator = I(2, "1-产出指标", "12-质量指标", "设备完好率", "95%", "95%") with { Location = new SourceLocation("a.txt", 12) };
        var clean = Clean();
        var finding = Review(clean with { Indicators = [.. clean.Indicators, indicator] }).On("REV103").Single();
        finding.IndicatorNumber.ShouldBe(2);
        finding.Location.ShouldBe(new SourceLocation("a.txt", 12));
        finding.Suggestion.ShouldBe("补上比较符，例如“≥95%”。");
    }
}
