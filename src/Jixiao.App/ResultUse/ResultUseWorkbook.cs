using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.App.Downloads;
using Jixiao.Data;
using Jixiao.Domain.ResultUse;
using Jixiao.Reporting.TargetTables;

namespace Jixiao.App.ResultUse;

/// <summary>结果应用情况表 (.xlsx) of a year in the user's scope: the rows of <see cref="ResultUseYear"/>, amounts in 万元.</summary>
public static class ResultUseWorkbook
{
    public static async Task<FileDownload> RunAsync(JixiaoDbContext db, AccessScope scope, ResultUseRules rules, int year,
        CancellationToken cancellationToken = default)
    {
        var view = await ResultUseYear.RunAsync(db, scope, rules, year, cancellationToken);
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { $"{year} 年度绩效评价结果应用情况表（{view.District}）" },
            new object?[] { "单位", "项目", "评价等级", "本年预算（万元）", "下年申请（万元）", "申请来源", "建议", "建议安排（万元）", "提示", "决定", "决定安排（万元）", "决定理由", "决定人", "决定时间" },
        };
        foreach (var r in view.Rows)
        {
            rows.Add(new object?[]
            {
                r.UnitName, r.ProjectName, r.Grade, WanYuan(r.BudgetFen), WanYuan(r.RequestFen),
                r.RequestSource switch { "entered" => "财政填写", "matched" => "下年目标表", _ => "" },
                r.AdvisedWording, WanYuan(r.AdvisedFen), r.Finding,
                ResultActions.Parse(r.DecidedAction)?.Chinese(), WanYuan(r.DecidedFen), r.DecisionReason, r.DecidedBy,
                r.DecidedAt is { } at ? ChinaTime.Text(at) : null,
            });
        }

        if (view.Source is { } source)
        {
            rows.Add([]);
            rows.Add(new object?[] { "依据：" + source });
        }

        using var output = new MemoryStream();
        XlsxGrid.Write(output, [new XlsxSheet("结果应用", rows) { ColumnWidths = [30, 36, 8, 14, 14, 12, 28, 14, 50, 16, 14, 40, 12, 18] }]);
        return new FileDownload(output.ToArray(), Downloads.Downloads.Xlsx, $"{year}年度绩效评价结果应用情况表.xlsx");
    }

    private static decimal? WanYuan(long? fen) => fen is { } f ? f / 1_000_000m : null;
}
