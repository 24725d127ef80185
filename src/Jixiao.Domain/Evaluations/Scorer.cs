using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Evaluations;

/// <summary>
/// Scores an evaluation sheet: each line by its method, the total (rounded to 2 decimals), the grade and the
/// findings of <see cref="EvaluationChecks"/>. Pure and deterministic; the targets, actual values and formulas
/// were parsed when the sheet was built, so scoring only does decimal arithmetic.
/// </summary>
public static class Scorer
{
    public static ScoredEvaluation Score(EvaluationSheet sheet)
    {
        var findings = new List<EvaluationFinding>();
        var items = new ScoredIndicator[sheet.Indicators.Count];
        var weighted = false;
        var overflow = false;
        decimal total = 0;
        for (var i = 0; i < items.Length; i++)
        {
            var indicator = sheet.Indicators[i];
            var item = ScoreIndicator(indicator, sheet.LowerIsBetter, findings);
            items[i] = item;
            if (item.Score is { } score)
            {
                weighted = true;
                overflow |= total > decimal.MaxValue - score;
                total = overflow ? total : total + score;
            }
        }

        try
        {
            EvaluationChecks.CheckSheet(sheet, findings);
        }
        catch (OverflowException)
        {
            overflow = true;
        }

        if (overflow)
        {
            // weights near decimal's limit cannot be added up; a sheet of that kind is not a real one
            findings.Add(new(Diagnostics.Severity.Error, EvaluationCodes.WeightsDoNotAddUp, null, "分值合计超出可计算范围：请检查各指标的分值。"));
            weighted = false;
        }

        decimal? roundedTotal = weighted ? Round2(total) : null;
        var grade = roundedTotal is { } t ? (sheet.GradeScale ?? GradeScale.Default).GradeOf(t) : null;
        return new ScoredEvaluation(sheet, items, roundedTotal, grade, findings);
    }

    /// <summary>Scores one line; findings about it are added to <paramref name="findings"/>.</summary>
    public static ScoredIndicator ScoreIndicator(EvaluationIndicator indicator, LowerIsBetterRule lowerIsBetter, List<EvaluationFinding> findings)
    {
        // An unweighted line is scored out of 100 and reported as a completion percent, not as points.
        var weight = indicator.Weight is { } w ? Math.Max(w, 0m) : 100m;
        try
        {
            var item = indicator.Method switch
            {
                ScoringMethod.Proportional => Proportional(indicator, weight, lowerIsBetter, findings),
                ScoringMethod.Tiers => Tiered(indicator, weight, findings),
                ScoringMethod.Qualitative => Qualitative(indicator, weight, findings),
                ScoringMethod.Deduction => Deducted(indicator, weight, findings),
                ScoringMethod.Binary => Binary(indicator, weight, lowerIsBetter, findings),
                ScoringMethod.Manual => Manual(indicator, weight, findings),
                _ => throw new ArgumentOutOfRangeException(nameof(indicator)),
            };
            EvaluationChecks.CheckLine(indicator, item, findings);
            return item;
        }
        catch (OverflowException)
        {
            // numbers near decimal's limit (a 28-digit actual against a target of 0.0001) cannot be compared: say so, never crash
            findings.Add(new(Diagnostics.Severity.Error, EvaluationCodes.MissingInput, indicator.Path,
                $"“{indicator.Path}”的数值超出可计算范围，无法计分：请检查指标值和实际完成值。"));
            return Make(indicator, weight, null, 0, null, ScoreOutcome.NoActual);
        }
    }

    internal static decimal Round2(decimal value) => ScoreRounding.Round(value);

    private static ScoredIndicator Make(EvaluationIndicator indicator, decimal weight, decimal? actual, decimal score, bool? met,
        ScoreOutcome outcome, decimal? target = null, decimal? percent = null, QualitativeRating? rating = null, Tier? tier = null,
        bool negative = false)
    {
        score = Round2(Math.Clamp(score, 0m, weight));
        return new ScoredIndicator(indicator, actual, score, weight, met, outcome, target, percent, rating, tier, negative);
    }

    // ---- 比例 (rules 6–9) -------------------------------------------------------------------------------------------

    private static ScoredIndicator Proportional(EvaluationIndicator indicator, decimal w, LowerIsBetterRule rule, List<EvaluationFinding> findings)
    {
        var actual = ActualValues.Resolve(indicator, findings);
        if (actual is null)
        {
            return Make(indicator, w, null, 0, false, ScoreOutcome.NoActual);
        }

        if (!ActualValues.TargetBounds(indicator.Target, out var low, out var high))
        {
            findings.Add(new(Severity.Error, EvaluationCodes.NoNumericTarget, indicator.Path,
                $"“{indicator.Path}”按比例计分，但指标值“{indicator.Target?.Text ?? ""}”没有可比较的数值：请填写定量指标值或改用定性评分。"));
            return Make(indicator, w, actual, 0, null, ScoreOutcome.NoTarget);
        }

        return Compare(indicator, w, rule, actual.Value, low, high);
    }

