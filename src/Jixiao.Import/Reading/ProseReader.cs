using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Jixiao.Import.Reading;

/// <summary>
/// What reports and monitoring reports state in sentences: the subject's 预算数 and 执行数; the funds a report lists
/// with their amounts ("1、档案装具专项指标为12万元"; "其中:特殊人群医疗保险基金项目资金500万元,…"), which become its
/// projects; lists of names after a stated count ("部门项目共8个,分别为:…"). Each list is rechecked: its amounts
/// against the total they are said to make (sum), an amount whose unit alone makes the total work (unit), the
/// names against the count (count). Lines broken inside a number by a web copy are joined first.
/// </summary>
internal static partial class ProseReader
{
    internal sealed record Result(IReadOnlyList<ReadProject> Projects, decimal? Budget, decimal? Executed, string? Grade, IReadOnlyList<ReadFinding> Findings);

    public static Result Read(string file, List<List<Tok>> rows)
    {
        // Prose is read in its first 200,000 characters: a report states its funds early, and the patterns stay linear.
        var joined = Join(rows);
        var text = ReadingText.MendDashes(ReadingText.Simplify(joined.Length > 200_000 ? joined[..200_000] : joined));
        var findings = new List<ReadFinding>();
        var projects = new List<ReadProject>();
        FundLists(file, text, projects, findings);
        NameLists(file, text, projects, findings);
        // Where no 预算 is stated, the funds handed down ("上级财政下达我区…补贴资金9765万元") are the budget and the funds
        // paid out ("发放资金9765万元") the execution.
        var budget = FirstAmount(BudgetPhrase(), text) ?? FirstAmount(AllocatedPhrase(), text);
        var grade = GradePhrase().Match(text) is { Success: true } g ? g.Groups["g"].Value[..1] : null;
        var executed = FirstAmount(ExecutedPhrase(), text) ?? (budget is null ? null : FirstAmount(PaidOutPhrase(), text));
        QuotedFunds(file, text, projects);
        return new Result(projects, budget, executed, grade, findings);
    }

    /// <summary>
    /// The text of the document as one string, lines kept, a number broken over two lines made whole, and a
    /// paragraph that a page or a text copy wrapped made one line again: a line as wide as the page's full lines,
    /// not ending a sentence, runs on into the next unless that opens a heading or an item ("二、", "(一)", "1.").
    /// </summary>
    internal static string Join(List<List<Tok>> rows)
    {
        // Typesetting puts a gap between Chinese and the digits beside it ("总额为 84 万元" in a printed PDF); in prose
        // that gap is no separator. A gap between cells is one, and stays.
        // OCR leaves gaps beside full-width punctuation ("提升 ”、 “乡村"), and beside half-width punctuation between 汉字
        // ("分别为 :市城管委…", "渗沥液 (污水) 处理厂"), which are no separators either, inside a cell or between two.
        var lines = rows.Select(row => SpaceBesidePunctuation().Replace(string.Join(" ", row.Where(t => !t.IsEmpty)
            .Select(t => SpaceBesideDigits().Replace(t.Text, ""))), "")).ToList();
        var full = FullWidth(lines);
        var sb = new StringBuilder();
        string? previous = null;
        foreach (var line in lines)
        {
            if (previous is not null)
            {
                var last = sb[^1];
                // A number and its unit are one, even where the page wrapped between them ("资金 9765" / "万元").
                var breaksNumber = (char.IsDigit(last) || last == '.') && line.Length > 0
                    && (char.IsDigit(line[0]) || line[0] == '.' || line.StartsWith("万元", StringComparison.Ordinal) || line.StartsWith("亿元", StringComparison.Ordinal)
                        || line.StartsWith("萬元", StringComparison.Ordinal) || line.StartsWith("億元", StringComparison.Ordinal) || line[0] is '元' or '%');
                var wrapped = Width(previous) >= full * 0.85 && line.Length > 0 && !EndsSentence(sb) && !OpensItem().IsMatch(line)
                    // A line may also break after a dash or a list's semicolon ("五一大道(火车站-" / "袁家岭)…"): neither ends a
                    // paragraph.
                    && (ReadingText.IsCjk(last) || "，,、（(“《-－—~～/;；".Contains(last, StringComparison.Ordinal))
                    && (ReadingText.IsCjk(line[0]) || "，,、。；;）)”》%".Contains(line[0], StringComparison.Ordinal) || char.IsDigit(line[0]));
                // A form's cells one per line ("年度" "履职" "目标") are read as one label, as before pages were measured.
                var breaksWord = ReadingText.IsCjk(last) && line.Length > 0 && ReadingText.IsCjk(line[0]) && !EndsSentence(sb);
                if (!breaksNumber && !wrapped && !breaksWord)
                {
                    sb.Append('\n');
                }
            }

            sb.Append(line);
            previous = line;
        }

        return sb.ToString();
    }

