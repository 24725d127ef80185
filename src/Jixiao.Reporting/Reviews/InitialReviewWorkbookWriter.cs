using Jixiao.Domain.Reviews.Rulebooks;
using Jixiao.Reporting.TargetTables;

namespace Jixiao.Reporting.Reviews;

/// <summary>
/// Writes a district rulebook's 初审 in the reviewer's own columns (docs/review.md, "初审工作簿"): sheet 初审结果 with
/// 项目编码, 审核人, 审核日期, 完整性审核, 可测性审核, 可行性审核, 初审小结 as the district's sheet has them (审核人 and
/// 审核日期 left for the reviewer), then 项目名称, 申请单位 and 待人工确认 (what the product proposes for the 人工
/// items); and sheet 审核口径 with the items used. Rows are as tall as their 意见 and the sheets print landscape, one
/// page wide, so the sheet can be sent back to the unit as it is.
/// </summary>
public static class InitialReviewWorkbookWriter
{
    public const string ResultsSheet = "初审结果";
    public const string RulebookSheet = "审核口径";

    public static IReadOnlyList<string> ResultColumns { get; } =
        ["项目编码", "审核人", "审核日期", "完整性审核", "可测性审核", "可行性审核", "初审小结", "项目名称", "申请单位", "待人工确认"];

    public static IReadOnlyList<string> RulebookColumns { get; } =
        ["编码", "审核对象", "模式", "审核要点", "二级要点", "审核细项", "审核意见表述（问题+建议）", "正则表达式", "检查", "启用", "说明"];

    public static void Write(ReviewRulebook rulebook, IReadOnlyList<RulebookProjectReview> reviews, Stream output)
    {
        var results = new List<IReadOnlyList<object?>> { ResultColumns.Cast<object?>().ToList() };
        foreach (var r in reviews)
        {
            results.Add([
                r.Project.Code ?? "",
                null,
                null,
                r.Column(RulebookAspect.Completeness),
                r.Column(RulebookAspect.Measurability),
                r.Column(RulebookAspect.Feasibility),
                r.Summary,
                r.Project.Name,
                r.Unit,
                RulebookProjectReview.Numbered(r.Proposals.Select(f => f.Text).ToList(), ""),
            ]);
        }

        var items = new List<IReadOnlyList<object?>> { RulebookColumns.Cast<object?>().ToList() };
        foreach (var i in rulebook.Items)
        {
            items.Add([
                i.Code, i.Subject, i.Manual ? "人工" : "正则匹配", ReviewRulebook.AspectName(i.Aspect)[..3], i.Point, i.Name, i.Opinion,
                i.Pattern ?? "", i.Check, i.Enabled ? "是" : "否", i.Note ?? "",
            ]);
        }

        XlsxGrid.Write(output,
        [
            new XlsxSheet(ResultsSheet, results) { ColumnWidths = [24, 8, 10, 60, 50, 50, 24, 30, 24, 40], FitRows = true, PrintLandscapeOnePageWide = true },
            new XlsxSheet(RulebookSheet, items) { ColumnWidths = [6, 14, 8, 8, 10, 22, 60, 30, 18, 6, 40], FitRows = true, PrintLandscapeOnePageWide = true },
        ]);
    }
}
