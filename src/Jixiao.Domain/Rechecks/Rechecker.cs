using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Targets;
using Jixiao.Domain.Text;

namespace Jixiao.Domain.Rechecks;

/// <summary>
/// 自评复核 (issue #16 item 3): scores every line of a read self-evaluation by a district's rule set, beside the unit's
/// own score, with the reason of each difference, the reviewer's mark-downs, the capped total and the grade. Pure and
/// deterministic; what it cannot score (no 分值, no number to compare) keeps the unit's score and says so.
/// </summary>
public static class Rechecker
{
    public const string RuleSetCheck = "rule-set";

    public static RecheckResult Recheck(SelfEvaluationInput input, RecheckRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(rules);
        if (TooLarge(input) is { } where)
        {
            // a number no 自评表 can hold (a scan's run-together digits): decimal arithmetic on it could overflow
            var kept = input.Lines.Select(l => new RecheckedLine(l, null, false, "表内数字超出可复核的范围，未复核", [])).ToList();
            return new RecheckResult(input, rules, null, kept, null, input.StatedGrade, 0, null, 0, rules.Grades.GradeOf(0),
                [new("impossible-value", where, null, null, $"“{where}”的数字超出可复核的范围（绝对值大于 {MaxNumber:N0}），无法复核本表。")]);
        }

        var findings = new List<RecheckFinding>();
        var budget = input.Budget is { } b ? Budget(b, rules, findings) : null;

        var lines = new List<RecheckedLine>(input.Lines.Count);
        var outputKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in input.Lines)
        {
            if (IsLevel1(line.Level1, "产出"))
            {
                outputKeys.Add(Key(line.Name));
            }
        }

        var parents = Parents(input.Lines);
        for (var i = 0; i < input.Lines.Count; i++)
        {
            var line = Line(input.Lines[i], rules, outputKeys, findings);
            if (parents[i] is { } parent)
            {
                line = line with { PartOf = input.Lines[parent].Name, Reason = $"{line.Reason}（“{input.Lines[parent].Name}”的细项，不另计入总分）" };
            }

            lines.Add(line);
        }

        var (uncapped, cap, total) = Totals(budget, lines, rules);

        // the sum and the 分值 of the printed scores are the reading's checks (sum, weights), which know whether every line was read
        var statedTotal = input.StatedTotal
            ?? (input.Lines.Any(l => l.StatedScore is not null)
                ? (input.Budget?.StatedScore ?? 0) + input.Lines.Where((_, i) => parents[i] is null).Sum(l => l.StatedScore ?? 0)
                : null);
        // only a printed 总分 breaks the cap; a sum of the printed scores is the product's, not the unit's, statement
        if (cap is not null && input.StatedTotal is { } st && st > cap.MaxTotal)
        {
            findings.Add(new(RuleSetCheck, "总分", Numbers.Format(st), Numbers.Format(cap.MaxTotal),
                $"预算执行率 {Numbers.Format(Round(budget!.RatePercent!.Value))}% 低于 {Numbers.Format(cap.ExecutionBelowPercent)}%，按复核规则总分最高 {Numbers.Format(cap.MaxTotal)} 分，自评 {Numbers.Format(st)} 分超过上限。"));
        }

        var statedGrade = input.StatedGrade ?? (statedTotal is { } t ? rules.Grades.GradeOf(t) : null);
        if (input.StatedGrade is { } printedGrade && statedTotal is { } total2 && rules.Grades.GradeOf(total2) != printedGrade)
        {
            findings.Add(new("grade", "等级", printedGrade, rules.Grades.GradeOf(total2),
                $"自评总分 {Numbers.Format(total2)} 分应为“{rules.Grades.GradeOf(total2)}”，表内写“{printedGrade}”（{rules.Grades}）。"));
        }

