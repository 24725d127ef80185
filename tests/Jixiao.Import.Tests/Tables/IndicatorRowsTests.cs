using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Targets;
using Jixiao.Import.Imports;

namespace Jixiao.Import.Tests.Tables;

/// <summary>Layout 4: one row per indicator, merged cells blank on continuation rows.</summary>
public class IndicatorRowsTests
{
    private static readonly Lazy<ImportResult> Projects = new(() => TargetTableImporter.Import(TestPaths.Fixture("indicator-rows-projects.txt")));
    private static readonly Lazy<ImportResult> PerProject = new(() => TargetTableImporter.Import(TestPaths.Fixture("indicator-rows-per-project.txt")));

    [Fact]
    public void Reads_projects_from_a_project_column_whose_merged_cells_are_blank()
    {
        var result = Projects.Value;

        result.Succeeded.ShouldBeTrue();
        result.Layout.ShouldBe(ImportLayouts.IndicatorRows);
        result.Diagnostics.ShouldBeEmpty();
        result.Department.ShouldBe("某区教育局");
        var unit = result.Units.ShouldHaveSingleItem();
        unit.Projects.Select(p => p.Name).ShouldBe(["中小学校舍维修改造", "学生营养改善计划"]);
        unit.Projects.Select(p => p.Indicators.Count).ShouldBe([8, 5]);
        unit.Projects[0].Goal.Text.ShouldBe("完成12所中小学校舍维修改造，消除校舍安全隐患，改善办学条件。");
        unit.Projects.ShouldAllBe(p => p.FiscalYear == 2024);
    }

    [Theory]
    [InlineData(0, 1, "维修改造面积", "产出指标", "数量指标", "≥8000平方米", "平方米", 10)]
    [InlineData(0, 4, "单位面积维修成本", "产出指标", "成本指标", "≤600元/平方米", "元/平方米", 10)]
    [InlineData(0, 5, "校舍安全隐患消除率", "效益指标", "社会效益指标", "=100%", "%", 15)]
    [InlineData(0, 7, "师生满意度", "满意度指标", "服务对象满意度指标", "≥90%", "%", 15)]
    [InlineData(1, 2, "补助资金拨付及时性", "产出指标", "时效指标", "及时", null, 10)]
    [InlineData(1, 4, "家长满意度", "满意度指标", "服务对象满意度指标", "≥85%", "%", 30)]
    public void Carries_categories_down_and_composes_the_target_from_nature_value_and_unit(
        int project, int index, string name, string level1, string level2, string target, string? unit, int weight)
    {
        var indicator = Projects.Value.Units[0].Projects[project].Indicators[index];

        indicator.Name.ShouldBe(name);
        indicator.Level1!.Name.ShouldBe(level1);
        indicator.Level2!.Name.ShouldBe(level2);
        indicator.AnnualTarget!.Text.ShouldBe(target);
        indicator.PeriodTarget.ShouldBeNull();
        indicator.Unit.ShouldBe(unit);
        indicator.Weight.ShouldBe(weight);
    }

    [Fact]
    public void Reads_direction_and_comparators()
    {
        var indicators = Projects.Value.Units[0].Projects[0].Indicators;

        indicators[4].Direction.ShouldBe(Direction.Down);
        indicators[0].Direction.ShouldBe(Direction.Up);
        var cost = indicators[4].AnnualTarget.ShouldBeOfType<Target.Quantitative>();
        cost.Comparator.ShouldBe(Comparator.AtMost);
        cost.Value.ShouldBe(600m);
        indicators[0].Location.ShouldBe(new SourceLocation("indicator-rows-projects.txt", 9));
    }

    [Fact]
    public void Reads_one_table_per_project_with_the_project_above_it()
    {
        var result = PerProject.Value;

        result.Succeeded.ShouldBeTrue();
        result.Diagnostics.ShouldBeEmpty();
        result.Department.ShouldBe("某县交通运输局");
        var projects = result.Projects.ToList();
        projects.Select(p => p.Name).ShouldBe(["农村公路养护", "乡镇客运站运营补贴"]);
        projects.Select(p => p.Amounts.Total).ShouldBe([320.50m, 48.00m]);
        projects.Select(p => p.Indicators.Count).ShouldBe([5, 4]);
        projects[0].Goal.Text.ShouldBe("完成全县农村公路日常养护，保障农村公路安全畅通。");
        projects[0].Location.ShouldBe(new SourceLocation("indicator-rows-per-project.txt", 3));
        var quality = projects[0].Indicators[1];
        quality.Name.ShouldBe("优良路率");
        quality.Level1!.Name.ShouldBe("产出指标");
        quality.Level2!.Name.ShouldBe("质量指标");
        quality.PeriodTarget!.Text.ShouldBe("≥80%");
        quality.AnnualTarget!.Text.ShouldBe("≥75%");
        projects[1].Indicators[1].Level2!.Code.ShouldBe("14");
    }
}
