using System.Text.Json;
using System.Text.Json.Serialization;
using Jixiao.Domain.Projects;

namespace Jixiao.Data.Storing;

/// <summary>One category row of a project that holds no indicator (不适用, or no name), as kept in <c>projects.Placeholders</c>.</summary>
public sealed record PlaceholderRow(
    [property: JsonPropertyName("level1Code")] string? Level1Code,
    [property: JsonPropertyName("level2Code")] string? Level2Code,
    [property: JsonPropertyName("level1")] string? Level1Text,
    [property: JsonPropertyName("level2")] string? Level2Text,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("period")] string? PeriodText,
    [property: JsonPropertyName("annual")] string? AnnualText,
    [property: JsonPropertyName("explanation")] string? Explanation);

/// <summary>
/// The placeholder rows of a project (<see cref="Project.Placeholders"/>) as JSON text and back. They are written once by
/// an import and only read (by a district's 审核口径), so one column holds them rather than a table every indicator
/// query would have to tell apart.
/// </summary>
public static class PlaceholderRows
{
    public static string? ToJson(IReadOnlyList<Indicator>? placeholders) =>
        placeholders is not { Count: > 0 } list
            ? null
            : JsonSerializer.Serialize(list.Select(i => new PlaceholderRow(i.Level1?.Code, i.Level2?.Code, i.Level1Text, i.Level2Text, i.Name,
                i.PeriodTarget?.Text, i.AnnualTarget?.Text, i.Explanation)).ToList());

    /// <summary>The rows of <paramref name="json"/>; none when it is null or (never written so) not readable.</summary>
    public static IReadOnlyList<PlaceholderRow> FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<PlaceholderRow>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
