using Jixiao.Reporting.Documents;
using Jixiao.Reporting.Reports;

namespace Jixiao.Reporting.Tests.Reports;

/// <summary>Evaluations whose sheet states no weights (seed 000), and the department summary over all seed sheets.</summary>
public class UnscoredAndSummaryTests
{
    private static EvaluationReportModel Model(string sheet) => EvaluationReportMapper.From(TestFiles.Score(sheet));

    private static string Text(ReportDocument document) => string.Join("\n", document.Blocks.Select(b => b switch
    {
        Block.Title t => t.Text,
        Block.Heading h => h.FullText,
        Block.Paragraph p => p.Text,
        Block.Table t => string.Join("\n", t.Rows.Select(r => string.Join("\t", r.Cells.Select(c => c.Text)))),
        _ => "",
    }));

    [Fact]
    public void A_sheet_without_weights_gets_no_total_and_no_grade_but_a_completion_count()
    {
        var model = Model("000-baiyun-drug-2022.json");
        model.Total.ShouldBeNull();
        model.Grade.ShouldBeNull();
        var text = Text(EvaluationReport.Compose(model));
        var met = model.Items.Count(i => i.Met == true);
        var missed = model.Items.Count(i => i.Met == false);
        text.ShouldContain($"本次绩效评价的指标未设分值，不计算综合得分和等级；共{model.Items.Count}项指标，其中{met}项达到指标值，{missed}项未达到");
        text.ShouldNotContain("等级为“");
        text.ShouldContain("未设分值，不计算等级");
    }

    [Fact]
    public void The_summary_counts_grades_of_scored_evaluations_and_lists_all()
    {
        var models = new[] { "000-baiyun-drug-2022.json", "000-baiyun-video-2022.json", "001-baiyun-video-2023.json", "004-xueliang-2020.json" }
            .Select(Model).ToList();
        var scored = models.Where(m => m.Total is not null).ToList();
        var document = DepartmentSummaryReport.Compose("白云区公安分局", models);
        var chart = document.Blocks.OfType<Block.Chart>().Single().Model;
        chart.Categories.Take(4).ShouldBe(["优", "良", "中", "差"]);
        chart.Series.Single().Values.Sum().ShouldBe(scored.Count);
        chart.Series.Single().Values[0].ShouldBe(scored.Count(m => m.Grade == "优"));
        var table = document.Blocks.OfType<Block.Table>().Single();
        table.Rows.Count.ShouldBe(models.Count);
        table.Rows[0].Cells[3].Text.ShouldBe(ReportText.Points(scored.Max(m => m.Total!.Value)));
        Text(document).ShouldContain($"本次共汇总{scored.Count}个项目的绩效评价结果");
    }

    [Fact]
    public void A_count_stated_as_a_completion_rate_is_printed_in_the_target_unit_with_the_rate()
    {
        var item = Model("001-baiyun-video-2023.json").Items.Single(i => i.Name == "完成监控室机房运维数量");
        item.Actual.ShouldBe("28个（完成率100%）");
        ReportText.IndicatorSentence(item).ShouldStartWith("完成监控室机房运维数量为28个（完成率100%），指标值为28个，达到指标值，得10分（分值10分）。");
    }
}
