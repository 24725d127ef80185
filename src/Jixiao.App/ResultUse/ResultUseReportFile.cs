using Jixiao.App.Auth;
using Jixiao.App.Downloads;
using Jixiao.Data;
using Jixiao.Domain.ResultUse;
using Jixiao.Reporting.Reports;

namespace Jixiao.App.ResultUse;

/// <summary>结果应用情况 (.docx) of a year in the user's scope: the rows of <see cref="ResultUseYear"/> written by <see cref="ResultUseReport"/>.</summary>
public static class ResultUseReportFile
{
    public static async Task<FileDownload> RunAsync(JixiaoDbContext db, AccessScope scope, ResultUseRules rules, int year,
        CancellationToken cancellationToken = default)
    {
        var view = await ResultUseYear.RunAsync(db, scope, rules, year, cancellationToken);
        var model = new ResultUseReportModel(view.Year, view.District, view.Source, [.. view.Rows.Select(r => new ResultUseReportRow(
            r.UnitName, r.ProjectName, r.EvaluationTotal, r.Grade, r.AdvisedWording, r.AdvisedRule, r.AdvisedFen,
            ResultActions.Parse(r.DecidedAction), r.DecidedFen, r.DecisionReason, r.Finding))]);
        using var output = new MemoryStream();
        ResultUseReport.WriteDocx(model, output);
        return new FileDownload(output.ToArray(), Downloads.Downloads.Docx, $"{year}年度绩效评价结果应用情况.docx");
    }
}
