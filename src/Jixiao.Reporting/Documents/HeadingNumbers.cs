namespace Jixiao.Reporting.Documents;

/// <summary>
/// Numbers headings the way Chinese official documents do (党政机关公文格式 GB/T 9704 practice, as in the seeds):
/// level 1 "一、", level 2 "（一）", level 3 "1、", level 4 "(1)". A heading restarts the numbering of all deeper levels.
/// </summary>
public sealed class HeadingNumbers
{
    private readonly int[] counters = new int[4];

    /// <summary>The next number at <paramref name="level"/> (1–4), e.g. "三、".</summary>
    public string Next(int level)
    {
        if (level is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "heading levels are 1 to 4");
        }

        counters[level - 1]++;
        for (var i = level; i < counters.Length; i++)
        {
            counters[i] = 0;
        }

        return Format(level, counters[level - 1]);
    }

    public static string Format(int level, int n) => level switch
    {
        1 => ChineseNumeral(n) + "、",
        2 => "（" + ChineseNumeral(n) + "）",
        3 => n.ToString(System.Globalization.CultureInfo.InvariantCulture) + "、",
        4 => "(" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>一 … 九十九 (十, 十一, 二十, 二十一), as heading numbers write them.</summary>
    public static string ChineseNumeral(int n)
    {
        const string Digits = "零一二三四五六七八九";
        if (n is < 1 or > 99)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "heading numbers are 1 to 99");
        }

        if (n < 10)
        {
            return Digits[n].ToString();
        }

        var tens = n / 10;
        var ones = n % 10;
        return (tens == 1 ? "" : Digits[tens].ToString()) + "十" + (ones == 0 ? "" : Digits[ones].ToString());
    }
}
