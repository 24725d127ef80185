using System.Globalization;
using Jixiao.Reporting.Charts;
using Jixiao.Reporting.Documents;
using static Jixiao.Reporting.Reports.ReportText;

namespace Jixiao.Reporting.Reports;

/// <summary>
/// Composes the 绩效评价报告 in the reference outline of 财预〔2020〕10号 (附件: 项目支出绩效评价报告（参考提纲）):
/// 一 基本情况, 二 绩效评价工作开展情况, 三 综合评价情况及评价结论, 四 绩效评价指标分析, 五 主要经验做法、存在的问题及
/// 原因分析, 六 有关建议, 七 其他需要说明的问题, and the 附件 with the indicator system and score table.
/// Every number is taken from the scored lines or computed from them and from the stated funds.
/// </summary>
public static class EvaluationReport
{
    public static ReportDocument Compose(EvaluationReportModel model)
    {
        if (model.Kind == ReportKind.SelfEvaluation)
        {
            return SelfEvaluationReport.Compose(model);
        }

        var t = model.Texts;
        var blocks = new List<Block> { new Block.Title(model.Title) };
        var h = new HeadingNumbers();
        void Heading(int level, string text) => blocks.Add(new Block.Heading(level, h.Next(level), text));
        void Text(string? text, string empty = "无。") => AddParagraphs(blocks, text, empty);

        if (!string.IsNullOrWhiteSpace(t.Preface))
        {
            Text(t.Preface);
        }

        Heading(1, "基本情况");
        Heading(2, "项目概况");
        Heading(3, "项目背景");
        Text(t.Background);
        Heading(3, "主要内容及实施情况");
        Text(t.Content);
        Heading(3, "资金投入和使用情况");
        blocks.Add(new Block.Paragraph(FundsSentence(model)));
        Heading(2, "项目绩效目标");
        Heading(3, "总体目标");
        Text(t.OverallGoal);
        Heading(3, "阶段性目标");
        Text(t.AnnualGoal);

        Heading(1, "绩效评价工作开展情况");
        Heading(2, "绩效评价目的、对象和范围");
        Heading(3, "绩效评价目的");
        Text(t.Purpose);
        Heading(3, "绩效评价的对象和范围");
        Text(t.Scope, $"本次绩效评价对象为{model.UnitAndProject}{(model.Year is { } y ? $"，评价年度为{y.ToString(CultureInfo.InvariantCulture)}年度" : "")}。");
        Heading(2, "绩效评价原则、评价指标体系、评价方法和标准");
        Heading(3, "绩效评价原则");
        Text(t.Principles);
        Heading(3, "评价指标体系");
        blocks.Add(new Block.Paragraph(IndicatorSystemSentence(model)));
        Heading(3, "评价方法和标准");
        Text(t.Methods);
        Heading(2, "绩效评价工作过程");
        Text(t.Process);

        Heading(1, "综合评价情况及评价结论");
        AddConclusion(blocks, model);

        Heading(1, "绩效评价指标分析");
        AddIndicatorAnalysis(blocks, h, model);

        Heading(1, "主要经验做法、存在的问题及原因分析");
        Heading(2, "主要经验及做法");
        AddItems(blocks, t.Experience);
        Heading(2, "存在的问题及原因分析");
        AddProblems(blocks, model, t.Problems);

        Heading(1, "有关建议");
        AddItems(blocks, t.Suggestions, level: 2);

        Heading(1, "其他需要说明的问题");
        AddOther(blocks, model);
        AddSignature(blocks, t);

        blocks.Add(new Block.PageBreak());
        blocks.Add(new Block.Paragraph([new TextRun("附件", Bold: true)], ParagraphStyle.Plain));
        blocks.Add(ScoreTable(model, $"{model.UnitAndProject}绩效评价指标体系及评分表"));
        AddEvidenceList(blocks, model);
        return new ReportDocument(model.Title, blocks);
    }

