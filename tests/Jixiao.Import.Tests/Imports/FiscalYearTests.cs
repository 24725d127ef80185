using Jixiao.Domain.Diagnostics;
using Jixiao.Import.Imports;

namespace Jixiao.Import.Tests.Imports;

/// <summary>
/// The 预算年度: a title states it ("2024年区级部门项目支出绩效目标表"), or the uploader chooses it for a table that
/// states none (the seed tables print only "项目支出绩效目标表"). A stated year wins over a chosen one, with IMP032.
/// </summary>
public class FiscalYearTests
{
    [Fact]
    public void A_table_without_a_year_takes_the_chosen_one_and_none_without_a_choice()
    {
        TargetTableImporter.Import(TestPaths.Seed002).Projects.ShouldAllBe(p => p.FiscalYear == null);

        var chosen = TargetTableImporter.Import(TestPaths.Seed002, ImportOptions.Default with { FiscalYear = 2025 });
        chosen.Succeeded.ShouldBeTrue();
        chosen.Projects.Count().ShouldBe(55);
        chosen.Projects.ShouldAllBe(p => p.FiscalYear == 2025);
        chosen.Diagnostics.ShouldNotContain(d => d.Code == ImportCodes.YearDiffers);
    }

    [Fact]
    public void A_year_the_title_states_wins_over_the_chosen_one_with_one_warning()
    {
        var path = TestPaths.Fixture("indicator-rows-projects.txt");
        var stated = TargetTableImporter.Import(path);
        stated.Projects.ShouldNotBeEmpty();
        stated.Projects.ShouldAllBe(p => p.FiscalYear == 2024);
        stated.Diagnostics.ShouldNotContain(d => d.Code == ImportCodes.YearDiffers);

        var same = TargetTableImporter.Import(path, ImportOptions.Default with { FiscalYear = 2024 });
        same.Diagnostics.ShouldNotContain(d => d.Code == ImportCodes.YearDiffers);

        var other = TargetTableImporter.Import(path, ImportOptions.Default with { FiscalYear = 2026 });
        other.Projects.ShouldAllBe(p => p.FiscalYear == 2024);
        var warning = other.Diagnostics.Single(d => d.Code == ImportCodes.YearDiffers);
        warning.Severity.ShouldBe(Severity.Warning);
        warning.Message.ShouldBe("文件标题写明预算年度为 2024 年，与上传时选择的 2026 年不同，按文件写明的 2024 年导入。");
        other.Succeeded.ShouldBeTrue();
    }
}
