using System.Globalization;

namespace Jixiao.Domain.Evaluations;

/// <summary>How numbers appear in explanations and findings: at most 2 decimals, no trailing zeros ("4.57", "5", "8.5").</summary>
internal static class Numbers
{
    // Formats into a stack buffer and trims zeros by hand: custom format strings ("0.##") cost several times more,
    // and explanations are written for every line a page or report shows.
    public static string Format(decimal value)
    {
        var rounded = ScoreRounding.Round(value);
        Span<char> buffer = stackalloc char[64];
        if (!rounded.TryFormat(buffer, out var length, default, CultureInfo.InvariantCulture))
        {
            return rounded.ToString(CultureInfo.InvariantCulture);
        }

        if (buffer[..length].Contains('.'))
        {
            while (buffer[length - 1] == '0')
            {
                length--;
            }

            if (buffer[length - 1] == '.')
            {
                length--;
            }
        }

        return new string(buffer[..length]);
    }

    /// <summary>With exactly <paramref name="decimals"/> decimals ("98.0"), to set a computed value beside a stated one.</summary>
    public static string Format(decimal value, int decimals) =>
        decimal.Round(value, decimals, ScoreRounding.Midpoint).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>The value without trailing zeros (91.40 → 91.4), for JSON output.</summary>
    public static decimal Trim(decimal value) => value / 1.000000000000000000000000000000000m;
}
