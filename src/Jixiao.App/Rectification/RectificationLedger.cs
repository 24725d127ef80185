using System.Globalization;
using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.App.Downloads;
using Jixiao.Data;
using Jixiao.Domain.Rectification;
using Jixiao.Reporting.TargetTables;

namespace Jixiao.App.Rectification;

/// <summary>整改台账 (.xlsx): the tasks in the user's scope as <see cref="RectificationTaskList"/> lists them, overdue first, with the rules' source.</summary>
public static class RectificationLedger
{
    public static async Task<FileDownload> RunAsync(JixiaoDbContext db, AccessScope scope, RectificationRules rules, RectificationFilter filter,
        TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var tasks = await RectificationTaskList.RunAsync(db, scope, rules, filter, clock, cancellationToken);
        var evidence = await Evidence.EvidenceList.ForTasksAsync(db, scope, [.. tasks.Select(t => (t.Id, false))], cancellationToken);
        var today = ChinaTime.Today(clock);
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { $"整改台账（{rules.District}，截至 {Day(today)}）" },
            new object?[] { "编号", "责任单位", "项目", "问题来源", "问题编码", "问题内容", "问题位置", "发现日期", "应反馈日期", "下达日期", "整改期限", "状态", "整改措施", "佐证材料", "提交人", "提交时间", "退回原因", "验收人", "验收时间", "下达人" },
        };
        foreach (var t in tasks)
        {
            rows.Add(new object?[]
            {
                t.Id, t.UnitName, t.ProjectName, t.SourceText, t.FindingCode, t.FindingMessage, t.FindingWhere, Day(t.FoundOn), Day(t.FeedbackDue),
                Day(t.IssuedOn), Day(t.Deadline), t.StatusText, t.Measures,
                evidence.TryGetValue(t.Id, out var files) ? string.Join("\n", files.Select(f => $"{f.Number} {f.FileName}")) : null, t.SubmittedBy, t.SubmittedAt is { } s ? ChinaTime.Text(s) : null,
                t.ReturnReason, t.VerifiedBy, t.VerifiedAt is { } v ? ChinaTime.Text(v) : null, t.CreatedBy,
            });
        }

        rows.Add([]);
        rows.Add(new object?[] { $"应反馈日期：发现问题后 {rules.Feedback.Days} 日内（{rules.Feedback.Source}）" });
        rows.Add(new object?[] { $"整改期限：下达后 {rules.Measures.Days} 日内报送整改措施（{rules.Measures.Source}）；逾期：期限已过仍未报送" });

        using var output = new MemoryStream();
        XlsxGrid.Write(output, [new XlsxSheet("整改台账", rows) { ColumnWidths = [6, 30, 36, 10, 10, 50, 20, 12, 12, 12, 12, 8, 50, 36, 12, 18, 40, 12, 18, 12] }]);
        return new FileDownload(output.ToArray(), Downloads.Downloads.Xlsx, $"整改台账（截至{Day(today)}）.xlsx");
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
