using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Projects;

namespace Jixiao.Domain.Reviews;

/// <summary>
/// One thing a reviewer would send back: which rule, how severe, on which indicator (null for the project as a whole),
/// what is wrong and how to fix it, in Chinese. The message and suggestion are worded from the rule's templates when
/// first read, so a review of a province pays for wording only where someone looks.
/// </summary>
public sealed class ReviewFinding
{
    // A finding the engine makes keeps its rule and the words that go into the templates; one built from stored data
    // keeps a rule of its own whose templates are the stored texts.
    private readonly ReviewRule rule;
    private readonly string? project;
    private readonly string? value;
    private readonly string? detail;
    private readonly string? expected;
    private string? message;
    private string? suggestion;

    public ReviewFinding(string rule, Severity severity, string? indicator, string message, string suggestion, string title, string regulation,
        int? indicatorNumber = null, SourceLocation? location = null)
    {
        this.rule = new ReviewRule(rule, "", title, severity, true, regulation, message, suggestion, null, EmptyParameters);
        Indicator = indicator;
        this.message = message;
        this.suggestion = suggestion;
        IndicatorNumber = indicatorNumber;
        Location = location;
    }

    internal ReviewFinding(ReviewRule rule, string project, string? indicator, string? value, string? detail, string? expected,
        int? indicatorNumber, SourceLocation? location)
    {
        this.rule = rule;
        this.project = project;
        this.value = value;
        this.detail = detail;
        this.expected = expected;
        Indicator = indicator;
        IndicatorNumber = indicatorNumber;
        Location = location;
    }

    private static readonly IReadOnlyDictionary<string, System.Text.Json.JsonElement> EmptyParameters =
        new Dictionary<string, System.Text.Json.JsonElement>();

    public string Rule => rule.Id;

    /// <summary>The rule that made the finding (for findings built from stored data, a stand-in with Index −1).</summary>
    internal ReviewRule RuleData => rule;

    public Severity Severity => rule.Severity;

    public string? Indicator { get; }

    public string Message => message ??= ReviewRule.Fill(rule.Message, project, Indicator, value, detail, expected);

    public string Suggestion => suggestion ??= ReviewRule.Fill(rule.Suggestion, project, Indicator, value, detail, expected);

    public string Title => rule.Title;

    public string Regulation => rule.Regulation;

    public int? IndicatorNumber { get; }

    public SourceLocation? Location { get; }

    public override string ToString() => $"{Rule} {Message}";
}

/// <summary>The review of one project: its quality score (0–100), the 财预〔2015〕88号 outcome and the findings.</summary>
public sealed record ProjectReview(
    string Unit,
    string? Department,
    Project Project,
    string ProjectType,
    int Score,
    ReviewOutcome Outcome,
    IReadOnlyList<ReviewFinding> Findings)
{
    public string Name => Project.Name;

    public int Count(Severity severity) => Findings.Count(f => f.Severity == severity);
}

public sealed record RuleCount(string Rule, string Title, int Count);

/// <summary>A summary over many projects (a unit, a department or everything).</summary>
/// <param name="Amount">Σ project totals in 万元 (projects stated in 元 are converted).</param>
/// <param name="BlockedAmount">Σ totals (万元) of projects whose outcome is 差 and may not be budgeted.</param>
public sealed record ReviewSummary(
    int Projects,
    double AverageScore,
    int Excellent,
    int Good,
    int Fair,
    int Poor,
    int Errors,
    int Warnings,
    int Infos,
    decimal Amount,
    decimal BlockedAmount,
    IReadOnlyList<RuleCount> TopRules)
{
    public static ReviewSummary Of(IReadOnlyCollection<ProjectReview> projects, int topRules = 5)
    {
        var tally = new ReviewTally();
        foreach (var p in projects)
        {
            tally.Add(p);
        }

        return tally.ToSummary(topRules);
    }

    internal static decimal WanYuan(Project project) =>
        project.Amounts.Total is { } total ? new Money(total, project.Amounts.Unit).InWanYuan : 0m;
}

