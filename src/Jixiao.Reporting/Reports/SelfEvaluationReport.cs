using System.Globalization;
using Jixiao.Reporting.Documents;
using static Jixiao.Reporting.Reports.ReportText;

namespace Jixiao.Reporting.Reports;

/// <summary>
/// The 单位自评 products of 财预〔2020〕10号: a 自评报告 in the shorter outline local practice uses (红河州 2024:
/// 基本情况 → 绩效目标完成情况 → 偏差原因及改进措施 → 自评结论 → 其他) and, as its 附件, the 项目支出绩效自评表 in the
/// layout of regulations.md §1.5 (项目资金 rows with 执行率 and its 10 points; 年度总体目标; the indicator grid with
/// 偏差原因分析及改进措施; 总分).
/// </summary>
public static class SelfEvaluationReport
{
    /// <summary>Names of the line that scores 预算执行率 in a 自评表; it goes into the 项目资金 rows, not the grid.</summary>
    private static bool IsExecutionLine(ReportIndicator i) =>
        i.DisplayName.Contains("预算执行率", StringComparison.Ordinal) || i.DisplayName.Contains("资金执行率", StringComparison.Ordinal)
        || i.Level1.Contains("预算执行", StringComparison.Ordinal);

    public static ReportDocument Compose(EvaluationReportModel model)
    {
        var t = model.Texts;
        var blocks = new List<Block> { new Block.Title(model.Title) };
        var h = new HeadingNumbers();
        void Heading(int level, string text) => blocks.Add(new Block.Heading(level, h.Next(level), text));

        if (!string.IsNullOrWhiteSpace(t.Preface))
        {
            EvaluationReport.AddParagraphs(blocks, t.Preface, "");
        }

        Heading(1, "基本情况");
        Heading(2, "项目概况");
        EvaluationReport.AddParagraphs(blocks, string.Join("\n", new[] { t.Background, t.Content }.Where(s => !string.IsNullOrWhiteSpace(s))), "无。");
        Heading(2, "资金投入和使用情况");
        blocks.Add(new Block.Paragraph(EvaluationReport.FundsSentence(model)));
        Heading(2, "绩效目标");
        EvaluationReport.AddParagraphs(blocks, string.Join("\n", new[] { t.OverallGoal, t.AnnualGoal }.Where(s => !string.IsNullOrWhiteSpace(s))), "无。");

        Heading(1, "绩效目标完成情况分析");
        Heading(2, "总体目标完成情况");
        EvaluationReport.AddParagraphs(blocks, t.GoalCompletion, "无。");
        Heading(2, "绩效指标完成情况");
        foreach (var summary in model.Level1Summaries)
        {
            Heading(3, model.IsScored ? $"{summary.Level1}（分值{Points(summary.Weight)}分，得分{Points(summary.Score)}分）" : summary.Level1);
            foreach (var line in summary.Items)
            {
                blocks.Add(new Block.Paragraph(IndicatorSentence(line)));
            }
        }

        Heading(1, "偏差原因分析及改进措施");
        Heading(2, "偏差原因分析");
        EvaluationReport.AddProblems(blocks, model, t.Problems);
        Heading(2, "改进措施");
        EvaluationReport.AddItems(blocks, t.Suggestions);

        Heading(1, "自评结论");
        EvaluationReport.AddConclusion(blocks, model, "绩效自评");

        Heading(1, "其他需要说明的问题");
        EvaluationReport.AddOther(blocks, model);
        EvaluationReport.AddSignature(blocks, t);

        blocks.Add(new Block.PageBreak());
        blocks.Add(new Block.Paragraph([new TextRun("附件", Bold: true)], ParagraphStyle.Plain));
        blocks.AddRange(SelfEvaluationTable(model));
        EvaluationReport.AddEvidenceList(blocks, model);
        return new ReportDocument(model.Title, blocks);
    }

