using Jixiao.Reporting.Documents;
using Jixiao.Reporting.Reports;

namespace Jixiao.Reporting.Tests.Reports;

/// <summary>The 自评报告 and 项目支出绩效自评表 of a 单位自评, shown on the 004 sheet scored as a self-evaluation.</summary>
public class SelfEvaluationReportTests
{
    private static EvaluationReportModel SelfModel()
    {
        var model = TestFiles.Xueliang();
        return model with { Kind = ReportKind.SelfEvaluation, Texts = model.Texts with { Title = null, GoalCompletion = "完成1000个高清探头建设并投入使用。" } };
    }

    private static Block.Table SelfTable(EvaluationReportModel model) =>
        SelfEvaluationReport.SelfEvaluationTable(model).OfType<Block.Table>().Single();

    [Fact]
    public void The_title_names_the_self_evaluation()
    {
        SelfModel().Title.ShouldBe("新建公安分局2020年“雪亮工程”建设项目绩效自评报告");
    }

    [Fact]
    public void Fund_row_divides_spending_by_the_full_year_budget_and_takes_the_execution_score_from_the_scorer()
    {
        var table = SelfTable(SelfModel());
        var fundRow = table.Rows.Single(r => r.Cells.Any(c => c.Text == "年度资金总额"));
        fundRow.Cells.Select(c => c.Text).ShouldBe(["年度资金总额", "", "4000", "3656.18", "5", "91.4%", "4.57"]);
    }

    [Fact]
    public void The_indicator_grid_holds_every_line_but_the_execution_rate_and_ends_with_the_total()
    {
        var model = SelfModel();
        var table = SelfTable(model);
        var gridRows = table.Rows.SkipWhile(r => !r.Cells.Any(c => c.Text == "绩效指标")).Skip(1).ToList();
        gridRows.Count.ShouldBe(13 + 1);
        gridRows[^1].Cells.Select(c => c.Text).ShouldBe(["总分", "100", "93.07", "自评等级：优"]);
        var scores = gridRows.SkipLast(1).Select(r => r.Cells[^2].Text).ToList();
        scores.ShouldBe(["5", "5", "8", "5", "6", "6", "5", "8.5", "9", "10", "8", "8", "5"]);
        gridRows.Single(r => r.Cells.Any(c => c.Text == "产出质量")).Cells[^1].Text.ShouldStartWith("合同要求监控探头在线率达到90%以上");
    }

    [Fact]
    public void The_report_follows_the_self_evaluation_outline_and_states_the_conclusion()
    {
        using var stream = new MemoryStream();
        EvaluationReportWriter.WriteDocx(SelfModel(), stream);
        var text = TestFiles.DocxText(stream.ToArray());
        string[] outline = ["一、基本情况", "二、绩效目标完成情况分析", "三、偏差原因分析及改进措施", "四、自评结论", "五、其他需要说明的问题", "项目支出绩效自评表"];
        var positions = outline.Select(h => text.IndexOf(h, StringComparison.Ordinal)).ToList();
        positions.ShouldAllBe(p => p >= 0);
        positions.ShouldBeInOrder(SortDirection.Ascending);
        text.ShouldContain("项目绩效自评综合得分93.07分，绩效自评等级为“优”。");
        text.ShouldContain("项目预算4000万元，实际到位4000万元，资金到位率100%；截至2020年12月31日，项目累计支出3656.18万元，预算执行率91.4%。");
    }

    [Fact]
    public void The_form_alone_is_a_document_with_one_table()
    {
        using var stream = new MemoryStream();
        EvaluationReportWriter.WriteSelfEvaluationTableDocx(SelfModel(), stream);
        var xml = TestFiles.DocxPart(stream.ToArray(), "word/document.xml");
        System.Xml.Linq.XNamespace w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        xml.Descendants(w + "tbl").ShouldHaveSingleItem();
        TestFiles.DocxText(stream.ToArray()).ShouldContain("项目支出绩效自评表");
    }
}
