using Jixiao.Domain.Projects;
using Jixiao.Domain.Reviews;
using static Jixiao.Domain.Tests.Reviews.ProjectBuilder;

namespace Jixiao.Domain.Tests.Reviews;

/// <summary>
/// The rules that look at projects together or at an indicator against the amount: indicators copied across unrelated
/// projects (REV603), the same indicator under 产出 and 效益 (REV308), a 总成本 indicator below the budget (REV802) and a
/// unit cost far from that of projects of the same type (REV803).
/// </summary>
public class CrossProjectRuleTests
{
    private static Project Training(string name, decimal amount, params Indicator[] extra) => P(name, amount, $"{name}：全年培训300人次，合格率95%以上。",
    [
        I("产出指标", "数量指标", "培训人次", "≥300人次"),
        I("产出指标", "质量指标", "培训合格率", "≥95%"),
        I("产出指标", "时效指标", "培训完成时间", "2023年12月前"),
        I("效益指标", "社会效益指标", "学员技能提升率", "≥90%"),
        I("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"),
        .. extra,
    ]);

    private static IEnumerable<ReviewFinding> Of(ReviewReport report, int project, string rule) => report.Projects[project].Findings.Where(f => f.Rule == rule);

    [Fact]
    public void Indicators_copied_into_an_unrelated_project_of_the_department_are_found_and_a_related_one_is_not()
    {
        var report = ReviewEngine.Default.Review([Unit("甲单位", Training("消防安全培训", 30m), Training("食堂改造工程", 80m), Training("消防安全培训（上年结转）", 10m))]);

        Of(report, 1, "REV603").ShouldHaveSingleItem().Message.ShouldBe("项目“食堂改造工程”有 5 项指标（名称和指标值）与不相关的项目“消防安全培训”“消防安全培训（上年结转）”一字不差。");
        Of(report, 0, "REV603").ShouldHaveSingleItem().Message.ShouldNotContain("上年结转");
    }

    [Fact]
    public void The_same_indicator_under_output_and_benefit_is_rev308_not_a_plain_duplicate()
    {
        var report = ReviewEngine.Default.Review([Unit("甲单位", Training("消防安全培训", 30m, I("效益指标", "社会效益指标", "培训人次", "≥300人次")))]);

        Of(report, 0, "REV308").ShouldHaveSingleItem().Indicator.ShouldBe("培训人次");
        Of(report, 0, "REV304").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("≤12万元", true)]
    [InlineData("≤28万元", false)]
    [InlineData("不超过12万元/年", true)]
    [InlineData("≤500元/人", false)]
    public void A_total_cost_indicator_well_below_the_budget_is_rev802(string target, bool found)
    {
        var report = ReviewEngine.Default.Review([Unit("甲单位", Training("消防安全培训", 30m, I("产出指标", "成本指标", "项目总成本", target)))]);

        Of(report, 0, "REV802").Any().ShouldBe(found);
    }

    [Fact]
    public void A_unit_cost_far_from_the_median_of_projects_of_the_same_type_is_rev803()
    {
        var report = ReviewEngine.Default.Review([Unit("甲单位",
            Training("消防安全培训", 30m, I("产出指标", "成本指标", "人均培训成本", "≤500元/人")),
            Training("急救技能培训", 30m, I("产出指标", "成本指标", "人均培训成本", "≤600元/人")),
            Training("交通安全培训", 30m, I("产出指标", "成本指标", "人均培训成本", "≤550元/人")),
            Training("防汛知识培训", 30m, I("产出指标", "成本指标", "人均培训成本", "≤5000元/人")))]);

        var finding = Of(report, 3, "REV803").ShouldHaveSingleItem();
        finding.Message.ShouldContain("每人的中位数为 575元，本项目为 5000元");
        Enumerable.Range(0, 3).ShouldAllBe(p => !Of(report, p, "REV803").Any());
    }
}
