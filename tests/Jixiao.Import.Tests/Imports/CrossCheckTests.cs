using System.Text;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Projects;
using Jixiao.Import.Imports;

namespace Jixiao.Import.Tests.Imports;

/// <summary>The arithmetic a table states is checked as it is read, and every line is used or reported.</summary>
public class CrossCheckTests
{
    private static ImportResult Import002(Func<string, string> edit) =>
        TargetTableImporter.Import(new MemoryStream(Encoding.UTF8.GetBytes(edit(File.ReadAllText(TestPaths.Seed002)))), "002.txt");

    [Fact]
    public void A_row_whose_total_is_not_the_sum_of_its_sources_is_reported_with_its_line()
    {
        var result = Import002(t => t.Replace("| 分局中心枪库改造工程 | 5.67 | 5.67 |", "| 分局中心枪库改造工程 | 5.68 | 5.67 |", StringComparison.Ordinal));

        var row = result.Diagnostics.Single(d => d.Code == ImportCodes.RowDoesNotAdd);
        row.Severity.ShouldBe(Severity.Warning);
        row.Location.ShouldBe(new SourceLocation("002.txt", 13));
        row.Message.ShouldBe("项目“分局中心枪库改造工程”的总计 5.68 不等于财政拨款、财政专户拨款与其他资金之和 5.67。");
        var unit = result.Diagnostics.Single(d => d.Code == ImportCodes.UnitDoesNotAdd);
        unit.Message.ShouldBe("单位“广州市公安局白云区分局”的小计写的是 50,061.31，其 55 个项目合计 50,061.32，相差 -0.01。");
        unit.Location.ShouldBe(new SourceLocation("002.txt", 12));
        result.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void A_table_total_that_is_not_the_sum_of_its_units_is_reported()
    {
        var result = Import002(t => t.Replace("| 合计 | 50,061.31 | 50,061.31 |", "| 合计 | 50,161.31 | 50,161.31 |", StringComparison.Ordinal));

        var table = result.Diagnostics.Single(d => d.Code == ImportCodes.TableDoesNotAdd);
        table.Message.ShouldBe("合计行写的是 50,161.31，各单位合计为 50,061.31，相差 100.00。");
        table.Location.ShouldBe(new SourceLocation("002.txt", 11));
    }

    [Fact]
    public void The_seeds_add_up_so_no_cross_check_fires()
    {
        var codes = new[] { ImportCodes.RowDoesNotAdd, ImportCodes.UnitDoesNotAdd, ImportCodes.TableDoesNotAdd };

        TargetTableImporter.Import(TestPaths.Seed002).Diagnostics.ShouldNotContain(d => codes.Contains(d.Code));
        TargetTableImporter.Import(TestPaths.Seed003).Diagnostics.ShouldNotContain(d => codes.Contains(d.Code));
    }

    [Fact]
    public void A_stray_line_between_table_blocks_is_reported_not_dropped()
    {
        var result = Import002(t => t.Replace("\n\n| | | | | | | |\n|----------------|", "\n\n注：本表数据为年初预算数。\n| | | | | | | |\n|----------------|", StringComparison.Ordinal));

        var unused = result.Diagnostics.Where(d => d.Code == ImportCodes.UnusedLine).ShouldHaveSingleItem();
        unused.Message.ShouldBe("表格之外的文字未读取：“注：本表数据为年初预算数。”。");
        unused.Location!.Line.ShouldBe(39);
        result.Projects.Count().ShouldBe(55);
    }

    [Fact]
    public void A_row_with_an_unreadable_amount_is_reported()
    {
        var result = Import002(t => t.Replace("| 公安工作补贴 | 550.00 |", "| 公安工作补贴 | 五百五十 |", StringComparison.Ordinal));

        var bad = result.Diagnostics.Single(d => d.Code == ImportCodes.BadAmount);
        bad.Message.ShouldBe("“公安工作补贴”的总计“五百五十”不是金额，按空白处理。");
        result.Units[0].Projects[16].Amounts.Total.ShouldBeNull();
    }

    [Fact]
    public void Lines_of_extracted_text_that_belong_to_no_project_are_reported()
    {
        var text = "说明：以下为年初预算。\n" + File.ReadAllText(TestPaths.Seed003);

        var result = TargetTableImporter.Import(new MemoryStream(Encoding.UTF8.GetBytes(text)), "003.txt");

        var unused = result.Diagnostics.ShouldHaveSingleItem();
        unused.Code.ShouldBe(ImportCodes.UnusedLine);
        unused.Location.ShouldBe(new SourceLocation("003.txt", 1));
        result.Projects.Count().ShouldBe(18);
    }

    [Fact]
    public void The_streaming_overload_passes_every_project_to_the_sink_without_keeping_them()
    {
        var sink = new CountingSink();
        using var stream = File.OpenRead(TestPaths.Seed002);

        TargetTableImporter.Import(stream, "002.txt", sink);

        sink.Projects.ShouldBe(55);
        sink.Indicators.ShouldBe(180);
        sink.Units.ShouldBe(1);
        sink.Layout.ShouldBe(ImportLayouts.ProjectTable);
    }

    private sealed class CountingSink : IImportSink
    {
        public int Projects { get; private set; }
        public int Indicators { get; private set; }
        public int Units { get; private set; }
        public string? Layout { get; private set; }

        void IImportSink.Layout(string layout) => Layout = layout;
        public void Document(string? department, MoneyUnit amountUnit) { }
        public void TableTotal(decimal? statedTotal, SourceLocation location) { }
        public void Unit(string name, decimal? statedTotal, SourceLocation location) => Units++;
        public void Report(Diagnostic diagnostic) { }

        public void Project(Project project)
        {
            Projects++;
            Indicators += project.Indicators.Count;
        }
    }
}
