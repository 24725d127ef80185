using Jixiao.Domain.Projects;
using Jixiao.Domain.Targets;
using Jixiao.Domain.Taxonomy;
using Jixiao.Reporting.Documents;
using Jixiao.Reporting.Reports;

namespace Jixiao.Reporting.Tests.Reports;

/// <summary>The 项目支出绩效目标表 in the layout of seeds 002 and 003, built from projects as the seeds state them.</summary>
public class TargetTableReportTests
{
    private static Indicator Ind(string code1, string code2, string name, string period, string annual, string? text1 = null, string? text2 = null)
    {
        var taxonomy = IndicatorTaxonomy.Default;
        var l1 = taxonomy.FindByCode(code1);
        var l2 = taxonomy.FindByCode(code2);
        return new Indicator(l1, l2, name, TargetParser.Parse(period), TargetParser.Parse(annual),
            Level1Code: code1, Level2Code: code2, Level1Text: text1 ?? l1?.Name, Level2Text: text2 ?? l2?.Name);
    }

    /// <summary>Rows of seed 002 (广州市公安局白云区分局) and seed 003 (政法委 and its 网格化服务管理中心), amounts in 万元.</summary>
    internal static IReadOnlyList<BudgetUnit> SeedUnits() =>
    [
        new("广州市公安局白云区分局", "广州市公安局白云区分局", null,
        [
            new("分局中心枪库改造工程", 2024, new ProjectAmounts(5.67m, 5.67m, null, null, MoneyUnit.WanYuan),
                new PerformanceGoal("完成分局中心枪库改造工程的设计、施工等工作，保障公务用枪的安全，符合上级机关对枪库的要求。"),
                [
                    Ind("1", "12", "实现功能覆盖率", "100%", "100%"),
                    Ind("1", "12", "施工质量合格率（%）", "100%", "100%"),
                    Ind("1", "12", "主体工程完成率", "100%", "100%"),
                ]),
            new("正风反腐专项经费", 2024, new ProjectAmounts(24.69m, 24.69m, null, null, MoneyUnit.WanYuan),
                new PerformanceGoal("用于侦办区纪委交办案件，打击犯罪，维护社会正义，建设平安白云。"),
                [
                    Ind("3", "31", "工作人员使用满意度", "提高", "提高", text2: "服务对象满意度"),
                    Ind("2", "22", "执法案件办理合格率", "达标", "达标", text2: "社会效益"),
                ]),
        ]),
        new("网格化服务管理中心", "中共广州市白云区委政法委员会", null,
        [
            new("网格员工作经费", 2024, new ProjectAmounts(80000m, 80000m, null, null, MoneyUnit.Yuan),
                new PerformanceGoal("保障网格员队伍稳定。"),
                [Ind("1", "13", "问题处置时限", "48小时内解决", "48小时内解决")]),
        ]),
    ];

    private static Block.Table Table(ReportDocument doc) => doc.Blocks.OfType<Block.Table>().Single();

    [Fact]
    public void Encodes_indicators_as_the_budget_system_exports_them()
    {
        var project = SeedUnits()[0].Projects[0];
        TargetTableReport.EncodeIndicators(project.Indicators).ShouldBe(
            "1、1-产出指标,12-质量指标,实现功能覆盖率；实施周期指标值:100%,年度指标值:100%；"
            + "2、1-产出指标,12-质量指标,施工质量合格率（%）；实施周期指标值:100%,年度指标值:100%；"
            + "3、1-产出指标,12-质量指标,主体工程完成率；实施周期指标值:100%,年度指标值:100%；");
    }

    [Fact]
    public void Writes_the_resolved_categories_where_the_source_code_was_wrong()
    {
        var taxonomy = IndicatorTaxonomy.Default;
        var indicator = new Indicator(taxonomy.FindByCode("3"), taxonomy.FindByCode("31"), "单位员工满意度（%）",
            TargetParser.Parse("90%"), TargetParser.Parse("90%"), Level1Code: "2", Level2Code: "3", Level1Text: "效益指标", Level2Text: "满意度指标");
        TargetTableReport.EncodeIndicators([indicator]).ShouldBe("1、3-满意度指标,31-服务对象满意度指标,单位员工满意度（%）；实施周期指标值:90%,年度指标值:90%；");
    }

    [Fact]
    public void Totals_are_summed_from_the_projects_in_the_table_unit()
    {
        var table = Table(TargetTableReport.Compose(SeedUnits()));
        table.Columns.Select(c => c.Name).ShouldBe(["项目名称（资金使用单位）", "总计", "财政拨款", "财政专户拨款", "其他资金", "绩效目标", "绩效指标"]);
        string[] Row(int i) => [.. table.Rows[i].Cells.Take(5).Select(c => c.Text)];
        Row(0).ShouldBe(["合计", "38.36", "38.36", "", ""]);
        Row(1).ShouldBe(["广州市公安局白云区分局", "30.36", "30.36", "", ""]);
        Row(4).ShouldBe(["网格化服务管理中心", "8.00", "8.00", "", ""]);
        Row(5).ShouldBe(["网格员工作经费", "8.00", "8.00", "", ""]);
        table.Rows.Count.ShouldBe(6);
    }

    [Fact]
    public void Row_per_indicator_layout_spans_the_project_over_its_indicators()
    {
        var doc = TargetTableReport.Compose(SeedUnits(), new TargetTableOptions(IndicatorLayout.RowPerIndicator));
        var table = Table(doc);
        table.Columns.Select(c => c.Name).Skip(6).ShouldBe(["一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值"]);
        var first = table.Rows[2];
        first.Cells[0].Text.ShouldBe("分局中心枪库改造工程");
        first.Cells[0].RowSpan.ShouldBe(3);
        first.Cells.Skip(6).Select(c => c.Text).ShouldBe(["产出指标", "质量指标", "实现功能覆盖率", "100%", "100%"]);
        table.Rows[3].Cells.Select(c => c.Text).ShouldBe(["产出指标", "质量指标", "施工质量合格率（%）", "100%", "100%"]);
        table.Rows.Count.ShouldBe(1 + 1 + 3 + 2 + 1 + 1);
    }

    [Fact]
    public void The_title_and_heading_lines_follow_the_seed()
    {
        var doc = TargetTableReport.Compose(SeedUnits());
        doc.Orientation.ShouldBe(PageOrientation.Landscape);
        doc.Blocks.OfType<Block.Title>().Single().Text.ShouldBe("2024年项目支出绩效目标表");
        doc.Blocks.OfType<Block.Paragraph>().Select(p => p.Text).ShouldBe(["部门名称：广州市公安局白云区分局", "单位：万元"]);
    }

    [Fact]
    public void Docx_text_holds_every_project_and_its_encoded_indicators()
    {
        using var stream = new MemoryStream();
        TargetTableDocxWriter.Write(SeedUnits(), null, stream);
        var text = TestFiles.DocxText(stream.ToArray());
        foreach (var project in SeedUnits().SelectMany(u => u.Projects))
        {
            text.ShouldContain(project.Name);
            text.ShouldContain(TargetTableReport.EncodeIndicators(project.Indicators));
        }
    }
}
