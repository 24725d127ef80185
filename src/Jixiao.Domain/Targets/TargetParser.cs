using System.Globalization;
using Jixiao.Domain.Text;

namespace Jixiao.Domain.Targets;

/// <summary>
/// Reads a 指标值 as Chinese tables write it into a typed <see cref="Target"/>. Never throws on input and never
/// drops it: whatever it cannot read becomes a <see cref="Target.Qualitative"/> that keeps the text.
/// <para>
/// The grammar, informally: a clause (text up to ，；。) holding the first number of the text; before the number a
/// comparator symbol (≥ ＞ ≦ …) or word (大于等于, 不低于, 达到 …); the number (ASCII or full-width digits with
/// thousands separators, or a small Chinese numeral before a measure word: 一次); a unit (%, 个工作日, 元/月/点 …);
/// then an optional qualifier noun and a suffix (以上, 以下, 以内, 内). "a:b" is a ratio, "a-b" and "[a,b]" are ranges.
/// Texts without a number are matched against the direction vocabulary (提高 → up, 下降 → down, 保持 → keep,
/// 达标 → attain).
/// </para>
/// </summary>
public static class TargetParser
{
    public static Target Parse(string? text)
    {
        text ??= "";
        try
        {
            return ParseCore(text);
        }
#pragma warning disable CA1031 // A parser of user text must not throw: an unexpected failure keeps the text as qualitative.
        catch (Exception)
#pragma warning restore CA1031
        {
            return new Target.Qualitative(text, null, null);
        }
    }

    private static Target ParseCore(string text)
    {
        var s = ChineseText.Normalize(text);
        if (s.Contains('\\') || s.Contains('$'))
        {
            s = StripLatex(s);
        }

        if (FindNumber(s, 0) is not { } number)
        {
            return Qualitative(text, s);
        }

        // A deadline ("2024年12月底前完成", "2023年6月30日前") is met or not by that date: an attainment target
        if (IsDeadline(s, number))
        {
            return new Target.Qualitative(text, Targets.Direction.Attain, "期限");
        }

        // "[80,100]": inside brackets a comma separates the bounds, it is not a thousands separator
        if (OpensBracket(s, number.Start) && FindNumberAt(s, number.Start, allowThousands: false) is { } plain)
        {
            number = plain;
        }

        var clauseStart = ClauseStart(s, number.Start);
        var clauseEnd = ClauseEnd(s, number.End);

        // Bracketed range: [80,100] or (80, 100]
        if (TryBracketRange(text, s, number, clauseStart, clauseEnd) is { } bracket)
        {
            return bracket;
        }

        var pos = SkipSpaces(s, number.End);

        // Ratio: 1:200, 200 : 1
        if (pos < s.Length && s[pos] == ':' && FindNumberAt(s, SkipSpaces(s, pos + 1)) is { } second)
        {
            var (cmpR, implicitR, prefixRest) = PrefixComparator(s, clauseStart, number.Start);
            var suffixR = SuffixComparator(s, SkipSpaces(s, second.End), clauseEnd, out var afterR);
            var (compR, implR) = Combine(cmpR, implicitR, suffixR);
            return new Target.Ratio(text, compR, implR, number.Value, second.Value,
                Remark(prefixRest, s, afterR, clauseEnd));
        }

        var unitEnd = ReadUnit(s, pos, out var unit);

        // Range: 80%-90%, 80-90%, 80%~90%, 80%至90%
        var dashPos = SkipSpaces(s, unitEnd);
        if (dashPos < s.Length && s[dashPos] is '-' or '~' or '至' or '到'
            && FindNumberAt(s, SkipSpaces(s, dashPos + 1)) is { } upper && upper.Value >= number.Value)
        {
            var upperUnitEnd = ReadUnit(s, SkipSpaces(s, upper.End), out var upperUnit);
            var rangeUnit = unit ?? upperUnit;
            if (unit is null || upperUnit is null || unit == upperUnit)
            {
                var (_, _, prefixRest) = PrefixComparator(s, clauseStart, number.Start);
                return new Target.Range(text, number.Value, upper.Value, rangeUnit,
                    Remark(prefixRest, s, upperUnitEnd, clauseEnd));
            }
        }

        var (cmp, isImplicit, rest) = PrefixComparator(s, clauseStart, number.Start);
        var qualifierStart = unitEnd;
        var suffix = SuffixComparator(s, SkipSpaces(s, unitEnd), clauseEnd, out var after, allowQualifier: unit is not null);
        var (comparator, implicitFlag) = Combine(cmp, isImplicit, suffix);

        // Time bounds: "48小时内解决", "3个工作日内" → ≤
        if (implicitFlag && unit is not null && IsTimeUnit(unit) && after == unitEnd && unitEnd < s.Length && s[unitEnd] == '内')
        {
            comparator = Comparator.AtMost;
            implicitFlag = false;
            after = unitEnd + 1;
        }

        _ = qualifierStart;
        return new Target.Quantitative(text, comparator, implicitFlag, number.Value, unit, Remark(rest, s, after, clauseEnd));
    }

