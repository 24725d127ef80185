using System.Text;

namespace Jixiao.Domain.Evaluations;

/// <summary>Writes the Chinese sentence that explains a line's score, e.g. "预算执行率 91.4%，未达目标 100%，按 91.4÷100×5 计，得 4.57 分".</summary>
internal static class ScoreExplanation
{
    public static string Explain(ScoredIndicator item)
    {
        var ind = item.Indicator;
        var name = string.IsNullOrEmpty(ind.Name) ? ind.Level2 : ind.Name;
        var unit = ActualValues.TargetUnit(ind.Target) ?? "";
        var w = ind.Weight ?? 100m;
        var text = new StringBuilder(name);
        if (item.Actual is { } actual)
        {
            text.Append(' ').Append(Numbers.Format(actual)).Append(unit);
        }

        text.Append('，');
        if (item.NegativeActual)
        {
            text.Append("实际值为负，按 0 计，");
        }

        string A() => Numbers.Format(item.Actual ?? 0);
        string T() => Numbers.Format(item.TargetValue ?? 0);
        string W() => Numbers.Format(w);
        var target = $"“{ind.Target?.Text ?? ""}”";
        // an unweighted line shows its completion, not the arithmetic of points
        var how = ind.Weight is null ? "" : null;
        switch (item.Outcome)
        {
            case ScoreOutcome.Met:
                text.Append($"达到指标值{target}，");
                break;
            case ScoreOutcome.Proportional:
                text.Append($"未达指标值{target}，" + (how ?? $"按 {A()}÷{T()}×{W()} 计，"));
                break;
            case ScoreOutcome.DownDeviation:
                text.Append($"未达指标值{target}，" + (how ?? $"按 (1−({A()}−{T()})÷{T()})×{W()} 计，"));
                break;
            case ScoreOutcome.DownRatio:
                text.Append($"未达指标值{target}，" + (how ?? $"按 {T()}÷{A()}×{W()} 计，"));
                break;
            case ScoreOutcome.DownZero:
                text.Append(item.TargetValue is > 0 ? $"达到指标值{target}的 2 倍及以上，" : $"指标值{target}为 0 而实际大于 0，");
                break;
            case ScoreOutcome.EqualZeroMissed:
                text.Append($"指标值{target}为 0 而实际大于 0，");
                break;
            case ScoreOutcome.Tier:
                text.Append($"落在“≥{Numbers.Format(item.Tier!.Min)}{unit}”档，");
                break;
            case ScoreOutcome.BelowTiers:
                text.Append($"低于最低档 {T()}{unit}，");
                break;
            case ScoreOutcome.Qualitative:
                text.Append($"评为“{item.Rating!.Value.Chinese()}”，完成比例 {Numbers.Format(item.Percent ?? 0)}%，");
                break;
            case ScoreOutcome.Deduction:
                AppendDeductions(text, ind);
                break;
            case ScoreOutcome.BinaryMet:
                text.Append("已达成，");
                break;
            case ScoreOutcome.BinaryMissed:
                text.Append("未达成，");
                break;
            case ScoreOutcome.Manual:
                text.Append(string.IsNullOrWhiteSpace(ind.Reason) ? "人工评分，" : $"人工评分（{ind.Reason!.Trim().TrimEnd('。')}），");
                break;
            case ScoreOutcome.NoManualScore:
                text.Append("人工评分未填写得分，");
                break;
            case ScoreOutcome.NoActual:
                text.Append("缺少可用的实际完成值，");
                break;
            case ScoreOutcome.NoTarget:
                text.Append($"指标值{target}没有可比较的数值，");
                break;
            case ScoreOutcome.NoTiers:
                text.Append("未列出计分档次，");
                break;
            case ScoreOutcome.NoRating:
                text.Append("缺少评价结论，");
                break;
        }

        if (item.Score is { } score)
        {
            text.Append($"得 {Numbers.Format(score)} 分");
        }
        else
        {
            text.Append($"完成程度 {Numbers.Format(item.Completion)}%（未设分值，不计分）");
        }

        return text.ToString();
    }

    private static void AppendDeductions(StringBuilder text, EvaluationIndicator ind)
    {
        var any = false;
        foreach (var deduction in ind.Deductions ?? [])
        {
            if (deduction.Points < 0)
            {
                continue;
            }

            text.Append(any ? "、" : "").Append($"扣 {Numbers.Format(deduction.Points)} 分");
            if (!string.IsNullOrWhiteSpace(deduction.Reason))
            {
                text.Append($"（{deduction.Reason.Trim().TrimEnd('。')}）");
            }

            any = true;
        }

        text.Append(any ? "，" : "无扣分，");
    }
}
