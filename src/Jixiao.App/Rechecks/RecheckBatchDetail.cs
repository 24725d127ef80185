using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Rechecks;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Rechecks;

/// <summary>
/// Which evaluations of a batch to list and how: <see cref="Sort"/> one of file, unit, project, stated, total,
/// difference, grade, findings (else the order of the files); <see cref="Text"/> a part of the unit's, project's or
/// file's name; <see cref="Check"/> only evaluations with a finding of that check; <see cref="GradeChanged"/> only those
/// whose grade the 复核 changes.
/// </summary>
public sealed record RecheckRowFilter(string? Sort = null, bool Descending = false, string? Text = null, string? Check = null, bool GradeChanged = false)
{
    public static IReadOnlyList<string> Sorts { get; } = ["file", "unit", "project", "stated", "total", "difference", "grade", "findings"];
}

/// <summary>Findings of one check in an evaluation.</summary>
public sealed record RecheckCheckCount(string Check, string Title, int Count);

/// <summary>One file of a batch: its state (queued, running, done, failed, duplicate) in Chinese too, and why it was not rechecked or how its result was reused.</summary>
public sealed record RecheckFileRow(int JobId, int Position, string FileName, string State, string StateText, string? Reason, string? Kind,
    int Evaluations, long SizeBytes, int? SameAs);

/// <summary>
/// One rechecked evaluation of a batch as listed: file, project, unit, 自评 and 复核 totals (the reviewer's decisions
/// taken), their difference, both grades and the change, the findings by check, and how many lines the reviewer decided.
/// </summary>
public sealed record RecheckEvaluationRow(int Id, int JobId, int FilePosition, string FileName, string? Project, string? Unit, int? Year, string RuleSet,
    decimal? StatedTotal, decimal Total, decimal? Difference, string? StatedGrade, string Grade, bool GradeChanged, string GradeChange, int FindingCount,
    IReadOnlyList<RecheckCheckCount> Checks, bool CutShort, int Decisions);

/// <summary>A batch with its progress, what the upload left out, every file, and the evaluations the filter keeps (<see cref="AllRows"/> before it).</summary>
public sealed record RecheckBatchView(RecheckBatchSummary Batch, IReadOnlyList<string> Notes, IReadOnlyList<RecheckFileRow> Files,
    IReadOnlyList<RecheckEvaluationRow> Rows, int AllRows, IReadOnlyList<RecheckCheckCount> Checks, RecheckRowFilter Filter);

/// <summary>
/// The result page of a 复核批次: every unit and project rechecked, sortable and filterable (in memory: a batch holds at
/// most 500 files), the files that were not rechecked with their reasons. Not found when the user does not see the batch.
/// </summary>
public static class RecheckBatchDetail
{
    public static async Task<(Outcome Outcome, RecheckBatchView? View)> RunAsync(JixiaoDbContext db, AccessScope scope, int id, RecheckRowFilter filter,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var (outcome, batch) = await RecheckBatchProgress.RunAsync(db, scope, id, cancellationToken);
        if (batch is null)
        {
            return (outcome, null);
        }

        var notes = await db.RecheckBatches.AsNoTracking().Where(b => b.Id == id).Select(b => b.Notes).SingleAsync(cancellationToken);
        var files = (await db.RecheckJobs.AsNoTracking().Where(j => j.BatchId == id).OrderBy(j => j.Position)
                .Select(j => new { j.Id, j.Position, j.FileName, j.State, j.Error, j.Kind, j.EvaluationCount, j.SizeBytes, j.DuplicateOfId })
                .ToListAsync(cancellationToken))
            .Select(j => new RecheckFileRow(j.Id, j.Position, j.FileName, RecheckJobStates.Name(j.State), StateText(j.State), j.Error, j.Kind,
                j.EvaluationCount, j.SizeBytes, j.DuplicateOfId))
            .ToList();
        var positions = files.ToDictionary(f => f.JobId);
        var evaluations = await db.RecheckEvaluations.AsNoTracking().Where(e => e.BatchId == id)
            .Select(e => new
            {
                e.Id, e.JobId, e.Position, e.Project, e.Unit, e.Year, e.RuleSet, e.StatedTotal, e.Total, e.StatedGrade, e.Grade, e.FindingCount,
                e.FindingChecks, e.CutShort, Decisions = e.Decisions.Count,
            })
            .ToListAsync(cancellationToken);
        var rows = evaluations
            .OrderBy(e => positions[e.JobId].Position).ThenBy(e => e.Position)
            .Select(e =>
            {
                var file = positions[e.JobId];
                var changed = e.StatedGrade is not null && e.StatedGrade != e.Grade;
                return new RecheckEvaluationRow(e.Id, e.JobId, file.Position, file.FileName, e.Project, e.Unit, e.Year, e.RuleSet, e.StatedTotal, e.Total,
                    e.StatedTotal is { } s ? e.Total - s : null, e.StatedGrade, e.Grade, changed,
                    e.StatedGrade is null ? e.Grade : changed ? $"{e.StatedGrade} → {e.Grade}" : $"{e.Grade}（不变）",
                    e.FindingCount, Checks(e.FindingChecks), e.CutShort, e.Decisions);
            })
            .ToList();
        var checks = rows.SelectMany(r => r.Checks).GroupBy(c => c.Check).OrderBy(g => RecheckChecks.Order(g.Key))
            .Select(g => new RecheckCheckCount(g.Key, RecheckChecks.Title(g.Key), g.Sum(c => c.Count))).ToList();
        return (Outcome.Ok, new RecheckBatchView(batch, notes?.Split('\n') ?? [], files, Apply(rows, filter), rows.Count, checks, filter));
    }