    // ---- numbers -----------------------------------------------------------------------------------------------

    private readonly record struct NumberToken(int Start, int End, decimal Value);

    private static NumberToken? FindNumber(string s, int from)
    {
        for (var i = from; i < s.Length; i++)
        {
            var c = s[i];
            if (c is >= '0' and <= '9')
            {
                // "1、" list numbers and "1-产出" codes never reach here; a digit glued to a Latin letter (G5, 4K) is not a target
                if (i > 0 && char.IsAsciiLetter(s[i - 1]))
                {
                    while (i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]))
                    {
                        i++;
                    }

                    continue;
                }

                return FindNumberAt(s, i);
            }

            if (ChineseDigit(c) >= 0 && ChineseNumeralAt(s, i) is { } cn)
            {
                return cn;
            }
        }

        return null;
    }

    private static NumberToken? FindNumberAt(string s, int i, bool allowThousands = true)
    {
        if (i >= s.Length)
        {
            return null;
        }

        if (s[i] is >= '0' and <= '9' || s[i] == '.' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]))
        {
            var start = i;
            Span<char> buffer = stackalloc char[32];
            var n = 0;
            var seenDot = false;
            while (i < s.Length)
            {
                var c = s[i];
                if (c is >= '0' and <= '9')
                {
                    if (n < buffer.Length)
                    {
                        buffer[n++] = c;
                    }

                    i++;
                }
                else if (c == ',' && allowThousands && !seenDot && IsThousandsGroup(s, i + 1))
                {
                    i++;
                }
                else if (c == '.' && !seenDot && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]))
                {
                    seenDot = true;
                    if (n < buffer.Length)
                    {
                        buffer[n++] = '.';
                    }

                    i++;
                }
                else
                {
                    break;
                }
            }

            if (n >= 29 || !decimal.TryParse(buffer[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }

            return new NumberToken(start, i, value);
        }

        return ChineseDigit(s[i]) >= 0 ? ChineseNumeralAt(s, i) : null;
    }

    private static bool IsThousandsGroup(string s, int i) =>
        i + 3 <= s.Length && char.IsAsciiDigit(s[i]) && char.IsAsciiDigit(s[i + 1]) && char.IsAsciiDigit(s[i + 2])
        && (i + 3 == s.Length || !char.IsAsciiDigit(s[i + 3]));

    private static int ChineseDigit(char c) => c switch
    {
        '零' => 0, '一' => 1, '二' => 2, '两' => 2, '三' => 3, '四' => 4, '五' => 5,
        '六' => 6, '七' => 7, '八' => 8, '九' => 9, '十' => 10, '百' => 100, '千' => 1000,
        _ => -1,
    };

    /// <summary>A small Chinese numeral (一 … 九千九百九十九) counts only when a measure word follows it: 一次, 两个, 十二人.</summary>
    private static NumberToken? ChineseNumeralAt(string s, int i)
    {
        var start = i;
        var total = 0;
        var current = 0;
        while (i < s.Length && ChineseDigit(s[i]) is var d && d >= 0)
        {
            if (d >= 10)
            {
                total += (current == 0 ? 1 : current) * d;
                current = 0;
            }
            else
            {
                current = d;
            }

            i++;
        }

        total += current;
        if (i == start || total == 0 && s[start] != '零')
        {
            return null;
        }

        // 一般, 统一, 进一步: only numerals followed by a measure word are numbers
        if (i >= s.Length || !IsMeasureWordAt(s, i))
        {
            return null;
        }

        // 一次性 is an adjective, not a count
        if (i + 2 <= s.Length && s.AsSpan(i).StartsWith("次性", StringComparison.Ordinal))
        {
            return null;
        }

        return new NumberToken(start, i, total);
    }

    // ---- units -------------------------------------------------------------------------------------------------

    // Longest first within each leading character (see UnitsByFirstChar).
    private static readonly string[] Units =
    [
        "%", "‰", "百分比", "百分点",
        "个工作日", "工作日", "个月", "个百分点", "个镇街", "个",
        "万人次", "人次", "户次", "车次", "架次", "万人", "人/年", "人",
        "万元", "万", "亿元", "亿", "元",
        "支", "场次", "场", "份", "条", "次", "辆", "座", "天", "日", "小时", "分钟", "秒",
        "年", "月", "周", "公里", "千米", "平方公里", "平方米", "立方米", "米", "亩", "公顷", "公斤", "千克", "吨", "株", "棵",
        "户", "分", "件", "家", "所", "台", "套", "间", "处", "篇", "期", "项", "批", "名", "页", "册", "只", "头", "块",
        "张", "本", "宗", "起", "例", "单", "点位", "点", "路", "部", "班", "课时", "学时", "床位", "床", "盏", "根", "段",
        "片", "栋", "幢", "层", "网格", "镇街", "村", "校", "所次", "kW", "km", "GB", "TB", "Mbps", "M", "m²", "㎡", "m",
    ];

    private static readonly Dictionary<char, string[]> UnitsByFirstChar = Units
        .GroupBy(u => u[0])
        .ToDictionary(g => g.Key, g => g.OrderByDescending(u => u.Length).ToArray());

    // Measure words that make a Chinese numeral a count (一次, 两个, 三年).
    private static bool IsMeasureWordAt(string s, int i) =>
        UnitsByFirstChar.TryGetValue(s[i], out var candidates)
        && Array.Exists(candidates, u => ChineseText.IsHan(u[0]) && u != "万" && u != "亿" && s.AsSpan(i).StartsWith(u, StringComparison.Ordinal));

    private static int ReadUnit(string s, int i, out string? unit)
    {
        unit = null;
        if (i >= s.Length || !UnitsByFirstChar.TryGetValue(s[i], out var candidates))
        {
            return i;
        }

        foreach (var candidate in candidates)
        {
            if (s.AsSpan(i).StartsWith(candidate, StringComparison.Ordinal))
            {
                // a Latin unit must end at a word boundary ("M" of "Mbps" is handled by length; "m" of "min" is not a unit)
                if (char.IsAsciiLetter(candidate[^1]) && i + candidate.Length < s.Length && char.IsAsciiLetter(s[i + candidate.Length]))
                {
                    continue;
                }

                unit = candidate;
                break;
            }
        }

        if (unit is null)
        {
            return i;
        }

        var end = i + unit.Length;

        // compound units: 元/月/点, 元/生/年, 次/人
        while (end + 1 < s.Length && s[end] == '/' && ChineseText.IsHan(s[end + 1]))
        {
            var partEnd = ReadUnit(s, end + 1, out var part);
            var length = part is not null ? partEnd - end - 1 : 1;
            unit += "/" + s.Substring(end + 1, length);
            end += 1 + length;
        }

        unit = unit switch
        {
            "百分比" or "百分点" or "个百分点" => "%",
            "㎡" => "m²",
            "个镇街" => "个",
            _ => unit,
        };
        if (unit == "个" && s.AsSpan(i).StartsWith("个镇街", StringComparison.Ordinal))
        {
            end = i + 1;
        }

        return end;
    }

    private static bool IsTimeUnit(string unit) => unit is "小时" or "分钟" or "秒" or "天" or "日" or "个工作日" or "工作日" or "周" or "个月" or "月" or "年";

    // ---- comparators -------------------------------------------------------------------------------------------

    private enum Strength
    {
        None,
        Weak,
        Strong,
    }

    private readonly record struct Found(Comparator Comparator, Strength Strength);

    private static readonly (string Word, Comparator? Comparator, Strength Strength)[] PrefixWords =
    [
        (">=", Comparator.AtLeast, Strength.Strong), ("<=", Comparator.AtMost, Strength.Strong),
        ("≥", Comparator.AtLeast, Strength.Strong), ("≤", Comparator.AtMost, Strength.Strong),
        (">", Comparator.GreaterThan, Strength.Strong), ("<", Comparator.LessThan, Strength.Strong),
        ("=", Comparator.Equal, Strength.Strong), ("≈", Comparator.Equal, Strength.Weak),
        ("大于或等于", Comparator.AtLeast, Strength.Strong), ("大于等于", Comparator.AtLeast, Strength.Strong),
        ("不低于", Comparator.AtLeast, Strength.Strong), ("不少于", Comparator.AtLeast, Strength.Strong),
        ("不小于", Comparator.AtLeast, Strength.Strong), ("不得低于", Comparator.AtLeast, Strength.Strong),
        ("不得少于", Comparator.AtLeast, Strength.Strong), ("至少", Comparator.AtLeast, Strength.Strong),
        ("最低", Comparator.AtLeast, Strength.Weak),
        ("达到", Comparator.AtLeast, Strength.Weak), ("达", Comparator.AtLeast, Strength.Weak),
        ("达标", null, Strength.None), ("达成", null, Strength.None), ("到达", Comparator.AtLeast, Strength.Weak),
        ("大于", Comparator.GreaterThan, Strength.Strong), ("高于", Comparator.GreaterThan, Strength.Strong),
        ("超过", Comparator.GreaterThan, Strength.Strong), ("多于", Comparator.GreaterThan, Strength.Strong),
        ("超出", Comparator.GreaterThan, Strength.Strong),
        ("小于或等于", Comparator.AtMost, Strength.Strong), ("小于等于", Comparator.AtMost, Strength.Strong),
        ("不高于", Comparator.AtMost, Strength.Strong), ("不超过", Comparator.AtMost, Strength.Strong),
        ("不得高于", Comparator.AtMost, Strength.Strong), ("不得超过", Comparator.AtMost, Strength.Strong),
        ("不大于", Comparator.AtMost, Strength.Strong), ("不多于", Comparator.AtMost, Strength.Strong),
        ("最多", Comparator.AtMost, Strength.Strong), ("控制在", Comparator.AtMost, Strength.Weak),
        ("小于", Comparator.LessThan, Strength.Strong), ("低于", Comparator.LessThan, Strength.Strong),
        ("少于", Comparator.LessThan, Strength.Strong), ("不足", Comparator.LessThan, Strength.Strong),
        ("等于", Comparator.Equal, Strength.Strong),
    ];

    private static readonly Dictionary<char, (string Word, Comparator? Comparator, Strength Strength)[]> PrefixByFirstChar =
        PrefixWords.GroupBy(w => w.Word[0]).ToDictionary(g => g.Key, g => g.OrderByDescending(w => w.Word.Length).ToArray());

    /// <summary>The last comparator symbol or word in the clause before the number, and the clause text without it.</summary>
    private static (Found? Found, bool Implicit, string Remainder) PrefixComparator(string s, int clauseStart, int numberStart)
    {
        Found? found = null;
        int foundStart = -1, foundEnd = -1;
        for (var i = clauseStart; i < numberStart; i++)
        {
            if (!PrefixByFirstChar.TryGetValue(s[i], out var candidates))
            {
                continue;
            }

            foreach (var (word, comparator, strength) in candidates)
            {
                if (i + word.Length <= numberStart && string.CompareOrdinal(s, i, word, 0, word.Length) == 0)
                {
                    if (comparator is { } c)
                    {
                        found = new Found(c, strength);
                        foundStart = i;
                        foundEnd = i + word.Length;
                    }

                    i += word.Length - 1;
                    break;
                }
            }
        }

        var rest = found is null
            ? s[clauseStart..numberStart]
            : string.Concat(s.AsSpan(clauseStart, foundStart - clauseStart), s.AsSpan(foundEnd, numberStart - foundEnd));
        return (found, found is null, rest);
    }

    private static readonly (string Word, Comparator Comparator)[] SuffixWords =
    [
        ("及以上", Comparator.AtLeast), ("或以上", Comparator.AtLeast), ("以上", Comparator.AtLeast),
        ("及以下", Comparator.AtMost), ("或以下", Comparator.AtMost), ("以下", Comparator.AtMost),
        ("以内", Comparator.AtMost), ("之内", Comparator.AtMost), ("内", Comparator.AtMost),
    ];

    /// <summary>
    /// A suffix comparator after the number and unit, possibly after a short qualifier noun ("2个镇街以上").
    /// <paramref name="after"/> is where the unread rest of the clause begins.
    /// </summary>
    private static Found? SuffixComparator(string s, int i, int clauseEnd, out int after, bool allowQualifier = true)
    {
        after = i;
        var limit = Math.Min(clauseEnd, i + (allowQualifier ? 6 : 0) + 3);
        for (var j = i; j < limit; j++)
        {
            foreach (var (word, comparator) in SuffixWords)
            {
                if (j + word.Length <= s.Length && string.CompareOrdinal(s, j, word, 0, word.Length) == 0)
                {
                    // a bare 内 counts only right after the unit ("48小时内"); "含" after 以上 is part of it: 以上(含)
                    if (word == "内" && j != i)
                    {
                        continue;
                    }

                    // the qualifier between unit and suffix must be plain Chinese (镇街), not another clause
                    if (j > i && !IsQualifier(s, i, j))
                    {
                        return null;
                    }

                    after = j + word.Length;
                    if (after + 3 <= s.Length && s.AsSpan(after).StartsWith("(含)", StringComparison.Ordinal))
                    {
                        after += 3;
                    }

                    return new Found(comparator, Strength.Strong);
                }
            }

            if (!ChineseText.IsHan(s[j]))
            {
                break;
            }
        }

        return null;
    }

    private static bool IsQualifier(string s, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (!ChineseText.IsHan(s[k]))
            {
                return false;
            }
        }

        return true;
    }

    private static (Comparator Comparator, bool Implicit) Combine(Found? prefix, bool _, Found? suffix)
    {
        if (prefix is { Strength: Strength.Strong } strong)
        {
            return (strong.Comparator, false);
        }

        if (suffix is { } s)
        {
            return (s.Comparator, false);
        }

        return prefix is { } weak ? (weak.Comparator, false) : (Comparator.Equal, true);
    }

    // ---- clauses and remarks -------------------------------------------------------------------------------------

    private static bool IsClauseBreak(char c) => c is ',' or ';' or '，' or '；' or '。' or '、' or '\n' or '\r';

    private static int ClauseStart(string s, int i)
    {
        while (i > 0 && !IsClauseBreak(s[i - 1]))
        {
            i--;
        }

        return i;
    }

    private static int ClauseEnd(string s, int i)
    {
        while (i < s.Length && !IsClauseBreak(s[i]) && !(s[i] == ',' && i + 1 < s.Length && !char.IsAsciiDigit(s[i + 1])))
        {
            i++;
        }

        return i;
    }

    private static int SkipSpaces(string s, int i)
    {
        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }

        return i;
    }

    private static string? Remark(string prefix, string s, int from, int to)
    {
        var suffix = from < to ? s[from..to] : "";
        var remark = (prefix.Trim() + suffix.Trim()).Trim(' ', '.', ':', ',', ';', '。', '(', ')', '"');
        return remark.Length == 0 ? null : remark;
    }

    private static bool IsDeadline(string s, NumberToken number)
    {
        if (number.Value is < 1990 or > 2100 || number.Value != decimal.Truncate(number.Value) || number.End >= s.Length || s[number.End] != '年')
        {
            return false;
        }

        var i = number.End + 1;
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] is '月' or '日' or '号' or ' ' or '.'))
        {
            i++;
        }

        var rest = s.AsSpan(i);
        return rest.StartsWith("底", StringComparison.Ordinal) || rest.StartsWith("前", StringComparison.Ordinal)
            || rest.StartsWith("之前", StringComparison.Ordinal) || rest.StartsWith("以前", StringComparison.Ordinal)
            || rest.StartsWith("年底", StringComparison.Ordinal) || rest.StartsWith("末", StringComparison.Ordinal)
            || rest.StartsWith("内", StringComparison.Ordinal) && i > number.End + 1
            || rest.StartsWith("完成", StringComparison.Ordinal) || rest.StartsWith("完工", StringComparison.Ordinal);
    }

    private static bool OpensBracket(string s, int numberStart)
    {
        var open = numberStart - 1;
        while (open >= 0 && s[open] == ' ')
        {
            open--;
        }

        return open >= 0 && s[open] is '[' or '(' or '【';
    }

    private static Target? TryBracketRange(string text, string s, NumberToken first, int clauseStart, int clauseEnd)
    {
        var open = first.Start - 1;
        while (open >= 0 && s[open] == ' ')
        {
            open--;
        }

        if (open < 0 || s[open] is not ('[' or '(' or '【'))
        {
            return null;
        }

        var pos = SkipSpaces(s, first.End);
        pos = ReadUnit(s, pos, out var unit);
        pos = SkipSpaces(s, pos);
        if (pos >= s.Length || s[pos] is not (',' or '，' or '、' or '-' or '~'))
        {
            return null;
        }

        if (FindNumberAt(s, SkipSpaces(s, pos + 1), allowThousands: false) is not { } second || second.Value < first.Value)
        {
            return null;
        }

        var end = ReadUnit(s, SkipSpaces(s, second.End), out var unit2);
        end = SkipSpaces(s, end);
        if (end >= s.Length || s[end] is not (']' or ')' or '】'))
        {
            return null;
        }

        _ = clauseEnd;
        var prefix = s[clauseStart..open];
        var rest = end + 1 < s.Length ? s[(end + 1)..] : "";
        return new Target.Range(text, first.Value, second.Value, unit ?? unit2, Remark(prefix, rest, 0, rest.Length));
    }

    private static string StripLatex(string s) => s
        .Replace("\\geqslant", "≥", StringComparison.Ordinal).Replace("\\leqslant", "≤", StringComparison.Ordinal)
        .Replace("\\geq", "≥", StringComparison.Ordinal).Replace("\\leq", "≤", StringComparison.Ordinal)
        .Replace("\\ge", "≥", StringComparison.Ordinal).Replace("\\le", "≤", StringComparison.Ordinal)
        .Replace("\\gt", ">", StringComparison.Ordinal).Replace("\\lt", "<", StringComparison.Ordinal)
        .Replace("\\%", "%", StringComparison.Ordinal).Replace("$", "", StringComparison.Ordinal)
        .Replace("\\", "", StringComparison.Ordinal);

    // ---- qualitative ----------------------------------------------------------------------------------------------

    private static Target Qualitative(string text, string s)
    {
        var (direction, keyword) = TargetVocabulary.Match(s);
        return new Target.Qualitative(text, direction, keyword);
    }
}
