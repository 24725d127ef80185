using System.Text;
using System.Text.RegularExpressions;

namespace Jixiao.Import.Reading;

/// <summary>
/// The numbers a document states in its sentences, rechecked: a count against the items it lists ("8个内设机构，即
/// …" with nine names), a calculation written out ("628元/月/点×1000点×48月=3014.4万元", "3454个网格，每个网格员每月
/// 500元补助，全年共1474.8万元"), a rate against the two amounts it is worked from, a printed rule that contradicts
/// itself ("100%&lt;资金支出率≤80%"), and one amount written in 元 where the document writes it in 万元 elsewhere.
/// Every pattern is bounded and linear (see the reading fuzz in docs/benchmarks-reading.md).
/// </summary>
internal static partial class Checks
{
    private const int ProseLimit = 200_000;

    private static void Prose(string raw, string location, List<ReadFinding> findings)
    {
        var text = ReadingText.Simplify((raw.Length > ProseLimit ? raw[..ProseLimit] : raw).Normalize(NormalizationForm.FormKC));
        // A sentence a PDF copy breaks over lines ("3454个网\n\n格，…全年共1474.8万\n\n元") is read whole.
        text = BrokenWord().Replace(text, "");
        PartsOfTotal(text, location, findings);
        Counts(text, location, findings);
        Products(text, location, findings);
        MonthlyProducts(text, location, findings);
        Rates(text, location, findings);
        Rules(text, location, findings);
        Units(text, location, findings);
        DutyAmounts(text, location, findings);
    }

