using Jixiao.Domain.Targets;
using Jixiao.Domain.Text;

namespace Jixiao.Domain.Reviews.Checks;

/// <summary>
/// Is each 指标值 细化量化 (财预〔2015〕88号)? Qualitative words on an indicator that could be counted (REV101), vague
/// words elsewhere (REV102), a number without a comparator (REV103) or unit (REV104), text that is no target at all
/// (REV105), no value (REV106), placeholders (REV306) and near-misses of the value vocabulary (REV307).
/// One finding per rule and indicator, however many of its two values show the problem.
/// </summary>
internal sealed class TargetValueCheck : IIndicatorCheck
{
    private readonly CheckContext context;
    private readonly string[] measurableSuffixes;
    private readonly string[] measurableLevel2;
    private readonly string[] vagueWords;
    private readonly decimal[] exemptPercentValues;
    private readonly bool exemptZeroCounts;
    private readonly string[] placeholders;
    private readonly int typoMaxLength;
    private readonly string[] vocabulary;
    private readonly HashSet<string> typoKnownWords;

    public TargetValueCheck(CheckContext context)
    {
        this.context = context;
        var rules = context.Rules;
        measurableSuffixes = rules["REV101"].Strings("measurableSuffixes");
        measurableLevel2 = rules["REV101"].Strings("measurableLevel2");
        vagueWords = rules["REV102"].Strings("vagueWords");
        exemptPercentValues = rules["REV103"].Numbers("exemptPercentValues");
        exemptZeroCounts = rules["REV103"].Flag("exemptZeroCounts");
        placeholders = rules["REV306"].Strings("placeholders");
        typoMaxLength = (int)rules["REV307"].Number("maxLength");
        typoKnownWords = new HashSet<string>(rules["REV307"].Strings("knownWords"), StringComparer.Ordinal);
        vocabulary = [.. TargetVocabulary.Up, .. TargetVocabulary.Down, .. TargetVocabulary.Keep, .. TargetVocabulary.Attain];
    }

    public IReadOnlyList<string> RuleIds { get; } = ["REV101", "REV102", "REV103", "REV104", "REV105", "REV106", "REV306", "REV307"];

    public void Decide(ProjectFacts project, IndicatorFacts indicator, List<Verdict> output)
    {
        var period = indicator.Indicator.PeriodTarget;
        var annual = indicator.Indicator.AnnualTarget;
        var hasPeriod = !string.IsNullOrWhiteSpace(period?.Text);
        var hasAnnual = !string.IsNullOrWhiteSpace(annual?.Text);
        if (ReviewText.FirstContained(indicator.Label, placeholders) is { } inName)
        {
            output.Add(new Verdict("REV306", inName, null, null));
        }

        if (!hasPeriod && !hasAnnual)
        {
            output.Add(new Verdict("REV106", null, null, CheckContext.ValueExample(indicator)));
            return;
        }

        Span<bool> reported = stackalloc bool[8];
        if (hasPeriod)
        {
            CheckTarget(project, indicator, period!, hasAnnual ? annual : null, reported, output);
        }

        if (hasAnnual && (!hasPeriod || annual!.Text.Trim() != period!.Text.Trim()))
        {
            CheckTarget(project, indicator, annual!, hasPeriod ? period : null, reported, output);
        }
    }

