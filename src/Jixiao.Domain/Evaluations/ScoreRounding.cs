namespace Jixiao.Domain.Evaluations;

/// <summary>How scores are rounded: to <see cref="Decimals"/> places, midpoints by <see cref="Midpoint"/>.</summary>
public sealed record RoundingRule
{
    public RoundingRule(int decimals, MidpointRounding midpoint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, MaxDecimals);
        if (midpoint is not (MidpointRounding.AwayFromZero or MidpointRounding.ToEven))
        {
            throw new ArgumentOutOfRangeException(nameof(midpoint), midpoint, "Scores round half up or half to even.");
        }

        Decimals = decimals;
        Midpoint = midpoint;
    }

    /// <summary>At most to the 0.01: scores are shown with "0.##" everywhere.</summary>
    public const int MaxDecimals = 2;

    /// <summary>四舍五入 to 0.01, as 财政 scores a sheet by hand (85 ÷ 90 × 33.75 = 31.875 → 31.88): the default.</summary>
    public static RoundingRule HalfUp { get; } = new(2, MidpointRounding.AwayFromZero);

    public int Decimals { get; }

    public MidpointRounding Midpoint { get; }

    /// <summary>
    /// The rule named by configuration: <paramref name="midpoint"/> "half-up" (四舍五入, the default) or "half-even"
    /// (银行家舍入: 31.865 → 31.86), <paramref name="decimals"/> 0–2 (default 2); null (and why, in Chinese) otherwise.
    /// </summary>
    public static RoundingRule? Parse(string? midpoint, string? decimals, out string? error)
    {
        error = null;
        var mode = (midpoint?.Trim().ToUpperInvariant()) switch
        {
            null or "" or "HALF-UP" or "四舍五入" => MidpointRounding.AwayFromZero,
            "HALF-EVEN" or "银行家舍入" => MidpointRounding.ToEven,
            _ => (MidpointRounding?)null,
        };
        if (mode is null)
        {
            error = $"舍入方式“{midpoint}”无效：应为 half-up（四舍五入）或 half-even（银行家舍入）。";
            return null;
        }

        var places = HalfUp.Decimals;
        if (decimals is { Length: > 0 } && (!int.TryParse(decimals, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out places) || places > MaxDecimals))
        {
            error = $"得分保留的小数位数“{decimals}”无效：应为 0 到 {MaxDecimals} 的整数。";
            return null;
        }

        return new RoundingRule(places, mode.Value);
    }

    public string Describe() =>
        $"{(Midpoint == MidpointRounding.AwayFromZero ? "四舍五入" : "银行家舍入")}，保留 {Decimals} 位小数";
}

/// <summary>
/// How a score is rounded wherever it is shown or summed, from the score's exact value, by the one rule in force
/// (<see cref="Rule"/>): by default half up (四舍五入) to 2 decimals, as 财政 scores a sheet by hand (85 ÷ 90 × 33.75 =
/// 31.875 → 31.88). A line's score is rounded once, the total is the sum of the rounded lines, and averages of totals
/// are rounded the same way. A district that rounds otherwise sets the rule once at start-up (the web app from
/// Jixiao:Scoring:Rounding and :Decimals, docs/evaluations.md).
/// </summary>
public static class ScoreRounding
{
    private static RoundingRule rule = RoundingRule.HalfUp;

    /// <summary>The rule in force for the process (set once at start-up by <see cref="Configure"/>).</summary>
    public static RoundingRule Rule => Volatile.Read(ref rule);

    /// <summary>Decimals a score keeps (分, to the 0.01 by default).</summary>
    public static int Decimals => Rule.Decimals;

    /// <summary>Away from zero at the midpoint by default: 31.875 → 31.88, 0.005 → 0.01, −0.005 → −0.01.</summary>
    public static MidpointRounding Midpoint => Rule.Midpoint;

    /// <summary>Sets the rule for the whole process; meant for start-up, before anything is scored.</summary>
    public static void Configure(RoundingRule value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Volatile.Write(ref rule, value);
    }

    public static decimal Round(decimal score) => Round(score, Rule);

    public static decimal Round(decimal score, RoundingRule by)
    {
        ArgumentNullException.ThrowIfNull(by);
        return decimal.Round(score, by.Decimals, by.Midpoint);
    }

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
