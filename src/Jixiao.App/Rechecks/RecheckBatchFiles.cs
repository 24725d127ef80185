using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.App.Downloads;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Reporting.Rechecks;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Rechecks;

/// <summary>
/// The downloads of a 复核批次, with the reviewer's decisions taken: the 自评复核表 (.xlsx, the writer `jixiao check --xlsx`
/// uses: a summary sheet and one sheet per evaluation) and the 复核报告 (.docx, <see cref="RecheckReport"/>). A batch
/// still running gives what is rechecked so far and says so. Not found when the user does not see the batch.
/// </summary>
public static class RecheckBatchFiles
{
    public static async Task<(Outcome Outcome, FileDownload? File)> WorkbookAsync(JixiaoDbContext db, AccessScope scope, int id,
        CancellationToken cancellationToken = default)
    {
        var (outcome, batch, files) = await LoadAsync(db, scope, id, cancellationToken);
        if (batch is null)
        {
            return (outcome, null);
        }

        var entries = new List<RecheckWorkbookEntry>();
        foreach (var file in files!)
        {
            if (file.Evaluations.Count == 0)
            {
                entries.Add(new RecheckWorkbookEntry(file.Job.FileName, null, [], Reason(file.Job)));
                continue;
            }

            foreach (var e in file.Evaluations)
            {
                var notes = new List<string>();
                if (e.Stored.CutShort)
                {
                    notes.Add("文件在指标表中途结束，复核总分只包括读到的行");
                }

                if (file.Job.DuplicateOfId is not null && file.Job.Error is { } reused)
                {
                    notes.Add(reused.TrimEnd('。'));
                }

                var (overridden, accepted) = (e.Decisions.Count(d => d.Score is not null), e.Decisions.Count(d => d.Score is null));
                if (overridden + accepted > 0)
                {
                    notes.Add($"复核人调整 {overridden} 行、确认 {accepted} 行");
                }

                entries.Add(new RecheckWorkbookEntry(file.Job.FileName, e.Result, e.Stored.Findings, null, notes.Count == 0 ? null : string.Join("；", notes)));
            }
        }

        using var output = new MemoryStream();
        RecheckWorkbookWriter.Write(entries, output);
        return (Outcome.Ok, new FileDownload(output.ToArray(), Downloads.Downloads.Xlsx, $"自评复核表（{batch.Name}）.xlsx"));
    }

    public static async Task<(Outcome Outcome, FileDownload? File)> ReportAsync(JixiaoDbContext db, AccessScope scope, int id, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var (outcome, batch, files) = await LoadAsync(db, scope, id, cancellationToken);
        if (batch is null)
        {
            return (outcome, null);
        }

        var evaluations = files!.SelectMany(f => f.Evaluations.Select(e => new RecheckReportEvaluation(f.Job.FileName, e.Result, e.Stored.Findings,
            e.Decisions.Count(d => d.Score is not null), e.Decisions.Count(d => d.Score is null)))).ToList();
        var overrides = files!.SelectMany(f => f.Evaluations).SelectMany(e => e.Decisions.Where(d => d.Score is not null).Select(d =>
            new RecheckReportOverride(e.Original.Input.BudgetUnit, e.Original.Input.Project, e.Original.Lines[d.Line].Line.Name, e.Original.Lines[d.Line].Score,
                d.Score!.Value, d.Reason ?? ""))).ToList();
        var model = new RecheckReportModel(batch.Name, batch.OwnerName, ChinaTime.Today(clock), files!.Count, evaluations,
            [.. files!.Where(f => f.Job.State is RecheckJobState.Failed or RecheckJobState.Queued or RecheckJobState.Running)
                .Select(f => new RecheckReportFile(f.Job.FileName, Reason(f.Job)))],
            [.. files!.Where(f => f.Job.State == RecheckJobState.Duplicate).Select(f => new RecheckReportFile(f.Job.FileName, Reason(f.Job)))],
            overrides, files!.All(f => f.Job.State is not (RecheckJobState.Queued or RecheckJobState.Running)));
        using var output = new MemoryStream();
        RecheckReport.WriteDocx(model, output);
        return (Outcome.Ok, new FileDownload(output.ToArray(), Downloads.Downloads.Docx, $"自评复核报告（{batch.Name}）.docx"));
    }

    private static string Reason(RecheckJobEntity job) => job.State switch
    {
        RecheckJobState.Queued or RecheckJobState.Running => "尚未复核完成（批次仍在进行）",
        _ => job.Error ?? "未复核",
    };

    private static async Task<(Outcome Outcome, RecheckBatchEntity? Batch, IReadOnlyList<RecheckedFile>? Files)> LoadAsync(JixiaoDbContext db,
        AccessScope scope, int id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.MayRecheck)
        {
            return (new Outcome.Forbidden("自评复核批次由主管部门/财政审核人或管理员查看。"), null, null);
        }

        var batch = await scope.Visible(db.RecheckBatches.AsNoTracking()).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        return batch is null
            ? (new Outcome.NotFound($"找不到复核批次 {id}。"), null, null)
            : (Outcome.Ok, batch, await RecheckBatchResults.LoadAsync(db, id, cancellationToken));
    }
}