    public static string StateText(RecheckJobState state) => state switch
    {
        RecheckJobState.Queued => "排队中",
        RecheckJobState.Running => "正在复核",
        RecheckJobState.Done => "已复核",
        RecheckJobState.Failed => "未能复核",
        RecheckJobState.Duplicate => "重复文件",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    internal static IReadOnlyList<RecheckCheckCount> Checks(string? text) =>
        [.. StoredRecheck.ParseChecks(text).OrderBy(c => RecheckChecks.Order(c.Check)).Select(c => new RecheckCheckCount(c.Check, RecheckChecks.Title(c.Check), c.Count))];

    private static List<RecheckEvaluationRow> Apply(List<RecheckEvaluationRow> rows, RecheckRowFilter filter)
    {
        IEnumerable<RecheckEvaluationRow> kept = rows;
        if (filter.Text?.Trim() is { Length: > 0 } text)
        {
            kept = kept.Where(r => Has(r.Unit, text) || Has(r.Project, text) || Has(r.FileName, text));
        }

        if (filter.Check is { Length: > 0 } check)
        {
            kept = kept.Where(r => r.Checks.Any(c => c.Check == check));
        }

        if (filter.GradeChanged)
        {
            kept = kept.Where(r => r.GradeChanged);
        }

        var grades = new Dictionary<string, int>(StringComparer.Ordinal) { ["优"] = 0, ["良"] = 1, ["中"] = 2, ["差"] = 3 };
        var comparer = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"), false);
        IOrderedEnumerable<RecheckEvaluationRow>? sorted = filter.Sort switch
        {
            "file" => By(kept, r => r.FileName, comparer),
            "unit" => By(kept, r => r.Unit ?? "", comparer),
            "project" => By(kept, r => r.Project ?? "", comparer),
            "stated" => By(kept, r => r.StatedTotal ?? decimal.MinValue, Comparer<decimal>.Default),
            "total" => By(kept, r => r.Total, Comparer<decimal>.Default),
            "difference" => By(kept, r => r.Difference ?? 0, Comparer<decimal>.Default),
            "grade" => By(kept, r => grades.GetValueOrDefault(r.Grade, 4), Comparer<int>.Default),
            "findings" => By(kept, r => r.FindingCount, Comparer<int>.Default),
            _ => null,
        };
        return sorted is null ? [.. kept] : [.. sorted.ThenBy(r => r.FilePosition)];

        IOrderedEnumerable<RecheckEvaluationRow> By<TKey>(IEnumerable<RecheckEvaluationRow> source, Func<RecheckEvaluationRow, TKey> key, IComparer<TKey> order) =>
            filter.Descending ? source.OrderByDescending(key, order) : source.OrderBy(key, order);
    }

    private static bool Has(string? field, string text) => field?.Contains(text, StringComparison.OrdinalIgnoreCase) == true;
}
