using Jixiao.Domain.Rechecks;
using Jixiao.Reporting.TargetTables;

namespace Jixiao.Reporting.Rechecks;

/// <summary>One row of the 自评复核表: a file's project and its 复核, or a file that could not be rechecked (<see cref="Error"/>).</summary>
/// <see cref="Note"/>: what the reviewer should know of the reading (a document that ends early).
public sealed record RecheckWorkbookEntry(string File, RecheckResult? Result, IReadOnlyList<RecheckFinding> Findings, string? Error, string? Note = null);

/// <summary>
/// Writes the 自评复核表 (docs/recheck.md): sheet 汇总 with one row per file and project (自评 total, 复核 total, grade
/// change, findings count, or why the file was not rechecked), then one sheet per evaluation with every line — the
/// unit's value and score beside the 复核 score, the difference, its reason and the reviewer's marks — and its findings.
/// </summary>
public static class RecheckWorkbookWriter
{
    public const string SummarySheet = "汇总";

    public static IReadOnlyList<string> SummaryColumns { get; } =
        ["序号", "文件", "项目", "单位", "复核规则", "自评总分", "复核总分", "差异", "自评等级", "复核等级", "等级变化", "发现数", "说明"];

    public static IReadOnlyList<string> LineColumns { get; } =
        ["一级指标", "二级指标", "三级指标", "分值", "指标值", "实际完成值", "自评得分", "复核得分", "差异", "复核理由", "复核标记"];

    public static void Write(IReadOnlyList<RecheckWorkbookEntry> entries, Stream output)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var summary = new List<IReadOnlyList<object?>> { SummaryColumns.Cast<object?>().ToList() };
        var sheets = new List<XlsxSheet>();
        var names = new HashSet<string>(StringComparer.Ordinal) { SummarySheet };
        var number = 0;
        foreach (var entry in entries)
        {
            number++;
            if (entry.Result is not { } r)
            {
                summary.Add([number, entry.File, null, null, null, null, null, null, null, null, null, entry.Findings.Count, "未复核：" + entry.Error]);
                continue;
            }

            var capNote = r.Cap is { } cap ? $"预算执行率低于 {cap.ExecutionBelowPercent:0.##}%，总分限 {cap.MaxTotal:0.##} 分（未限前 {r.UncappedTotal:0.##}）" : null;
            var note = string.Join("；", new[] { capNote, entry.Note }.Where(n => n is not null));
            summary.Add([
                number, entry.File, r.Input.Project, r.Input.BudgetUnit, r.Rules.Name, r.StatedTotal, r.Total, r.Difference,
                r.StatedGrade, r.Grade, r.GradeChange, entry.Findings.Count, note,
            ]);
            sheets.Add(Evaluation(SheetName(number, r.Input.Project ?? entry.File, names), entry.File, r, entry.Findings));
        }

        XlsxGrid.Write(output,
        [
            new XlsxSheet(SummarySheet, summary) { ColumnWidths = [6, 30, 40, 24, 10, 10, 10, 8, 10, 10, 12, 8, 40] },
            .. sheets,
        ]);
    }

    private static XlsxSheet Evaluation(string name, string file, RecheckResult r, IReadOnlyList<RecheckFinding> findings)
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { "项目名称", r.Input.Project },
            new object?[] { "实施单位", r.Input.BudgetUnit },
            new object?[] { "文件", file },
            new object?[] { "复核规则", $"{r.Rules.Name}（{r.Rules.Title}）" },
            Array.Empty<object?>(),
            LineColumns.Cast<object?>().ToList(),
        };
        if (r.Budget is { } b)
        {
            rows.Add([
                "预算执行率", null, b.Line.Label, b.Line.Weight, null,
                b.Line.StatedRate ?? (b.RatePercent is { } rate ? $"{rate:0.##}%" : null), b.Line.StatedScore, b.Score, b.Difference, b.Reason, null,
            ]);
        }

        foreach (var l in r.Lines)
        {
            rows.Add([
                l.Line.Level1, l.Line.Level2, l.Line.Name, l.Line.Weight, l.Line.Target, l.Line.Actual, l.Line.StatedScore, l.Score, l.Difference,
                l.Reason, string.Join("；", l.MarkDowns.Select(m => m.Message)),
            ]);
        }

        rows.Add(["总分", null, null, null, null, null, r.StatedTotal, r.Total, r.Difference,
            r.Cap is { } cap ? $"预算执行率低于 {cap.ExecutionBelowPercent:0.##}%，总分限 {cap.MaxTotal:0.##} 分（未限前 {r.UncappedTotal:0.##}）" : null, null]);
        rows.Add(["等级", null, null, null, null, null, r.StatedGrade, r.Grade, r.GradeChange, r.Rules.Grades.ToString(), null]);
        rows.Add([]);
        rows.Add(["复核发现", "检查", "位置", "表内", "复核", "说明"]);
        var i = 0;
        foreach (var f in findings)
        {
            rows.Add([++i, f.Check, f.Where, f.Stated, f.Recomputed, f.Message]);
        }

        if (findings.Count == 0)
        {
            rows.Add(["无"]);
        }

        // the header values (项目名称 …) span the line columns, so a long name reads on one line; so do the findings' messages
        var findingsFrom = rows.Count - Math.Max(findings.Count, 1);
        List<string> merges = ["B1:K1", "B2:K2", "B3:K3", "B4:K4"];
        merges.AddRange(Enumerable.Range(findingsFrom + 1, findings.Count).Select(r => $"F{r}:K{r}"));
        return new XlsxSheet(name, rows) { ColumnWidths = [12, 14, 30, 8, 18, 18, 10, 10, 8, 50, 30], Merges = merges };
    }

    /// <summary>Excel's rules: at most 31 characters, none of []:*?/\, unique in the workbook.</summary>
    private static string SheetName(int number, string title, HashSet<string> taken)
    {
        var clean = new string([.. title.Where(c => "[]:*?/\\".IndexOf(c, StringComparison.Ordinal) < 0)]).Trim('\'', ' ');
        var prefix = number.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-";
        var name = prefix + (clean.Length > 31 - prefix.Length ? clean[..(31 - prefix.Length)] : clean);
        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = name[..Math.Min(name.Length, 28)] + "~" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
