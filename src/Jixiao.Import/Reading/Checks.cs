using System.Globalization;
using System.Text.RegularExpressions;

namespace Jixiao.Import.Reading;

/// <summary>
/// Rechecks the numbers a document states against each other (the 复核 checks): the 执行率 against 执行数 ÷ 预算数,
/// the 预算执行率 line's 得分 against its rule, a zero total over filled parts, 得分 above 分值, 分值 that do not
/// add to 100, the grade against the total. A finding only where the numbers disagree beyond the precision
/// printed. Messages are Chinese, ready for a 复核意见.
/// </summary>
internal static partial class Checks
{
    public static IReadOnlyList<ReadFinding> Run(DocumentKind kind, IReadOnlyList<ReadProject> projects, decimal? statedTotal, string? statedGrade, IEnumerable<(string Text, string Location)> texts)
    {
        var findings = new List<ReadFinding>();
        foreach (var (text, location) in texts)
        {
            Prose(text, location, findings);
        }

        foreach (var p in projects)
        {
            BudgetChecks(p, findings);
            foreach (var i in p.Indicators)
            {
                if (i.Weight is { } w && i.Score is { } s && s > w)
                {
                    findings.Add(new ReadFinding("score-over-weight", i.Name, F(s), F(w), $"“{i.Name}”得分 {F(s)} 超过其分值 {F(w)}。", i.Location));
                }

                TargetAttainment(i, findings);

                foreach (var (label, text) in new[] { ("实际完成值", i.Actual), ("指标值", i.Target) })
                {
                    if (text is not null && ReadingText.Percent(text.TrimStart('≥', '≤', '>', '<', '=')) is { } pct && pct > 200 && IsRate(i.Name))
                    {
                        findings.Add(new ReadFinding("impossible-value", i.Name, text, "≤100%", $"“{i.Name}”的{label} {text} 不可能：比率不应超过 100%。", i.Location));
                    }
                }
            }

            if (kind == DocumentKind.SelfEvaluation)
            {
                var weights = p.Indicators.Where(i => i.Weight is not null).Sum(i => i.Weight!.Value) + (p.BudgetExecution?.Weight ?? 0);
                if (weights > 0 && p.Indicators.All(i => i.Weight is not null) && p.Indicators.Count > 0 && weights != 100 && statedTotal is not null)
                {
                    findings.Add(new ReadFinding("weights", "分值", F(weights), "100", $"各项分值合计 {F(weights)}，不等于 100 分。", p.Location));
                }
            }
        }

        if (statedTotal is { } stated && kind == DocumentKind.SelfEvaluation && projects.Count == 1)
        {
            TotalOfScores(projects[0], stated, findings);
        }

        if (statedTotal is { } total && statedGrade is { } grade)
        {
            var band = total >= 90 ? "优" : total >= 80 ? "良" : total >= 60 ? "中" : "差";
            if (band != grade)
            {
                findings.Add(new ReadFinding("grade", "等级", grade, band, $"总分 {F(total)} 对应等级“{band}”，表内写的是“{grade}”。", null));
            }
        }

        return findings;
    }

    /// <summary>
    /// The stated 总分 against the printed 得分: equal to their sum when every line is scored, and never above what
    /// the lines could give (the 得分 printed plus the 分值 of the lines left unscored).
    /// </summary>
    private static void TotalOfScores(ReadProject p, decimal stated, List<ReadFinding> findings)
    {
        // A row with nothing but its name (the last row of a copy cut short) gives no line; nor does a budget line
        // that prints only amounts.
        var lines = p.Indicators.Where(i => i.Weight is not null || i.Score is not null || i.Target is not null || i.Actual is not null)
            .Select(i => (i.Weight, i.Score)).ToList();
        if (p.BudgetExecution is { } b && (b.Weight is not null || b.Score is not null))
        {
            lines.Add((b.Weight, b.Score));
        }

        // Only where every line read has its 分值: the lines not read (a page cut off) can then give at most what
        // is missing of 100, so a line the reader missed can never make a finding.
        if (lines.Count < 3 || lines.Any(l => l.Weight is null) || lines.All(l => l.Score is null))
        {
            return;
        }

        var weights = lines.Sum(l => l.Weight!.Value);
        if (weights > 100)
        {
            return;
        }

        var scored = lines.Where(l => l.Score is not null).ToList();
        var sum = scored.Sum(l => l.Score!.Value);
        var decimals = scored.Max(l => Decimals(F(l.Score!.Value)));
        var tolerance = decimals == 0 ? 0.005m : scored.Count * Step(decimals) / 2;
        var most = sum + lines.Where(l => l.Score is null).Sum(l => l.Weight!.Value) + (100 - weights);
        if (most == sum)
        {
            if (Math.Abs(sum - stated) > tolerance)
            {
                findings.Add(new ReadFinding("sum", "自评得分", F(stated), F(sum),
                    $"自评得分（总分）填为 {F(stated)}，但各项得分合计 {F(sum)}，相差 {F(stated - sum)}。", p.Location));
            }
        }
        else if (stated > most + tolerance)
        {
            findings.Add(new ReadFinding("sum", "自评得分", F(stated), "≤" + F(most),
                $"自评得分（总分）填为 {F(stated)}，但表内得分合计 {F(sum)}，其余各项即使得满分，总分也至多 {F(most)}。", p.Location));
        }
    }

