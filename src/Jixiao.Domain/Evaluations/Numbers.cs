using System.Globalization;

namespace Jixiao.Domain.Evaluations;

/// <summary>How numbers appear in explanations and findings: at most 2 decimals, no trailing zeros ("4.57", "5", "8.5").</summary>
internal static class Numbers
{
    public static string Format(decimal value) =>
        decimal.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>With exactly <paramref name="decimals"/> decimals ("98.0"), to set a computed value beside a stated one.</summary>
    public static string Format(decimal value, int decimals) =>
        decimal.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>The value without trailing zeros (91.40 → 91.4), for JSON output.</summary>
    public static decimal Trim(decimal value) => value / 1.000000000000000000000000000000000m;
}
