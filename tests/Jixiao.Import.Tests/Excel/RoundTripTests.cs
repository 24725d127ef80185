using Jixiao.Domain.Projects;
using Jixiao.Import.Imports;
using Jixiao.Reporting.TargetTables;

namespace Jixiao.Import.Tests.Excel;

/// <summary>The standard table written by `jixiao export` reads back to the same projects and indicators.</summary>
public class RoundTripTests
{
    public static TheoryData<string> Sources => [
        "samples/seeds/002_57b7928e8e0f944a.txt",
        "samples/seeds/003_3854a258b9068c95.txt",
        "tests/Jixiao.Import.Tests/Fixtures/indicator-rows-per-project.txt",
        "tests/Jixiao.Import.Tests/Fixtures/declaration-form-web.txt",
    ];

    [Theory]
    [MemberData(nameof(Sources))]
    public void Exporting_and_reading_back_gives_the_same_projects_and_indicators(string source)
    {
        var original = TargetTableImporter.Import(Path.Combine(TestPaths.RepoRoot, source));
        var xlsx = new MemoryStream();
        TargetTableXlsxWriter.Write(xlsx, original.Department, original.AmountUnit, original.StatedTotal, original.Units);

        var back = TargetTableImporter.Import(new MemoryStream(xlsx.ToArray()), "export.xlsx");

        back.Layout.ShouldBe(ImportLayouts.ProjectTable);
        back.StatedTotal.ShouldBe(original.StatedTotal ?? original.Units.Sum(u => u.StatedTotal ?? u.Projects.Sum(p => p.Amounts.Total ?? 0)));
        back.Units.Select(u => u.Name).ShouldBe(original.Units.Select(u => u.Name));
        back.Projects.Select(p => (p.Name, p.FiscalYear, p.Amounts.Total, p.Amounts.Fiscal, p.Amounts.Other, p.Goal.Text))
            .ShouldBe(original.Projects.Select(p => (p.Name, p.FiscalYear, p.Amounts.Total, p.Amounts.Fiscal, p.Amounts.Other, p.Goal.Text)));
        back.Projects.SelectMany(p => p.Indicators).Select(Key).ShouldBe(original.Projects.SelectMany(p => p.Indicators).Select(Key));
        back.Diagnostics.ShouldNotContain(d => d.Code == ImportCodes.CategoryCorrected || d.Code == ImportCodes.UnusedLine
            || d.Code == ImportCodes.RowDoesNotAdd || d.Code == ImportCodes.UnitDoesNotAdd || d.Code == ImportCodes.TableDoesNotAdd);
    }

    [Fact]
    public void What_reviewers_read_is_exported_in_columns_of_its_own_and_read_back()
    {
        var original = Jixiao.Import.Reading.TargetsFromReading.Import(Path.Combine(Corpus.CorpusFiles.Docs, "01-targets-baoan-export.xlsx"));
        var xlsx = new MemoryStream();
        TargetTableXlsxWriter.Write(xlsx, null, MoneyUnit.WanYuan, null, original.Units);

        var back = TargetTableImporter.Import(new MemoryStream(xlsx.ToArray()), "export.xlsx");

        back.Layout.ShouldBe(ImportLayouts.ProjectTable);
        back.Diagnostics.ShouldNotContain(d => d.Code == ImportCodes.UnusedLine || d.Code == ImportCodes.BadAmount);
        static object Fields(Project p) => (p.Name, p.Code, p.Amounts.Total, p.Amounts.PeriodTotal, p.Goal.Text, p.Goal.PeriodGoal, p.PolicyBasis, p.CostBasis,
            string.Join("|", p.Indicators.Select(i => i.Explanation ?? "∅")));
        // A unit named …工程事务中心 reads back as a project (layout 1 takes a row of amounts whose name reads like a project
        // for one): its subtotal row has no code, every project row has one.
        var projects = back.Projects.Where(p => p.Code is not null).ToList();
        projects.Select(Fields).ShouldBe(original.Projects.Select(Fields));
        projects.Count.ShouldBe(146);
        projects.Count(p => p.Indicators.Any(i => i.Explanation?.Contains('；', StringComparison.Ordinal) == true))
            .ShouldBe(original.Projects.Count(p => p.Indicators.Any(i => i.Explanation?.Contains('；', StringComparison.Ordinal) == true)));
    }

    [Fact]
    public void The_exported_cell_uses_the_corrected_categories()
    {
        var original = TargetTableImporter.Import(TestPaths.Seed002);

        var cell = TargetTableXlsxWriter.EncodeIndicators(original.Units[0].Projects[2].Indicators);

        cell.ShouldBe("1、3-满意度指标,31-服务对象满意度指标,单位员工满意度（%）；实施周期指标值:90%,年度指标值:90%；"
            + "2、1-产出指标,12-质量指标,施工质量合格率（%）；实施周期指标值:100%,年度指标值:100%；"
            + "3、1-产出指标,12-质量指标,主体工程完成率；实施周期指标值:100%,年度指标值:100%；");
    }

    private static (string Name, string? Level1, string? Level2, string? Period, string? Annual) Key(Indicator i) =>
        (i.Name, i.Level1?.Code, i.Level2?.Code, i.PeriodTarget?.Text, i.AnnualTarget?.Text);
}
