using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Targets;
using Jixiao.Import.Imports;

namespace Jixiao.Import.Tests.Extracted;

/// <summary>003: the 政法委 target table as PDF-extracted text, rows wrapped anywhere, two units.</summary>
public class Seed003Tests
{
    private static readonly Lazy<ImportResult> Result = new(() => TargetTableImporter.Import(TestPaths.Seed003));

    public static TheoryData<int, int, string, decimal, int> Projects => new()
    {
        { 0, 0, "公费医疗超支及自付经费", 7.00m, 3 },
        { 0, 1, "政法工作经费", 447.00m, 5 },
        { 0, 2, "创平安白云工作经费", 50.00m, 4 },
        { 0, 3, "来穗工作经费", 50.00m, 7 },
        { 0, 4, "法制监督工作经费（含法学会经费）", 30.00m, 6 },
        { 0, 5, "白云区网格化指挥调度平台数据结构和人员标签应用项目", 7.90m, 4 },
        { 0, 6, "政府雇员公用经费", 5.10m, 5 },
        { 0, 7, "政府雇员工资经费", 143.36m, 4 },
        { 0, 8, "全区网格员补助", 737.40m, 3 },
        { 0, 9, "（百千万）白云区网格化社会综合治理平台建设项目", 333.30m, 4 },
        { 0, 10, "矛盾纠纷多元化解平台运维费", 17.00m, 5 },
        { 0, 11, "管理系统和平安白云数据专用接口项目", 16.00m, 4 },
        { 0, 12, "白云区2082支高清摄像枪租赁项目", 84.70m, 8 },
        { 0, 13, "信创工作经费", 26.00m, 4 },
        { 0, 14, "白云区流动人员和出租屋移动管理系统运维费用", 17.00m, 4 },
        { 0, 15, "公务用车购置经费", 18.00m, 3 },
        { 1, 0, "网格化服务管理工作经费", 5.00m, 4 },
        { 1, 1, "信创工作经费", 3.00m, 4 },
    };

    [Fact]
    public void Reads_two_units_whose_projects_add_up_to_their_subtotals_and_the_table_total()
    {
        var result = Result.Value;

        result.Succeeded.ShouldBeTrue();
        result.Layout.ShouldBe(ImportLayouts.ExtractedText);
        result.Department.ShouldBe("中共广州市白云区委政法委员会");
        result.StatedTotal.ShouldBe(1997.76m);
        result.Units.Select(u => u.Name).ShouldBe(["中共广州市白云区委政法委员会", "广州市白云区网格化服务管理中心"]);
        result.Units.Select(u => u.StatedTotal).ShouldBe([1989.76m, 8.00m]);
        result.Units.Select(u => u.Projects.Count).ShouldBe([16, 2]);
        result.Units.Select(u => u.Projects.Sum(p => p.Amounts.Total!.Value)).ShouldBe([1989.76m, 8.00m]);
        result.IndicatorCount.ShouldBe(81);
        result.Diagnostics.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Rejoins_every_project_name_broken_over_lines(int unit, int index, string name, decimal total, int indicators)
    {
        var project = Result.Value.Units[unit].Projects[index];

        project.Name.ShouldBe(name);
        project.Amounts.Total.ShouldBe(total);
        project.Amounts.Fiscal.ShouldBe(total);
        project.Indicators.Count.ShouldBe(indicators);
        project.Indicators.ShouldAllBe(i => i.Level1 != null && i.Level2 != null && i.PeriodTarget != null && i.AnnualTarget != null);
    }

    [Theory]
    [InlineData(0, 0, 1, "提高医疗保障", "医疗保障率达100%", "100%")]
    [InlineData(0, 0, 2, "通过提高政法工作人员医疗保障，提高政法工作效率", "提高医疗保障", "提高")]
    [InlineData(0, 1, 4, "人力、时间资源节省", "节省率≤0%", "≤0%")]
    [InlineData(0, 3, 3, "登记率", "出租屋登记率达100%，来穗人员登记率达到95%", "100%")]
    [InlineData(0, 7, 3, "编外人员工资支付标准", "按规定支付", "按标准发放")]
    [InlineData(0, 8, 0, "网格事件办结率.", "网格员实际工作内容", "网格员实际工作内容")]
    [InlineData(0, 10, 4, "系统一般故障解决时间", "次数不限，故障发生24小时内到场，48小时内解决", "次数不限，故障发生24小时内到场，48小时内解决")]
    [InlineData(0, 12, 5, "监理整改通知书及时整改率", "实时监理、周期下发整改通知书，验收整改", "实时监理、周期下发整改通知书，验收整改")]
    [InlineData(0, 15, 1, "预算（成本）控制率", "≤0％", "≤0％，小于预算数")]
    [InlineData(1, 0, 0, "开展全区网格员培训", "开展一次培训以上", "＞1次")]
    public void Rejoins_indicator_names_and_targets_across_line_breaks(int unit, int project, int index, string name, string period, string annual)
    {
        var indicator = Result.Value.Units[unit].Projects[project].Indicators[index];

        indicator.Name.ShouldBe(name.TrimEnd('.'));
        indicator.PeriodTarget!.Text.ShouldBe(period);
        indicator.AnnualTarget!.Text.ShouldBe(annual);
    }

    [Fact]
    public void Joins_the_goal_and_locates_the_project_on_its_first_name_line()
    {
        var project = Result.Value.Units[0].Projects[4];

        project.Goal.Text.ShouldBe("加强涉法涉诉工作，开展法学会相关工作，完善中立法律服务站运作机制，化解矛盾，疏导案件，对特别重大信访案困难结予补助，做好稳控工作，维护社会稳定。");
        project.Location.ShouldBe(new SourceLocation("003_3854a258b9068c95.txt", 113));
        project.Indicators[1].Location.ShouldBe(new SourceLocation("003_3854a258b9068c95.txt", 128));
    }

    [Fact]
    public void Reads_targets_with_comparators_from_the_extracted_text()
    {
        var indicator = Result.Value.Units[0].Projects[10].Indicators[1];

        indicator.Name.ShouldBe("维护及时时间");
        var target = indicator.AnnualTarget.ShouldBeOfType<Target.Quantitative>();
        target.Comparator.ShouldBe(Comparator.AtMost);
        target.Value.ShouldBe(48m);
    }
}
