using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Jixiao.Import.Reading;

/// <summary>
/// Text as the recognisers compare it, never as it is shown: NFKC, traditional characters read as simplified
/// (OpenCC's character table, Data/t2s-chars.txt), a web copy's pinyin annotations removed ("指標(biāo)" → "指标"),
/// whitespace removed and punctuation of either width made one. What is shown and stored keeps the original.
/// </summary>
public static partial class ReadingText
{
    private static readonly Dictionary<char, char> Simplified = LoadSimplified();

    /// <summary>The comparison key of a text: "績效 指標(biāo)（萬元）" → "绩效指标(万元)".</summary>
    public static string Key(string text)
    {
        var cleaned = Display(text);
        var sb = new StringBuilder(cleaned.Length);
        foreach (var c in cleaned)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            sb.Append(c switch
            {
                _ when Simplified.TryGetValue(c, out var simple) => simple,
                '：' => ':',
                '，' => ',',
                '；' => ';',
                '（' => '(',
                '）' => ')',
                '【' => '[',
                '】' => ']',
                '〔' => '[',
                '〕' => ']',
                _ => c,
            });
        }

        return sb.ToString();
    }

    /// <summary>
    /// The text to show and store: NFKC (full-width digits and letters, compatibility ideographs), pinyin annotations and control characters removed, runs of whitespace made one space, trimmed.
    /// </summary>
    public static string Display(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var s = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        if (s.Contains('(', StringComparison.Ordinal))
        {
            s = Pinyin().Replace(s, "");
        }

        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c0 in s)
        {
            var c = c0;
            if (char.IsWhiteSpace(c) || c == '\u200B' || c == '\uFEFF')
            {
                space = sb.Length > 0;
                continue;
            }

            if (char.IsControl(c))
            {
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>The text with traditional characters read as simplified (for matching words in prose), nothing else changed.</summary>
    public static string Simplify(string text)
    {
        var chars = text.ToCharArray();
        var changed = false;
        for (var i = 0; i < chars.Length; i++)
        {
            if (Simplified.TryGetValue(chars[i], out var s))
            {
                chars[i] = s;
                changed = true;
            }
        }

        return changed ? new string(chars) : text;
    }

    /// <summary>The text with every whitespace removed (names in web copies break inside words: "指 标").</summary>
    public static string Squeeze(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    public static bool IsCjk(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>A number as printed, with thousands separators allowed: "8,827,620.53" → 8827620.53.</summary>
    public static decimal? Number(string text)
    {
        var t = text.Trim().Replace(",", "", StringComparison.Ordinal);
        if (t.Length == 0 || t.Length > 28)
        {
            return null;
        }

        return decimal.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    /// <summary>A percentage as printed: "10.77%" → 10.77; null when the text is not one.</summary>
    public static decimal? Percent(string text)
    {
        var t = text.Trim();
        return t.EndsWith('%') ? Number(t[..^1]) : null;
    }

    /// <summary>
    /// A dash "——" that OCR read as "一一" (or "一 ") after the name of a fund and before its part ("专项资金——重点领域
    /// 研发计划") made a dash again; elsewhere "一一" is a word ("一一对应") and stays.
    /// </summary>
    public static string MendDashes(string text) => text.Contains('一', StringComparison.Ordinal) ? DashAsOnes().Replace(text, "——") : text;

    [GeneratedRegex(@"(?<=资金|经费|项目|专项|计划)(?:一\s?一|一\s)(?=[\u4e00-\u9fff])(?!对应|列举|核实|落实|说明|检查|分析|比对)")]
    private static partial Regex DashAsOnes();

    // Pinyin that a web copy writes after a character: "(biāo)", "(jì)". Only syllables with a tone mark or all
    // lowercase letters of pinyin shape, so "(A)", "(B/A)" and "(50分)" stay.
    [GeneratedRegex(@"\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")]
    private static partial Regex Pinyin();

    private static Dictionary<char, char> LoadSimplified()
    {
        var map = new Dictionary<char, char>();
        using var stream = typeof(ReadingText).Assembly.GetManifestResourceStream("Jixiao.Import.Reading.Data.t2s-chars.txt")
            ?? throw new InvalidOperationException("Reading/Data/t2s-chars.txt is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 2 && line[0] != '#')
            {
                map[line[0]] = line[1];
            }
        }

        return map;
    }
}
