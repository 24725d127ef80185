using Jixiao.App.Auth;
using Jixiao.App.Downloads;
using Jixiao.Data;
using Jixiao.Domain.Monitoring;
using Jixiao.Reporting.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Monitoring;

/// <summary>One project's 监控表 (.xlsx or .docx, central layout) for who sees the project; null when the entry is missing or not visible (404).</summary>
public static class MonitoringSheetFile
{
    public static async Task<FileDownload?> RunAsync(JixiaoDbContext db, AccessScope scope, MonitoringRules rules, int entryId, string format, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(rules);
        var roundId = await scope.Visible(db.MonitoringEntries.AsNoTracking()).Where(e => e.Id == entryId).Select(e => (int?)e.RoundId)
            .SingleOrDefaultAsync(cancellationToken);
        if (roundId is null || format is not ("xlsx" or "docx"))
        {
            return null;
        }

        var read = await MonitoringSheets.ReadAsync(db, scope, rules, roundId.Value, r => r.EntryId == entryId, clock, cancellationToken);
        if (read is not { Sheets: [var sheet] })
        {
            return null;
        }

        using var output = new MemoryStream();
        var name = MonitoringSheets.FileName($"{sheet.ProjectName}_{sheet.FiscalYear}年{sheet.Months}监控表.{format}");
        if (format == "xlsx")
        {
            MonitoringDocuments.WriteSheetXlsx(sheet, rules.DeviationCauses.Causes, output);
            return new FileDownload(output.ToArray(), Downloads.Downloads.Xlsx, name);
        }

        MonitoringDocuments.WriteSheetDocx(sheet, rules.DeviationCauses.Causes, rules.District, output);
        return new FileDownload(output.ToArray(), Downloads.Downloads.Docx, name);
    }
}