        return new RecheckResult(input, rules, budget, lines, statedTotal, statedGrade, uncapped, total < uncapped ? cap : null, total,
            rules.Grades.GradeOf(total), findings);
    }

    /// <summary>
    /// The 复核 total of a budget line and lines: their scores added (a 细项 not again), before and after the cap the
    /// 执行率 reaches (<paramref name="rules"/>); <c>Cap</c> is the cap reached, whether or not it lowered the total.
    /// </summary>
    internal static (decimal Uncapped, TotalCap? Cap, decimal Total) Totals(RecheckedBudgetLine? budget, IReadOnlyList<RecheckedLine> lines, RecheckRuleSet rules)
    {
        var uncapped = Round((budget?.Score ?? 0) + lines.Where(l => l.CountsInTotal).Sum(l => l.Score ?? 0));
        var cap = budget?.RatePercent is { } rate ? rules.CapFor(rate) : null;
        return (uncapped, cap, cap is not null && uncapped > cap.MaxTotal ? cap.MaxTotal : uncapped);
    }

    private static RecheckedBudgetLine Budget(RecheckBudgetLine line, RecheckRuleSet rules, List<RecheckFinding> findings)
    {
        var where = line.Label;
        var weight = line.Weight ?? rules.BudgetExecution.Weight;
        if (line.Weight is { } printed && printed != rules.BudgetExecution.Weight)
        {
            findings.Add(new(RuleSetCheck, where, Numbers.Format(printed), Numbers.Format(rules.BudgetExecution.Weight),
                $"预算执行率分值为 {Numbers.Format(printed)} 分，复核规则（{rules.Name}）为 {Numbers.Format(rules.BudgetExecution.Weight)} 分；复核按表内分值计分。"));
        }

        // a printed rate "10.77%", or a fraction "0.1077" where the table prints no % sign
        (decimal Percent, int Decimals)? printedRate = MeasuredValue.Parse(line.StatedRate) is { Value: { } v } m
            ? (m.Unit == "%" || v > 1 ? v : v * 100, m.Unit == "%" || v > 1 ? m.Decimals : Math.Max(m.Decimals - 2, 0))
            : null;
        if (printedRate is { } huge && Big(huge.Percent))
        {
            printedRate = null;
        }

        decimal? exactRate = line.BudgetWanYuan is > 0 && line.ExecutedWanYuan is { } executed ? Percent(executed, line.BudgetWanYuan.Value) : null;
        if (exactRate is { } exact && printedRate is { } pr && !Agrees(pr.Percent, exact, pr.Decimals))
        {
            findings.Add(new("execution-rate", where, line.StatedRate, Numbers.Format(exact, Math.Max(pr.Decimals, 2)) + "%",
                $"执行率应为 全年执行数 {Numbers.Format(line.ExecutedWanYuan!.Value)} ÷ 全年预算数 {Numbers.Format(line.BudgetWanYuan!.Value)} = {Numbers.Format(exact, 2)}%，表内为“{line.StatedRate}”。"));
        }

        var rate = exactRate ?? printedRate?.Percent;
        if (rate is not { } r)
        {
            var why = line.BudgetWanYuan is 0 ? "全年预算数为 0" : "没有全年预算数、全年执行数或执行率";
            return new RecheckedBudgetLine(line, null, line.StatedScore, $"{why}，无法计算预算执行率得分，按单位得分计");
        }

        var score = Round(Math.Min(r, 100) / 100 * weight);
        var reason = $"执行率 {Numbers.Format(r, 2)}%，按 min(执行率, 100%) × {Numbers.Format(weight)} 计，得 {Numbers.Format(score)} 分";
        if (line.StatedScore is { } stated)
        {
            var fromPrinted = printedRate is { } p ? Math.Min(p.Percent, 100) / 100 * weight : (decimal?)null;
            var agrees = Agrees(stated, Math.Min(r, 100) / 100 * weight, stated.Scale) || (fromPrinted is { } fp && Agrees(stated, fp, stated.Scale));
            if (stated > weight)
            {
                findings.Add(new("score-over-weight", where, Numbers.Format(stated), Numbers.Format(weight),
                    $"预算执行率得分 {Numbers.Format(stated)} 分高于分值 {Numbers.Format(weight)} 分。"));
            }
            else if (!agrees)
            {
                findings.Add(new("execution-score", where, Numbers.Format(stated), Numbers.Format(score),
                    $"预算执行率得分应为 {Numbers.Format(weight)} × {Numbers.Format(r, 2)}% = {Numbers.Format(score)} 分，表内为 {Numbers.Format(stated)} 分。"));
            }
        }

        return new RecheckedBudgetLine(line, r, score, reason);
    }

    private static RecheckedLine Line(RecheckLine line, RecheckRuleSet rules, HashSet<string> outputKeys, List<RecheckFinding> findings)
    {
        var where = line.Name;
        var target = TargetParser.Parse(line.Target);
        var hasReason = !string.IsNullOrWhiteSpace(line.Reason);
        if (line.Weight is not { } w || w < 0)
        {
            var keep = line.Weight is < 0 ? "分值为负数，无法复核，按单位得分计"
                : line.StatedScore is null ? "未印分值和得分，不计分" : "未印分值，得分无法复核，按单位得分计";
            return new RecheckedLine(line, line.StatedScore, false, keep, []);
        }

        if (line.StatedScore is { } over && over > w)
        {
            findings.Add(new("score-over-weight", where, Numbers.Format(over), Numbers.Format(w),
                $"“{where}”得分 {Numbers.Format(over)} 分高于分值 {Numbers.Format(w)} 分。"));
        }

        var scored = Quantitative(line, target, w, rules, findings) ?? Qualitative(line, target, w, rules, findings);
        var score = scored.Score;
        var reason = scored.Reason;

        if (scored.Rechecked && line.StatedScore is { } stated && stated <= w && !scored.BandAccepted && !Agrees(stated, scored.Exact, stated.Scale))
        {
            var (check, message) = (scored.Met, stated < w, stated >= w) switch
            {
                (true, true, _) when !hasReason => ("met-target-below-full", $"“{where}”已完成指标值（{reason}），自评只得 {Numbers.Format(stated)} 分，且未说明扣分原因。"),
                (false, _, true) when !hasReason => ("missed-target-full", $"“{where}”未完成指标值（{reason}），自评却得满分 {Numbers.Format(stated)} 分，且未说明原因。"),
                _ => (RuleSetCheck, $"“{where}”按复核规则（{rules.Name}）应得 {Numbers.Format(score ?? 0)} 分（{reason}），自评 {Numbers.Format(stated)} 分。"),
            };
            findings.Add(new(check, where, Numbers.Format(stated), Numbers.Format(score ?? 0), message));
        }

        var markDowns = new List<MarkDown>();
        void Cap(MarkDownRule rule, MarkDownKind kind, string what)
        {
            var max = Round(rule.MaxShare * w);
            markDowns.Add(new MarkDown(kind, max == 0 ? $"{what}，不计分" : $"{what}，最多计 {Numbers.Format(max)} 分"));
            if (score > max)
            {
                score = max;
            }
        }

        var key = Key(line.Name);
        if (rules.Duplicate.Enabled && IsLevel1(line.Level1, "效益") && outputKeys.Contains(key))
        {
            Cap(rules.Duplicate, MarkDownKind.Duplicate, "与产出指标重复，只计一次");
        }

        if (rules.VagueQualitative.Enabled && target is Target.Qualitative
            && ContainsAny(line.Target ?? line.Name, rules.VagueQualitative.Words) is { } vague)
        {
            Cap(rules.VagueQualitative, MarkDownKind.VagueQualitative, $"定性指标“{vague}”无法衡量");
        }

        if (rules.MoneyOnlyQuantity.Enabled && (line.Level2 ?? "").Contains("数量", StringComparison.Ordinal)
            && (IsMoney(target) || ContainsAny(line.Name, rules.MoneyOnlyQuantity.Words) is not null))
        {
            Cap(rules.MoneyOnlyQuantity, MarkDownKind.MoneyOnlyQuantity, "数量指标只衡量资金支付，不衡量产出");
        }

        // 无佐证: only where the count is known, and only for a line that has a score to lose.
        if (rules.NoEvidence.Enabled && line.EvidenceFiles == 0 && w > 0 && (score ?? 0) > 0)
        {
            Cap(rules.NoEvidence, MarkDownKind.NoEvidence, "未上传佐证材料");
        }

        if (rules.DeductionWithoutReason.Enabled && line.StatedScore is { } s2 && s2 < w && !hasReason)
        {
            markDowns.Add(new MarkDown(MarkDownKind.DeductionWithoutReason, $"自评扣 {Numbers.Format(w - s2)} 分，未说明原因"));
        }

        return new RecheckedLine(line, score, scored.Rechecked, reason, markDowns);
    }

    /// <summary>The largest 分值, 得分, amount (万元) or value a recheck computes with; far beyond any real 自评表.</summary>
    public const decimal MaxNumber = 1_000_000_000_000m;

    private static string? TooLarge(SelfEvaluationInput input)
    {
        // numbers inside texts (targets, actual values, the printed rate) are checked where they are parsed, once
        if (input.Budget is { } b && (Big(b.Weight) || Big(b.BudgetWanYuan) || Big(b.ExecutedWanYuan) || Big(b.StatedScore)))
        {
            return b.Label;
        }

        if (Big(input.StatedTotal))
        {
            return "总分";
        }

        return input.Lines.FirstOrDefault(l => Big(l.Weight) || Big(l.StatedScore))?.Name;
    }

    private static bool Big(decimal? v) => v is { } x && Math.Abs(x) > MaxNumber;

    /// <summary>
    /// For each line, the index of the heading it is a part of, or null: a heading numbered with a Chinese numeral
    /// ("一、示范区建立", 15 分) followed by lines numbered 1、2、3… in the same 二级 whose printed scores add up to the heading's
    /// (5 + 5 + 5) — the 细项 of corpus 12, which a total must not count twice.
    /// </summary>
    private static int?[] Parents(IReadOnlyList<RecheckLine> lines)
    {
        var parents = new int?[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (!StartsWithNumbering(lines[i].Name, chinese: true) || lines[i].StatedScore is not { } heading)
            {
                continue;
            }

            var j = i + 1;
            decimal sum = 0;
            var scored = true;
            while (j < lines.Count && lines[j].Level2 == lines[i].Level2 && StartsWithNumbering(lines[j].Name, chinese: false))
            {
                scored &= lines[j].StatedScore is not null;
                sum += lines[j].StatedScore ?? 0;
                j++;
            }

            if (j - i > 2 && scored && Math.Abs(sum - heading) <= 0.005m)
            {
                for (var k = i + 1; k < j; k++)
                {
                    parents[k] = i;
                }
            }
        }

        return parents;
    }

    private static bool StartsWithNumbering(string name, bool chinese)
    {
        var text = ChineseText.Normalize(name).TrimStart();
        var i = 0;
        while (i < text.Length && (chinese ? "一二三四五六七八九十".Contains(text[i], StringComparison.Ordinal) : char.IsAsciiDigit(text[i])))
        {
            i++;
        }

        return i > 0 && i < text.Length && text[i] is '、' or '.' && !(i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]));
    }

    /// <summary>What scoring a line gave: <see cref="Exact"/> before rounding (to compare the unit's score at its precision); <see cref="BandAccepted"/> when a 定性 score within its band is kept as the unit's.</summary>
    private readonly record struct Scored(decimal? Score, decimal Exact, bool Rechecked, bool Met, bool BandAccepted, string Reason);

    /// <summary>定量: the actual against a numeric target, in its direction; null when the line is not scored this way.</summary>
    private static Scored? Quantitative(RecheckLine line, Target target, decimal w, RecheckRuleSet rules, List<RecheckFinding> findings)
    {
        var (t, max, targetUnit) = target switch
        {
            Target.Quantitative q => ((decimal?)q.Value, (decimal?)null, q.Unit),
            Target.Ratio r => (r.Value, null, null),
            Target.Range r => (r.Min, r.Max, r.Unit),
            _ => (null, null, (string?)null),
        };
        var measured = MeasuredValue.Parse(line.Actual);
        if (t is not { } tv || measured.Value is not { } raw)
        {
            return null;
        }

        if (Big(tv) || Big(raw))
        {
            findings.Add(new("impossible-value", line.Name, Big(raw) ? line.Actual : line.Target, null,
                $"“{line.Name}”的{(Big(raw) ? "实际完成值" : "指标值")}数字超出可复核的范围（绝对值大于 {MaxNumber:N0}），未复核。"));
            return new Scored(line.StatedScore, line.StatedScore ?? 0, false, false, false, "数字超出可复核的范围，按单位得分计");
        }

        var a = raw;
        if (measured.Unit is { } au && targetUnit is { } tu && au != tu)
        {
            if (MoneyFactor(au) is { } from && MoneyFactor(tu) is { } to)
            {
                a = raw * from / to;
            }
            else
            {
                return new Scored(line.StatedScore, line.StatedScore ?? 0, false, false, false,
                    $"实际完成值单位“{au}”与指标值单位“{tu}”不同，无法比较，按单位得分计");
            }
        }

        a = Math.Max(a, 0);
        var direction = IndicatorDirections.Resolve(line.Name, line.Level2 ?? "", target, null);
        var at = Numbers.Format(a);
        decimal exact;
        bool met;
        string how;
        switch (direction)
        {
            case ScoringDirection.Range when max is { } hi:
                met = a >= tv && a <= hi;
                exact = met ? w : a < tv ? a / tv * w : a < 2 * hi ? (1 - (a - hi) / hi) * w : 0;
                how = met ? $"实际 {at} 在区间内，得满分" : $"实际 {at} 在区间外，按偏离计";
                break;
            case ScoringDirection.Down:
                met = a <= tv;
                exact = met ? w : tv == 0 ? 0 : a < 2 * tv ? (1 - (a - tv) / tv) * w : 0;
                how = met ? $"实际 {at} 不高于指标值 {Numbers.Format(tv)}（反向），得满分" : $"实际 {at} 高于指标值 {Numbers.Format(tv)}（反向），按 (1 − 偏离) × {Numbers.Format(w)} 计";
                break;
            case ScoringDirection.Equal when tv == 0:
                met = a <= 0;
                exact = met ? w : 0;
                how = met ? "指标值为 0，实际为 0，得满分" : $"指标值为 0，实际 {at}，不得分";
                break;
            default:
                met = a >= tv;
                exact = met || tv == 0 ? w : a / tv * w;
                how = met ? $"实际 {at} 达到指标值 {Numbers.Format(tv)}，得满分" : $"实际 {at} 未达指标值 {Numbers.Format(tv)}，按 {at}÷{Numbers.Format(tv)}×{Numbers.Format(w)} 计";
                if (direction == ScoringDirection.Up && tv > 0 && a * 100 >= rules.OverAchievement.ThresholdPercent * tv)
                {
                    (exact, how) = OverAchieved(line, tv, a, w, exact, how, rules, findings);
                }

                break;
        }

        exact = Math.Clamp(exact, 0, w);
        var score = Round(exact);
        return new Scored(score, exact, true, met, false, $"{how}，复核 {Numbers.Format(score)} 分");
    }

    private static (decimal Exact, string How) OverAchieved(
        RecheckLine line, decimal t, decimal a, decimal w, decimal exact, string how, RecheckRuleSet rules, List<RecheckFinding> findings)
    {
        var rule = rules.OverAchievement;
        var percent = Percent(a, t) is { } p ? Numbers.Format(Round(p)) : "远超 100";
        var hasReason = !string.IsNullOrWhiteSpace(line.Reason);
        switch (rule.Policy)
        {
            case OverAchievementPolicy.Deduct when !hasReason:
                // a unit's full marks then differ from the rule's: the line's comparison reports it with this reason
                var deducted = t / a * w;
                return (deducted, $"{how}；超额完成 {percent}% 未说明原因，按 指标值÷实际×分值 调减");
            case OverAchievementPolicy.FixedPoints:
                return (Math.Max(0, w - rule.Points), $"{how}；超额完成 {percent}%，按规则扣 {Numbers.Format(rule.Points)} 分");
            case OverAchievementPolicy.Explain when !hasReason:
                findings.Add(new(RuleSetCheck, line.Name, null, null,
                    $"“{line.Name}”实际完成 {percent}%，达到指标值的 {Numbers.Format(rule.ThresholdPercent)}% 以上，应说明超额原因。"));
                return (exact, $"{how}；超额 {percent}% 未说明原因");
            default:
                return (exact, how);
        }
    }

    /// <summary>定性: the band of the rating the actual states; a unit's score inside the band stands.</summary>
    private static Scored Qualitative(RecheckLine line, Target target, decimal w, RecheckRuleSet rules, List<RecheckFinding> findings)
    {
        QualitativeRating? rating = EvaluationNames.TryParseRating(line.Actual, out var r) ? r
            : line.Actual is { } actual && line.Target is { } tt && Same(actual, tt) ? QualitativeRating.Achieved
            : null;
        if (rating is not { } found)
        {
            var why = string.IsNullOrWhiteSpace(line.Actual) ? "未写实际完成值" : $"实际完成值“{line.Actual}”无法与指标值“{target.Text}”比较";
            return new Scored(line.StatedScore, line.StatedScore ?? 0, false, false, false, $"{why}，按单位得分计");
        }

        var band = rules.Qualitative.BandOf(found);
        var (lo, hi) = (Round(band.MinPercent / 100 * w), Round(band.MaxPercent / 100 * w));
        var bandText = $"定性“{found.Chinese()}”，档内 {Numbers.Format(lo)}–{Numbers.Format(hi)} 分";
        var met = found == QualitativeRating.Achieved;
        if (line.StatedScore is not { } stated)
        {
            return new Scored(hi, hi, true, met, false, $"{bandText}，未印得分，按档次上限 {Numbers.Format(hi)} 分");
        }

        if (stated >= lo && stated <= hi)
        {
            return new Scored(stated, stated, true, met, true, $"{bandText}，自评得分在档内");
        }

        var clamped = stated < lo ? lo : hi;
        return new Scored(clamped, clamped, true, met, false, $"{bandText}，按档次{(stated < lo ? "下限" : "上限")}计");
    }

    /// <summary>A target in money: 元, 万元, 亿元 — not "550万粒", whose 万 counts seeds.</summary>
    private static bool IsMoney(Target target) =>
        target is Target.Quantitative { Unit: { } unit } && unit.EndsWith('元') && MoneyFactor(unit) is not null;

    private static decimal? MoneyFactor(string unit) => unit switch
    {
        "元" => 1m,
        "万元" or "万" => 10_000m,
        "亿元" or "亿" => 100_000_000m,
        _ => null,
    };

    private static bool IsLevel1(string? level1, string word) => level1 is not null && level1.Contains(word, StringComparison.Ordinal);

    private static string? ContainsAny(string text, IReadOnlyList<string> words)
    {
        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                return word;
            }
        }

        return null;
    }

    private static bool Same(string a, string b) => Key(a) == Key(b);

    /// <summary>An indicator's name without its numbering ("指标1：", "1、", "（二）") or punctuation, for counting the same indicator once.</summary>
    internal static string Key(string name)
    {
        var text = ChineseText.Normalize(name).Trim();
        if (text.StartsWith("指标", StringComparison.Ordinal) && text.Length > 2 && char.IsAsciiDigit(text[2]))
        {
            text = text[2..];
        }

        // numbering is digits or Chinese numerals closed by 、 . : ) (or opened by "("), repeated: "一、", "(2)", "1.1"
        var i = 0;
        while (true)
        {
            var j = i;
            var open = j < text.Length && text[j] is '(' or '（';
            if (open)
            {
                j++;
            }

            var start = j;
            while (j < text.Length && (char.IsAsciiDigit(text[j]) || "一二三四五六七八九十".Contains(text[j], StringComparison.Ordinal)))
            {
                j++;
            }

            if (j == start || j >= text.Length || !"、.:：)）".Contains(text[j], StringComparison.Ordinal))
            {
                break;
            }

            i = j + 1;
        }

        return new string([.. text[i..].Where(c => !char.IsPunctuation(c) && !char.IsWhiteSpace(c))]);
    }

    /// <summary>A printed number agrees with an exact one within 0.005, or rounded or truncated at the decimals it is printed with.</summary>
    private static bool Agrees(decimal printed, decimal exact, int decimals)
    {
        if (Math.Abs(printed - exact) <= 0.005m)
        {
            return true;
        }

        if (decimals < 1)
        {
            return false;
        }

        var d = Math.Min(decimals, 6);
        return decimal.Round(exact, d, MidpointRounding.AwayFromZero) == printed
            || decimal.Truncate(exact * Pow10(d)) / Pow10(d) == printed;
    }

    private static decimal Pow10(int d)
    {
        var p = 1m;
        for (var i = 0; i < d; i++)
        {
            p *= 10;
        }

        return p;
    }

    /// <summary>part ÷ whole in percent; null when it is beyond decimal's range (a whole of 0.0000…1).</summary>
    private static decimal? Percent(decimal part, decimal whole)
    {
        try
        {
            return part / whole * 100;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static decimal Round(decimal value) => Numbers.Trim(ScoreRounding.Round(value));
}
