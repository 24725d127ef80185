using System.Text.Json.Serialization;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Projects;

namespace Jixiao.Domain.Reviews;

/// <summary>
/// The JSON shape of a review, shared by `jixiao review --json` and the REST API (documented in docs/review.md):
/// <c>{"projects":[{"unit","name","score","outcome","findings":[{"rule","severity","indicator","message","suggestion"}]}],"units":[…]}</c>.
/// Absent facts are null, never omitted.
/// </summary>
public sealed record ReviewJson(
    [property: JsonPropertyName("rulesVersion")] string RulesVersion,
    [property: JsonPropertyName("projects")] IReadOnlyList<ProjectReviewJson> Projects,
    [property: JsonPropertyName("units")] IReadOnlyList<UnitReviewJson> Units,
    [property: JsonPropertyName("departments")] IReadOnlyList<DepartmentReviewJson> Departments,
    [property: JsonPropertyName("total")] SummaryJson Total)
{
    public static ReviewJson From(ReviewReport report) => new(
        report.RulesVersion,
        report.Projects.Select(ProjectReviewJson.From).ToList(),
        report.Units.Select(u => new UnitReviewJson(u.Name, u.Department, SummaryJson.From(u.Summary), u.Findings.Select(FindingJson.From).ToList())).ToList(),
        report.Departments.Select(d => new DepartmentReviewJson(d.Name, d.Units, SummaryJson.From(d.Summary))).ToList(),
        SummaryJson.From(report.Total));

    public static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "info",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    /// <summary>错误 / 警告 / 提示.</summary>
    public static string SeverityChinese(Severity severity) => severity switch
    {
        Severity.Error => "错误",
        Severity.Warning => "警告",
        Severity.Info => "提示",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };
}

public sealed record FindingJson(
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("indicator")] string? Indicator,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("suggestion")] string Suggestion,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("regulation")] string Regulation,
    [property: JsonPropertyName("number")] int? Number,
    [property: JsonPropertyName("location")] string? Location)
{
    public static FindingJson From(ReviewFinding f) => new(f.Rule, ReviewJson.SeverityName(f.Severity), f.Indicator, f.Message, f.Suggestion,
        f.Title, f.Regulation, f.IndicatorNumber, f.Location?.ToString());
}

public sealed record ProjectReviewJson(
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("department")] string? Department,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("amount")] decimal? Amount,
    [property: JsonPropertyName("moneyUnit")] string MoneyUnit,
    [property: JsonPropertyName("score")] int Score,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("blocksBudgeting")] bool BlocksBudgeting,
    [property: JsonPropertyName("findings")] IReadOnlyList<FindingJson> Findings)
{
    public static ProjectReviewJson From(ProjectReview p) => new(p.Unit, p.Department, p.Name, p.ProjectType, p.Project.Amounts.Total,
        Money.UnitName(p.Project.Amounts.Unit), p.Score, p.Outcome.Chinese(), p.Outcome.BlocksBudgeting(), p.Findings.Select(FindingJson.From).ToList());
}

public sealed record SummaryJson(
    [property: JsonPropertyName("projects")] int Projects,
    [property: JsonPropertyName("averageScore")] double AverageScore,
    [property: JsonPropertyName("outcomes")] IReadOnlyDictionary<string, int> Outcomes,
    [property: JsonPropertyName("errors")] int Errors,
    [property: JsonPropertyName("warnings")] int Warnings,
    [property: JsonPropertyName("infos")] int Infos,
    [property: JsonPropertyName("amountWanYuan")] decimal Amount,
    [property: JsonPropertyName("blockedAmountWanYuan")] decimal BlockedAmount,
    [property: JsonPropertyName("topRules")] IReadOnlyList<RuleCountJson> TopRules)
{
    public static SummaryJson From(ReviewSummary s) => new(s.Projects, s.AverageScore,
        new Dictionary<string, int> { ["优"] = s.Excellent, ["良"] = s.Good, ["中"] = s.Fair, ["差"] = s.Poor },
        s.Errors, s.Warnings, s.Infos, s.Amount, s.BlockedAmount, s.TopRules.Select(r => new RuleCountJson(r.Rule, r.Title, r.Count)).ToList());
}

public sealed record RuleCountJson(
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("count")] int Count);

public sealed record UnitReviewJson(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("department")] string? Department,
    [property: JsonPropertyName("summary")] SummaryJson Summary,
    [property: JsonPropertyName("findings")] IReadOnlyList<FindingJson> Findings);

public sealed record DepartmentReviewJson(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("units")] IReadOnlyList<string> Units,
    [property: JsonPropertyName("summary")] SummaryJson Summary);

/// <summary>The JSON shape of `jixiao suggest --json`.</summary>
public sealed record SuggestionJson(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("level1")] string Level1,
    [property: JsonPropertyName("level2")] string Level2,
    [property: JsonPropertyName("unit")] string? Unit,
    [property: JsonPropertyName("typicalValue")] string TypicalValue,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("replaces")] string? Replaces,
    [property: JsonPropertyName("source")] string Source)
{
    public static SuggestionJson From(IndicatorSuggestion s) => new(s.Name, $"{s.Level1.Code}-{s.Level1.Name}", $"{s.Level2.Code}-{s.Level2.Name}",
        s.Unit, s.TypicalValue, s.Reason, s.Rule, s.Replaces, s.Source);
}