    /// <summary>
    /// 佐证材料目录 after the annex's table: every file's number, name, the indicator it belongs to and what it proves, so
    /// the report's claims can be checked against the files kept in the system. Nothing when the evaluation has none.
    /// </summary>
    internal static void AddEvidenceList(List<Block> blocks, EvaluationReportModel model)
    {
        if (model.Evidence.Count == 0)
        {
            return;
        }

        List<TableColumn> columns =
        [
            new("序号", 0.8, CellAlign.Center), new("编号", 2.0, CellAlign.Center), new("文件名", 4.0), new("所属指标", 3.0), new("证明内容", 1.6, CellAlign.Center),
            new("类型、大小", 2.0, CellAlign.Center),
        ];
        var rows = model.Evidence.Select((e, i) => new TableRow(
        [
            (i + 1).ToString(CultureInfo.InvariantCulture), e.Number, e.FileName, e.Indicator ?? "", e.Subject ?? "", $"{e.Kind}，{e.Size}",
        ])).ToList();
        blocks.Add(new Block.Paragraph([new TextRun("佐证材料目录", Bold: true)], ParagraphStyle.Plain));
        blocks.Add(new Block.Table(columns, [new TableRow([.. columns.Select(c => new TableCell(c.Name))])], rows,
            $"佐证材料目录（共{Count(model.Evidence.Count)}份，原件保存在预算绩效管理系统中，可按编号查阅）", FontSizePoints: 9));
    }

    /// <summary>"项目预算4000万元，实际到位4000万元，资金到位率100%；截至2020年12月31日，项目累计支出3656.18万元，预算执行率91.4%。"</summary>
    public static string FundsSentence(EvaluationReportModel model)
    {
        if (model.Texts.Funds is not { } f)
        {
            return "无。";
        }

        var s = $"项目预算{Money(f.Budget, f.Unit)}";
        if (f.Received is { } received)
        {
            s += $"，实际到位{Money(received, f.Unit)}";
            if (f.ArrivalRate is { } arrival)
            {
                s += $"，资金到位率{Percent(arrival)}";
            }
        }

        s += model.Year is { } y ? $"；截至{y.ToString(CultureInfo.InvariantCulture)}年12月31日，项目累计支出{Money(f.Spent, f.Unit)}" : $"；项目累计支出{Money(f.Spent, f.Unit)}";
        if (f.ExecutionRate(model.Kind) is { } rate)
        {
            s += $"，预算执行率{Percent(rate)}";
        }

        return s + "。";
    }

    /// <summary>"本项目评价指标包括决策、过程、产出、效益4个一级指标，…12个二级指标，…23个三级指标…" counted from the lines.</summary>
    public static string IndicatorSystemSentence(EvaluationReportModel model)
    {
        var level1 = model.Items.Select(i => i.Level1).Distinct(StringComparer.Ordinal).ToList();
        var level2 = model.Items.Select(i => i.Level2).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToList();
        var level3 = model.Items.Where(i => !i.IsLevel2Line).Select(i => i.Name).ToList();
        var s = $"本项目评价指标包括{string.Join("、", level1)}{Count(level1.Count)}个一级指标，{string.Join("、", level2)}{Count(level2.Count)}个二级指标";
        if (level3.Count > 0)
        {
            s += $"，{string.Join("、", level3)}{Count(level3.Count)}个三级指标";
        }

        return s + $"，共{Count(model.Items.Count)}个评分项，分值合计{Points(model.TotalWeight)}分。指标体系及评分情况详见附件。";
    }

    /// <summary>"通过综合分析，项目绩效评价综合得分93.07分，绩效评价等级为“优”。"</summary>
    public static string ConclusionSentence(EvaluationReportModel model, string what = "绩效评价") => model.Total is { } total
        ? $"通过综合分析，项目{what}综合得分{Points(total)}分，{what}等级为“{model.Grade}”。"
        : $"本次{what}的指标未设分值，不计算综合得分和等级；共{Count(model.Items.Count)}项指标，其中{Count(model.Items.Count(i => i.Met == true))}项达到指标值，"
          + $"{Count(model.Items.Count(i => i.Met == false))}项未达到，各项完成情况见下文及附件。";

    /// <summary>"（评价等级：90分（含）以上为优，80分（含）至90分为良，60分（含）至80分为中，60分以下为差。）"</summary>
    public static string GradeBandsSentence(IReadOnlyList<ReportGradeBand> bands)
    {
        if (bands.Count == 0)
        {
            return "";
        }

        var ordered = bands.OrderByDescending(b => b.Min).ToList();
        var parts = new List<string>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var b = ordered[i];
            if (i == 0)
            {
                parts.Add($"{Points(b.Min)}分（含）以上为{b.Grade}");
            }
            else if (b.Min <= 0)
            {
                parts.Add($"{Points(ordered[i - 1].Min)}分以下为{b.Grade}");
            }
            else
            {
                parts.Add($"{Points(b.Min)}分（含）至{Points(ordered[i - 1].Min)}分为{b.Grade}");
            }
        }

