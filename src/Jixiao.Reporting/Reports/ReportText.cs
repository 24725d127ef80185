using System.Globalization;
using Jixiao.Domain.Projects;

namespace Jixiao.Reporting.Reports;

/// <summary>How numbers and indicator sentences are written in report prose ("93.07分", "91.4%", "3656.18万元").</summary>
public static class ReportText
{
    /// <summary>A score or weight: up to two decimals, no trailing zeros (5, 4.57, 8.5).</summary>
    public static string Points(decimal value) => Jixiao.Domain.Evaluations.ScoreRounding.Round(value).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A percentage already multiplied by 100, to at most one decimal as reports print rates (91.4, 100).</summary>
    public static string Percent(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>An amount with its unit, two decimals at most (4000万元, 3656.18万元).</summary>
    public static string Money(decimal amount, MoneyUnit unit) =>
        Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture) + Jixiao.Domain.Projects.Money.UnitName(unit);

    public static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The sentence of one scored line, from the data only. A line with an actual value states it against the target
    /// and, for computed methods, how the score was computed: "预算执行率为91.4%，指标值为100%，未达到指标值，得4.57分
    /// （分值5分），扣0.43分。评分依据：预算执行率91.4%，未达指标值100%，按91.4÷100×5计，得4.57分。" A line scored by
    /// the evaluator (扣分, 人工) states the evidence and then the score, as the seed reports do:
    /// "…立项依据充分、程序规范。该项指标得5分（分值5分）。"
    /// </summary>
    public static string IndicatorSentence(ReportIndicator item)
    {
        var name = item.DisplayName;
        var judged = item.IsJudged;
        var hasTarget = !string.IsNullOrWhiteSpace(item.Target);
        var scored = item.Score is { } score
            ? $"得{Points(score)}分{(item.Weight is { } w ? $"（分值{Points(w)}分）" : "")}{(item.Lost > 0 ? $"，扣{Points(item.Lost)}分" : "")}"
            : "本项不计分";
        var reasons = item.Deductions.Where(d => !string.IsNullOrWhiteSpace(d.Reason)).ToList();
        var sentence = "";
        if (!string.IsNullOrWhiteSpace(item.Actual))
        {
            sentence = $"{name}为{item.Actual!.Trim()}";
            if (hasTarget)
            {
                sentence += $"，指标值为{item.Target!.Trim()}";
                if (item.Met is { } met)
                {
                    sentence += met ? "，达到指标值" : "，未达到指标值";
                }
            }

            sentence += "，" + scored + "。";
            if (!judged && !string.IsNullOrWhiteSpace(item.Explanation))
            {
                sentence += $"评分依据：{EndSentence(item.Explanation)}";
            }
        }
        else
        {
            if (!judged && !string.IsNullOrWhiteSpace(item.Explanation))
            {
                sentence += EndSentence(item.Explanation);
            }

            sentence += hasTarget ? $"{name}的指标值为{item.Target!.Trim()}，该项指标{scored}。" : $"该项指标{scored}。";
        }

        if (reasons.Count > 0)
        {
            sentence += "扣分原因：" + string.Join("；", reasons.Select(d => $"{EndClause(d.Reason!)}（扣{Points(d.Points)}分）")) + "。";
        }
        else if (judged && item.Lost > 0 && string.IsNullOrWhiteSpace(item.Reason))
        {
            sentence += "评价未写明扣分理由。";
        }

        if (!string.IsNullOrWhiteSpace(item.Reason))
        {
            var label = item.Lost > 0 ? "偏差原因：" : judged && string.IsNullOrWhiteSpace(item.Actual) ? "" : "说明：";
            sentence = label.Length == 0 ? EndSentence(item.Reason!) + sentence : sentence + label + EndSentence(item.Reason!);
        }

        return sentence;
    }

    /// <summary>
    /// Removes the spaces the scorer puts between Chinese text and numbers ("预算执行率 91.4%，得 4.57 分" →
    /// "预算执行率91.4%，得4.57分"), as Chinese typesetting has none; spaces between two Latin words or numbers stay.
    /// </summary>
    public static string Tighten(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ' && i > 0 && i < text.Length - 1 && (IsWide(text[i - 1]) || IsWide(text[i + 1])))
            {
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static bool IsWide(char c) => c >= '\u2E80' || c is '（' or '）' or '，' or '。' or '：' or '；';

    /// <summary>Ends a clause with "。" unless it already ends with a sentence mark.</summary>
    public static string EndSentence(string text)
    {
        var t = text.Trim().TrimEnd('，', ',', '；', ';');
        return t.Length > 0 && "。！？.!?".Contains(t[^1], StringComparison.Ordinal) ? t : t + "。";
    }

    private static string EndClause(string text) => text.Trim().TrimEnd('。', '，', ',', '；', ';', '.');
}
