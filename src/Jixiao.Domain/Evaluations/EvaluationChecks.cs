using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Taxonomy;
using Jixiao.Domain.Text;

namespace Jixiao.Domain.Evaluations;

/// <summary>
/// The checks that produce findings (regulations.md, "Rules a program can check"): per line while scoring, and
/// over the whole sheet (weights, 产出 + 效益 share, default 自评 weights).
/// </summary>
internal static class EvaluationChecks
{
    // ---- per line ------------------------------------------------------------------------------------------------

    public static void CheckLine(EvaluationIndicator indicator, ScoredIndicator item, List<EvaluationFinding> findings)
    {
        if (indicator.Weight is { } stated && indicator.Method != ScoringMethod.Manual && indicator.Score is { } statedScore
            && item.Score is { } score && Scorer.Round2(statedScore) != score)
        {
            findings.Add(new(Severity.Error, EvaluationCodes.StatedScoreDisagrees, indicator.Path,
                $"“{indicator.Path}”按{indicator.Method.Chinese()}法应得 {Numbers.Format(score)} 分（分值 {Numbers.Format(stated)}），表中写的是 {Numbers.Format(statedScore)} 分。"));
        }

        if (indicator.StatedActual is { Value: { } statedActual } statedText && item.Actual is { } actual)
        {
            var decimals = statedText.Decimals;
            if (decimal.Round(actual, decimals, MidpointRounding.AwayFromZero) != statedActual)
            {
                var shown = Numbers.Format(actual, Math.Max(decimals + 1, 1)) + (ActualValues.TargetUnit(indicator.Target) ?? statedText.Unit ?? "");
                findings.Add(new(Severity.Error, EvaluationCodes.StatedActualDisagrees, indicator.Path,
                    $"“{indicator.Path}”{HowComputed(indicator)}为 {shown}，报告写的是 {statedText.Text}。"));
            }
        }

        var hasReason = !string.IsNullOrWhiteSpace(indicator.Reason);
        var compares = indicator.Method is ScoringMethod.Proportional or ScoringMethod.Tiers or ScoringMethod.Binary or ScoringMethod.Qualitative;
        if (compares && item.Met == false && !hasReason
            && item.Outcome is not (ScoreOutcome.NoActual or ScoreOutcome.NoTarget or ScoreOutcome.NoRating or ScoreOutcome.NoTiers))
        {
            var detail = item.Actual is { } a ? $"（指标值 {indicator.Target?.Text ?? "—"}，实际 {Numbers.Format(a)}{ActualValues.TargetUnit(indicator.Target)}）" : "";
            findings.Add(new(Severity.Warning, EvaluationCodes.MissedWithoutReason, indicator.Path,
                $"“{indicator.Path}”未达到年度指标值{detail}，需填写偏差原因分析及改进措施。"));
        }

        if (indicator.Method is ScoringMethod.Proportional or ScoringMethod.Tiers or ScoringMethod.Binary && !hasReason
            && item.Actual is { } value && indicator.ScoringDirection is ScoringDirection.Up or ScoringDirection.Equal
            && ActualValues.TargetBounds(indicator.Target, out var target, out _)
            && (target > 0 ? value >= target * 1.3m : target == 0 && value >= 30))
        {
            var share = target > 0 ? $"是指标值 {Numbers.Format(target)} 的 {Numbers.Format(value / target * 100)}%" : "而指标值为 0";
            findings.Add(new(Severity.Warning, EvaluationCodes.FarExceededWithoutExplanation, indicator.Path,
                $"“{indicator.Path}”实际完成 {Numbers.Format(value)}，{share}，超过 130%：需说明原因，指标值是否设定过低。"));
        }
    }

    private static string HowComputed(EvaluationIndicator indicator) => indicator.Actual switch
    {
        ActualValue.Computed c => $"按 {c.Formula.Text}（{string.Join("，", c.Inputs.Select(i => $"{i.Name} = {i.Text}"))}）计算",
        _ => "的实际完成值",
    };

