using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.App.Evaluations;
using Jixiao.Data;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Evidence;

namespace Jixiao.App.Evidence;

/// <summary>
/// One evaluation line's evidence: whether it is scored (a result entered and a score), how many live files it has, and
/// <see cref="WithoutEvidence"/>: scored with none, which the sheet marks (无佐证) and the 复核's district rule
/// "no 佐证 → 0" can use (docs/recheck.md).
/// </summary>
public sealed record EvidenceLine(int Line, string Name, bool Scored, int Files)
{
    public bool WithoutEvidence => Scored && Files == 0;

    /// <summary>The lines of a scored sheet with their file counts from <paramref name="files"/>.</summary>
    public static IReadOnlyList<EvidenceLine> Of(ScoredEvaluation scored, IReadOnlyList<EvidenceRow> files)
    {
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(files);
        var counts = files.Where(f => f.Line is not null).GroupBy(f => f.Line!.Value).ToDictionary(g => g.Key, g => g.Count());
        return [.. scored.Items.Select((item, i) => new EvidenceLine(i, item.Indicator.Path, item.Score is not null && LineEdits.HasEntry(item),
            counts.GetValueOrDefault(i)))];
    }
}

/// <summary>An evaluation's files by line and what the upload forms need.</summary>
public sealed record EvaluationEvidenceView(int EvaluationId, EvidencePanel Panel, IReadOnlyList<EvidenceLine> Lines);

/// <summary>The 佐证材料 of every line of an evaluation in scope (404 outside it), each line marked when it is scored without any.</summary>
public static class EvaluationEvidence
{
    public static async Task<(Outcome Outcome, EvaluationEvidenceView? View)> RunAsync(JixiaoDbContext db, AccessScope scope, EvidenceLimits limits, int id,
        CancellationToken cancellationToken = default)
    {
        var view = await EvaluationSheets.GetAsync(db, scope, id, cancellationToken);
        if (view is null)
        {
            return (new Outcome.NotFound($"找不到评价 {id}。"), null);
        }

        var (outcome, panel) = await EvidenceList.ForEvaluationAsync(db, scope, limits, id, cancellationToken);
        return panel is null ? (outcome, null) : (Outcome.Ok, new EvaluationEvidenceView(id, panel, EvidenceLine.Of(view.Scored, panel.Files)));
    }
}
