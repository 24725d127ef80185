using Jixiao.Domain.Diagnostics;
using Jixiao.Import.Imports;

namespace Jixiao.Import.Tests.Excel;

/// <summary>Excel workbooks in layouts 1, 4 and 6, generated from the seed tables and fixtures.</summary>
public class ExcelImportTests
{
    [Fact]
    public void Reads_the_seed_table_written_to_xlsx_like_the_text()
    {
        var text = TargetTableImporter.Import(TestPaths.Seed002);
        var result = TargetTableImporter.Import(GeneratedFixtures.Seed002Xlsx);

        result.Succeeded.ShouldBeTrue();
        result.Layout.ShouldBe(ImportLayouts.ProjectTable);
        result.Department.ShouldBe("广州市公安局白云区分局");
        result.StatedTotal.ShouldBe(50061.31m);
        result.Projects.Count().ShouldBe(55);
        result.Projects.Sum(p => p.Amounts.Total!.Value).ShouldBe(50061.31m);
        result.Projects.Select(p => p.Indicators.Count).ShouldBe(text.Projects.Select(p => p.Indicators.Count));
        result.Projects.SelectMany(p => p.Indicators).Select(i => (i.Name, i.Level1, i.Level2, i.PeriodTarget!.Text, i.AnnualTarget!.Text))
            .ShouldBe(text.Projects.SelectMany(p => p.Indicators).Select(i => (i.Name, i.Level1, i.Level2, i.PeriodTarget!.Text, i.AnnualTarget!.Text)));
        result.Diagnostics.Where(d => d.Code == ImportCodes.UnusedLine).ShouldBeEmpty();
    }

    [Fact]
    public void Locates_projects_and_indicators_by_sheet_and_cell()
    {
        var result = TargetTableImporter.Import(GeneratedFixtures.Seed002Xlsx);

        var first = result.Projects.First();
        first.Location.ShouldBe(new SourceLocation("002.xlsx", null, "项目支出绩效目标表!A13"));
        first.Indicators[0].Location.ShouldBe(new SourceLocation("002.xlsx", null, "项目支出绩效目标表!G13"));
        result.Diagnostics.First(d => d.Code == ImportCodes.CategoryCorrected).Location!.Cell.ShouldBe("项目支出绩效目标表!G15");
    }

    [Fact]
    public void Reads_a_two_row_header_whose_second_row_names_the_amount_columns()
    {
        var result = TargetTableImporter.Import(GeneratedFixtures.Seed002TwoRowHeaderXlsx);

        result.Succeeded.ShouldBeTrue();
        result.Projects.Count().ShouldBe(55);
        result.Projects.Sum(p => p.Amounts.Fiscal!.Value).ShouldBe(50061.31m);
        result.StatedTotal.ShouldBe(50061.31m);
        result.IndicatorCount.ShouldBe(180);
        result.Diagnostics.ShouldNotContain(d => d.Code == ImportCodes.UnusedLine);
    }

    [Fact]
    public void Reads_the_seed_table_converted_to_old_xls()
    {
        var result = TargetTableImporter.Import(GeneratedFixtures.Seed002Xls);

        result.Succeeded.ShouldBeTrue();
        result.Projects.Count().ShouldBe(55);
        result.Projects.Sum(p => p.Amounts.Total!.Value).ShouldBe(50061.31m);
        result.IndicatorCount.ShouldBe(180);
        result.Units.ShouldHaveSingleItem().Name.ShouldBe("广州市公安局白云区分局");
    }

    [Fact]
    public void Reads_one_row_per_indicator_with_merged_cells()
    {
        var result = TargetTableImporter.Import(GeneratedFixtures.IndicatorRowsXlsx);
        var text = TargetTableImporter.Import(TestPaths.Fixture("indicator-rows-projects.txt"));

        result.Succeeded.ShouldBeTrue();
        result.Layout.ShouldBe(ImportLayouts.IndicatorRows);
        result.Projects.Select(p => p.Name).ShouldBe(["中小学校舍维修改造", "学生营养改善计划"]);
        result.Projects.SelectMany(p => p.Indicators).Select(i => (i.Name, i.Level2!.Code, i.AnnualTarget!.Text, i.Weight))
            .ShouldBe(text.Projects.SelectMany(p => p.Indicators).Select(i => (i.Name, i.Level2!.Code, i.AnnualTarget!.Text, i.Weight)));
        result.Projects.First().Indicators[1].Location.ShouldBe(new SourceLocation("indicator-rows.xlsx", null, "绩效目标!E9"));
    }

    [Fact]
    public void Reads_one_row_per_indicator_from_old_xls()
    {
        var result = TargetTableImporter.Import(GeneratedFixtures.IndicatorRowsXls);

        result.Succeeded.ShouldBeTrue();
        result.Layout.ShouldBe(ImportLayouts.IndicatorRows);
        result.Projects.Select(p => p.Indicators.Count).ShouldBe([8, 5]);
        result.Projects.First().Indicators[4].AnnualTarget!.Text.ShouldBe("≤600元/平方米");
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("xls")]
    public void Reads_the_declaration_form_cell_by_cell(string format)
    {
        var result = TargetTableImporter.Import(format == "xlsx" ? GeneratedFixtures.DeclarationFormXlsx : GeneratedFixtures.DeclarationFormXls);

        result.Succeeded.ShouldBeTrue();
        result.Layout.ShouldBe(ImportLayouts.DeclarationForm);
        var project = result.Projects.ShouldHaveSingleItem();
        project.Name.ShouldBe("农村饮水安全巩固提升工程维修养护");
        project.Amounts.Total.ShouldBe(85.00m);
        project.Amounts.Other.ShouldBe(0m);
        project.Indicators.Select(i => i.Name).ShouldBe(["维修养护供水工程", "水质检测次数", "维修工程验收合格率", "维修响应时间",
            "单处平均维修费用", "受益农村人口", "工程正常运行年限", "受益群众满意度"]);
        project.Indicators[4].Level2!.Code.ShouldBe("14");
        project.Indicators[0].Location.ShouldBe(new SourceLocation($"declaration-form.{format}", null, "申报表!D10"));
        result.Units.ShouldHaveSingleItem().Name.ShouldBe("某县农村供水管理站");
    }
}
