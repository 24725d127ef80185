using System.Globalization;
using Jixiao.Domain.Projects;

namespace Jixiao.Reporting.Reports;

/// <summary>How numbers and indicator sentences are written in report prose ("93.07分", "91.4%", "3656.18万元").</summary>
public static class ReportText
{
    /// <summary>A score or weight: up to two decimals, no trailing zeros (5, 4.57, 8.5).</summary>
    public static string Points(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A percentage already multiplied by 100, to at most one decimal as reports print rates (91.4, 100).</summary>
    public static string Percent(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>An amount with its unit, two decimals at most (4000万元, 3656.18万元).</summary>
    public static string Money(decimal amount, MoneyUnit unit) =>
        Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture) + Jixiao.Domain.Projects.Money.UnitName(unit);

    public static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The sentence of one scored line, from the data only: "预算执行率为91.4%，指标值为100%，未达到指标值，得4.57分
    /// （分值5分），扣0.43分。评分依据：…。" followed by the deductions and the stated deviation reason.
    /// </summary>
    public static string IndicatorSentence(ReportIndicator item)
    {
        var parts = new List<string>();
        var name = item.DisplayName;
        if (!string.IsNullOrWhiteSpace(item.Actual))
        {
            var s = $"{name}为{item.Actual!.Trim()}";
            if (!string.IsNullOrWhiteSpace(item.Target))
            {
                s += $"，指标值为{item.Target!.Trim()}";
            }

            if (item.Met is { } met)
            {
                s += met ? "，达到指标值" : "，未达到指标值";
            }

            parts.Add(s);
        }
        else if (!string.IsNullOrWhiteSpace(item.Target))
        {
            parts.Add($"{name}的指标值为{item.Target!.Trim()}");
        }
        else
        {
            parts.Add(name);
        }

        if (item.Score is { } score)
        {
            var scored = $"得{Points(score)}分";
            if (item.Weight is { } w)
            {
                scored += $"（分值{Points(w)}分）";
            }

            if (item.Lost > 0)
            {
                scored += $"，扣{Points(item.Lost)}分";
            }

            parts.Add(scored);
        }
        else
        {
            parts.Add("本项不计分");
        }

        var sentence = string.Join("，", parts) + "。";
        if (!string.IsNullOrWhiteSpace(item.Explanation))
        {
            sentence += $"评分依据：{EndSentence(item.Explanation)}";
        }

        var reasons = item.Deductions.Where(d => !string.IsNullOrWhiteSpace(d.Reason)).ToList();
        if (reasons.Count > 0)
        {
            sentence += "扣分原因：" + string.Join("；", reasons.Select(d => $"{EndClause(d.Reason!)}（扣{Points(d.Points)}分）")) + "。";
        }

        if (!string.IsNullOrWhiteSpace(item.Reason))
        {
            sentence += $"{(item.Lost > 0 ? "偏差原因" : "说明")}：{EndSentence(item.Reason!)}";
        }

        return sentence;
    }

    /// <summary>Ends a clause with "。" unless it already ends with a sentence mark.</summary>
    public static string EndSentence(string text)
    {
        var t = text.Trim().TrimEnd('，', ',', '；', ';');
        return t.Length > 0 && "。！？.!?".Contains(t[^1], StringComparison.Ordinal) ? t : t + "。";
    }

    private static string EndClause(string text) => text.Trim().TrimEnd('。', '，', ',', '；', ';', '.');
}
