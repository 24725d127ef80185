using System.Text.Json;
using Jixiao.Domain.Evaluations;

namespace Jixiao.Domain.Rechecks;

/// <summary>Where a rule comes from; <see cref="DistrictChoice"/> is true when the value is a district's (or this default file's) choice, not a regulation.</summary>
public sealed record RuleSource(string Text, bool DistrictChoice);

/// <summary>What a 复核 does with an actual value far above a higher-is-better target.</summary>
public enum OverAchievementPolicy
{
    /// <summary>10号: analyse, and when the target was set too low deduct by the deviation (here: target ÷ actual × 分值 when no reason is given).</summary>
    Deduct,
    /// <summary>A fixed number of points off at the threshold and above, reason or not.</summary>
    FixedPoints,
    /// <summary>An explanation is required at the threshold; no points off.</summary>
    Explain,
    /// <summary>No deduction and no explanation asked.</summary>
    None,
}

public sealed record BudgetExecutionRule(decimal Weight, RuleSource Source);

public sealed record QualitativeBand(QualitativeRating Rating, decimal MinPercent, decimal MaxPercent);

public sealed record QualitativeRule(IReadOnlyList<QualitativeBand> Bands, RuleSource Source)
{
    public QualitativeBand BandOf(QualitativeRating rating) => Bands.First(b => b.Rating == rating);
}

/// <summary><see cref="ThresholdPercent"/>: actual ÷ target in percent from which the policy applies (130 = 30 % over).</summary>
public sealed record OverAchievementRule(OverAchievementPolicy Policy, decimal ThresholdPercent, decimal Points, RuleSource Source);

/// <summary>A 执行率 below <see cref="ExecutionBelowPercent"/> (exclusive) caps the total at <see cref="MaxTotal"/>.</summary>
public sealed record TotalCap(decimal ExecutionBelowPercent, decimal MaxTotal);

/// <summary>
/// A reviewer's mark-down: a line it fits scores at most <see cref="MaxShare"/> of its 分值 (0 = not counted);
/// <see cref="Words"/> are what it looks for, where it looks for words.
/// </summary>
public sealed record MarkDownRule(bool Enabled, decimal MaxShare, IReadOnlyList<string> Words, RuleSource Source);

