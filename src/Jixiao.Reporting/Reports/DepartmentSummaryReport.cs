using System.Globalization;
using Jixiao.Reporting.Charts;
using Jixiao.Reporting.Documents;
using static Jixiao.Reporting.Reports.ReportText;

namespace Jixiao.Reporting.Reports;

/// <summary>
/// The results of a department's evaluations on one page: how many projects got each grade (with the grade
/// distribution chart), the average total, and a table of every project with its total and grade, best first.
/// </summary>
public static class DepartmentSummaryReport
{
    public static ReportDocument Compose(string department, IReadOnlyList<EvaluationReportModel> evaluations)
    {
        var years = evaluations.Select(e => e.Year).Distinct().ToList();
        var year = years.Count == 1 ? years[0] : null;
        var title = $"{department}{(year is { } y ? y.ToString(CultureInfo.InvariantCulture) + "年度" : "")}项目支出绩效评价结果汇总";
        var gradeOrder = evaluations.SelectMany(e => e.GradeBands).OrderByDescending(b => b.Min).Select(b => b.Grade)
            .Distinct(StringComparer.Ordinal).ToList();
        var scored = evaluations.Where(e => e.Total is not null).ToList();
        var chart = ReportCharts.GradeDistribution(gradeOrder, scored.Select(e => e.Grade!));
        var blocks = new List<Block> { new Block.Title(title) };
        if (scored.Count == 0)
        {
            blocks.Add(new Block.Paragraph("本次没有已评分（设有分值）的评价可汇总。"));
            return new ReportDocument(title, blocks);
        }

        var counts = chart.Categories.Zip(chart.Series[0].Values).Where(p => p.Second > 0)
            .Select(p => $"{p.First}{Points(p.Second)}个");
        var average = scored.Average(e => e.Total!.Value);
        var unscored = evaluations.Count - scored.Count;
        blocks.Add(new Block.Paragraph(
            $"本次共汇总{Count(scored.Count)}个项目的绩效评价结果，其中{string.Join("、", counts)}；平均得分{Points(average)}分，"
            + $"最高{Points(scored.Max(e => e.Total!.Value))}分，最低{Points(scored.Min(e => e.Total!.Value))}分。"
            + (unscored > 0 ? $"另有{Count(unscored)}个评价未设分值，只列入下表。" : "")));
        blocks.Add(new Block.Chart(chart));
        blocks.Add(new Block.Paragraph("图1 评价等级分布", ParagraphStyle.Center));
        var n = 0;
        blocks.Add(new Block.Table(
            [new("序号", 0.8, CellAlign.Center), new("项目名称", 5), new("评价类型", 1.5, CellAlign.Center), new("总分", 1.2, CellAlign.Center), new("等级", 1, CellAlign.Center)],
            [new TableRow(["序号", "项目名称", "评价类型", "总分", "等级"])],
            [
                .. evaluations.OrderByDescending(e => e.Total ?? -1).Select(e => new TableRow(
                [
                    Count(++n), e.UnitAndProject, e.Kind == ReportKind.SelfEvaluation ? "单位自评" : "绩效评价",
                    e.Total is { } t ? Points(t) : "—", e.Grade ?? "未评分",
                ])),
            ],
            Caption: "表1 项目绩效评价结果"));
        return new ReportDocument(title, blocks);
    }
}
