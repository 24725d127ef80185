using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.App.Evaluations;
using Jixiao.App.Evidence;
using Jixiao.Data;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Rechecks;
using Jixiao.Domain.Targets;

namespace Jixiao.App.Rechecks;

/// <summary>
/// 自评复核 of a 单位自评 kept in the web app (docs/recheck.md): its lines as the unit entered them, rechecked by the
/// district's rule set of the project's year — and, unlike a document read from a file, with each line's count of
/// 佐证材料 known, so a district's "no 佐证 → 0" rule (markDowns.noEvidence) applies. In scope as the evaluation is
/// (404 outside it); a 部门评价 or 财政评价 is not a self-evaluation (400).
/// </summary>
public static class RecheckStoredEvaluation
{
    public static async Task<(Outcome Outcome, RecheckResult? Result)> RunAsync(JixiaoDbContext db, AccessScope scope, IReadOnlyList<RecheckRuleSet> rules,
        int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var view = await EvaluationSheets.GetAsync(db, scope, id, cancellationToken);
        if (view is null)
        {
            return (new Outcome.NotFound($"找不到评价 {id}。"), null);
        }

        if (view.Evaluation.Kind != EvaluationKind.SelfEvaluation)
        {
            return (new Outcome.Invalid($"自评复核只适用于单位自评，评价 {id} 是{view.Evaluation.Kind.Chinese()}。"), null);
        }

        var input = Input(view, await EvidenceList.CountsByLineAsync(db, id, cancellationToken));
        return (Outcome.Ok, Rechecker.Recheck(input, RecheckRuleSet.ForYear(input.Year, rules.Count > 0 ? rules : null)));
    }

    /// <summary>The stored sheet as the 复核 reads a printed one: each line's 分值, 指标值, 实际完成值, 得分, 偏差原因 and its files.</summary>
    internal static SelfEvaluationInput Input(EvaluationView view, IReadOnlyDictionary<int, int> evidence)
    {
        var lines = view.Scored.Items.Select((item, i) => new RecheckLine(item.Level1, item.Level2, item.Name, item.Weight, item.Indicator.Target?.Text,
            ActualText(item), item.Score, item.Indicator.Reason, evidence.GetValueOrDefault(i))).ToList();
        return new SelfEvaluationInput(view.Evaluation.Project!.Name, null, view.Evaluation.Project.FiscalYear ?? view.Sheet.Year, null, lines,
            view.Scored.Total, view.Scored.Grade);
    }

    private static string? ActualText(ScoredIndicator item) => item.Indicator.Actual switch
    {
        ActualValue.Measured m => m.Value.Text,
        ActualValue.Computed when item.Actual is { } a => Numbers.Text(decimal.Round(a, 4)) + item.Indicator.Target switch
        {
            Target.Quantitative q => q.Unit ?? "",
            Target.Range r => r.Unit ?? "",
            _ => "",
        },
        _ => item.Rating?.Chinese(),
    };
}
