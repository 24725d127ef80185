using System.Globalization;
using System.Text.Json;
using Jixiao.Domain.Diagnostics;

namespace Jixiao.Domain.Reviews;

/// <summary>
/// One review rule as the data file states it: what it checks is code (in <c>Reviews/Checks</c>), how it speaks,
/// how severe it is, whether it runs and its thresholds are data, so a district can change them without a rebuild.
/// Templates use the placeholders {project} {indicator} {value} {detail} {expected}.
/// </summary>
public sealed record ReviewRule(
    string Id,
    string Group,
    string Title,
    Severity Severity,
    bool Enabled,
    string Regulation,
    string Message,
    string Suggestion,
    ReviewOutcome? Cap,
    IReadOnlyDictionary<string, JsonElement> Parameters)
{
    public string[] Strings(string name) =>
        Parameters.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(e => e.GetString() ?? "").Where(s => s.Length > 0).ToArray()
            : throw Missing(name, "文字列表");

    public decimal Number(string name) =>
        Parameters.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDecimal()
            : throw Missing(name, "数值");

    public decimal[] Numbers(string name) =>
        Parameters.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(e => e.GetDecimal()).ToArray()
            : throw Missing(name, "数值列表");

    public bool Flag(string name) =>
        Parameters.TryGetValue(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : throw Missing(name, "true/false");

    public JsonElement Element(string name) =>
        Parameters.TryGetValue(name, out var value) ? value : throw Missing(name, "值");

    private InvalidDataException Missing(string name, string kind) =>
        new($"审核规则 {Id} 的参数“{name}”缺失或不是{kind}。");

    /// <summary>Fills a template; unknown placeholders stay as written.</summary>
    public static string Fill(string template, string? project, string? indicator, string? value, string? detail, string? expected)
    {
        if (template.IndexOf('{', StringComparison.Ordinal) < 0)
        {
            return template;
        }

        return template
            .Replace("{project}", project ?? "", StringComparison.Ordinal)
            .Replace("{indicator}", indicator ?? "", StringComparison.Ordinal)
            .Replace("{value}", value ?? "", StringComparison.Ordinal)
            .Replace("{detail}", detail ?? "", StringComparison.Ordinal)
            .Replace("{expected}", expected ?? "", StringComparison.Ordinal);
    }

    internal static string Format(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
