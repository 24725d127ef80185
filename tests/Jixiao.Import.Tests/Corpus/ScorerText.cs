using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Jixiao.Import.Tests.Corpus;

/// <summary>
/// The corpus scorer's text comparison (`norm` and `level` of /work/shared/corpus/score), ported character for
/// character: NFKC, its punctuation map, its traditional → simplified table (scorer-t2s.txt), every whitespace
/// removed, trailing ";,." cut. <c>ReadingText.Key</c> is not used: it also drops pinyin annotations, maps
/// other punctuation and leaves 、。“” alone, so it would judge some texts differently from the scorer.
/// </summary>
internal static partial class ScorerText
{
    private static readonly Dictionary<char, string> Punctuation = new()
    {
        ['“'] = "\"", ['”'] = "\"", ['‘'] = "'", ['’'] = "'", ['、'] = ",", ['。'] = ".", ['；'] = ";",
        ['﹦'] = "=", ['＝'] = "=", ['【'] = "[", ['】'] = "]", ['《'] = "<", ['》'] = ">", ['～'] = "~",
    };

    private static readonly Dictionary<char, string> Simplified = LoadSimplified();

    /// <summary>The scorer's <c>norm</c>; null stays null.</summary>
    public static string? Norm(string? s)
    {
        if (s is null)
        {
            return null;
        }

        var nfkc = s.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(nfkc.Length);
        foreach (var c in nfkc)
        {
            if (IsPythonSpace(c))
            {
                continue;
            }

            // Python's str.translate applies one table after the other: punctuation first, then the characters.
            var p = Punctuation.TryGetValue(c, out var mapped) ? mapped : c.ToString();
            foreach (var d in p)
            {
                sb.Append(Simplified.TryGetValue(d, out var simple) ? simple : d.ToString());
            }
        }

        return sb.ToString().TrimEnd(';', ',', '.');
    }

    /// <summary>The scorer's <c>level</c>: "1-产出指标", "产出指标" and "产出" are one.</summary>
    public static string? Level(string? s)
    {
        var n = Norm(s);
        if (n is null)
        {
            return null;
        }

        n = LeadingNumber().Replace(n, "", 1);
        return n.EndsWith("指标", StringComparison.Ordinal) ? n[..^2] : n;
    }

    /// <summary>Python's len(): code points, not UTF-16 units.</summary>
    public static int Length(string s) => s.EnumerateRunes().Count();

    /// <summary>Python's s[:n] over code points.</summary>
    public static string Prefix(string? s, int n) => string.Concat((s ?? "").EnumerateRunes().Take(n).Select(r => r.ToString()));

    /// <summary>Python's str.isspace(): .NET's white space plus the four information separators U+001C–U+001F.</summary>
    private static bool IsPythonSpace(char c) => char.IsWhiteSpace(c) || c is >= '\u001C' and <= '\u001F';

    /// <summary>Python's float() of a number as text (thousands commas removed first by the caller's rule).</summary>
    public static double? Float(string s) =>
        double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static Dictionary<char, string> LoadSimplified()
    {
        var map = new Dictionary<char, string>();
        foreach (var line in File.ReadLines(Path.Combine(CorpusFiles.Folder, "scorer-t2s.txt"), Encoding.UTF8))
        {
            if (line.Length >= 2 && !line.StartsWith('#'))
            {
                map[line[0]] = line[1..];
            }
        }

        return map;
    }

    [GeneratedRegex(@"^\d+[-.、]?")]
    private static partial Regex LeadingNumber();
}
