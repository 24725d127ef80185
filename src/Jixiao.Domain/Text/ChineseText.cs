using System.Text;

namespace Jixiao.Domain.Text;

/// <summary>Text normalisation shared by every parser: full-width forms to half-width, odd spaces to a plain space.</summary>
public static class ChineseText
{
    /// <summary>
    /// Maps full-width ASCII (Ｕ+FF01–FF5E: "０-９", "％", "，", "；", "：", "（") to half-width, the ideographic space
    /// and other Unicode spaces to ' ', and a few look-alike symbols (≧ ≦ ＜ ＞ ＝ ～ －) to their usual form.
    /// Chinese punctuation without an ASCII twin (、。“”) is kept. Returns the input itself when nothing changes.
    /// </summary>
    public static string Normalize(string text)
    {
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length && !NeedsMapping(span[i]))
        {
            i++;
        }

        if (i == span.Length)
        {
            return text;
        }

        return string.Create(text.Length, text, static (dest, source) =>
        {
            for (var j = 0; j < source.Length; j++)
            {
                dest[j] = Map(source[j]);
            }
        });
    }

    private static bool NeedsMapping(char c) => c >= '\u00A0' && Map(c) != c;

    public static char Map(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' or '\u200B' or '\u202F' => ' ',
        '\u2267' => '≥',
        '\u2266' => '≤',
        '\u2212' or '\u2013' or '\u2014' or '\u2015' or '\u2010' => '-',
        '\u301C' => '~',
        '\u2236' => ':',
        _ => c,
    };

    /// <summary>True for CJK unified ideographs (the characters of Chinese words).</summary>
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    public static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in Normalize(text))
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