    private static ScoredIndicator Compare(EvaluationIndicator indicator, decimal w, LowerIsBetterRule rule, decimal a, decimal low, decimal high)
    {
        // rule 9: a negative actual value counts as 0
        var negative = a < 0;
        if (negative)
        {
            a = 0;
        }

        switch (indicator.ScoringDirection)
        {
            case ScoringDirection.Down:
                return Lower(indicator, w, rule, a, high, negative);
            case ScoringDirection.Range:
                return a < low ? Higher(indicator, w, a, low, negative) : Lower(indicator, w, rule, a, high, negative);
            case ScoringDirection.Equal when low == 0:
                // rule 8: a target of 0 is met only by 0 (or less)
                return a <= 0
                    ? Make(indicator, w, a, w, true, ScoreOutcome.Met, low, negative: negative)
                    : Make(indicator, w, a, 0, false, ScoreOutcome.EqualZeroMissed, low, negative: negative);
            default:
                return Higher(indicator, w, a, low, negative);
        }
    }

    // 正向: full marks when a ≥ t, else round(a ÷ t × w, 2) (rule 6)
    private static ScoredIndicator Higher(EvaluationIndicator indicator, decimal w, decimal a, decimal t, bool negative) =>
        a >= t
            ? Make(indicator, w, a, w, true, ScoreOutcome.Met, t, negative: negative)
            : Make(indicator, w, a, ScoreRounding.Share(a, t, w), false, ScoreOutcome.Proportional, t, negative: negative);

    // 反向: full marks when a ≤ t; (1 − (a − t) ÷ t) × w below 2t and 0 from 2t on, or t ÷ a × w (rule 7)
    private static ScoredIndicator Lower(EvaluationIndicator indicator, decimal w, LowerIsBetterRule rule, decimal a, decimal t, bool negative)
    {
        if (a <= t)
        {
            return Make(indicator, w, a, w, true, ScoreOutcome.Met, t, negative: negative);
        }

        if (t <= 0)
        {
            return Make(indicator, w, a, 0, false, ScoreOutcome.DownZero, t, negative: negative);
        }

        if (rule == LowerIsBetterRule.Ratio)
        {
            return Make(indicator, w, a, ScoreRounding.Share(t, a, w), false, ScoreOutcome.DownRatio, t, negative: negative);
        }

        return a >= 2 * t
            ? Make(indicator, w, a, 0, false, ScoreOutcome.DownZero, t, negative: negative)
            : Make(indicator, w, a, ScoreRounding.Share(2 * t - a, t, w), false, ScoreOutcome.DownDeviation, t, negative: negative);
    }

    // ---- 档次 ------------------------------------------------------------------------------------------------------

    private static ScoredIndicator Tiered(EvaluationIndicator indicator, decimal w, List<EvaluationFinding> findings)
    {
        if (indicator.TiersDescending.Length == 0)
        {
            findings.Add(new(Severity.Error, EvaluationCodes.MissingInput, indicator.Path, $"“{indicator.Path}”按档次计分，但没有列出档次（tiers）。"));
            return Make(indicator, w, null, 0, null, ScoreOutcome.NoTiers);
        }

        var actual = ActualValues.Resolve(indicator, findings);
        if (actual is not { } a)
        {
            return Make(indicator, w, null, 0, false, ScoreOutcome.NoActual);
        }

        foreach (var tier in indicator.TiersDescending)
        {
            if (a >= tier.Min)
            {
                if (tier.Score > w || tier.Score < 0)
                {
                    findings.Add(new(Severity.Error, EvaluationCodes.ScoreOutsideBand, indicator.Path,
                        $"“{indicator.Path}”的档次“≥{Numbers.Format(tier.Min)}”给 {Numbers.Format(tier.Score)} 分，超出分值范围 0–{Numbers.Format(w)}，按 {Numbers.Format(Math.Clamp(tier.Score, 0, w))} 分计。"));
                }

                return Make(indicator, w, a, tier.Score, Math.Clamp(tier.Score, 0, w) >= w, ScoreOutcome.Tier, tier: tier);
            }
        }

        return Make(indicator, w, a, 0, false, ScoreOutcome.BelowTiers, indicator.TiersDescending[^1].Min);
    }

    // ---- 定性 (rule 10) ---------------------------------------------------------------------------------------------

