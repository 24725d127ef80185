using System.Globalization;
using Jixiao.Domain.Text;

namespace Jixiao.Domain.Reviews;

/// <summary>
/// A calculation a goal text states and that can be redone: a unit price (每月500元, 628元/月/点, 每人3000元) times a
/// count (3454个网格, 1000个监控点, 17人) times a number of months when the price is monthly (全年 = 12, 4年 = 48),
/// and the total the text gives for it (全年共1474.8万元, 合同总金额3014.4万元), if any.
/// </summary>
/// <param name="Computed">price × count × months, in 元.</param>
/// <param name="Stated">The total the text states, in 元; null when it states none.</param>
/// <param name="Formula">How it was computed, for the message: "3454 × 500元 × 12个月".</param>
/// <param name="Quote">The part of the text the numbers come from.</param>
public sealed record GoalCalculation(decimal Computed, decimal? Stated, string Formula, string Quote)
{
    /// <summary>
    /// Finds the calculation in a goal text, or null when the text has no price, no count, several different counts, or a
    /// monthly price without a period: the rule only speaks when the arithmetic is unambiguous.
    /// </summary>
    public static GoalCalculation? Find(string? goal)
    {
        if (string.IsNullOrEmpty(goal))
        {
            return null;
        }

        // PDF extraction wraps lines inside words and numbers ("1474.8万\n元")
        var text = ChineseText.Normalize(goal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
        var tokens = Tokenize(text);
        Token? price = null;
        foreach (var t in tokens)
        {
            if (t.Kind == TokenKind.Money && (t.Per.Length > 0 || Before(text, t.Start, 10).Contains('每', StringComparison.Ordinal)))
            {
                price = t;
                break;
            }
        }

        if (price is not { } p)
        {
            return null;
        }

        var per = p.Per.Length > 0 ? p.Per : PerFromWords(Before(text, p.Start, 10));
        Token? stated = null;
        foreach (var t in tokens)
        {
            if (t.Kind == TokenKind.Money && t.Start != p.Start && t.Per.Length == 0 && IsTotalWord(Before(text, t.Start, 8)))
            {
                stated = t;
            }
        }

        var counts = tokens.Where(t => t.Kind == TokenKind.Count).Select(t => t.Value).Distinct().ToList();
        if (counts.Count != 1)
        {
            return null;
        }

        var months = 1m;
        var monthly = per.Contains('月', StringComparison.Ordinal);
        if (monthly)
        {
            var explicitMonths = tokens.Where(t => t.Kind == TokenKind.Months).Select(t => t.Value).Distinct().ToList();
            var years = tokens.Where(t => t.Kind == TokenKind.Years).Select(t => t.Value).Distinct().ToList();
            if (explicitMonths.Count == 1)
            {
                months = explicitMonths[0];
            }
            else if (explicitMonths.Count == 0 && years.Count == 1)
            {
                months = years[0] * 12;
            }
            else if (explicitMonths.Count == 0 && years.Count == 0 && (text.Contains("全年", StringComparison.Ordinal) || text.Contains("每年", StringComparison.Ordinal) || text.Contains("年度", StringComparison.Ordinal)))
            {
                months = 12;
            }
            else
            {
                return null;
            }
        }

        var computed = p.Value * counts[0] * months;
        var formula = $"{Format(counts[0])} × {Format(p.Value)}元{(monthly ? $" × {Format(months)}个月" : "")}";
        var quoteStart = Math.Min(p.Start, tokens.First(t => t.Kind == TokenKind.Count).Start);
        var quoteEnd = Math.Max(stated?.End ?? p.End, p.End);
        quoteStart = ClauseStart(text, quoteStart);
        var quote = text[quoteStart..Math.Min(text.Length, quoteEnd)].Trim();
        return new GoalCalculation(computed, stated?.Value, formula, quote);
    }

    /// <summary>Yuan as the tables write money: "2072.4万元" from 10,000 元 up, "5000元" below.</summary>
    public static string Show(decimal yuan) =>
        Math.Abs(yuan) >= 10_000m ? $"{Format(yuan / 10_000m)}万元" : $"{Format(yuan)}元";

    private static string Format(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private enum TokenKind
    {
        Money,
        Count,
        Months,
        Years,
        Other,
    }

    private readonly record struct Token(TokenKind Kind, decimal Value, int Start, int End, string Per);

    private static readonly string[] CountUnits = ["人次", "网格", "个", "人", "名", "支", "台", "套", "辆", "点", "户", "所", "间", "部", "路"];

    private static List<Token> Tokenize(string s)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < s.Length)
        {
            if (!char.IsAsciiDigit(s[i]) || i > 0 && (char.IsAsciiLetter(s[i - 1]) || s[i - 1] == '.'))
            {
                i++;
                continue;
            }

            var start = i;
            var digits = new System.Text.StringBuilder();
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == ',' && i + 3 < s.Length && char.IsAsciiDigit(s[i + 1]) && char.IsAsciiDigit(s[i + 3])
                   || s[i] == '.' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1])))
            {
                if (s[i] != ',')
                {
                    digits.Append(s[i]);
                }

                i++;
            }

            if (!decimal.TryParse(digits.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            var j = i;
            while (j < s.Length && s[j] == ' ')
            {
                j++;
            }

            tokens.Add(Classify(s, start, j, value, out var end));
            i = Math.Max(end, i);
        }

        return tokens;
    }

    private static Token Classify(string s, int start, int unitAt, decimal value, out int end)
    {
        end = unitAt;
        bool At(string word) => string.CompareOrdinal(s, unitAt, word, 0, word.Length) == 0 && unitAt + word.Length <= s.Length;

        if (At("万元") || At("元") || At("亿元"))
        {
            var factor = At("万元") ? 10_000m : At("亿元") ? 100_000_000m : 1m;
            end = unitAt + (At("元") ? 1 : 2);
            var per = new System.Text.StringBuilder();
            while (end + 1 < s.Length && s[end] == '/')
            {
                var k = end + 1;
                while (k < s.Length && s[k] != '/' && (ChineseText.IsHan(s[k]) || char.IsAsciiLetterOrDigit(s[k])))
                {
                    k++;
                }

                per.Append(s, end + 1, k - end - 1).Append('/');
                end = k;
            }

            return new Token(TokenKind.Money, value * factor, start, end, per.ToString());
        }

        if (At("个月"))
        {
            end = unitAt + 2;
            return new Token(TokenKind.Months, value, start, end, "");
        }

        // a month of a date ("2020年4月22日") is not a number of months
        if (At("月") && !(unitAt + 1 < s.Length && char.IsAsciiDigit(s[unitAt + 1])) && !(start > 0 && s[start - 1] == '年'))
        {
            end = unitAt + 1;
            return new Token(TokenKind.Months, value, start, end, "");
        }

        if (At("年"))
        {
            end = unitAt + 1;
            return new Token(value is > 0 and <= 10 ? TokenKind.Years : TokenKind.Other, value, start, end, "");
        }

        foreach (var unit in CountUnits)
        {
            if (At(unit))
            {
                end = unitAt + unit.Length;
                return new Token(value >= 1 && decimal.Truncate(value) == value ? TokenKind.Count : TokenKind.Other, value, start, end, "");
            }
        }

        return new Token(TokenKind.Other, value, start, end, "");
    }

    private static string Before(string s, int index, int length)
    {
        var from = Math.Max(0, index - length);
        var clause = from;
        for (var k = index - 1; k >= from; k--)
        {
            if (s[k] is '，' or ',' or '。' or '；' or ';' or '(' or ')' or '（' or '）')
            {
                clause = k + 1;
                break;
            }
        }

        return s[clause..index];
    }

    private static string PerFromWords(string before)
    {
        var at = before.IndexOf('每', StringComparison.Ordinal);
        return at < 0 ? "" : before[(at + 1)..];
    }

    private static bool IsTotalWord(string before) =>
        before.Contains('共', StringComparison.Ordinal) || before.Contains("合计", StringComparison.Ordinal)
        || before.Contains("总计", StringComparison.Ordinal) || before.Contains("总额", StringComparison.Ordinal)
        || before.Contains("总金额", StringComparison.Ordinal) || before.Contains("总价", StringComparison.Ordinal);

    private static int ClauseStart(string s, int index)
    {
        for (var k = index - 1; k >= 0; k--)
        {
            if (s[k] is '。' or '；' or ';' or '(' or '（' or '\n')
            {
                return k + 1;
            }
        }

        return 0;
    }
}