    /// <summary>
    /// "申请预算资金2026400元,其中村级组织运转400000元,…,村级工作目标奖励100000元。": the parts listed after 其中, in the
    /// total's unit, up to the end of the sentence, must add to the total. A second 其中 starts a part of a part
    /// ("资金总额10000万元 其中:财政拨款10000万元 其中:当年财政拨款10000万元"), not another part.
    /// </summary>
    private static void PartsOfTotal(string text, string location, List<ReadFinding> findings)
    {
        if (!text.Contains("其中", StringComparison.Ordinal))
        {
            return;
        }

        var balanced = new List<(decimal Total, int Count, string Unit)>();
        foreach (Match m in TotalThenParts().Matches(text))
        {
            var unit = m.Groups["u"].Value;
            var total = ReadingText.Number(m.Groups["t"].Value);
            var sentence = m.Groups["rest"].Value;
            var parts = Amount().Matches(sentence).Where(a => a.Groups["u"].Value == unit).Select(a => ReadingText.Number(a.Groups["n"].Value)).ToList();
            if (total is null || parts.Count < 2 || parts.Any(x => x is null))
            {
                continue;
            }

            var sum = parts.Sum(x => x!.Value);
            if (Math.Abs(sum - total.Value) > 0.005m)
            {
                var where = m.Groups["t"].Value + unit;
                findings.Add(new ReadFinding("sum", where, F(total.Value), F(sum),
                    $"“{where}”其中所列 {parts.Count} 项合计 {F(sum)}{unit}，与总数相差 {F(total.Value - sum)}{unit}。", location));
            }
            else
            {
                balanced.Add((total.Value, parts.Count, unit));
            }
        }

        // The same items given another total elsewhere: "共计2646.34万元，计划用于6类专项支出" after six 专项 that add to 2535.4万元.
        foreach (Match m in TotalForItems().Matches(text))
        {
            if (ReadingText.Number(m.Groups["t"].Value) is not { } other || CountValue(m.Groups["n"].Value) is not { } count)
            {
                continue;
            }

            foreach (var (listed, parts, unit) in balanced.Where(b => b.Count == count && b.Unit == m.Groups["u"].Value && Math.Abs(b.Total - other) > 0.005m).Take(1))
            {
                var where = m.Groups["t"].Value + unit;
                findings.Add(new ReadFinding("sum", where, F(other), F(listed),
                    $"文中“共计{where}”用于 {count} 项，但前文所列同样 {parts} 项合计 {F(listed)}{unit}，相差 {F(other - listed)}{unit}。", location));
            }
        }
    }

    [GeneratedRegex(@"共计(?<t>\d{1,15}(?:\.\d{1,6})?)(?<u>万元|元)[^。;；\d]{0,30}?(?<n>\d{1,2}|[一二两三四五六七八九十]{1,3})(?:类|项|个)(?:专项|项目)")]
    private static partial Regex TotalForItems();

