using System.Globalization;
using System.Text;

namespace Jixiao.Import.Reading.Formats;

/// <summary>
/// A cell's number as Excel prints it, from the cell's number format: "0%" gives 95% for 0.95, "#,##0.00" gives
/// 1,234.50, General gives 12 (not 12.0). Covers what budget sheets use (decimals, thousands, percent, literal text and
/// currency signs, a negative section, dates); anything more exotic falls back to the shortest exact decimal.
/// </summary>
internal static class ExcelNumberText
{
    public static string Format(object? value, string? format) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "TRUE" : "FALSE",
        double d => Number(d, format),
        int i => Number(i, format),
        DateTime dt => Date(dt, format),
        TimeSpan ts => ts.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static string General(double value) =>
        Math.Abs(value) >= 1e15 ? value.ToString("R", CultureInfo.InvariantCulture) : value.ToString("0.##########", CultureInfo.InvariantCulture);

    private static string Date(DateTime value, string? format)
    {
        var text = value.TimeOfDay == TimeSpan.Zero ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return format is not null && format.Contains('年', StringComparison.Ordinal)
            ? format.Contains('日', StringComparison.Ordinal) ? $"{value.Year}年{value.Month}月{value.Day}日" : $"{value.Year}年{value.Month}月"
            : text;
    }

    private static string Number(double value, string? format)
    {
        if (string.IsNullOrWhiteSpace(format) || format.Equals("General", StringComparison.OrdinalIgnoreCase) || format == "@" || double.IsNaN(value) || double.IsInfinity(value))
        {
            return General(value);
        }

        var sections = SplitSections(format);
        var section = sections[0];
        var negativeSection = false;
        if (value < 0 && sections.Count > 1)
        {
            section = sections[1];
            negativeSection = true;
        }
        else if (value == 0 && sections.Count > 2)
        {
            section = sections[2];
        }

        return Section(negativeSection ? -value : value, section) ?? General(value);
    }

    /// <summary>One section of a format; null when it is beyond what this reads (then the General text is used).</summary>
    private static string? Section(double value, string section)
    {
        var prefix = new StringBuilder();
        var suffix = new StringBuilder();
        int integerZeros = 0, fixedDecimals = 0, optionalDecimals = 0, percents = 0;
        bool inNumber = false, afterNumber = false, decimals = false, thousands = false, any = false;
        for (var i = 0; i < section.Length; i++)
        {
            var c = section[i];
            var literal = (StringBuilder)(any ? suffix : prefix);
            switch (c)
            {
                case '"':
                {
                    var end = section.IndexOf('"', i + 1);
                    end = end < 0 ? section.Length : end;
                    literal.Append(section, i + 1, end - i - 1);
                    i = end;
                    continue;
                }

                case '\\' when i + 1 < section.Length:
                    literal.Append(section[++i]);
                    continue;
                case '_' or '*' when i + 1 < section.Length:
                    // _x pads with the width of x, *x repeats x to fill the cell: neither prints a character of its own.
                    i++;
                    continue;
                case '[':
                {
                    var end = section.IndexOf(']', i);
                    end = end < 0 ? section.Length - 1 : end;
                    var tag = section[(i + 1)..end];
                    // [$¥-804] is a currency sign with a locale; [Red], [>100] and [$-804] print nothing.
                    if (tag.StartsWith('$'))
                    {
                        var sign = tag[1..].Split('-')[0];
                        literal.Append(sign);
                    }

                    i = end;
                    continue;
                }

                case '%':
                    percents++;
                    suffix.Append('%');
                    any = true;
                    continue;
                case 'E' or 'e' when any:
                    return null;
                case '/' when any:
                    return null;
                case '0' or '#' or '?':
                    if (afterNumber)
                    {
                        return null;
                    }

                    inNumber = true;
                    any = true;
                    if (decimals)
                    {
                        if (c == '0')
                        {
                            fixedDecimals += 1 + optionalDecimals;
                            optionalDecimals = 0;
                        }
                        else
                        {
                            optionalDecimals++;
                        }
                    }
                    else if (c == '0')
                    {
                        integerZeros++;
                    }

                    continue;
                case '.' when inNumber || i + 1 < section.Length && section[i + 1] is '0' or '#':
                    decimals = true;
                    inNumber = true;
                    any = true;
                    continue;
                case ',' when inNumber && i + 1 < section.Length && section[i + 1] is '0' or '#':
                    thousands = true;
                    continue;
                case ',' when inNumber:
                    // A trailing comma divides by 1,000 ("#,##0," for 千元); rare in budget sheets.
                    return null;
                case 'y' or 'm' or 'd' or 'h' or 's' when !any:
                    return null;
                default:
                    if (inNumber)
                    {
                        afterNumber = true;
                        inNumber = false;
                    }

                    literal.Append(c);
                    continue;
            }
        }

        if (!any)
        {
            // A section of text only ("-" for zero, or a label): Excel prints the text.
            return prefix.ToString();
        }

        var scaled = value * Math.Pow(100, percents);
        var pattern = new StringBuilder(thousands ? "#,##" : "");
        pattern.Append('0', Math.Max(1, integerZeros));
        if (fixedDecimals + optionalDecimals > 0)
        {
            pattern.Append('.').Append('0', fixedDecimals).Append('#', optionalDecimals);
        }

        var number = scaled.ToString(pattern.ToString(), CultureInfo.InvariantCulture);
        return prefix + number + suffix;
    }

    private static List<string> SplitSections(string format)
    {
        var sections = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '"')
            {
                quoted = !quoted;
            }
            else if (format[i] == '\\')
            {
                i++;
            }
            else if (format[i] == ';' && !quoted)
            {
                sections.Add(format[start..i]);
                start = i + 1;
            }
        }

        sections.Add(format[start..]);
        return sections;
    }
}