    /// <summary>Display width: a Chinese character or full-width sign is 1, anything else ½.</summary>
    private static double Width(string line)
    {
        var w = 0.0;
        foreach (var c in line)
        {
            w += c >= '\u2E80' ? 1 : 0.5;
        }

        return w;
    }

    /// <summary>The width of a full line: the 80th percentile of the lines of some length (a page's text column).</summary>
    private static double FullWidth(List<string> lines)
    {
        var widths = lines.Select(Width).Where(w => w >= 8).Order().ToList();
        return widths.Count == 0 ? double.MaxValue : widths[(int)Math.Floor((widths.Count - 1) * 0.8)];
    }

    private static bool EndsSentence(StringBuilder sb) => sb.Length > 0 && sb[^1] is '。' or ':' or '：';

    private static decimal? FirstAmount(Regex phrase, string text)
    {
        var m = phrase.Match(text);
        if (!m.Success)
        {
            return null;
        }

        var n = ReadingText.Number(m.Groups["n"].Value);
        return n is null ? null : m.Groups["u"].Value == "元" ? n / 10000m : m.Groups["u"].Value == "亿元" ? n * 10000m : n;
    }

    /// <summary>Numbered lines or a 其中 list of funds with amounts: two or more make the report's projects.</summary>
    private static void FundLists(string file, string text, List<ReadProject> projects, List<ReadFinding> findings)
    {
        // A total followed by its parts: "…总额为84万元,其中:" then numbered lines or comma-separated items.
        foreach (Match total in TotalBeforeParts().Matches(text))
        {
            var start = total.Index + total.Length;
            var end = ListEnd(text, start);
            var items = FundItem().Matches(text[start..end]).Where(m => IsFundName(m.Groups["name"].Value)).ToList();
            if (items.Count < 2)
            {
                continue;
            }

            var totalValue = ReadingText.Number(total.Groups["n"].Value);
            var totalUnit = total.Groups["u"].Value;
            var amounts = new List<(string Name, decimal Value, string Unit)>();
            foreach (var item in items)
            {
                var name = CleanFundName(item.Groups["name"].Value);
                if (ReadingText.Number(item.Groups["n"].Value) is not { } v)
                {
                    continue;
                }

                var unit = item.Groups["u"].Value;
                amounts.Add((name, v, unit));
            }

            if (totalValue is { } tv)
            {
                var sumAsWritten = amounts.Sum(a => InWan(a.Value, a.Unit));
                var sumSameUnit = amounts.Sum(a => a.Value);
                var totalWan = InWan(tv, totalUnit);
                var odd = amounts.Where(a => a.Unit != totalUnit).ToList();
                if (Math.Abs(sumAsWritten - totalWan) > 0.005m && odd.Count == 1 && Math.Abs(sumSameUnit - tv) <= 0.005m)
                {
                    // "15元" in a list of 万元 that adds to its total only when read as 万元: the unit is wrong.
                    var o = odd[0];
                    findings.Add(new ReadFinding("unit", o.Name, F(o.Value) + o.Unit, F(o.Value) + totalUnit,
                        $"“{o.Name}”写作 {F(o.Value)}{o.Unit}，其余各项以{totalUnit}计，按{totalUnit}计才与总数 {F(tv)}{totalUnit} 相符：单位应为{totalUnit}。", file));
                    amounts = amounts.Select(a => a == o ? a with { Unit = totalUnit } : a).ToList();
                }
                else if (Math.Abs(sumAsWritten - totalWan) > 0.005m && end < text.Length)
                {
                    findings.Add(new ReadFinding("sum", F(tv) + totalUnit, F(tv), F(sumAsWritten),
                        $"所列 {amounts.Count} 项合计 {F(sumAsWritten)} 万元，与总数 {F(totalWan)} 万元不符。", file));
                }
            }

            foreach (var a in amounts)
            {
                projects.Add(new ReadProject(a.Name, null, null, null, InWan(a.Value, a.Unit), null, null, null, null, [], file));
            }

            if (projects.Count > 0)
            {
                return;
            }
        }
    }

