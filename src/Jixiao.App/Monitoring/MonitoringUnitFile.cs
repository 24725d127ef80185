using Jixiao.App.Auth;
using Jixiao.App.Downloads;
using Jixiao.Data;
using Jixiao.Domain.Monitoring;
using Jixiao.Reporting.Monitoring;

namespace Jixiao.App.Monitoring;

/// <summary>What to write of a unit's projects in a round.</summary>
public enum MonitoringUnitDocument
{
    /// <summary>监控汇总表 .xlsx: the summary sheet, then every project's 监控表 on its own sheet.</summary>
    SummaryXlsx,
    /// <summary>监控汇总表 .docx.</summary>
    SummaryDocx,
    /// <summary>监控报告 .docx: the computed narrative (how many red, why, the causes, what was decided) and the projects' table.</summary>
    ReportDocx,
}

/// <summary>
/// A unit's 监控汇总表 or 监控报告 of a round, over its projects the reader sees; null when the round is not visible or
/// the reader sees no project of that unit in it (404, like a missing one).
/// </summary>
public static class MonitoringUnitFile
{
    public static async Task<FileDownload?> RunAsync(JixiaoDbContext db, AccessScope scope, MonitoringRules rules, int roundId, int unitId,
        MonitoringUnitDocument document, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(rules);
        var read = await MonitoringSheets.ReadAsync(db, scope, rules, roundId, r => r.UnitId == unitId, clock, cancellationToken);
        if (read is not { } found || found.Sheets.Count == 0)
        {
            return null;
        }

        var round = found.Round.Round;
        var model = new MonitoringUnitModel(round.FiscalYear, round.EndMonth, round.Months, found.Sheets[0].UnitName, rules.District, rules.DeviationCauses.Causes,
            found.Sheets);
        using var output = new MemoryStream();
        var stem = $"{model.UnitName}_{round.FiscalYear}年{round.Months}";
        switch (document)
        {
            case MonitoringUnitDocument.SummaryXlsx:
                MonitoringDocuments.WriteSummaryXlsx(model, output);
                return new FileDownload(output.ToArray(), Downloads.Downloads.Xlsx, MonitoringSheets.FileName(stem + "监控汇总表.xlsx"));
            case MonitoringUnitDocument.SummaryDocx:
                MonitoringDocuments.WriteSummaryDocx(model, output);
                return new FileDownload(output.ToArray(), Downloads.Downloads.Docx, MonitoringSheets.FileName(stem + "监控汇总表.docx"));
            case MonitoringUnitDocument.ReportDocx:
                MonitoringDocuments.WriteReportDocx(model, output);
                return new FileDownload(output.ToArray(), Downloads.Downloads.Docx, MonitoringSheets.FileName(stem + "监控报告.docx"));
            default:
                throw new ArgumentOutOfRangeException(nameof(document));
        }
    }
}