    /// <summary>The 项目支出绩效自评表 (one table of nine grid columns) with its title and year line.</summary>
    public static IReadOnlyList<Block> SelfEvaluationTable(EvaluationReportModel model)
    {
        var t = model.Texts;
        var f = t.Funds;
        var unitName = f is null ? "万元" : Jixiao.Domain.Projects.Money.UnitName(f.Unit);
        var execution = model.Items.FirstOrDefault(IsExecutionLine);
        var grid = model.Items.Where(i => !ReferenceEquals(i, execution)).ToList();
        List<TableColumn> columns =
        [
            new("", 0.8, CellAlign.Center), new("一级指标", 1.0, CellAlign.Center), new("二级指标", 1.1, CellAlign.Center),
            new("三级指标", 1.7), new("年度指标值", 1.3, CellAlign.Center), new("实际完成值", 1.3, CellAlign.Center),
            new("分值", 1.0, CellAlign.Center), new("得分", 1.1, CellAlign.Center), new("偏差原因分析及改进措施", 3.0),
        ];
        var rows = new List<TableRow>
        {
            new([new TableCell("项目名称", Bold: true), new TableCell(model.Project, ColSpan: 8)]),
            new([new TableCell("主管部门", Bold: true), new TableCell(t.Department ?? "", ColSpan: 3),
                new TableCell("实施单位", ColSpan: 2, Bold: true, Align: CellAlign.Center), new TableCell(t.ImplementingUnit ?? t.Unit ?? "", ColSpan: 3)]),
        };

        // 项目资金: 执行率 = 全年执行数 ÷ 全年预算数; 得分 = min(执行率, 1) × 分值 (regulations.md rule 4) — the scored
        // value itself comes from the scorer's 预算执行率 line when the sheet has one.
        var sources = f?.Sources ?? [];
        var fundRows = 2 + sources.Count;
        var rate = f?.ExecutionRate(ReportKind.SelfEvaluation);
        rows.Add(new TableRow(
        [
            new TableCell($"项目资金\n（{unitName}）", RowSpan: fundRows, Bold: true), new TableCell("", ColSpan: 2), "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
        ], Bold: true));
        rows.Add(new TableRow(
        [
            new TableCell("年度资金总额", ColSpan: 2, Align: CellAlign.Center),
            Centered(f?.InitialBudget is { } ib ? Points(ib) : ""),
            Centered(f is null ? "" : Points(f.Budget)),
            Centered(f is null ? "" : Points(f.Spent)),
            Centered(execution?.Weight is { } ew ? Points(ew) : ""),
            Centered(rate is { } r ? Percent(r) : ""),
            Centered(execution?.Score is { } es ? Points(es) : ""),
        ]));
        foreach (var source in sources)
        {
            rows.Add(new TableRow(
            [
                new TableCell(source.Name, ColSpan: 2, Align: CellAlign.Center),
                Centered(source.InitialBudget is { } a ? Points(a) : ""),
                Centered(source.Budget is { } b ? Points(b) : ""),
                Centered(source.Spent is { } c ? Points(c) : ""),
                Centered("—"),
                Centered(source.Budget is { } sb && sb != 0 && source.Spent is { } sc ? Percent(sc / sb * 100) : ""),
                Centered("—"),
            ]));
        }

        rows.Add(new TableRow([new TableCell("年度总体目标", RowSpan: 2, Bold: true), new TableCell("预期目标", ColSpan: 4, Bold: true, Align: CellAlign.Center), new TableCell("实际完成情况", ColSpan: 4, Bold: true, Align: CellAlign.Center)]));
        rows.Add(new TableRow([new TableCell(JoinGoals(t), ColSpan: 4, Align: CellAlign.Left), new TableCell(t.GoalCompletion ?? "", ColSpan: 4, Align: CellAlign.Left)]));

        rows.Add(new TableRow(
        [
            new TableCell("绩效指标", RowSpan: grid.Count + 1, Bold: true), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
        ], Bold: true));
        foreach (var level1 in grid.GroupBy(i => i.Level1, StringComparer.Ordinal))
        {
            var first1 = true;
            var lines1 = level1.ToList();
            foreach (var level2 in lines1.GroupBy(i => i.Level2, StringComparer.Ordinal))
            {
                var first2 = true;
                var lines2 = level2.ToList();
                foreach (var line in lines2)
                {
                    var cells = new List<TableCell>();
                    if (first1)
                    {
                        cells.Add(new TableCell(level1.Key, RowSpan: lines1.Count, Align: CellAlign.Center));
                        first1 = false;
                    }

                    if (first2)
                    {
                        cells.Add(new TableCell(level2.Key, RowSpan: lines2.Count, Align: CellAlign.Center));
                        first2 = false;
                    }

                    cells.Add(line.IsLevel2Line ? "—" : line.Name);
                    cells.Add(new TableCell(line.Target ?? "", Align: CellAlign.Center));
                    cells.Add(new TableCell(line.Actual ?? "", Align: CellAlign.Center));
                    cells.Add(new TableCell(line.Weight is { } w ? Points(w) : "", Align: CellAlign.Center));
                    cells.Add(new TableCell(line.Score is { } s ? Points(s) : "", Align: CellAlign.Center));
                    cells.Add(DeviationText(line));
                    rows.Add(new TableRow(cells));
                }
            }
        }

        rows.Add(new TableRow(
        [
            new TableCell("总分", ColSpan: 6, Align: CellAlign.Center), new TableCell(model.IsScored ? Points(model.TotalWeight) : "—", Align: CellAlign.Center),
            new TableCell(model.Total is { } total ? Points(total) : "—", Align: CellAlign.Center), model.Grade is null ? "未设分值" : $"自评等级：{model.Grade}",
        ], Bold: true));

        var year = model.Year is { } y ? $"（{y.ToString(CultureInfo.InvariantCulture)}年度）" : "";
        return
        [
            new Block.Paragraph([new TextRun("项目支出绩效自评表", Bold: true)], ParagraphStyle.Center),
            new Block.Paragraph(year, ParagraphStyle.Center),
            new Block.Table(columns, [], rows, FontSizePoints: 9),
        ];
    }

    /// <summary>
    /// The 偏差原因分析及改进措施 cell of a line that missed its target or lost points: the stated reason, else the
    /// deductions, else "未达到指标值，扣n分". Empty for a line that met its target with full marks.
    /// </summary>
    private static string DeviationText(ReportIndicator line)
    {
        if (line.Lost == 0 && line.Met != false)
        {
            return "";
        }

        if (!string.IsNullOrWhiteSpace(line.Reason))
        {
            return line.Reason!.Trim();
        }

        var reasons = line.Deductions.Where(d => !string.IsNullOrWhiteSpace(d.Reason)).Select(d => $"{d.Reason!.Trim().TrimEnd('。')}，扣{Points(d.Points)}分").ToList();
        if (reasons.Count > 0)
        {
            return string.Join("；", reasons) + "。";
        }

        return line.Lost > 0 ? $"{(line.Met == false ? "未达到指标值" : "未得满分")}，扣{Points(line.Lost)}分。" : "";
    }

    private static TableCell Centered(string text) => new(text, Align: CellAlign.Center);

    private static string JoinGoals(EvaluationReportTexts t) =>
        string.Join("\n", new[] { t.OverallGoal, t.AnnualGoal }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
