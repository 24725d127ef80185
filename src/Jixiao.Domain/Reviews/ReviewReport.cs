using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Projects;

namespace Jixiao.Domain.Reviews;

/// <summary>
/// One thing a reviewer would send back: which rule, how severe, on which indicator (null for the project as a whole),
/// what is wrong and how to fix it, in Chinese.
/// </summary>
public sealed record ReviewFinding(
    string Rule,
    Severity Severity,
    string? Indicator,
    string Message,
    string Suggestion,
    string Title,
    string Regulation,
    int? IndicatorNumber = null,
    SourceLocation? Location = null);

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
        var findings = projects.SelectMany(p => p.Findings).ToList();
        return new ReviewSummary(
            projects.Count,
            projects.Count == 0 ? 0 : Math.Round(projects.Average(p => p.Score), 1),
            projects.Count(p => p.Outcome == ReviewOutcome.Excellent),
            projects.Count(p => p.Outcome == ReviewOutcome.Good),
            projects.Count(p => p.Outcome == ReviewOutcome.Fair),
            projects.Count(p => p.Outcome == ReviewOutcome.Poor),
            findings.Count(f => f.Severity == Severity.Error),
            findings.Count(f => f.Severity == Severity.Warning),
            findings.Count(f => f.Severity == Severity.Info),
            projects.Sum(p => WanYuan(p.Project)),
            projects.Where(p => p.Outcome.BlocksBudgeting()).Sum(p => WanYuan(p.Project)),
            findings.GroupBy(f => (f.Rule, f.Title))
                .Select(g => new RuleCount(g.Key.Rule, g.Key.Title, g.Count()))
                .OrderByDescending(r => r.Count).ThenBy(r => r.Rule, StringComparer.Ordinal)
                .Take(topRules).ToList());
    }

    private static decimal WanYuan(Project project) =>
        project.Amounts.Total is { } total ? new Money(total, project.Amounts.Unit).InWanYuan : 0m;
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