    // ---- whole sheet -----------------------------------------------------------------------------------------------

    public static void CheckSheet(EvaluationSheet sheet, List<EvaluationFinding> findings)
    {
        var lines = sheet.Indicators;
        if (lines.Count == 0)
        {
            findings.Add(new(Severity.Error, EvaluationCodes.MissingInput, null, "评价表没有任何指标。"));
            return;
        }

        var unweighted = 0;
        decimal sum = 0;
        foreach (var line in lines)
        {
            if (line.Weight is not { } w)
            {
                unweighted++;
            }
            else if (w < 0)
            {
                findings.Add(new(Severity.Error, EvaluationCodes.MissingWeight, line.Path, $"“{line.Path}”的分值 {Numbers.Format(w)} 为负数，按 0 计。"));
            }
            else
            {
                sum += w;
            }
        }

        if (unweighted == lines.Count)
        {
            findings.Add(new(Severity.Info, EvaluationCodes.MissingWeight, null, "评价表没有设定分值：只核对各指标的完成情况，不计总分和等级。"));
            return;
        }

        if (unweighted > 0)
        {
            foreach (var line in lines.Where(l => l.Weight is null))
            {
                findings.Add(new(Severity.Error, EvaluationCodes.MissingWeight, line.Path, $"“{line.Path}”没有分值（权重），不计分。"));
            }
        }

        if (sum != sheet.TotalWeight)
        {
            findings.Add(new(Severity.Error, EvaluationCodes.WeightsDoNotAddUp, null,
                $"各指标分值合计 {Numbers.Format(sum)} 分，应为 {Numbers.Format(sheet.TotalWeight)} 分。"));
        }

        CheckGroups(sheet, findings);
        CheckOutputAndEffectShare(sheet, sum, findings);
        CheckSelfEvaluationWeights(sheet, findings);
    }

    private static void CheckGroups(EvaluationSheet sheet, List<EvaluationFinding> findings)
    {
        if (sheet.Groups is not { Count: > 0 } groups)
        {
            return;
        }

        foreach (var group in groups)
        {
            var l1 = ChineseText.Collapse(group.Level1);
            var l2 = group.Level2 is null ? null : ChineseText.Collapse(group.Level2);
            var under = sheet.Indicators.Where(i => ChineseText.Collapse(i.Level1) == l1 && (l2 is null || ChineseText.Collapse(i.Level2) == l2)).ToList();
            var name = l2 is null ? $"一级指标“{group.Level1}”" : $"二级指标“{group.Level1}/{group.Level2}”";
            if (under.Count == 0)
            {
                findings.Add(new(Severity.Warning, EvaluationCodes.WeightsDoNotAddUp, null, $"{name}设定了 {Numbers.Format(group.Weight)} 分，但表中没有它的指标。"));
                continue;
            }

            var sum = under.Sum(i => i.Weight ?? 0);
            if (sum != group.Weight)
            {
                findings.Add(new(Severity.Error, EvaluationCodes.WeightsDoNotAddUp, null,
                    $"{name}设定为 {Numbers.Format(group.Weight)} 分，其下指标分值合计 {Numbers.Format(sum)} 分。"));
            }

            if (l2 is null)
            {
                var children = groups.Where(g => g.Level2 is not null && ChineseText.Collapse(g.Level1) == l1).ToList();
                if (children.Count > 0 && children.Count == under.Select(i => ChineseText.Collapse(i.Level2)).Distinct().Count()
                    && children.Sum(c => c.Weight) != group.Weight)
                {
                    findings.Add(new(Severity.Error, EvaluationCodes.WeightsDoNotAddUp, null,
                        $"{name}设定为 {Numbers.Format(group.Weight)} 分，其二级指标设定合计 {Numbers.Format(children.Sum(c => c.Weight))} 分。"));
                }
            }
        }

        var level1Groups = groups.Where(g => g.Level2 is null).ToList();
        var level1Names = sheet.Indicators.Select(i => ChineseText.Collapse(i.Level1)).Distinct().ToList();
        if (level1Groups.Count > 0 && level1Names.All(n => level1Groups.Exists(g => ChineseText.Collapse(g.Level1) == n))
            && level1Groups.Sum(g => g.Weight) != sheet.TotalWeight)
        {
            findings.Add(new(Severity.Error, EvaluationCodes.WeightsDoNotAddUp, null,
                $"一级指标设定分值合计 {Numbers.Format(level1Groups.Sum(g => g.Weight))} 分，应为 {Numbers.Format(sheet.TotalWeight)} 分。"));
        }
    }