        return "（评价等级：" + string.Join("，", parts) + "。）";
    }

    internal static void AddConclusion(List<Block> blocks, EvaluationReportModel model, string what = "绩效评价")
    {
        if (model.Total is not { } total)
        {
            blocks.Add(new Block.Paragraph(ConclusionSentence(model, what)));
            return;
        }

        blocks.Add(new Block.Paragraph(ConclusionSentence(model, what) + GradeBandsSentence(model.GradeBands)));
        var summaries = model.Level1Summaries;
        var lost = summaries.Where(s => s.Score < s.Weight).ToList();
        var detail = string.Join("；", summaries.Select(s => $"{s.Level1}类指标分值{Points(s.Weight)}分，得分{Points(s.Score)}分，得分率{Percent(s.Rate)}"));
        blocks.Add(new Block.Paragraph(detail + "。" + (lost.Count == 0
            ? "各一级指标均得满分。"
            : $"失分主要集中在{string.Join("、", lost.OrderByDescending(s => s.Weight - s.Score).Select(s => s.Level1))}类指标，合计扣{Points(lost.Sum(s => s.Weight - s.Score))}分。")));
        blocks.Add(new Block.Table(
            [new("一级指标", 3, CellAlign.Center), new("分值", 2, CellAlign.Center), new("得分", 2, CellAlign.Center), new("得分率", 2, CellAlign.Center)],
            [new TableRow(["一级指标", "分值", "得分", "得分率"])],
            [
                .. summaries.Select(s => new TableRow([s.Level1, Points(s.Weight), Points(s.Score), Percent(s.Rate)])),
                new TableRow(["合计", Points(model.TotalWeight), Points(total), model.TotalWeight == 0 ? "" : Percent(total / model.TotalWeight * 100)], Bold: true),
            ],
            Caption: "表1 综合评分情况"));
        blocks.Add(new Block.Chart(ReportCharts.ScoreByLevel1(summaries.Select(s => (s.Level1, s.Weight, s.Score)))));
        blocks.Add(new Block.Paragraph("图1 各一级指标得分与分值", ParagraphStyle.Center));
    }

    private static void AddIndicatorAnalysis(List<Block> blocks, HeadingNumbers h, EvaluationReportModel model)
    {
        foreach (var summary in model.Level1Summaries)
        {
            if (!model.IsScored)
            {
                blocks.Add(new Block.Heading(2, h.Next(2), summary.Level1));
                var notMet = summary.Items.Where(i => i.Met == false).Select(i => i.DisplayName).ToList();
                blocks.Add(new Block.Paragraph($"{summary.Level1}共{Count(summary.Items.Count)}项指标，"
                    + (notMet.Count == 0 ? "均达到指标值或评价为达成。" : $"其中{string.Join("、", notMet)}未达到指标值。")));
            }
            else
            {
                blocks.Add(new Block.Heading(2, h.Next(2), $"{summary.Level1}（分值{Points(summary.Weight)}分，得分{Points(summary.Score)}分）"));
                var missed = summary.Items.Where(i => i.Lost > 0).ToList();
                blocks.Add(new Block.Paragraph(
                    $"{summary.Level1}类指标共{Count(summary.Items.Count)}个评分项，分值{Points(summary.Weight)}分，得分{Points(summary.Score)}分，得分率{Percent(summary.Rate)}。"
                    + (missed.Count == 0
                        ? "各项指标均得满分。"
                        : $"其中{string.Join("、", missed.Select(i => i.DisplayName))}未得满分，共扣{Points(missed.Sum(i => i.Lost))}分。")));
            }

            foreach (var level2 in summary.Items.GroupBy(i => i.Level2, StringComparer.Ordinal))
            {
                var lines = level2.ToList();
                if (lines.Count == 1 && lines[0].IsLevel2Line)
                {
                    var line = lines[0];
                    blocks.Add(new Block.Heading(3, h.Next(3), WithWeight(line)));
                    blocks.Add(new Block.Paragraph(IndicatorSentence(line)));
                    continue;
                }

                var weight = lines.Sum(i => i.Weight ?? 0);
                var score = lines.Sum(i => i.Score ?? 0);
                var level2Name = string.IsNullOrWhiteSpace(level2.Key) ? summary.Level1 : level2.Key;
                blocks.Add(new Block.Heading(3, h.Next(3), model.IsScored ? $"{level2Name}（分值{Points(weight)}分，得分{Points(score)}分）" : level2Name));
                foreach (var line in lines)
                {
                    blocks.Add(new Block.Heading(4, h.Next(4), WithWeight(line)));
                    blocks.Add(new Block.Paragraph(IndicatorSentence(line)));
                }
            }
        }
    }

    /// <summary>"预算执行率（5分）", or the bare name for a line without weight.</summary>
    private static string WithWeight(ReportIndicator line) => line.Weight is { } w ? $"{line.DisplayName}（{Points(w)}分）" : line.DisplayName;

    /// <summary>
    /// The evaluator's own analysis first (1、2、…), then the problems derived from every line that lost points, so
    /// no deduction goes unmentioned even when the evaluator did not write about it.
    /// </summary>
    internal static void AddProblems(List<Block> blocks, EvaluationReportModel model, IReadOnlyList<TextItem> evaluatorText)
    {
        var lost = model.Items.Where(i => i.Lost > 0).ToList();
        if (lost.Count == 0 && evaluatorText.Count == 0)
        {
            blocks.Add(new Block.Paragraph("评价中各项指标均得满分，未发现需要说明的问题。"));
            return;
        }

        var titled = AddItems(blocks, evaluatorText, emptyText: null);
        if (lost.Count == 0)
        {
            return;
        }

        var lead = $"根据评分结果，共有{Count(lost.Count)}个评分项未得满分，合计扣{Points(lost.Sum(i => i.Lost))}分：";
        if (titled > 0)
        {
            blocks.Add(new Block.Heading(3, HeadingNumbers.Format(3, titled + 1), "评分中反映的问题"));
        }

        blocks.Add(new Block.Paragraph(lead));
        var n = 0;
        foreach (var item in lost)
        {
            n++;
            blocks.Add(new Block.Paragraph(HeadingNumbers.Format(titled > 0 ? 4 : 3, n) + ProblemSentence(item)));
        }
    }

    /// <summary>"预算执行率未达到指标值（91.4%，指标值100%），扣0.43分。原因：…"</summary>
    public static string ProblemSentence(ReportIndicator item)
    {
        var s = item.DisplayName;
        if (item.Met == false && !string.IsNullOrWhiteSpace(item.Target))
        {
            s += "未达到指标值";
            if (!string.IsNullOrWhiteSpace(item.Actual))
            {
                s += $"（实际{item.Actual!.Trim()}{(string.IsNullOrWhiteSpace(item.Target) ? "" : $"，指标值{item.Target!.Trim()}")}）";
            }
        }
        else
        {
            s += "未得满分";
        }

        s += $"，扣{Points(item.Lost)}分。";
        var reasons = item.Deductions.Where(d => !string.IsNullOrWhiteSpace(d.Reason)).Select(d => d.Reason!.Trim().TrimEnd('。')).ToList();
        if (!string.IsNullOrWhiteSpace(item.Reason))
        {
            reasons.Add(item.Reason!.Trim().TrimEnd('。'));
        }

        return reasons.Count > 0 ? s + "原因：" + EndSentence(string.Join("；", reasons.Distinct(StringComparer.Ordinal))) : s;
    }

    internal static void AddOther(List<Block> blocks, EvaluationReportModel model)
    {
        var any = false;
        if (!string.IsNullOrWhiteSpace(model.Texts.Other) && model.Texts.Other.Trim().TrimEnd('。') != "无")
        {
            AddParagraphs(blocks, model.Texts.Other, "");
            any = true;
        }

        if (model.Findings.Count > 0)
        {
            blocks.Add(new Block.Paragraph("评分复核中发现以下事项，需要说明或更正："));
            var n = 0;
            foreach (var finding in model.Findings)
            {
                blocks.Add(new Block.Paragraph($"{HeadingNumbers.Format(3, ++n)}{EndSentence(Tighten(finding))}"));
            }

            any = true;
        }

        if (!any)
        {
            blocks.Add(new Block.Paragraph("无。"));
        }
    }

    internal static void AddSignature(List<Block> blocks, EvaluationReportTexts t)
    {
        if (t.Unit is not null || t.Date is not null)
        {
            blocks.Add(new Block.Paragraph("", ParagraphStyle.Right));
        }

        if (t.Unit is not null)
        {
            blocks.Add(new Block.Paragraph(t.Unit, ParagraphStyle.Right));
        }

        if (t.Date is { } d)
        {
            blocks.Add(new Block.Paragraph($"{d.Year}年{d.Month}月{d.Day}日", ParagraphStyle.Right));
        }
    }

    /// <summary>The indicator system and score table: 一级 and 二级 cells span their lines; a 合计 row with the grade.</summary>
    public static Block.Table ScoreTable(EvaluationReportModel model, string caption)
    {
        List<TableColumn> columns =
        [
            new("一级指标", 1.4, CellAlign.Center),
            new("二级指标", 1.4, CellAlign.Center),
            new("三级指标", 1.8, CellAlign.Left),
            new("分值", 1.0, CellAlign.Center),
            new("指标值", 1.2, CellAlign.Center),
            new("实际完成值", 1.2, CellAlign.Center),
            new("得分", 1.1, CellAlign.Center),
            new("评分说明", 4.2, CellAlign.Left),
        ];
        var rows = new List<TableRow>();
        foreach (var level1 in model.Level1Summaries)
        {
            var first1 = true;
            foreach (var level2 in level1.Items.GroupBy(i => i.Level2, StringComparer.Ordinal))
            {
                var first2 = true;
                var lines = level2.ToList();
                foreach (var line in lines)
                {
                    var cells = new List<TableCell>();
                    if (first1)
                    {
                        cells.Add(new TableCell(model.IsScored ? $"{level1.Level1}\n（{Points(level1.Weight)}分）" : level1.Level1, RowSpan: level1.Items.Count));
                        first1 = false;
                    }

                    if (first2)
                    {
                        cells.Add(new TableCell(level2.Key, RowSpan: lines.Count));
                        first2 = false;
                    }

                    cells.Add(line.IsLevel2Line ? "—" : line.Name);
                    cells.Add(line.Weight is { } w ? Points(w) : "");
                    cells.Add(line.Target ?? "");
                    cells.Add(line.Actual ?? "");
                    cells.Add(line.Score is { } s ? Points(s) : "");
                    cells.Add(line.Explanation);
                    rows.Add(new TableRow(cells));
                }
            }
        }

        rows.Add(new TableRow(
            [
                new TableCell("合计", ColSpan: 3, Align: CellAlign.Center), model.IsScored ? Points(model.TotalWeight) : "—", "", "",
                model.Total is { } total ? Points(total) : "—", model.Grade is null ? "未设分值，不计算等级" : $"评价等级：{model.Grade}",
            ],
            Bold: true));
        return new Block.Table(columns, [new TableRow([.. columns.Select(c => new TableCell(c.Name))])], rows, caption, FontSizePoints: 9);
    }

    /// <summary>Adds text items, numbering the titled ones 1、2、…; returns how many were numbered.</summary>
    internal static int AddItems(List<Block> blocks, IReadOnlyList<TextItem> items, string? emptyText = "无。", int level = 3)
    {
        if (items.Count == 0)
        {
            if (emptyText is not null)
            {
                blocks.Add(new Block.Paragraph(emptyText));
            }

            return 0;
        }

        var n = 0;
        foreach (var item in items)
        {
            if (!string.IsNullOrWhiteSpace(item.Title))
            {
                blocks.Add(new Block.Heading(level, HeadingNumbers.Format(level, ++n), item.Title!.Trim()));
            }

            AddParagraphs(blocks, item.Body, "");
        }

        return n;
    }

    internal static void AddParagraphs(List<Block> blocks, string? text, string empty)
    {
        var paragraphs = (text ?? "").Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (paragraphs.Count == 0)
        {
            if (empty.Length > 0)
            {
                blocks.Add(new Block.Paragraph(empty));
            }

            return;
        }

        blocks.AddRange(paragraphs.Select(p => new Block.Paragraph(p)));
    }
}