    [GeneratedRegex(@"(?<![\d.])(?<t>\d{1,15}(?:\.\d{1,6})?)(?<u>万元|元)[,，]?其中(?<rest>(?:(?!其中)[^。;；]){0,2000})")]
    private static partial Regex TotalThenParts();

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)(?<u>万元|元)")]
    private static partial Regex Amount();

    private static bool IsRate(string name) => name.Contains('率', StringComparison.Ordinal) || name.Contains("满意度", StringComparison.Ordinal) || name.Contains("认知度", StringComparison.Ordinal) || name.Contains("比例", StringComparison.Ordinal);

    private static void BudgetChecks(ReadProject p, List<ReadFinding> findings)
    {
        if (p.BudgetExecution is not { Score: not null })
        {
            ExecutionIndicator(p, findings);
        }

        if (p.BudgetExecution is not { } line)
        {
            return;
        }

        var where = line.Location;
        var budget = p.AmountWanYuan;
        var executed = p.ExecutedWanYuan;
        var statedBudget = line.Budget;
        if (statedBudget is 0 && budget is > 0)
        {
            findings.Add(new ReadFinding("sum", line.Label, "0", F(budget.Value), $"{line.Label}填为 0，但其中各项合计 {F(budget.Value)} 万元。", where));
        }

        if (budget is > 0 && executed is { } e)
        {
            var rate = e / budget.Value * 100m;
            if (line.Rate is { } printed && (ReadingText.Percent(printed) ?? ReadingText.Number(printed)) is { } pr)
            {
                var decimals = Decimals(printed.TrimEnd('%'));
                if (Math.Abs(Math.Round(rate, decimals, MidpointRounding.AwayFromZero) - pr) > Step(decimals) / 2 + 0.0000001m)
                {
                    findings.Add(new ReadFinding("execution-rate", line.Label, printed, F(Math.Round(rate, 2)) + "%",
                        $"执行率填为 {printed}，按全年执行数 {F(e)} ÷ 全年预算数 {F(budget.Value)} 计算应为 {F(Math.Round(rate, 2))}%。", where));
                }
            }

            if (line.Weight is { } w && line.Score is { } s)
            {
                var expected = w * Math.Min(rate, 100m) / 100m;
                var decimals = Math.Max(Decimals(F(s)), 2);
                var rounded = Math.Round(expected, decimals, MidpointRounding.AwayFromZero);
                var truncated = Math.Truncate(expected * Pow10(decimals)) / Pow10(decimals);
                // The score may be worked from the rate as printed ("20分*执行率" with 10.8%): that is the rule too.
                var printedRate = line.Rate is { } pr2 ? ReadingText.Percent(pr2) ?? ReadingText.Number(pr2) : null;
                var fromPrinted = printedRate is { } r2 && Math.Abs(r2 - rate) <= Step(Decimals(line.Rate!.TrimEnd('%'))) / 2 + 0.0000001m
                    ? Math.Round(w * Math.Min(r2, 100m) / 100m, decimals, MidpointRounding.AwayFromZero) : (decimal?)null;
                if (s != rounded && s != truncated && s != fromPrinted && Math.Abs(s - expected) > Step(decimals) / 2)
                {
                    findings.Add(new ReadFinding("execution-score", line.Label, F(s), F(rounded),
                        $"预算执行率得分填为 {F(s)}，按“分值 × 执行率”应为 {F(w)} × {F(Math.Round(rate, 3))}% = {F(rounded)}。", where));
                }
            }
        }
    }

    /// <summary>
    /// A 预算执行率 written as an indicator line (决策/过程/产出/效益 templates: 项目管理 / 投入管理 / 预算执行率, 分值 10):
    /// its 得分 is 分值 × 执行率 (财预〔2020〕10号), the rate from the budget line where it was read, else the line's
    /// own actual value.
    /// </summary>
    private static void ExecutionIndicator(ReadProject p, List<ReadFinding> findings)
    {
        foreach (var i in p.Indicators)
        {
            if (ReadingText.Key(i.Name) is not ("预算执行率" or "资金执行率") || i.Weight is not { } w || i.Score is not { } s || w <= 0)
            {
                continue;
            }

            var rate = p.AmountWanYuan is > 0 && p.ExecutedWanYuan is { } e ? e / p.AmountWanYuan.Value * 100m
                : i.Actual is { } a ? ReadingText.Percent(a) : null;
            if (rate is not { } r || r < 0)
            {
                continue;
            }

            var decimals = Math.Max(Decimals(F(s)), 2);
            var expected = Math.Round(w * Math.Min(r, 100m) / 100m, decimals, MidpointRounding.AwayFromZero);
            if (Math.Abs(s - expected) > Step(decimals) / 2 && Math.Abs(s - w * Math.Min(r, 100m) / 100m) >= 0.01m)
            {
                findings.Add(new ReadFinding("execution-score", i.Name, F(s), F(expected),
                    $"“{i.Name}”得分填为 {F(s)}，按“分值 × 执行率”应为 {F(w)} × {F(Math.Round(r, 2))}% = {F(expected)}。", i.Location));
            }
        }
    }

    private static int Decimals(string s)
    {
        var dot = s.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0 : s.Length - dot - 1;
    }

    private static decimal Step(int decimals) => 1m / Pow10(decimals);

    private static decimal Pow10(int n)
    {
        var r = 1m;
        for (var i = 0; i < n; i++)
        {
            r *= 10;
        }

        return r;
    }

    private static string F(decimal d) => d.ToString("0.####", CultureInfo.InvariantCulture);
}
