using Jixiao.Domain.Taxonomy;

namespace Jixiao.Domain.Reviews;

/// <summary>An indicator proposed for a project, where it goes, a typical value and why.</summary>
/// <param name="Rule">The review rule whose finding the suggestion answers.</param>
/// <param name="Replaces">The project's indicator it would replace (a vague or input indicator), null when it is added.</param>
/// <param name="Source">"指标库：工程改造" or "同类项目：分局食堂楼结构加固及改造工程".</param>
public sealed record IndicatorSuggestion(
    string Name,
    IndicatorCategory Level1,
    IndicatorCategory Level2,
    string? Unit,
    string TypicalValue,
    string Reason,
    string Rule,
    string? Replaces,
    string Source);

/// <summary>
/// Proposes indicators that fill the gaps a review found: a missing category (REV201–REV207) gets the common
/// indicators of that category for the project's type, a vague or unmeasurable indicator (REV101, REV102, REV105) a
/// measurable one of the same 二级, an input stated as output (REV403, REV501, REV502) an output of the type.
/// Indicators that similar imported projects use come first (Dice similarity of names ≥ 0.3, same type);
/// then the built-in library. Nothing the project already has is proposed; each name is proposed once.
/// </summary>
public sealed class IndicatorSuggester(IndicatorLibrary library, double minSimilarity = 0.3)
{
    private static readonly Lazy<IndicatorSuggester> DefaultSuggester = new(() => new IndicatorSuggester(IndicatorLibrary.Default));

    public static IndicatorSuggester Default => DefaultSuggester.Value;

    public IndicatorLibrary Library { get; } = library;

    /// <summary>Suggestions for a reviewed project, at most <paramref name="perGap"/> for each gap; missing categories first.</summary>
    public IReadOnlyList<IndicatorSuggestion> Suggest(ProjectReview review, int perGap = 2)
    {
        var project = review.Project;
        var type = Library.Classify(project.Name, project.Goal.Text);
        var facts = new ProjectFacts(new Projects.BudgetUnit(review.Unit, review.Department, null, [project]), project, new FactsMemo(Taxonomy.IndicatorTaxonomy.Default));
        var taken = new HashSet<string>(facts.Indicators.Select(i => i.Stem), StringComparer.Ordinal);
        var result = new List<IndicatorSuggestion>();

        foreach (var finding in review.Findings.OrderBy(f => f.Indicator is null ? 0 : 1))
        {
            var indicator = finding.Indicator is null ? null : facts.Indicators.FirstOrDefault(i => i.Label == finding.Indicator);
            if (finding.Rule == "REV101" && indicator is { Level1: { } l1, Level2: { } l2 } && result.All(r => r.Replaces != indicator.Label))
            {
                // the indicator can be measured: keep it and give it a number (what similar projects use, or a typical value)
                var learned = Library.Learned.FirstOrDefault(l => l.Indicator.Name == indicator.Label && l.Project != project.Name);
                result.Add(new IndicatorSuggestion(indicator.Label, l1, l2, learned?.Indicator.Unit,
                    learned?.Indicator.TypicalValue ?? Checks.CheckContext.ValueExample(indicator),
                    $"保留指标“{indicator.Label}”，把定性表述“{ReviewText.Values(indicator.Indicator)}”改为定量目标", finding.Rule, indicator.Label,
                    learned?.Indicator.Source ?? "按指标名称推断"));
                continue;
            }

            var (codes, replaces, reason) = Gap(finding, indicator);
            if (codes.Length == 0)
            {
                continue;
            }

            var added = 0;
            foreach (var candidate in Candidates(project.Name, type, codes))
            {
                if (added >= perGap)
                {
                    break;
                }

                if (!taken.Add(ReviewText.Stem(candidate.Name)))
                {
                    continue;
                }

                result.Add(new IndicatorSuggestion(candidate.Name, candidate.Level1, candidate.Level2, candidate.Unit, candidate.TypicalValue,
                    reason, finding.Rule, replaces, candidate.Source));
                added++;
            }
        }

        return result;
    }

    /// <summary>Which 二级 codes fill the gap a finding shows, and the reason in Chinese.</summary>
    private static (string[] Codes, string? Replaces, string Reason) Gap(ReviewFinding finding, IndicatorFacts? indicator) => finding.Rule switch
    {
        "REV200" => (["11", "12", "22", "31"], null, "项目没有绩效指标，先按产出、效益、满意度各设一项"),
        "REV201" => (["11", "12", "13"], null, "缺少产出指标（财预〔2021〕101号）"),
        "REV202" => (["22", "21", "24"], null, "缺少效益指标（财预〔2021〕101号）"),
        "REV203" => (["31"], null, "项目服务群众，缺少服务对象满意度指标"),
        "REV204" => (["14", "41"], null, "缺少成本指标（财预〔2021〕101号将成本指标列为一级指标）"),
        "REV205" => (["11", "12", "22", "31"], null, "指标少于 3 项，补足产出、效益、满意度"),
        "REV206" => (["11"], null, "产出指标缺少数量指标，说明完成多少"),
        "REV207" => (["12", "13"], null, "产出指标缺少质量或时效指标"),
        "REV101" or "REV102" or "REV105" => (indicator?.Level2 is { } l2 ? [l2.Code] : ["11", "12", "22"], finding.Indicator,
            $"“{finding.Indicator}”的指标值不可考核，换成同类的可量化指标"),
        "REV403" or "REV501" or "REV502" => (["11"], finding.Indicator, $"“{finding.Indicator}”衡量的是投入，换成反映产出的指标"),
        _ => ([], null, ""),
    };

    private IEnumerable<LibraryIndicator> Candidates(string projectName, ProjectType type, string[] codes)
    {
        var learned = Library.Learned
            .Where(l => l.Project != projectName && codes.Contains(l.Indicator.Level2.Code))
            .Select(l => (l, Similarity: NameSimilarity.Of(projectName, l.Project)))
            .Where(x => x.Similarity >= minSimilarity && x.l.TypeId == type.Id || x.Similarity >= 0.6)
            .OrderByDescending(x => x.Similarity).ThenBy(x => Array.IndexOf(codes, x.l.Indicator.Level2.Code))
            .Select(x => x.l.Indicator);
        foreach (var indicator in learned)
        {
            yield return indicator;
        }

        foreach (var code in codes)
        {
            foreach (var indicator in type.Indicators.Where(i => i.Level2.Code == code))
            {
                yield return indicator;
            }
        }

        if (type != Library.FallbackType)
        {
            foreach (var code in codes)
            {
                foreach (var indicator in Library.FallbackType.Indicators.Where(i => i.Level2.Code == code))
                {
                    yield return indicator;
                }
            }
        }
    }
}
