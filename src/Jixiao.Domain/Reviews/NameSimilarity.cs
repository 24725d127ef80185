using System.Text;
using Jixiao.Domain.Text;

namespace Jixiao.Domain.Reviews;

/// <summary>
/// How alike two project names are, 0–1: the Dice coefficient of their character bigrams after removing what does not
/// name the work (document numbers "穗财政【2022】122号", years, "区安排", "清算", "(上年结转)"). Deterministic and
/// cheap, good enough to tell "the same fund in another year" from "a different project".
/// </summary>
public static class NameSimilarity
{
    private static readonly string[] Noise = ["区安排", "清算", "上年结转", "第一批", "第二批", "第三批", "年度", "年"];

    public static string Core(string name)
    {
        var s = ChineseText.Normalize(name ?? "");

        // drop a document reference: everything up to the 号 that follows a bracketed year
        var open = s.IndexOfAny(['【', '[', '〔', '(']);
        if (open >= 0)
        {
            var hao = s.IndexOf('号', open);
            if (hao > open && hao - open <= 14)
            {
                s = s[(hao + 1)..];
            }
        }

        var builder = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (ChineseText.IsHan(c))
            {
                builder.Append(c);
            }
        }

        var core = builder.ToString();
        foreach (var noise in Noise)
        {
            core = core.Replace(noise, "", StringComparison.Ordinal);
        }

        return core;
    }

    public static double Of(string a, string b)
    {
        var x = Core(a);
        var y = Core(b);
        if (x == y)
        {
            return 1;
        }

        if (x.Length < 2 || y.Length < 2)
        {
            return 0;
        }

        var bigrams = new Dictionary<(char, char), int>();
        for (var i = 0; i + 1 < x.Length; i++)
        {
            var key = (x[i], x[i + 1]);
            bigrams[key] = bigrams.GetValueOrDefault(key) + 1;
        }

        var common = 0;
        for (var i = 0; i + 1 < y.Length; i++)
        {
            var key = (y[i], y[i + 1]);
            if (bigrams.TryGetValue(key, out var n) && n > 0)
            {
                bigrams[key] = n - 1;
                common++;
            }
        }

        return 2.0 * common / (x.Length - 1 + y.Length - 1);
    }
}
