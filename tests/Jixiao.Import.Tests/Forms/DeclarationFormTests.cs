using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Projects;
using Jixiao.Import.Imports;

namespace Jixiao.Import.Tests.Forms;

/// <summary>Layout 6: the 绩效目标申报表 as copied out of a county website, one cell per line.</summary>
public class DeclarationFormTests
{
    private static readonly Lazy<ImportResult> Result = new(() => TargetTableImporter.Import(TestPaths.Fixture("declaration-form-web.txt")));

    [Fact]
    public void Reads_each_form_as_a_project_under_its_implementing_unit()
    {
        var result = Result.Value;

        result.Succeeded.ShouldBeTrue();
        result.Layout.ShouldBe(ImportLayouts.DeclarationForm);
        result.AmountUnit.ShouldBe(MoneyUnit.WanYuan);
        result.Units.Select(u => u.Name).ShouldBe(["某县农村供水管理站", "某县教育体育局"]);
        var projects = result.Projects.ToList();
        projects.Select(p => p.Name).ShouldBe(["农村饮水安全巩固提升工程维修养护", "乡村学校少年宫运行经费"]);
        projects[0].Amounts.ShouldBe(new ProjectAmounts(85.00m, 85.00m, null, 0.00m, MoneyUnit.WanYuan));
        projects[1].Amounts.ShouldBe(new ProjectAmounts(30.00m, 30.00m, null, null, MoneyUnit.WanYuan));
        projects.Select(p => p.Indicators.Count).ShouldBe([8, 4]);
        projects.ShouldAllBe(p => p.FiscalYear == 2024);
    }

    [Fact]
    public void Joins_labels_and_goals_split_over_lines()
    {
        var project = Result.Value.Projects.First();

        project.Goal.Text.ShouldBe("保障全县农村供水工程正常运行，及时修复损坏的供水设施，确保农村群众饮水安全。");
        project.Goal.AnnualGoal.ShouldBe(project.Goal.Text);
        project.Location.ShouldBe(new SourceLocation("declaration-form-web.txt", 3));
    }

    [Theory]
    [InlineData(0, 0, "维修养护供水工程", "产出指标", "数量指标", "≥120处")]
    [InlineData(0, 4, "单处平均维修费用", "产出指标", "成本指标", "≤0.7万元")]
    [InlineData(0, 5, "受益农村人口", "效益指标", "社会效益指标", "≥15万人")]
    [InlineData(0, 6, "工程正常运行年限", "效益指标", "可持续影响指标", "≥5年")]
    [InlineData(0, 7, "受益群众满意度", "满意度指标", "服务对象满意度指标", "≥90%")]
    [InlineData(1, 3, "学生及家长满意度", "满意度指标", "服务对象满意度指标", "≥90%")]
    public void Reads_categories_in_any_spelling_and_skips_empty_ones(int project, int index, string name, string level1, string level2, string target)
    {
        var indicator = Result.Value.Projects.ElementAt(project).Indicators[index];

        indicator.Name.ShouldBe(name);
        indicator.Level1!.Name.ShouldBe(level1);
        indicator.Level2!.Name.ShouldBe(level2);
        indicator.AnnualTarget!.Text.ShouldBe(target);
    }

    [Fact]
    public void Reports_the_footer_it_does_not_read()
    {
        var diagnostics = Result.Value.Diagnostics;

        diagnostics.Count.ShouldBe(2);
        diagnostics.ShouldAllBe(d => d.Code == ImportCodes.UnusedLine && d.Severity == Severity.Info);
        diagnostics[0].Message.ShouldBe("申报表表尾“填报人：张某”未读取。");
        diagnostics[0].Location.ShouldBe(new SourceLocation("declaration-form-web.txt", 61));
    }
}