    // reported: 0 REV101, 1 REV102, 2 REV103, 3 REV104, 4 REV105, 5 REV306, 6 REV307
    private void CheckTarget(ProjectFacts project, IndicatorFacts indicator, Target target, Target? sibling, Span<bool> reported, List<Verdict> output)
    {
        var text = target.Text.Trim();
        if (ReviewText.FirstContained(text, placeholders) is { } placeholder)
        {
            Once(output, "REV306", 5, reported, text);
            return;
        }

        switch (target)
        {
            case Target.Qualitative q:
                if (q.Keyword is null && NearMiss(text, sibling) is { } intended)
                {
                    Once(output, "REV307", 6, reported, text, expected: intended);
                    return;
                }

                var measurable = IsMeasurable(indicator);
                if (q.Keyword is null)
                {
                    Once(output, "REV105", 4, reported, text, expected: measurable ? CheckContext.ValueExample(indicator) : Example(project, indicator));
                }
                else if (measurable)
                {
                    Once(output, "REV101", 0, reported, text, expected: CheckContext.ValueExample(indicator));
                }
                else if (ReviewText.FirstContained(ChineseText.Normalize(text), vagueWords) is { } vague)
                {
                    Once(output, "REV102", 1, reported, text, detail: $"“{vague}”", expected: Example(project, indicator));
                }

                break;

            case Target.Quantitative n:
                var percent = n.Unit == "%" || indicator.Key.Contains('%');
                if (n.Implicit && !(percent && Array.IndexOf(exemptPercentValues, n.Value) >= 0) && !(exemptZeroCounts && n.Value == 0))
                {
                    var symbol = CheckContext.IsLowerBetter(indicator.Stem) ? "≤" : n.Value >= 100 && percent ? "=" : "≥";
                    Once(output, "REV103", 2, reported, text, expected: symbol + text.TrimStart('=', '＝'));
                }

                if (n.Unit is null && indicator.Indicator.Unit is null && !HasUnitHint(indicator))
                {
                    var unit = indicator.Stem.EndsWith('率') ? "%" : indicator.Stem.EndsWith("人次", StringComparison.Ordinal) ? "人次" : "个";
                    var example = unit == "%" && n.Value <= 1 && n.Value > 0 ? $"{n.Value * 100:0.##}%" : $"{ReviewRule.Format(n.Value)}{unit}";
                    Once(output, "REV104", 3, reported, text, expected: example);
                }

                break;

            case Target.Range r when r.Unit is null && indicator.Indicator.Unit is null && !HasUnitHint(indicator):
                Once(output, "REV104", 3, reported, text, expected: $"{ReviewRule.Format(r.Min)}%-{ReviewRule.Format(r.Max)}%");
                break;

            default:
                break;
        }
    }

    /// <summary>For an indicator whose name is not a measure: a measurable indicator of its 二级 from the library ("群众安全感 ≥90%").</summary>
    private string Example(ProjectFacts project, IndicatorFacts indicator) =>
        indicator.Level2 is { } l2 && context.LibraryExample(project, l2.Code) is { Length: > 0 } example ? example : CheckContext.ValueExample(indicator);

    private static void Once(List<Verdict> output, string rule, int slot, Span<bool> reported, string value,
        string? detail = null, string? expected = null)
    {
        if (reported[slot])
        {
            return;
        }

        reported[slot] = true;
        output.Add(new Verdict(rule, value, detail, expected));
    }

    private bool IsMeasurable(IndicatorFacts indicator) =>
        ReviewText.EndsWithAny(indicator.Stem, measurableSuffixes)
        || indicator.Level2 is { } l2 && Array.IndexOf(measurableLevel2, l2.Code) >= 0
        || indicator.IsSatisfaction;

    /// <summary>A unit in the name: "施工质量合格率(%)", "差错事故数/起", "设备完好率%".</summary>
    private static bool HasUnitHint(IndicatorFacts indicator)
    {
        var key = indicator.Key;
        return key.Contains('%') || key.Length > indicator.Stem.Length;
    }

    /// <summary>
    /// The vocabulary word a short unknown value most likely misspells ("增肌" → "增加"): edit distance 1 to a word of
    /// similar length; when the other value of the indicator is such a word, it is the one.
    /// </summary>
    private string? NearMiss(string text, Target? sibling)
    {
        var core = ReviewText.Key(text);
        if (core.Length < 2 || core.Length > typoMaxLength || !ChineseText.IsHan(core[0]))
        {
            return null;
        }

        if (sibling is Target.Qualitative { Keyword: { } word } && ReviewText.Key(sibling.Text) == word
            && ReviewText.EditDistance(core, word) == 1)
        {
            return word;
        }

        // without the other value as evidence, two characters are too few to call a typo ("完好", "合理" are words)
        if (core.Length < 3)
        {
            return null;
        }

        foreach (var candidate in vocabulary)
        {
            if (candidate.Length >= 2 && Math.Abs(candidate.Length - core.Length) <= 1 && ReviewText.EditDistance(core, candidate) == 1
                && ShareStart(core, candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    // a typo keeps the first character of the word it misses (增肌/增加, 提搞/提高); "按需" is not a typo of "按时" …
    private bool ShareStart(string core, string candidate) => core[0] == candidate[0] && core.Length == candidate.Length && core.Length <= 4
        && !typoKnownWords.Contains(core);
}
