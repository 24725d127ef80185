using Jixiao.Domain.Targets;
using Jixiao.Domain.Taxonomy;

namespace Jixiao.Domain.Reviews.Checks;

/// <summary>
/// What every check is given: the rules (messages, severities, parameters), the taxonomy, the library for examples,
/// and one way to record a finding. A disabled rule records nothing.
/// </summary>
internal sealed class CheckContext(ReviewRuleSet rules, IndicatorTaxonomy taxonomy, IndicatorLibrary library)
{
    public ReviewRuleSet Rules { get; } = rules;

    public IndicatorTaxonomy Taxonomy { get; } = taxonomy;

    public IndicatorLibrary Library { get; } = library;

    public bool Enabled(string ruleId) => Rules[ruleId].Enabled;

    public FactsMemo Facts { get; } = new(taxonomy);

    private readonly Memo<(IndicatorKey Indicator, string Type), FindingWords[]> verdicts = new();

    private readonly Memo<(string Rule, string Expected), FindingWords> projectWords = new(10_000);

    private readonly Memo<(string Type, string Codes), string> examples = new(10_000);

    /// <summary>Stands for the project's budget in a verdict's example; filled in when the finding is worded.</summary>
    public const string BudgetMarker = "\u0001budget";

    /// <summary>Records what the indicator checks decide about an indicator, deciding once per distinct indicator and project type.</summary>
    public void Emit(ProjectFacts project, IndicatorFacts indicator, IIndicatorCheck[] checks)
    {
        var found = verdicts.Get((indicator.VerdictKey, project.ProjectType), (checks, project, indicator, Rules), static (_, s) =>
        {
            var list = new List<Verdict>(2);
            foreach (var check in s.checks)
            {
                check.Decide(s.project, s.indicator, list);
            }

            var words = new List<FindingWords>(list.Count);
            foreach (var v in list)
            {
                var rule = s.Rules[v.Rule];
                if (rule.Enabled)
                {
                    var budget = v.Expected == BudgetMarker;
                    words.Add(new FindingWords(rule, v.Value, v.Detail, budget ? null : v.Expected, budget));
                }
            }

            return words.Count == 0 ? [] : words.ToArray();
        });
        foreach (var words in found)
        {
            project.AddFinding(words, indicator);
        }
    }

    public void Add(ProjectFacts project, string ruleId, IndicatorFacts? indicator, string? value = null, string? detail = null, string? expected = null)
    {
        var rule = Rules[ruleId];
        if (!rule.Enabled)
        {
            return;
        }

        // most project-level findings differ only by their example, which comes from the library: share their words
        var words = value is null && detail is null
            ? projectWords.Get((rule.Id, expected ?? ""), (rule, expected), static (_, s) => new FindingWords(s.rule, null, null, s.expected))
            : new FindingWords(rule, value, detail, expected);
        project.AddFinding(words, indicator);
    }

    /// <summary>"竣工验收合格率 =100%": the first library indicator of the project's type under one of the codes.</summary>
    /// <param name="codes">二级 or 一级 codes, comma-separated, in order of preference: "12,13".</param>
    public string LibraryExample(ProjectFacts project, string codes) =>
        examples.Get((project.ProjectType, codes), Library,
            static (key, library) => library.Example(key.Type, key.Codes.Split(',')) is { } example ? $"{example.Name} {example.TypicalValue}" : "");

    /// <summary>A typical value for an indicator, from its name: 满意度 ≥90%, …率 ≥95% (≤ for 故障率 and the like), counts ≥N.</summary>
    public static string ValueExample(IndicatorFacts indicator)
    {
        var stem = indicator.Stem;
        if (stem.Contains("满意", StringComparison.Ordinal))
        {
            return "≥90%";
        }

        if (IsLowerBetter(stem))
        {
            return stem.EndsWith('率') ? "≤5%" : "≤（上限）" + CountUnit(stem);
        }

        if (stem.EndsWith("时间", StringComparison.Ordinal) || stem.EndsWith("时长", StringComparison.Ordinal))
        {
            return "≤48小时";
        }

        if (stem.EndsWith('率') || stem.EndsWith('度') || indicator.Key.Contains('%'))
        {
            return stem.Contains("合格", StringComparison.Ordinal) || stem.Contains("完成", StringComparison.Ordinal) ? "=100%" : "≥95%";
        }

        return "≥（计划数）" + CountUnit(stem);
    }

    internal static bool IsLowerBetter(string stem) => IndicatorDirection.IsLowerBetterName(stem);

    private static string CountUnit(string stem) =>
        stem.EndsWith("人次", StringComparison.Ordinal) ? "人次"
        : stem.EndsWith("人数", StringComparison.Ordinal) ? "人"
        : stem.EndsWith("次数", StringComparison.Ordinal) ? "次"
        : stem.Contains("案件", StringComparison.Ordinal) || stem.Contains("事故", StringComparison.Ordinal) ? "起"
        : "个";

    public static bool IsMoneyUnit(string? unit) => unit is "元" or "万元" or "万" or "亿元" or "亿";

    /// <summary>A monetary target in 元 ("200万" → 2,000,000).</summary>
    public static decimal? InYuan(Target target) => target is Target.Quantitative { Unit: { } unit } q && IsMoneyUnit(unit)
        ? unit switch
        {
            "元" => q.Value,
            "万元" or "万" => q.Value * 10_000m,
            _ => q.Value * 100_000_000m,
        }
        : null;
}

/// <summary>A group of review rules implemented together; <see cref="RuleIds"/> lists the rules it may report.</summary>
internal interface IReviewCheck
{
    IReadOnlyList<string> RuleIds { get; }
}

/// <summary>A check of a project as a whole (its categories, numbering, amounts).</summary>
internal interface IProjectCheck : IReviewCheck
{
    void Check(ProjectFacts project);
}

/// <summary>
/// A check of one indicator. What it decides may depend only on the indicator's <see cref="IndicatorFacts.VerdictKey"/>
/// and the project's type, so the engine decides once per distinct indicator (<see cref="CheckContext.Emit"/>).
/// </summary>
internal interface IIndicatorCheck : IReviewCheck
{
    void Decide(ProjectFacts project, IndicatorFacts indicator, List<Verdict> output);
}