/// <summary>
/// The sums behind a <see cref="ReviewSummary"/>. Tallies add up exactly (counts, 万元 sums, score sums, findings per
/// rule), so a department's summary is its units' tallies merged and the total is every unit's: one pass over the
/// findings instead of one per level.
/// </summary>
internal sealed class ReviewTally
{
    private readonly Dictionary<string, (string Title, int Count)> rules = new(StringComparer.Ordinal);
    private int projects, excellent, good, fair, poor, errors, warnings, infos;
    private long scores;
    private decimal amount, blocked;

    public void Add(ProjectReview p)
    {
        projects++;
        scores += p.Score;
        switch (p.Outcome)
        {
            case ReviewOutcome.Excellent: excellent++; break;
            case ReviewOutcome.Good: good++; break;
            case ReviewOutcome.Fair: fair++; break;
            default: poor++; break;
        }

        var wan = ReviewSummary.WanYuan(p.Project);
        amount += wan;
        blocked += p.Outcome.BlocksBudgeting() ? wan : 0;
        var findings = p.Findings;
        if (findings is FindingList list)
        {
            // the engine's own findings: count from the records, without making a finding object each
            for (var i = 0; i < list.Count; i++)
            {
                var rule = list.Record(i).Words.Rule;
                Count(rule.Id, rule.Severity, rule.Title);
            }

            return;
        }

        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            Count(f.Rule, f.Severity, f.Title);
        }
    }

    private void Count(string rule, Severity severity, string title)
    {
        switch (severity)
        {
            case Severity.Error: errors++; break;
            case Severity.Warning: warnings++; break;
            default: infos++; break;
        }

        ref var seen = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(rules, rule, out var exists);
        seen = exists ? (seen.Title, seen.Count + 1) : (title, 1);
    }

    public void Add(ReviewTally other)
    {
        projects += other.projects;
        scores += other.scores;
        excellent += other.excellent;
        good += other.good;
        fair += other.fair;
        poor += other.poor;
        errors += other.errors;
        warnings += other.warnings;
        infos += other.infos;
        amount += other.amount;
        blocked += other.blocked;
        foreach (var (rule, (title, count)) in other.rules)
        {
            ref var seen = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(rules, rule, out var exists);
            seen = exists ? (seen.Title, seen.Count + count) : (title, count);
        }
    }

    public ReviewSummary ToSummary(int topRules = 5) => new(
        projects,
        projects == 0 ? 0 : Math.Round((double)scores / projects, 1),
        excellent, good, fair, poor, errors, warnings, infos, amount, blocked,
        rules.Select(r => new RuleCount(r.Key, r.Value.Title, r.Value.Count))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Rule, StringComparer.Ordinal)
            .Take(topRules).ToList());
}

/// <summary>A budget unit's summary and the findings about the unit itself (its 合计 row).</summary>
public sealed record UnitReview(string Name, string? Department, ReviewSummary Summary, IReadOnlyList<ReviewFinding> Findings);

/// <summary>A department's summary over its units.</summary>
public sealed record DepartmentReview(string Name, IReadOnlyList<string> Units, ReviewSummary Summary);

/// <summary>Everything one review pass produced.</summary>
public sealed record ReviewReport(
    IReadOnlyList<ProjectReview> Projects,
    IReadOnlyList<UnitReview> Units,
    IReadOnlyList<DepartmentReview> Departments,
    ReviewSummary Total,
    ReviewRuleSet Rules)
{
    public string RulesVersion => Rules.Version;

    /// <summary>The review of the named project (exact name first, then the only name containing it); null if none or ambiguous.</summary>
    public ProjectReview? Find(string name, string? unit = null)
    {
        var candidates = Projects.Where(p => unit is null || p.Unit == unit).ToList();
        var exact = candidates.Where(p => p.Name == name).ToList();
        if (exact.Count >= 1)
        {
            return exact[0];
        }

        var partial = candidates.Where(p => p.Name.Contains(name, StringComparison.Ordinal)).ToList();
        return partial.Count == 1 ? partial[0] : null;
    }
}
