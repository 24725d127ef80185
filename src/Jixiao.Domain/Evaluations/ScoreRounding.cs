namespace Jixiao.Domain.Evaluations;

/// <summary>
/// How a score is rounded wherever it is shown or summed: half up (四舍五入) to 2 decimals, from the score's exact
/// value, as 财政 scores a sheet by hand (85 ÷ 90 × 33.75 = 31.875 → 31.88). A line's score is rounded once, the total
/// is the sum of the rounded lines, and averages of totals are rounded the same way.
/// </summary>
public static class ScoreRounding
{
    /// <summary>Decimals a score keeps (分, to the 0.01).</summary>
    public const int Decimals = 2;

    /// <summary>Away from zero at the midpoint: 31.875 → 31.88, 0.005 → 0.01, −0.005 → −0.01.</summary>
    public const MidpointRounding Midpoint = MidpointRounding.AwayFromZero;

    public static decimal Round(decimal score) => decimal.Round(score, Decimals, Midpoint);

    public static decimal? Round(decimal? score) => score is { } s ? Round(s) : null;

    /// <summary>
    /// <paramref name="part"/> ÷ <paramref name="whole"/> × <paramref name="weight"/>, multiplied first: decimal keeps
    /// 28 digits, and dividing first turns an exact midpoint into 31.87499… (85 ÷ 90 = 0.9444…), which rounds down.
    /// </summary>
    public static decimal Share(decimal part, decimal whole, decimal weight)
    {
        try
        {
            return part * weight / whole;
        }
        catch (OverflowException)
        {
            // a product beyond decimal's range: the quotient first still fits, at the cost of the last digit
            return part / whole * weight;
        }
    }
}