    /// <summary>
    /// A 部门整体 目标表's 年度履职目标 rows, each ending with its 预算金额, against the 资金总额 the table states
    /// above them: the rows together are the department's money.
    /// </summary>
    private static void DutyAmounts(string text, string location, List<ReadFinding> findings)
    {
        var duties = text.IndexOf("履职目标", StringComparison.Ordinal);
        if (duties < 0 || TotalFunds().Match(text[..duties]) is not { Success: true } totalMatch || ReadingText.Number(totalMatch.Groups["n"].Value) is not { } total)
        {
            return;
        }

        var lines = text[duties..].Split('\n');
        var header = Array.FindIndex(lines, l => l.Contains("预算金额", StringComparison.Ordinal) || l.Contains("金额(万元)", StringComparison.Ordinal));
        if (header < 0 || header > 3)
        {
            return;
        }

        var rows = new List<(string Line, decimal Amount)>();
        foreach (var line in lines.Skip(header + 1))
        {
            if (line.Contains("一级指标", StringComparison.Ordinal) || line.Contains("绩效指标", StringComparison.Ordinal))
            {
                break;
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (LineAmount().Match(line) is not { Success: true } m || ReadingText.Number(m.Groups["n"].Value) is not { } amount)
            {
                break;
            }

            rows.Add((line.Trim(), amount));
        }

        var sum = rows.Sum(r => r.Amount);
        if (rows.Count >= 2 && Math.Abs(sum - total) > 0.005m)
        {
            findings.Add(new ReadFinding("sum", "年度履职目标", F(total), F(sum),
                $"年度履职目标所列 {rows.Count} 项预算金额合计 {F(sum)} 万元（{string.Join("；", rows.Select(r => r.Line))}），与资金总额 {F(total)} 万元不符，相差 {F(sum - total)} 万元。", location));
        }
    }

    [GeneratedRegex(@"资金总额\s?(?:\(万元\))?[:：]?\s?(?<n>\d{1,12}(?:\.\d{1,6})?)")]
    private static partial Regex TotalFunds();

    [GeneratedRegex(@"[\u4e00-\u9fff)）]\s+(?<n>\d{1,12}(?:\.\d{0,6})?)\s*$")]
    private static partial Regex LineAmount();

    private static void Counts(string text, string location, List<ReadFinding> findings)
    {
        foreach (Match m in CountThenList().Matches(text))
        {
            if (CountValue(m.Groups["n"].Value) is not { } n)
            {
                continue;
            }

            var list = m.Groups["list"].Value.Trim();
            if (list.Contains('等', StringComparison.Ordinal) || list.EndsWith('…') || list.Contains("...", StringComparison.Ordinal))
            {
                continue;
            }

            var items = list.Split('、', StringSplitOptions.TrimEntries).ToList();
            if (items.Count < 2)
            {
                continue;
            }

            // "A、B和C": the last two joined by 和 / 及 / 以及.
            var last = items[^1];
            var joined = Regex.Split(last, "以及|和|及|与").Where(x => x.Length > 0).ToList();
            if (joined.Count == 2)
            {
                items[^1] = joined[0];
                items.Add(joined[1]);
            }

            if (items.Count < 3 || items.Any(x => x.Length is 0 or > 20) || items.Count == n)
            {
                continue;
            }

            var distinct = items.Distinct(StringComparer.Ordinal).Count();
            var where = m.Groups["n"].Value + m.Groups["cls"].Value + m.Groups["noun"].Value;
            var repeated = distinct < items.Count ? $"（其中{string.Join("、", items.GroupBy(x => x).Where(g => g.Count() > 1).Select(g => g.Key))}重复列出，不同名称 {distinct} 个）" : "";
            findings.Add(new ReadFinding("count", where, n.ToString(System.Globalization.CultureInfo.InvariantCulture), items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"“{where}”后列出 {items.Count} 项{repeated}，与所述数量 {n} 不符。", location));
        }
    }

    private static int? CountValue(string s)
    {
        if (int.TryParse(s, out var n))
        {
            return n;
        }

        const string digits = "零一二三四五六七八九";
        var value = 0;
        var current = 0;
        foreach (var c in s)
        {
            var d = digits.IndexOf(c, StringComparison.Ordinal);
            if (c == '两')
            {
                d = 2;
            }

            if (d >= 0)
            {
                current = d;
            }
            else if (c == '十')
            {
                value += (current == 0 ? 1 : current) * 10;
                current = 0;
            }
            else
            {
                return null;
            }
        }

        return value + current;
    }

    private static void Products(string text, string location, List<ReadFinding> findings)
    {
        foreach (Match m in WrittenProduct().Matches(text))
        {
            var factors = Factor().Matches(m.Groups["chain"].Value);
            if (factors.Count < 2 || ReadingText.Number(m.Groups["r"].Value) is not { } stated)
            {
                continue;
            }

            var product = 1m;
            var yuan = false;
            var wan = false;
            foreach (Match f in factors)
            {
                if (ReadingText.Number(f.Groups["n"].Value) is not { } v)
                {
                    return;
                }

                var unit = f.Groups["u"].Value;
                product *= unit.StartsWith('%') ? v / 100m : v;
                yuan |= unit.StartsWith('元');
                wan |= unit.StartsWith("万元", StringComparison.Ordinal);
            }

            var resultUnit = m.Groups["ru"].Value == "万" ? "万元" : m.Groups["ru"].Value;
            if (resultUnit == "万元" && yuan && !wan)
            {
                product /= 10000m;
            }
            else if (resultUnit == "元" && wan)
            {
                product *= 10000m;
            }
            else if (resultUnit == "%")
            {
                continue;
            }

            Compare(m.Value.Trim(), stated, m.Groups["r"].Value, product, resultUnit, location, findings);
        }
    }

    private static void MonthlyProducts(string text, string location, List<ReadFinding> findings)
    {
        foreach (Match m in MonthlyProduct().Matches(text))
        {
            if (ReadingText.Number(m.Groups["n"].Value) is not { } n || ReadingText.Number(m.Groups["p"].Value) is not { } p
                || ReadingText.Number(m.Groups["t"].Value) is not { } t)
            {
                continue;
            }

            var product = n * p * 12m;
            var pu = m.Groups["pu"].Value;
            var tu = m.Groups["tu"].Value;
            product = pu == tu ? product : pu == "元" ? product / 10000m : product * 10000m;
            Compare(m.Value.Trim(), t, m.Groups["t"].Value, product, tu, location, findings,
                $"{m.Groups["n"].Value} × {m.Groups["p"].Value}{pu} × 12 月");
        }
    }

    private static void Compare(string where, decimal stated, string printed, decimal computed, string unit, string location, List<ReadFinding> findings, string? formula = null)
    {
        var decimals = Decimals(printed.Replace(",", "", StringComparison.Ordinal));
        if (Math.Round(computed, decimals, MidpointRounding.AwayFromZero) != stated && Math.Abs(computed - stated) > Step(decimals) / 2)
        {
            var shown = F(Math.Round(computed, Math.Max(decimals, 2), MidpointRounding.AwayFromZero));
            findings.Add(new ReadFinding("arithmetic", where, printed + unit, shown + unit,
                $"“{where}”计算不符：{(formula is null ? "" : formula + " ")}应为 {shown}{unit}，文中写的是 {printed}{unit}。", location));
        }
    }

    /// <summary>"实际支出1086.77万元，预算金额为1108.96万元，预算执行率为99%": the rate against the two amounts before it.</summary>
    private static void Rates(string text, string location, List<ReadFinding> findings)
    {
        foreach (Match m in StatedRate().Matches(text))
        {
            var start = Math.Max(0, m.Index - 160);
            var before = text[start..m.Index];
            var stop = Math.Max(before.LastIndexOf('。'), before.LastIndexOf('；'));
            if (stop >= 0)
            {
                before = before[(stop + 1)..];
            }

            var spent = LastAmount(SpentAmount(), before);
            var budget = LastAmount(BudgetAmount(), before);
            if (spent is not { } s || budget is not { } b || b.Value <= 0 || s.Unit != b.Unit || ReadingText.Number(m.Groups["r"].Value) is not { } stated)
            {
                continue;
            }

            var rate = s.Value / b.Value * 100m;
            var printed = m.Groups["r"].Value;
            var decimals = Decimals(printed);
            if (Math.Round(rate, decimals, MidpointRounding.AwayFromZero) != stated && Math.Abs(rate - stated) > Step(decimals) / 2)
            {
                var where = m.Groups["label"].Value + printed + "%";
                findings.Add(new ReadFinding("execution-rate", where, printed + "%", F(Math.Round(rate, 2)) + "%",
                    $"文中{m.Groups["label"].Value}写为 {printed}%，按 {F(s.Value)} ÷ {F(b.Value)} 计算应为 {F(Math.Round(rate, 2))}%。", location));
            }
        }
    }

    private static (decimal Value, string Unit)? LastAmount(Regex phrase, string text)
    {
        var ms = phrase.Matches(text);
        return ms.Count > 0 && ReadingText.Number(ms[^1].Groups["n"].Value) is { } v ? (v, ms[^1].Groups["u"].Value) : null;
    }

    /// <summary>"100%&lt;资金支出率≤80%": a band whose lower bound is not below its upper bound holds no value.</summary>
    private static void Rules(string text, string location, List<ReadFinding> findings)
    {
        foreach (Match m in Band().Matches(text))
        {
            if (ReadingText.Number(m.Groups["a"].Value) is { } a && ReadingText.Number(m.Groups["b"].Value) is { } b
                && (a > b || (a == b && (m.Groups["o1"].Value is "<" or "＜" || m.Groups["o2"].Value is "<" or "＜"))))
            {
                findings.Add(new ReadFinding("rule", m.Value, m.Value, $"{F(b)}%≤{m.Groups["name"].Value}<{F(a)}%",
                    $"评分规则“{m.Value}”自相矛盾：下限 {F(a)}% 不小于上限 {F(b)}%，没有任何数值满足。", location));
            }
        }
    }

    /// <summary>"1108.96元" where the document writes 1108.96万元 elsewhere: the 元 is a slip for 万元.</summary>
    private static void Units(string text, string location, List<ReadFinding> findings)
    {
        var wan = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in DecimalAmount().Matches(text))
        {
            if (m.Groups["u"].Value == "万元")
            {
                wan.Add(m.Groups["n"].Value);
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in DecimalAmount().Matches(text))
        {
            var n = m.Groups["n"].Value;
            if (m.Groups["u"].Value == "元" && wan.Contains(n) && seen.Add(n))
            {
                findings.Add(new ReadFinding("unit", n + "元", n + "元", n + "万元",
                    $"金额 {n} 在文中别处写作 {n}万元，此处写作“{n}元”，单位应为万元。", location));
            }
        }
    }

    [GeneratedRegex(@"(?<![\d.])(?<n>\d{1,3}|[一二两三四五六七八九十]{1,3})(?<cls>个|家|所|项|类|名|支|座|条)(?<noun>[\u4e00-\u9fff]{1,8}?)[,，:：]?\s?(?:即|分别为|分别是|包括|具体为|为|:|：)(?<list>[^。；;\n,，(（]{3,400})")]
    private static partial Regex CountThenList();

    [GeneratedRegex(@"(?<![+\-÷/)）\]×*＊\d.]\s?)(?<chain>(?:\d{1,12}(?:\.\d{1,6})?[%\u4e00-\u9fff/]{0,6}\s?[×*＊]\s?){1,5}\d{1,12}(?:\.\d{1,6})?[%\u4e00-\u9fff/]{0,6}?)\s?[=＝]\s?(?<r>\d{1,12}(?:\.\d{1,6})?)\s?(?<ru>万元|万|元|%)?")]
    private static partial Regex WrittenProduct();

    [GeneratedRegex(@"(?<n>\d{1,12}(?:\.\d{1,6})?)(?<u>[%\u4e00-\u9fff/]{0,6})")]
    private static partial Regex Factor();

    [GeneratedRegex(@"(?<![\d.])(?<n>\d{1,9})个[\u4e00-\u9fff]{1,6}[,，]?每(?:个|人|户|名)?[\u4e00-\u9fff]{0,6}?每月(?<p>\d{1,9}(?:\.\d{1,4})?)(?<pu>万元|元)[\u4e00-\u9fff]{0,6}[,，]?全年(?:共计|合计|共)?(?<t>\d{1,12}(?:\.\d{1,4})?)(?<tu>万元|元)")]
    private static partial Regex MonthlyProduct();

    [GeneratedRegex(@"(?<label>预算执行率|资金执行率|资金支出率|支出率|资金使用率|执行率|使用率|支付率)(?:为|达到|达|是)?\s?(?<r>\d{1,3}(?:\.\d{1,4})?)%")]
    private static partial Regex StatedRate();

    [GeneratedRegex(@"(?:支出|执行|使用|支付|拨付)[\u4e00-\u9fff]{0,8}?(?:为|了|共计|合计|共)?\s?(?<n>\d{1,12}(?:\.\d{1,6})?)\s?(?<u>万元|元)")]
    private static partial Regex SpentAmount();

    [GeneratedRegex(@"(?:预算|安排|批复|下达|到位)[\u4e00-\u9fff]{0,8}?(?:为|了|共计|合计|共)?\s?(?<n>\d{1,12}(?:\.\d{1,6})?)\s?(?<u>万元|元)")]
    private static partial Regex BudgetAmount();

    [GeneratedRegex(@"(?<a>\d{1,3}(?:\.\d{1,4})?)%\s?(?<o1><=|<|＜|≤)\s?(?<name>[\u4e00-\u9fff]{2,10})\s?(?<o2><=|<|＜|≤)\s?(?<b>\d{1,3}(?:\.\d{1,4})?)%")]
    private static partial Regex Band();

    [GeneratedRegex(@"(?<=[\u4e00-\u9fff])\n{1,4}(?=[\u4e00-\u9fff])")]
    private static partial Regex BrokenWord();

    [GeneratedRegex(@"(?<![\d.])(?<n>\d{2,12}\.\d{1,6})\s?(?<u>万元|元)")]
    private static partial Regex DecimalAmount();
}
