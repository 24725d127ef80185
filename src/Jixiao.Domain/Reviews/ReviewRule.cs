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
    /// <summary>The rule's position in its <see cref="ReviewRuleSet"/>, for counting findings per rule without lookups.</summary>
    public int Index { get; init; } = -1;

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
        var parts = Templates.GetOrAdd(template, Split);
        if (parts.Length == 1)
        {
            return template;
        }

        var builder = new System.Text.StringBuilder(template.Length + 64);
        for (var i = 0; i < parts.Length; i++)
        {
            // even parts are literal text, odd parts placeholder names
            builder.Append((i & 1) == 0 ? parts[i] : parts[i] switch
            {
                "project" => project,
                "indicator" => indicator,
                "value" => value,
                "detail" => detail,
                "expected" => expected,
                var other => "{" + other + "}",
            });
        }

        return builder.ToString();
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> Templates = new(StringComparer.Ordinal);

    private static string[] Split(string template)
    {
        var parts = new List<string>();
        var at = 0;
        while (true)
        {
            var open = template.IndexOf('{', at);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                parts.Add(template[at..]);
                return [.. parts];
            }

            parts.Add(template[at..open]);
            parts.Add(template[(open + 1)..close]);
            at = close + 1;
        }
    }

    internal static string Format(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
