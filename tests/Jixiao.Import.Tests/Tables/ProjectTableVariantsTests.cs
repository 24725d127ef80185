using System.Text;
using Jixiao.Domain.Diagnostics;
using Jixiao.Import.Imports;
using Jixiao.Reporting.TargetTables;

namespace Jixiao.Import.Tests.Tables;

/// <summary>The project table as other tools write it: tab-separated text, cells with line breaks, cells spilt over rows.</summary>
public class ProjectTableVariantsTests
{
    [Fact]
    public void Reads_the_seed_table_as_tab_separated_text()
    {
        var tsv = string.Join('\n', File.ReadAllLines(TestPaths.Seed002)
            .Where(l => !l.Contains("---", StringComparison.Ordinal))
            .Select(l => l.TrimStart().StartsWith('|') ? string.Join('\t', l.Trim().Trim('|').Split('|').Select(c => c.Trim())) : l));

        var result = TargetTableImporter.Import(new MemoryStream(Encoding.UTF8.GetBytes(tsv)), "002.tsv");

        result.Succeeded.ShouldBeTrue();
        result.Layout.ShouldBe(ImportLayouts.ProjectTable);
        result.Projects.Count().ShouldBe(55);
        result.IndicatorCount.ShouldBe(180);
        result.Projects.Sum(p => p.Amounts.Total!.Value).ShouldBe(50061.31m);
    }

    [Fact]
    public void Joins_indicator_cells_broken_by_line_breaks_and_spilt_over_rows()
    {
        var xlsx = new MemoryStream();
        XlsxGrid.Write(xlsx, [new XlsxSheet("Sheet1",
        [
            ["项目名称", "总计", "财政拨款", "财政专户拨款", "其他资金", "绩效目标", "绩效指标"],
            ["某单位", 30m, 20m, null, 10m],
            ["培训经费", 30m, 20m, null, 10m, "完成年度培训。", "1、1-产出指标,11-数量指标,培训人\n次；实施周期指标值:≥1\n00人次,年度指标值:≥100人次；"],
            [null, null, null, null, null, null, "2、3-满意度指标,31-服务对象满意度,学员满意度；实施周期指标值:≥90%,年度指标值:≥90%；"],
        ])]);

        var result = TargetTableImporter.Import(new MemoryStream(xlsx.ToArray()), "培训.xlsx");

        result.Succeeded.ShouldBeTrue();
        result.Diagnostics.ShouldBeEmpty();
        var project = result.Projects.ShouldHaveSingleItem();
        project.Amounts.Other.ShouldBe(10m);
        project.Indicators.Select(i => i.Name).ShouldBe(["培训人次", "学员满意度"]);
        project.Indicators[0].PeriodTarget!.Text.ShouldBe("≥100人次");
        project.Indicators[1].Location.ShouldBe(new SourceLocation("培训.xlsx", null, "Sheet1!G4"));
    }

    [Fact]
    public void A_unit_row_and_a_project_without_goal_are_told_apart_by_the_name()
    {
        var text = """
            | 项目名称 | 总计 | 财政拨款 | 财政专户拨款 | 其他资金 | 绩效目标 | 绩效指标 |
            |---|---|---|---|---|---|---|
            | 某区文化广电旅游体育局 | 12.00 | 12.00 | | | | |
            | 图书馆运行经费 | 12.00 | 12.00 | | | | |
            """;

        var result = TargetTableImporter.Import(new MemoryStream(Encoding.UTF8.GetBytes(text)), "t.txt");

        result.Units.ShouldHaveSingleItem().Name.ShouldBe("某区文化广电旅游体育局");
        result.Projects.ShouldHaveSingleItem().Name.ShouldBe("图书馆运行经费");
        result.Diagnostics.Where(d => d.Code == ImportCodes.ProjectIncomplete).Select(d => d.Message)
            .ShouldBe(["项目“图书馆运行经费”没有绩效目标。", "项目“图书馆运行经费”没有绩效指标。"]);
    }
}
