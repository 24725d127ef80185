using System.Globalization;
using Jixiao.Domain.Text;

namespace Jixiao.Import.Text;

/// <summary>Reads the amounts of a target table: "50,061.31", "１,９８９.７６", " 5.67 "; blank and "-" mean no amount.</summary>
public static class Amounts
{
    /// <summary>
    /// No amount of a target table reaches 10^12 (万元 or 元): beyond it a cell is not an amount. The bound keeps sums and
    /// the conversion to integer 分 (long) exact, where a decimal of 28 digits overflows.
    /// </summary>
    public const decimal Limit = 1_000_000_000_000m;

    /// <summary>False when the cell holds something that is not an amount; a blank cell is a null amount.</summary>
    public static bool TryParse(string? cell, out decimal? amount)
    {
        amount = null;
        if (cell is null)
        {
            return true;
        }

        var text = ChineseText.Normalize(cell).Trim();
        if (text.Length == 0 || text is "-" or "--" or "/" or "—" or "无")
        {
            return true;
        }

        Span<char> buffer = stackalloc char[Math.Min(text.Length, 64)];
        var length = 0;
        foreach (var c in text)
        {
            if (c is ',' or ' ')
            {
                continue;
            }

            if (length == buffer.Length)
            {
                return false;
            }

            buffer[length++] = c;
        }

        if (decimal.TryParse(buffer[..length], NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out var value) && Math.Abs(value) < Limit)
        {
            amount = value;
            return true;
        }

        return false;
    }

    /// <summary>True for a token that looks like a table amount: digits with optional thousands separators and decimals.</summary>
    public static bool IsAmountToken(ReadOnlySpan<char> token)
    {
        if (token.IsEmpty || !char.IsAsciiDigit(token[0]) && token[0] != '-')
        {
            return false;
        }

        var digits = 0;
        var dot = false;
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c == ',' && i > 0 && !dot)
            {
            }
            else if (c == '.' && !dot && i > 0)
            {
                dot = true;
            }
            else if (!(c == '-' && i == 0))
            {
                return false;
            }
        }

        return digits > 0;
    }

    public static string Format(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);
}
