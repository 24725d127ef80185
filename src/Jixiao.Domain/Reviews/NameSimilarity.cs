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

    public static double Of(string a, string b) => Of(Bigrams(a), Bigrams(b));

    /// <summary>The sorted character bigrams of a name's <see cref="Core"/>, for comparing one name with many.</summary>
    public static uint[] Bigrams(string name)
    {
        var core = Core(name);
        if (core.Length < 2)
        {
            return core.Length == 1 ? [core[0]] : [];
        }

        var result = new uint[core.Length - 1];
        for (var i = 0; i + 1 < core.Length; i++)
        {
            result[i] = (uint)core[i] << 16 | core[i + 1];
        }

        Array.Sort(result);
        return result;
    }

    /// <summary>Dice coefficient of two sorted bigram multisets (1 when both are equal, including both empty).</summary>
    public static double Of(uint[] x, uint[] y)
    {
        if (x.AsSpan().SequenceEqual(y))
        {
            return 1;
        }

        if (x.Length == 0 || y.Length == 0)
        {
            return 0;
        }

        int i = 0, j = 0, common = 0;
        while (i < x.Length && j < y.Length)
        {
            if (x[i] == y[j])
            {
                common++;
                i++;
                j++;
            }
            else if (x[i] < y[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return 2.0 * common / (x.Length + y.Length);
    }
}