    /// <summary>"部门项目共8个,分别为:a、b、…" — the names as projects when they are funds, and the count rechecked.</summary>
    private static void NameLists(string file, string text, List<ReadProject> projects, List<ReadFinding> findings)
    {
        foreach (Match m in CountedList().Matches(text))
        {
            var count = int.Parse(m.Groups["c"].Value, CultureInfo.InvariantCulture);
            var listText = m.Groups["list"].Value;
            var names = listText.Split(['、', ';', '；'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(n => n.TrimEnd('。', '.', ',', '，')).Where(n => n.Length >= 2).ToList();
            if (names.Count < 2)
            {
                continue;
            }

            var distinct = names.Distinct(StringComparer.Ordinal).Count();
            var after = m.Index + m.Length;
            var truncated = after >= text.Length || text[after] is not ('。' or '\n' or ';' or '；');
            if (!truncated && (names.Count != count || distinct != names.Count))
            {
                var what = m.Groups["c"].Value + m.Groups["what"].Value;
                findings.Add(new ReadFinding("count", what, count.ToString(CultureInfo.InvariantCulture), names.Count.ToString(CultureInfo.InvariantCulture),
                    $"写明“{what}”，但列出 {names.Count} 个" + (distinct != names.Count ? $"（其中重复 {names.Count - distinct} 个）" : "") + "。", file));
            }

            var before = text[Math.Max(0, m.Index - 12)..m.Index];
            if ((before.Contains("项目", StringComparison.Ordinal) || m.Groups["what"].Value.Contains("项目", StringComparison.Ordinal)) && projects.All(p => p.AmountWanYuan is null))
            {
                foreach (var name in names)
                {
                    projects.Add(new ReadProject(name, null, null, null, null, null, null, null, null, [], file));
                }
            }
        }
    }

    /// <summary>Funds named in quotation marks ("“乡村振兴战略专项资金——农业产业发展”等专项资金"), kept after the subject.</summary>
    private static void QuotedFunds(string file, string text, List<ReadProject> projects)
    {
        if (projects.Count > 0)
        {
            return;
        }

        var list = QuotedFundList().Match(text);
        if (!list.Success)
        {
            return;
        }

        foreach (Match m in QuotedFund().Matches(list.Value))
        {
            var name = m.Groups["name"].Value;
            if (projects.All(p => p.Name != name))
            {
                projects.Add(new ReadProject(name, null, null, null, null, null, null, null, null, [], file));
            }
        }
    }

    // A list of quoted funds: "“A”、“B”等专项资金".
    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs})[ \u00A0\u3000]+(?=[0-9])|(?<=[0-9%])[ \u00A0\u3000]+(?=\p{IsCJKUnifiedIdeographs})")]
    private static partial Regex SpaceBesideDigits();

    [GeneratedRegex(@"[ \u00A0\u3000]+(?=[“”‘’、，。：；！？）》])|(?<=[“‘、，。：；！？（《])[ \u00A0\u3000]+|(?<=[\p{IsCJKUnifiedIdeographs}“”、，。：；）》])[ \u00A0\u3000]+(?=[,:;()!?])|(?<=[,:;()!?])[ \u00A0\u3000]+(?=[\p{IsCJKUnifiedIdeographs}“‘（《])")]
    private static partial Regex SpaceBesidePunctuation();

