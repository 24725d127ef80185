using System.Globalization;
using Jixiao.Domain.ResultUse;
using Jixiao.Reporting.Docx;
using Jixiao.Reporting.Documents;
using static Jixiao.Reporting.Reports.ReportText;

namespace Jixiao.Reporting.Reports;

/// <summary>
/// One project of the 结果应用情况 (money in 分): its evaluation's total and grade, the advice with the rule it cites,
/// finance's decision (null while none is taken) and the finding RES101 when there is one.
/// </summary>
public sealed record ResultUseReportRow(string UnitName, string ProjectName, decimal? Total, string Grade, string? AdvisedWording,
    string? AdvisedRule, long? AdvisedFen, ResultAction? DecidedAction, long? DecidedFen, string? DecisionReason, string? Finding);

/// <summary>A 预算年度's 结果应用 in one scope: the district whose rules apply, their source, and the projects.</summary>
public sealed record ResultUseReportModel(int Year, string District, string? Source, IReadOnlyList<ResultUseReportRow> Rows);

/// <summary>
/// 结果应用情况 (.docx): the scope (year, projects, units, grades), one table per decision taken — 项目, 评价得分/等级,
/// 建议, 决定, 理由 — with the projects not decided yet last, the rules cited and the RES101 findings.
/// </summary>
public static class ResultUseReport
{
    public const string Undecided = "尚未决定";

    public static ReportDocument Compose(ResultUseReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var year = model.Year.ToString(CultureInfo.InvariantCulture);
        var title = $"{year}年度绩效评价结果应用情况";
        var numbers = new HeadingNumbers();
        var blocks = new List<Block> { new Block.Title(title, $"适用规则：{model.District}") };
        var rows = model.Rows;

        blocks.Add(new Block.Heading(1, numbers.Next(1), "基本情况"));
        if (rows.Count == 0)
        {
            blocks.Add(new Block.Paragraph($"{year}年度在本范围内没有已锁定并评定等级的绩效评价项目，本报告无项目可列。"));
        }
        else
        {
            var grades = rows.GroupBy(r => r.Grade).OrderBy(g => GradeOrder(g.Key)).Select(g => $"“{g.Key}”{Count(g.Count())}个");
            var decided = rows.Count(r => r.DecidedAction is not null);
            var findings = rows.Count(r => r.Finding is not null);
            blocks.Add(new Block.Paragraph(
                $"本报告范围为{year}年度已锁定并评定等级的绩效评价项目，共{Count(rows.Count)}个，涉及{Count(rows.Select(r => r.UnitName).Distinct().Count())}个单位；"
                + $"评价等级{string.Join("、", grades)}。"
                + (decided == rows.Count ? "均已作出结果应用决定" : $"已作出结果应用决定{Count(decided)}个，尚未决定{Count(rows.Count - decided)}个")
                + (findings > 0 ? $"；{Count(findings)}个项目的下年申请不低于本年预算（{ResultAdvice.RequestNotReducedCode} 结果应用不到位），见第四部分。" : "。")));
        }

        blocks.Add(new Block.Heading(1, numbers.Next(1), "结果应用决定"));
        if (rows.Count == 0)
        {
            blocks.Add(new Block.Paragraph("无。"));
        }

        var table = 0;
        foreach (var group in rows.GroupBy(r => r.DecidedAction).OrderBy(g => g.Key is { } a ? (int)a : int.MaxValue))
        {
            var kind = group.Key?.Chinese() ?? Undecided;
            blocks.Add(new Block.Heading(2, numbers.Next(2), $"{kind}（{Count(group.Count())}个项目）"));
            blocks.Add(new Block.Table(
                [new("项目", 3.0), new("评价得分/等级", 1.7, CellAlign.Center), new("建议", 2.4), new("决定", 2.0), new("理由", 2.3)],
                [new TableRow(["项目", "评价得分/等级", "建议", "决定", "理由"], Bold: true)],
                [.. group.Select(r => new TableRow(
                [
                    $"{r.UnitName}：{r.ProjectName}",
                    $"{(r.Total is { } t ? Points(t) + "分" : "—")} / {r.Grade}",
                    Advice(r),
                    r.DecidedAction is { } a ? $"{a.Chinese()}，下年安排 {WanYuan(r.DecidedFen)} 万元" : Undecided,
                    r.DecisionReason ?? "—",
                ]))],
                Caption: $"表{Count(++table)} {kind}的项目"));
        }

        blocks.Add(new Block.Heading(1, numbers.Next(1), "依据的规则"));
        blocks.Add(new Block.Paragraph(model.Source is { } source
            ? $"{year}年度适用{model.District}的结果应用规则，依据：{source}。"
            : $"{model.District}的结果应用规则没有覆盖{year}年度的期间，本年度的项目没有建议。"));
        var cited = rows.Where(r => r.AdvisedRule is not null).GroupBy(r => r.AdvisedRule!)
            .OrderBy(g => GradeOrder(g.First().Grade)).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (cited.Count > 0)
        {
            blocks.Add(new Block.Paragraph("本报告中的建议引用了以下规则：", ParagraphStyle.Plain));
            var n = 0;
            foreach (var rule in cited)
            {
                blocks.Add(new Block.Paragraph($"{Count(++n)}. {rule.Key}（{Count(rule.Count())}个项目）。", ParagraphStyle.Plain));
            }
        }

        var found = rows.Where(r => r.Finding is not null).ToList();
        if (found.Count > 0)
        {
            blocks.Add(new Block.Heading(1, numbers.Next(1), "结果应用不到位的提示"));
            foreach (var r in found)
            {
                blocks.Add(new Block.Paragraph($"{r.UnitName}：{r.ProjectName}——{r.Finding}"));
            }
        }

        return new ReportDocument(title, blocks);
    }

    public static void WriteDocx(ResultUseReportModel model, Stream output, DocxOptions? options = null) =>
        DocxRenderer.Render(Compose(model), output, options);

    private static string Advice(ResultUseReportRow row) =>
        row.AdvisedWording is null ? "无适用规则"
        : row.AdvisedFen is { } fen ? $"{row.AdvisedWording}（建议安排 {WanYuan(fen)} 万元）" : row.AdvisedWording;

    private static string WanYuan(long? fen) => fen is { } f ? (f / 1_000_000m).ToString("#,##0.00", CultureInfo.InvariantCulture) : "—";

    private static int GradeOrder(string grade) => grade switch
    {
        "优" => 0,
        "良" => 1,
        "中" => 2,
        "低" => 3,
        "差" => 4,
        _ => 5,
    };
}
