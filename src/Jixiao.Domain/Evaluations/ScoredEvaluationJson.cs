using System.Text.Json.Serialization;
using Jixiao.Domain.Diagnostics;

namespace Jixiao.Domain.Evaluations;

/// <summary>
/// The JSON shape of a scored evaluation, shared by `jixiao score --json` and the REST API (docs/evaluations.md):
/// <c>{"items":[{"level1","level2","name","weight","actual","score","explanation"}],"total","grade","findings":[…]}</c>.
/// Numbers are rounded to 2 decimals without trailing zeros; absent facts are null.
/// </summary>
public sealed record ScoredEvaluationJson(
    [property: JsonPropertyName("project")] string Project,
    [property: JsonPropertyName("year")] int? Year,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("items")] IReadOnlyList<ScoredItemJson> Items,
    [property: JsonPropertyName("total")] decimal? Total,
    [property: JsonPropertyName("grade")] string? Grade,
    [property: JsonPropertyName("findings")] IReadOnlyList<FindingJson> Findings)
{
    public static ScoredEvaluationJson From(ScoredEvaluation scored) => new(
        scored.Sheet.Project,
        scored.Sheet.Year,
        scored.Sheet.Kind.Chinese(),
        scored.Items.Select(ScoredItemJson.From).ToList(),
        scored.Total is { } t ? Numbers.Trim(t) : null,
        scored.Grade,
        scored.Findings.Select(FindingJson.From).ToList());
}

/// <param name="Actual">The computed actual value in the unit of the target (91.4 for 91.4%), rounded to 2 decimals.</param>
/// <param name="Completion">The score as a percent of the weight; for an unweighted line the only measure.</param>
public sealed record ScoredItemJson(
    [property: JsonPropertyName("level1")] string Level1,
    [property: JsonPropertyName("level2")] string Level2,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("target")] string? Target,
    [property: JsonPropertyName("weight")] decimal? Weight,
    [property: JsonPropertyName("actual")] decimal? Actual,
    [property: JsonPropertyName("score")] decimal? Score,
    [property: JsonPropertyName("completion")] decimal Completion,
    [property: JsonPropertyName("met")] bool? Met,
    [property: JsonPropertyName("explanation")] string Explanation)
{
    public static ScoredItemJson From(ScoredIndicator item) => new(
        item.Level1,
        item.Level2,
        item.Name,
        item.Method.Name(),
        item.Indicator.Target?.Text,
        item.Weight is { } w ? Numbers.Trim(w) : null,
        item.Actual is { } a ? Numbers.Trim(Scorer.Round2(a)) : null,
        item.Score is { } s ? Numbers.Trim(s) : null,
        Numbers.Trim(item.Completion),
        item.Met,
        item.Explanation);
}

public sealed record FindingJson(
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("indicator")] string? Indicator,
    [property: JsonPropertyName("message")] string Message)
{
    public static FindingJson From(EvaluationFinding finding) => new(
        finding.Severity switch
        {
            Diagnostics.Severity.Error => "error",
            Diagnostics.Severity.Warning => "warning",
            _ => "info",
        },
        finding.Code,
        finding.Indicator,
        finding.Message);
}
