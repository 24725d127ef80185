using System.Text.Json.Serialization;

namespace Jixiao.Domain.Targets;

/// <summary>
/// The JSON shape of a target, shared by `jixiao target --json`, `jixiao parse --json` and the REST API
/// (documented in docs/formats.md). Absent facts are null, never omitted.
/// </summary>
public sealed record TargetJson(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("comparator")] string? Comparator,
    [property: JsonPropertyName("implicit")] bool Implicit,
    [property: JsonPropertyName("value")] decimal? Value,
    [property: JsonPropertyName("max")] decimal? Max,
    [property: JsonPropertyName("unit")] string? Unit,
    [property: JsonPropertyName("direction")] string? Direction,
    [property: JsonPropertyName("antecedent")] decimal? Antecedent,
    [property: JsonPropertyName("consequent")] decimal? Consequent,
    [property: JsonPropertyName("keyword")] string? Keyword,
    [property: JsonPropertyName("remark")] string? Remark)
{
    public static TargetJson From(Target target) => target switch
    {
        Target.Quantitative q => new(q.Text, q.Kind.Name(), q.Implicit ? null : q.Comparator.Symbol(), q.Implicit, q.Value, null,
            q.Unit, q.Direction?.Name(), null, null, null, q.Remark),
        Target.Range r => new(r.Text, r.Kind.Name(), null, false, r.Min, r.Max, r.Unit, null, null, null, null, r.Remark),
        Target.Ratio r => new(r.Text, r.Kind.Name(), r.Implicit ? null : r.Comparator.Symbol(), r.Implicit,
            decimal.Round(r.Value, 6), null, null, r.Direction?.Name(), r.Antecedent, r.Consequent, null, r.Remark),
        Target.Qualitative q => new(q.Text, q.Kind.Name(), null, false, null, null, null, q.Direction?.Name(), null, null, q.Keyword, null),
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };
}
