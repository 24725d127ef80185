using Jixiao.App.Auth;
using Jixiao.Data;
using Jixiao.Domain.Monitoring;
using Jixiao.Reporting.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Monitoring;

/// <summary>
/// The 监控表 of a round's projects in the reader's scope as the documents print them: what the unit filled
/// (<see cref="EntryDetail"/>), the lights (<see cref="RoundLights"/>) and the 纠偏 (<see cref="CorrectionQueue"/>). Only
/// the entries <paramref name="select"/> keeps are read in full.
/// </summary>
internal static class MonitoringSheets
{
    public static async Task<(RoundLightsView Round, List<MonitoringSheet> Sheets)?> ReadAsync(JixiaoDbContext db, AccessScope scope, MonitoringRules rules,
        int roundId, Func<ProjectLightRow, bool> select, TimeProvider clock, CancellationToken cancellationToken)
    {
        var lights = await RoundLights.RunAsync(db, scope, rules, roundId, cancellationToken);
        if (lights is null)
        {
            return null;
        }

        var rows = lights.Projects.Where(select).ToList();
        var ids = rows.Select(r => r.ProjectId).ToList();
        var codes = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Code }).ToDictionaryAsync(p => p.Id, p => p.Code, cancellationToken);
        var corrections = (await CorrectionQueue.RunAsync(db, scope, new CorrectionFilter(RoundId: roundId), clock, cancellationToken))
            .ToDictionary(c => c.EntryId);
        var sheets = new List<MonitoringSheet>();
        foreach (var row in rows)
        {
            var entry = await EntryDetail.GetAsync(db, scope, rules, row.EntryId, cancellationToken);
            if (entry is null)
            {
                continue;
            }

            var indicators = entry.Indicators.Select((i, k) =>
            {
                var verdict = k < row.Lights.Indicators.Count ? row.Lights.Indicators[k].Verdict : null;
                return new MonitoringSheetIndicator(i.Level1, i.Level2, i.Name, i.Target, i.Progress, i.ExpectedAnnual, i.DeviationCause, i.Likelihood,
                    i.Correction, verdict?.Light, verdict?.Explanation);
            }).ToList();
            var correction = corrections.TryGetValue(row.EntryId, out var c)
                ? new MonitoringSheetCorrection(c.StatusText, c.DecisionText, c.AdjustFen, c.AnswerReason, c.Deadline, c.FundsPaused)
                : null;
            sheets.Add(new MonitoringSheet(entry.FiscalYear, entry.EndMonth, entry.Months, entry.ProjectName, codes.GetValueOrDefault(row.ProjectId),
                entry.UnitName, entry.BudgetFen, entry.ExecutedFen, entry.ExpectedAnnualFen, entry.Narrative, entry.StatusName, row.Lights, indicators, correction));
        }

        return (lights, sheets);
    }

    /// <summary>A file name without the characters Windows refuses.</summary>
    public static string FileName(string name) => string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '\\' or '/' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c));
}