    [GeneratedRegex(@"^\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十\d]+[章节条部分])")]
    private static partial Regex OpensItem();

    [GeneratedRegex(@"(?:“[^”\n]{4,100}”、)+“[^”\n]{4,100}”等")]
    private static partial Regex QuotedFundList();

    [GeneratedRegex(@"“(?<name>[^”\n]{4,60}?(?:专项资金|资金|项目)[^”\n]{0,40})”")]
    private static partial Regex QuotedFund();

    [GeneratedRegex(@"(?:评价|自评)?(?:结果|等级|结论|等次)(?:均)?(?:为|是|:|评定为|达到)?[“""]?(?<g>优秀|良好|合格|优|良|中|差)")]
    private static partial Regex GradePhrase();

    private static int ListEnd(string text, int start)
    {
        // The list runs to the first blank-line paragraph that does not continue it, or 1,500 characters.
        var limit = Math.Min(text.Length, start + 1500);
        var para = text.IndexOf("\n\n", start, limit - start, StringComparison.Ordinal);
        return para < 0 ? limit : para;
    }

    private static bool IsFundName(string name) => FundWord().IsMatch(name) && name.Length >= 4;

    private static string CleanFundName(string name) => LeadingNumber().Replace(name.Trim(), "").Trim();

    private static decimal InWan(decimal v, string unit) => unit == "元" ? v / 10000m : unit == "亿元" ? v * 10000m : v;

    private static string F(decimal d) => d.ToString("0.####", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?:总额|总计|共计|合计|规模)(?:为|共)?(?<n>\d+(?:\.\d+)?)(?<u>亿元|万元|元)[,，]?其中[:：]?")]
    private static partial Regex TotalBeforeParts();

    // One fund of a list: its name (ending in a fund word), an optional 指标/预算 and 为, and its amount.
    [GeneratedRegex(@"(?<name>(?:\d+[、.]|\(\d+\))?[^,，;；。:：\n]{2,40}?)(?:指标|预算|年初预算)?(?:为|共|计)?(?<![\d.])(?<n>\d{1,15}(?:\.\d{1,6})?)(?<u>亿元|万元|元)")]
    private static partial Regex FundItem();

    [GeneratedRegex(@"(?:专项经费|专项资金|专项|经费|项目资金|资金项目|资金|项目|费)$")]
    private static partial Regex FundWord();

    [GeneratedRegex(@"^(?:\d+[、.]|\(\d+\))")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"(?<c>\d{1,3})(?<what>个[^,，。:：\n]{0,8}?|项[^,，。:：\n]{0,6}?)[,，]?(?:分别为|分别是|包括|即|为)[:：](?<list>[^。\n]{4,2000})")]
    private static partial Regex CountedList();

    [GeneratedRegex(@"预算(?:数|资金|安排|总额|支出)?(?:为|是|共计|合计)?(?<n>\d[\d,]*(?:\.\d+)?)(?<u>亿元|万元|元)")]
    private static partial Regex BudgetPhrase();

    [GeneratedRegex(@"执行(?:总量|数|金额|资金)?(?:为|是|共计|合计)?(?<n>\d+(?:\.\d+)?)(?<u>亿元|万元|元)?")]
    private static partial Regex ExecutedPhrase();

    [GeneratedRegex(@"下达[^。，,;；:：]{0,30}?资金(?:共计|合计|总额)?(?:为)?(?<n>\d[\d,]*(?:\.\d+)?)(?<u>亿元|万元|元)")]
    private static partial Regex AllocatedPhrase();

    [GeneratedRegex(@"(?:发放|拨付|支付)(?:补贴|补助)?资金(?:共计|合计)?(?:为)?(?<n>\d[\d,]*(?:\.\d+)?)(?<u>亿元|万元|元)")]
    private static partial Regex PaidOutPhrase();
}