/// <summary>
/// A district's 自评复核 rules for the budget years <see cref="FromYear"/>..<see cref="ToYear"/> (inclusive; null: open):
/// the 10号 scoring, the over-achievement policy, the caps of the total by 预算执行率 and the reviewer's mark-downs
/// (among them <see cref="NoEvidence"/>, "no 佐证 → 0": off unless the district turns it on).
/// Loaded from JSON (<c>Data/recheck-rules-10hao.json</c> is the default) and validated; docs/recheck.md.
/// </summary>
public sealed record RecheckRuleSet(
    string Name,
    string Title,
    int FromYear,
    int? ToYear,
    GradeScale Grades,
    RuleSource GradeSource,
    BudgetExecutionRule BudgetExecution,
    RuleSource Quantitative,
    QualitativeRule Qualitative,
    OverAchievementRule OverAchievement,
    IReadOnlyList<TotalCap> Caps,
    RuleSource CapSource,
    MarkDownRule Duplicate,
    MarkDownRule VagueQualitative,
    MarkDownRule MoneyOnlyQuantity,
    MarkDownRule DeductionWithoutReason,
    MarkDownRule NoEvidence)
{
    public bool AppliesTo(int year) => year >= FromYear && (ToYear is null || year <= ToYear);

    /// <summary>The lowest cap a 执行率 (percent) reaches, null when none applies.</summary>
    public TotalCap? CapFor(decimal executionPercent) =>
        Caps.Where(c => executionPercent < c.ExecutionBelowPercent).OrderBy(c => c.MaxTotal).FirstOrDefault();

    private static readonly Lazy<IReadOnlyList<RecheckRuleSet>> BuiltInSets = new(() =>
    {
        using var stream = Data.EmbeddedData.Open("recheck-rules-10hao.json");
        return [Load(stream, "recheck-rules-10hao.json")];
    });

    /// <summary>The 10号 defaults.</summary>
    public static RecheckRuleSet Default => BuiltInSets.Value[0];

    public static IReadOnlyList<RecheckRuleSet> BuiltIn => BuiltInSets.Value;

    /// <summary>A built-in rule set by its name ("10号"), null when there is none.</summary>
    public static RecheckRuleSet? Find(string name) =>
        BuiltInSets.Value.FirstOrDefault(s => string.Equals(s.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The rule set of a budget year among <paramref name="sets"/> (the built-in ones by default): the latest-starting one that applies; the default when the year is unknown or none applies.</summary>
    public static RecheckRuleSet ForYear(int? year, IReadOnlyList<RecheckRuleSet>? sets = null)
    {
        sets ??= BuiltInSets.Value;
        return year is { } y && sets.Where(s => s.AppliesTo(y)).OrderByDescending(s => s.FromYear).FirstOrDefault() is { } found
            ? found
            : sets.Count > 0 ? sets[0] : Default;
    }

    /// <summary>
    /// Reads and validates a rule-set file. Throws <see cref="InvalidDataException"/> with a Chinese message naming the
    /// file and the JSON path of every problem ("$.caps.bands[1].maxTotal：应为 0–100 之间的数").
    /// </summary>
    public static RecheckRuleSet Load(Stream json, string source)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"复核规则文件 {source} 不是有效的 JSON（第 {ex.LineNumber + 1} 行）：{ex.Message}", ex);
        }

        using (doc)
        {
            var reader = new RuleReader();
            var set = reader.Read(doc.RootElement);
            if (reader.Errors.Count > 0 || set is null)
            {
                throw new InvalidDataException($"复核规则文件 {source} 有误：" + Environment.NewLine
                    + string.Join(Environment.NewLine, reader.Errors.Select(e => "  " + e)));
            }

            return set;
        }
    }

    /// <summary>Walks the JSON with its path, collecting every problem instead of stopping at the first.</summary>
    private sealed class RuleReader
    {
        public List<string> Errors { get; } = [];

        public RecheckRuleSet? Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Errors.Add("$：应为一个对象（{ … }）");
                return null;
            }

            var name = Text(root, "$", "name");
            var title = OptionalText(root, "title") ?? name;
            var years = Object(root, "$", "years");
            var from = years is { } y ? Int(y, "$.years", "from") : null;
            int? to = null;
            if (years is { } yy && yy.TryGetProperty("to", out var toElement) && toElement.ValueKind != JsonValueKind.Null)
            {
                to = Int(yy, "$.years", "to");
                if (to < from)
                {
                    Errors.Add($"$.years.to：结束年度 {to} 早于起始年度 {from}");
                }
            }

            var gradeScale = Grades(root);
            var budget = Object(root, "$", "budgetExecution") is { } b
                && Number(b, "$.budgetExecution", "weight", 0, 100) is { } budgetWeight && Source(b, "$.budgetExecution") is { } budgetSource
                ? new BudgetExecutionRule(budgetWeight, budgetSource)
                : null;
            var quantitative = Object(root, "$", "quantitative") is { } q ? Source(q, "$.quantitative") : null;
            var qualitative = Qualitative(root);
            var over = OverAchievement(root);
            var (caps, capSource) = Caps(root);
            var markDowns = Object(root, "$", "markDowns");
            MarkDownRule? MarkDown(string key, bool needsWords)
            {
                if (markDowns is not { } m)
                {
                    return null;
                }

                var path = "$.markDowns." + key;
                if (Object(m, "$.markDowns", key) is not { } e)
                {
                    return null;
                }

                var enabled = !e.TryGetProperty("enabled", out var en) || en.ValueKind != JsonValueKind.False;
                var share = e.TryGetProperty("maxShare", out _) ? Number(e, path, "maxShare", 0, 1) ?? 0 : 1;
                var words = needsWords ? Words(e, path) : [];
                return Source(e, path) is { } source ? new MarkDownRule(enabled, share, words, source) : null;
            }

            var duplicate = MarkDown("duplicate", false);
            var vague = MarkDown("vagueQualitative", true);
            var money = MarkDown("moneyOnlyQuantity", true);
            var deduction = MarkDown("deductionWithoutReason", false);
            // A rule set written before 佐证材料 existed has no noEvidence: the rule is off, as in the default.
            var noEvidence = markDowns is { } md && md.TryGetProperty("noEvidence", out _) ? MarkDown("noEvidence", false)
                : new MarkDownRule(false, 0, [], new RuleSource("未设置：无佐证材料的行不扣分", true));

            if (Errors.Count > 0 || name is null || title is null || from is null || gradeScale is null || budget is null || quantitative is null
                || qualitative is null || over is null || capSource is null || duplicate is null || vague is null || money is null
                || deduction is null || noEvidence is null)
            {
                return null;
            }

            return new RecheckRuleSet(name, title, from.Value, to, gradeScale.Value.Scale, gradeScale.Value.Source, budget, quantitative,
                qualitative, over, caps, capSource, duplicate, vague, money, deduction, noEvidence);
        }

        private (GradeScale Scale, RuleSource Source)? Grades(JsonElement root)
        {
            if (Object(root, "$", "gradeScale") is not { } g)
            {
                return null;
            }

            var source = Source(g, "$.gradeScale");
            GradeScale? scale = null;
            if (g.TryGetProperty("bands", out var bands))
            {
                if (bands.ValueKind != JsonValueKind.Array)
                {
                    Errors.Add("$.gradeScale.bands：应为数组 [{\"grade\": \"优\", \"min\": 90}, …]");
                }
                else
                {
                    var list = new List<GradeBand>();
                    var i = 0;
                    foreach (var band in bands.EnumerateArray())
                    {
                        var path = $"$.gradeScale.bands[{i++}]";
                        if (Text(band, path, "grade") is { } grade && Number(band, path, "min", 0, 100) is { } min)
                        {
                            list.Add(new GradeBand(grade, min));
                        }
                    }

                    scale = GradeScale.TryCreate(OptionalText(g, "name") ?? "复核规则", list, out var error);
                    if (scale is null && list.Count == bands.GetArrayLength())
                    {
                        Errors.Add($"$.gradeScale.bands：{error}");
                    }
                }
            }
            else if (Text(g, "$.gradeScale", "name") is { } name)
            {
                scale = GradeScale.Find(name);
                if (scale is null)
                {
                    Errors.Add($"$.gradeScale.name：没有名为“{name}”的等级划分（可用：{string.Join("、", GradeScale.Names)}），或改写 bands");
                }
            }

            return scale is null || source is null ? null : (scale, source);
        }

        private QualitativeRule? Qualitative(JsonElement root)
        {
            if (Object(root, "$", "qualitative") is not { } q)
            {
                return null;
            }

            var source = Source(q, "$.qualitative");
            if (!q.TryGetProperty("bands", out var bands) || bands.ValueKind != JsonValueKind.Array)
            {
                Errors.Add("$.qualitative.bands：缺少定性档次（达成 / 部分达成 / 未达成 各一档，min、max 为分值的百分比）");
                return null;
            }

            var list = new List<QualitativeBand>();
            var i = 0;
            foreach (var band in bands.EnumerateArray())
            {
                var path = $"$.qualitative.bands[{i++}]";
                var ratingText = Text(band, path, "rating");
                var min = Number(band, path, "min", 0, 100);
                var max = Number(band, path, "max", 0, 100);
                if (ratingText is null || min is null || max is null)
                {
                    continue;
                }

                if (!EvaluationNames.TryParseRating(ratingText, out var rating))
                {
                    Errors.Add($"{path}.rating：“{ratingText}”不是定性档次（达成、部分达成、未达成）");
                }
                else if (min > max)
                {
                    Errors.Add($"{path}：下限 {min} 大于上限 {max}");
                }
                else if (list.Any(b => b.Rating == rating))
                {
                    Errors.Add($"{path}.rating：档次“{ratingText}”重复");
                }
                else
                {
                    list.Add(new QualitativeBand(rating, min.Value, max.Value));
                }
            }

            foreach (var rating in Enum.GetValues<QualitativeRating>().Where(r => list.All(b => b.Rating != r)))
            {
                Errors.Add($"$.qualitative.bands：缺少“{rating.Chinese()}”一档");
            }

            return source is null ? null : new QualitativeRule(list, source);
        }

        private OverAchievementRule? OverAchievement(JsonElement root)
        {
            if (Object(root, "$", "overAchievement") is not { } o)
            {
                return null;
            }

            const string path = "$.overAchievement";
            var source = Source(o, path);
            var policyText = Text(o, path, "policy");
            OverAchievementPolicy? policy = policyText switch
            {
                null => null,
                "deduct" or "调减" => OverAchievementPolicy.Deduct,
                "fixedPoints" or "扣固定分" => OverAchievementPolicy.FixedPoints,
                "explain" or "说明" => OverAchievementPolicy.Explain,
                "none" or "不扣分" => OverAchievementPolicy.None,
                _ => null,
            };
            if (policyText is not null && policy is null)
            {
                Errors.Add($"{path}.policy：“{policyText}”无法识别（可用：deduct 调减、fixedPoints 扣固定分、explain 说明、none 不扣分）");
            }

            var threshold = policy is OverAchievementPolicy.None ? 130 : Number(o, path, "thresholdPercent", 100, 10_000);
            var points = policy is OverAchievementPolicy.FixedPoints ? Number(o, path, "points", 0, 100) : 0;
            return policy is null || threshold is null || points is null || source is null
                ? null
                : new OverAchievementRule(policy.Value, threshold.Value, points.Value, source);
        }

        private (IReadOnlyList<TotalCap> Caps, RuleSource? Source) Caps(JsonElement root)
        {
            if (Object(root, "$", "caps") is not { } c)
            {
                return ([], null);
            }

            var source = Source(c, "$.caps");
            var caps = new List<TotalCap>();
            if (c.TryGetProperty("bands", out var bands))
            {
                if (bands.ValueKind != JsonValueKind.Array)
                {
                    Errors.Add("$.caps.bands：应为数组 [{\"executionBelow\": 80, \"maxTotal\": 89}, …]");
                }
                else
                {
                    var i = 0;
                    foreach (var band in bands.EnumerateArray())
                    {
                        var path = $"$.caps.bands[{i++}]";
                        if (Number(band, path, "executionBelow", 0, 100) is { } below && Number(band, path, "maxTotal", 0, 100) is { } max)
                        {
                            caps.Add(new TotalCap(below, max));
                        }
                    }
                }
            }

            return (caps, source);
        }

        private List<string> Words(JsonElement e, string path)
        {
            if (!e.TryGetProperty("words", out var words) || words.ValueKind != JsonValueKind.Array)
            {
                Errors.Add($"{path}.words：缺少词表（字符串数组）");
                return [];
            }

            var list = new List<string>();
            var i = 0;
            foreach (var w in words.EnumerateArray())
            {
                if (w.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(w.GetString()))
                {
                    Errors.Add($"{path}.words[{i}]：应为非空字符串");
                }
                else
                {
                    list.Add(w.GetString()!.Trim());
                }

                i++;
            }

            return list;
        }

        private RuleSource? Source(JsonElement e, string path)
        {
            var text = Text(e, path, "source");
            var choice = e.TryGetProperty("districtChoice", out var d) && d.ValueKind == JsonValueKind.True;
            return text is null ? null : new RuleSource(text, choice);
        }

        private JsonElement? Object(JsonElement e, string path, string key)
        {
            if (!e.TryGetProperty(key, out var value))
            {
                Errors.Add($"{path}.{key}：缺少");
                return null;
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                Errors.Add($"{path}.{key}：应为对象（{{ … }}）");
                return null;
            }

            return value;
        }

        private string? Text(JsonElement e, string path, string key)
        {
            if (!e.TryGetProperty(key, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                Errors.Add($"{path}.{key}：缺少或不是文字");
                return null;
            }

            return value.GetString()!.Trim();
        }

        private static string? OptionalText(JsonElement e, string key) =>
            e.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private decimal? Number(JsonElement e, string path, string key, decimal min, decimal max)
        {
            if (!e.TryGetProperty(key, out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
            {
                Errors.Add($"{path}.{key}：缺少或不是数");
                return null;
            }

            if (number < min || number > max)
            {
                Errors.Add($"{path}.{key}：{number} 不在 {min}–{max} 之间");
                return null;
            }

            return number;
        }

        private int? Int(JsonElement e, string path, string key)
        {
            if (Number(e, path, key, 1900, 2200) is not { } n)
            {
                return null;
            }

            if (n != decimal.Truncate(n))
            {
                Errors.Add($"{path}.{key}：年度应为整数");
                return null;
            }

            return (int)n;
        }
    }
}
