using System.Text.Json;
using System.Text.Json.Nodes;
using Jixiao.Domain.Diagnostics;

namespace Jixiao.Domain.Reviews;

/// <summary>How findings turn into a score and the score into an outcome (documented in docs/review.md).</summary>
/// <param name="Penalties">Points deducted per finding, by severity.</param>
/// <param name="MaxPenaltyPerRule">At most this many points are deducted for one rule in one project, so one systemic
/// habit (every target written "提高") cannot alone sink a project that is otherwise sound.</param>
/// <param name="Bands">Lowest score of each outcome, best first (default 优 90, 良 80, 中 60, 差 0).</param>
/// <param name="ErrorCap">The best outcome a project with any error-level finding can get (default 良: it must be revised).</param>
public sealed record ReviewScoring(
    IReadOnlyDictionary<Severity, int> Penalties,
    int MaxPenaltyPerRule,
    IReadOnlyList<(ReviewOutcome Outcome, int Min)> Bands,
    ReviewOutcome ErrorCap)
{
    private readonly int[] penaltyBySeverity = [Penalties[Severity.Info], Penalties[Severity.Warning], Penalties[Severity.Error]];

    public int Penalty(Severity severity) => penaltyBySeverity[(int)severity];

    public ReviewOutcome OutcomeOf(int score)
    {
        foreach (var (outcome, min) in Bands)
        {
            if (score >= min)
            {
                return outcome;
            }
        }

        return ReviewOutcome.Poor;
    }
}

/// <summary>
/// The review rules and scoring, loaded from <c>Data/review-rules.json</c> and optionally overridden by a district
/// file of the same shape in which every field is optional (rules are matched by id; parameters merge key by key).
/// Validated at load: unknown rule ids, severities or outcomes are an <see cref="InvalidDataException"/> with a
/// Chinese reason.
/// </summary>
public sealed class ReviewRuleSet
{
    private readonly Dictionary<string, ReviewRule> byId;

    private ReviewRuleSet(string version, IReadOnlyList<ReviewRule> rules, ReviewScoring scoring, JsonObject source)
    {
        Version = version;
        Rules = rules;
        Scoring = scoring;
        Source = source;
        byId = rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    private static readonly Lazy<ReviewRuleSet> DefaultRules = new(() =>
    {
        using var stream = Jixiao.Domain.Data.EmbeddedData.Open("review-rules.json");
        return Load(stream);
    });

    /// <summary>The built-in rules.</summary>
    public static ReviewRuleSet Default => DefaultRules.Value;

    public string Version { get; }

    public IReadOnlyList<ReviewRule> Rules { get; }

    public ReviewScoring Scoring { get; }

    private JsonObject Source { get; }

    public ReviewRule this[string id] => byId.TryGetValue(id, out var rule) ? rule : throw new KeyNotFoundException($"没有审核规则 {id}。");

    public ReviewRule? Find(string id) => byId.GetValueOrDefault(id);

    public static ReviewRuleSet Load(Stream json) => FromNode(ReadObject(json, "审核规则文件"));

    /// <summary>This rule set with a district's override file applied.</summary>
    public ReviewRuleSet WithOverride(Stream json)
    {
        var patch = ReadObject(json, "审核规则覆盖文件");
        var merged = (JsonObject)Source.DeepClone();
        if (patch["version"] is JsonValue version)
        {
            merged["version"] = version.DeepClone();
        }

        if (patch["scoring"] is JsonObject scoring)
        {
            MergeObject((JsonObject)merged["scoring"]!, scoring);
        }

        if (patch["rules"] is JsonArray rules)
        {
            var baseRules = (JsonArray)merged["rules"]!;
            foreach (var node in rules)
            {
                if (node is not JsonObject rule || rule["id"]?.GetValue<string>() is not { } id)
                {
                    throw new InvalidDataException("审核规则覆盖文件中有规则缺少 id。");
                }

                var target = baseRules.OfType<JsonObject>().FirstOrDefault(r => r["id"]?.GetValue<string>() == id)
                    ?? throw new InvalidDataException($"审核规则覆盖文件中的规则 {id} 不存在（只能调整内置规则）。");
                MergeObject(target, rule);
            }
        }

        return FromNode(merged);
    }

    /// <summary>A copy with the given rules switched on or off (for callers that toggle rules without a file).</summary>
    public ReviewRuleSet WithEnabled(IReadOnlyDictionary<string, bool> enabled)
    {
        var patch = new JsonObject
        {
            ["rules"] = new JsonArray(enabled.Select(kv => (JsonNode)new JsonObject { ["id"] = kv.Key, ["enabled"] = kv.Value }).ToArray()),
        };
        using var stream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(patch));
        return WithOverride(stream);
    }