    /// <summary>产出 + 效益 ≥ 60% in 部门 / 财政评价 (财预〔2020〕10号, rule 14).</summary>
    private static void CheckOutputAndEffectShare(EvaluationSheet sheet, decimal sum, List<EvaluationFinding> findings)
    {
        if (sheet.Kind == EvaluationKind.SelfEvaluation || sum <= 0)
        {
            return;
        }

        var share = sheet.Indicators.Where(i => i.Level1Code is "1" or "2").Sum(i => i.Weight ?? 0);
        if (share < sum * 0.6m)
        {
            findings.Add(new(Severity.Error, EvaluationCodes.OutputAndEffectBelow60, null,
                $"{sheet.Kind.Chinese()}中产出和效益指标合计 {Numbers.Format(share)} 分，占 {Numbers.Format(share / sum * 100)}%，不得低于 60%（财预〔2020〕10号）。"));
        }
    }

    /// <summary>单位自评 default 一级 weights: 产出 50, 效益 30, 满意度 10, 预算执行率 10 (财预〔2020〕10号, rule 2).</summary>
    private static void CheckSelfEvaluationWeights(EvaluationSheet sheet, List<EvaluationFinding> findings)
    {
        if (sheet.Kind != EvaluationKind.SelfEvaluation)
        {
            return;
        }

        decimal output = 0, effect = 0, satisfaction = 0, execution = 0;
        foreach (var line in sheet.Indicators)
        {
            var w = line.Weight ?? 0;
            if (IsBudgetExecution(line))
            {
                execution += w;
                continue;
            }

            switch (line.Level1Code)
            {
                case "1" or "4":
                    output += w;
                    break;
                case "2":
                    effect += w;
                    break;
                case "3":
                    satisfaction += w;
                    break;
                default:
                    return;
            }
        }

        if (output != 50 || effect != 30 || satisfaction != 10 || execution != 10)
        {
            findings.Add(new(Severity.Info, EvaluationCodes.NonDefaultSelfWeights, null,
                $"单位自评一级分值为 产出 {Numbers.Format(output)}、效益 {Numbers.Format(effect)}、满意度 {Numbers.Format(satisfaction)}、预算执行率 {Numbers.Format(execution)}，与财预〔2020〕10号默认的 50、30、10、10 不同：需说明特殊情况。"));
        }
    }

    internal static bool IsBudgetExecution(EvaluationIndicator line) =>
        line.Name.Contains("预算执行率", StringComparison.Ordinal) || line.Level1.Contains("预算执行", StringComparison.Ordinal);

    /// <summary>The taxonomy code of an 一级 name ("产出指标", "项目产出" → "1"); null when it is not in the taxonomy (决策, 过程).</summary>
    internal static string? Level1Code(string level1)
    {
        var category = IndicatorTaxonomy.Default.FindLevel1(level1);
        if (category is not null)
        {
            return category.Code;
        }

        var key = ChineseText.Collapse(level1);
        return key.Contains("产出", StringComparison.Ordinal) ? "1"
            : key.Contains("效益", StringComparison.Ordinal) || key.Contains("效果", StringComparison.Ordinal) ? "2"
            : key.Contains("满意", StringComparison.Ordinal) ? "3"
            : null;
    }
}