    private static ScoredIndicator Qualitative(EvaluationIndicator indicator, decimal w, List<EvaluationFinding> findings)
    {
        var percent = indicator.Percent;
        var rating = indicator.Rating;
        if (percent is null && rating is null)
        {
            findings.Add(new(Severity.Error, EvaluationCodes.MissingInput, indicator.Path,
                $"“{indicator.Path}”是定性指标，但没有评价结论（达成 / 部分达成 / 未达成）和完成比例。"));
            return Make(indicator, w, null, 0, null, ScoreOutcome.NoRating);
        }

        if (percent is null)
        {
            // 达成 without a percent is full marks; a lower rating needs the evaluator's percent, the band's floor stands in
            percent = rating == QualitativeRating.Achieved ? 100m : rating!.Value.Band().Min;
            if (rating != QualitativeRating.Achieved)
            {
                findings.Add(new(Severity.Warning, EvaluationCodes.MissingInput, indicator.Path,
                    $"“{indicator.Path}”评为“{rating.Value.Chinese()}”但未填完成比例，按该档下限 {Numbers.Format(percent.Value)}% 计。"));
            }
        }

        var p = percent.Value;
        if (p < 0 || p > 100)
        {
            findings.Add(new(Severity.Error, EvaluationCodes.ScoreOutsideBand, indicator.Path,
                $"“{indicator.Path}”的完成比例 {Numbers.Format(p)}% 不在 0–100% 之间。"));
            p = Math.Clamp(p, 0, 100);
        }

        var band = (rating ?? EvaluationNames.RatingOf(p)).Band();
        if (rating is { } r && (p < band.Min || p >= band.Max && r != QualitativeRating.Achieved))
        {
            findings.Add(new(Severity.Warning, EvaluationCodes.ScoreOutsideBand, indicator.Path,
                $"“{indicator.Path}”评为“{r.Chinese()}”，完成比例应在 {Numbers.Format(band.Min)}%–{Numbers.Format(band.Max)}%{(r == QualitativeRating.Achieved ? "" : "（不含）")} 之间，填的是 {Numbers.Format(p)}%。"));
        }

        var finalRating = rating ?? EvaluationNames.RatingOf(p);
        return Make(indicator, w, null, ScoreRounding.Share(p, 100m, w), finalRating == QualitativeRating.Achieved, ScoreOutcome.Qualitative,
            percent: p, rating: finalRating);
    }

    // ---- 扣分 --------------------------------------------------------------------------------------------------------

    private static ScoredIndicator Deducted(EvaluationIndicator indicator, decimal w, List<EvaluationFinding> findings)
    {
        decimal deducted = 0;
        foreach (var deduction in indicator.Deductions ?? [])
        {
            if (deduction.Points < 0)
            {
                findings.Add(new(Severity.Error, EvaluationCodes.BadDeduction, indicator.Path,
                    $"“{indicator.Path}”的扣分 {Numbers.Format(deduction.Points)} 为负数，已忽略。"));
                continue;
            }

            deducted += deduction.Points;
            if (string.IsNullOrWhiteSpace(deduction.Reason))
            {
                findings.Add(new(Severity.Warning, EvaluationCodes.BadDeduction, indicator.Path,
                    $"“{indicator.Path}”扣 {Numbers.Format(deduction.Points)} 分，但没有写明扣分理由。"));
            }
        }

        return Make(indicator, w, null, w - deducted, deducted == 0, ScoreOutcome.Deduction);
    }

    // ---- 是否 --------------------------------------------------------------------------------------------------------

    private static ScoredIndicator Binary(EvaluationIndicator indicator, decimal w, LowerIsBetterRule rule, List<EvaluationFinding> findings)
    {
        bool met;
        decimal? actual = null;
        if (indicator.Actual is not null && ActualValues.TargetBounds(indicator.Target, out var low, out var high))
        {
            actual = ActualValues.Resolve(indicator, findings);
            if (actual is not { } a)
            {
                return Make(indicator, w, null, 0, false, ScoreOutcome.NoActual);
            }

            met = Compare(indicator, 100m, rule, a, low, high).Met == true;
        }
        else if (indicator.Rating is { } rating)
        {
            met = rating == QualitativeRating.Achieved;
        }
        else
        {
            findings.Add(new(Severity.Error, EvaluationCodes.MissingInput, indicator.Path,
                $"“{indicator.Path}”按是否达成计分，但既没有可比较的实际值和指标值，也没有写明“达成 / 未达成”。"));
            return Make(indicator, w, null, 0, null, ScoreOutcome.NoActual);
        }

        return Make(indicator, w, actual, met ? w : 0, met, met ? ScoreOutcome.BinaryMet : ScoreOutcome.BinaryMissed);
    }

    // ---- 人工 --------------------------------------------------------------------------------------------------------

    private static ScoredIndicator Manual(EvaluationIndicator indicator, decimal w, List<EvaluationFinding> findings)
    {
        if (indicator.Score is not { } score)
        {
            findings.Add(new(Severity.Error, EvaluationCodes.ManualScore, indicator.Path, $"“{indicator.Path}”为人工评分，但没有填写得分。"));
            return Make(indicator, w, null, 0, null, ScoreOutcome.NoManualScore);
        }

        if (string.IsNullOrWhiteSpace(indicator.Reason))
        {
            findings.Add(new(Severity.Warning, EvaluationCodes.ManualScore, indicator.Path, $"“{indicator.Path}”为人工评分，需写明评分理由。"));
        }

        if (score < 0 || score > w)
        {
            findings.Add(new(Severity.Error, EvaluationCodes.ScoreOutsideBand, indicator.Path,
                $"“{indicator.Path}”的人工得分 {Numbers.Format(score)} 超出分值范围 0–{Numbers.Format(w)}。"));
        }

        return Make(indicator, w, null, score, null, ScoreOutcome.Manual);
    }
}