    private static void MergeObject(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is JsonObject child && target[key] is JsonObject existing)
            {
                MergeObject(existing, child);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    private static JsonObject ReadObject(Stream json, string what)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw new InvalidDataException($"{what}不是 JSON 对象。");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{what}格式错误：{ex.Message}", ex);
        }
    }

    private static ReviewRuleSet FromNode(JsonObject root)
    {
        var rules = new List<ReviewRule>();
        if (root["rules"] is not JsonArray array || array.Count == 0)
        {
            throw new InvalidDataException("审核规则文件没有规则。");
        }

        foreach (var node in array)
        {
            if (node is not JsonObject r)
            {
                throw new InvalidDataException("审核规则文件的 rules 中有不是对象的项。");
            }

            var id = Text(r, "id", "（无 id）");
            if (!ReviewEngine.KnownRuleIds.Contains(id))
            {
                throw new InvalidDataException($"审核规则 {id} 没有对应的检查（已知规则：{string.Join("、", ReviewEngine.KnownRuleIds.Order(StringComparer.Ordinal))}）。");
            }

            var severity = Text(r, "severity", id) switch
            {
                "error" => Severity.Error,
                "warning" => Severity.Warning,
                "info" => Severity.Info,
                var other => throw new InvalidDataException($"审核规则 {id} 的级别“{other}”无效（应为 error、warning 或 info）。"),
            };
            ReviewOutcome? cap = null;
            if (r["cap"] is JsonValue capValue && capValue.GetValue<string>() is { } capText)
            {
                cap = ReviewOutcomes.Parse(capText) ?? throw new InvalidDataException($"审核规则 {id} 的 cap“{capText}”无效（应为 优、良、中 或 差）。");
            }

            var parameters = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            if (r["parameters"] is JsonObject p)
            {
                foreach (var (key, value) in p)
                {
                    parameters[key] = JsonSerializer.SerializeToElement(value);
                }
            }

            rules.Add(new ReviewRule(id, Text(r, "group", id), Text(r, "title", id), severity,
                r["enabled"] is JsonValue e ? e.GetValue<bool>() : true,
                Text(r, "regulation", id), Text(r, "message", id), Text(r, "suggestion", id), cap, parameters));
        }

        var duplicate = rules.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"审核规则 {duplicate.Key} 重复。");
        }

        var missing = ReviewEngine.KnownRuleIds.Except(rules.Select(r => r.Id)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"审核规则文件缺少规则：{string.Join("、", missing)}。");
        }

        rules = rules.Select((r, index) => r with { Index = index }).ToList();
        var set = new ReviewRuleSet(root["version"]?.GetValue<string>() ?? "", rules, ReadScoring(root["scoring"] as JsonObject), root);
        ReviewEngine.Validate(set);
        return set;
    }

    private static ReviewScoring ReadScoring(JsonObject? scoring)
    {
        if (scoring is null)
        {
            throw new InvalidDataException("审核规则文件缺少 scoring（计分方法）。");
        }

        var penalties = new Dictionary<Severity, int>();
        var p = scoring["penalties"] as JsonObject ?? throw new InvalidDataException("审核规则文件的 scoring 缺少 penalties。");
        foreach (var (name, severity) in new[] { ("error", Severity.Error), ("warning", Severity.Warning), ("info", Severity.Info) })
        {
            penalties[severity] = p[name] is JsonValue v && v.TryGetValue<int>(out var points) && points >= 0
                ? points
                : throw new InvalidDataException($"审核规则文件的 scoring.penalties.{name} 应为非负整数。");
        }

        var bands = new List<(ReviewOutcome, int)>();
        foreach (var node in scoring["bands"] as JsonArray ?? throw new InvalidDataException("审核规则文件的 scoring 缺少 bands（等级分数线）。"))
        {
            var outcome = ReviewOutcomes.Parse(node?["outcome"]?.GetValue<string>())
                ?? throw new InvalidDataException("审核规则文件的等级分数线中有无效的等级（应为 优、良、中 或 差）。");
            var min = node?["min"] is JsonValue m && m.TryGetValue<int>(out var minValue) ? minValue
                : throw new InvalidDataException($"等级“{outcome.Chinese()}”缺少分数线 min。");
            bands.Add((outcome, min));
        }

        bands.Sort((a, b) => b.Item2.CompareTo(a.Item2));
        if (bands.Count == 0 || bands[^1].Item2 > 0)
        {
            throw new InvalidDataException("审核规则文件的等级分数线必须有一档从 0 分开始。");
        }

        var errorCap = ReviewOutcomes.Parse(scoring["errorCap"]?.GetValue<string>()) ?? ReviewOutcome.Good;
        var max = scoring["maxPenaltyPerRule"] is JsonValue mx && mx.TryGetValue<int>(out var maxValue) ? maxValue : 100;
        return new ReviewScoring(penalties, max, bands, errorCap);
    }

    private static string Text(JsonObject obj, string name, string id) =>
        obj[name] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s)
            ? s
            : throw new InvalidDataException($"审核规则 {id} 缺少“{name}”。");
}
