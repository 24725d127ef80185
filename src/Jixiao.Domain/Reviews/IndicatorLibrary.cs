using System.Text.Json;
using System.Text.Json.Nodes;
using Jixiao.Domain.Targets;
using Jixiao.Domain.Taxonomy;

namespace Jixiao.Domain.Reviews;

/// <summary>
/// A common indicator of a project type: its 一级/二级 placement, unit, which way is better and a typical value
/// ("≥95%"). <see cref="Source"/> says where it comes from: the built-in library, a district file, or a project of an
/// imported table (then <see cref="FromProject"/> names it).
/// </summary>
public sealed record LibraryIndicator(
    string Name,
    IndicatorCategory Level1,
    IndicatorCategory Level2,
    string? Unit,
    Direction Direction,
    string TypicalValue,
    string Source,
    string? FromProject = null)
{
    public string Placement => $"{Level1.Code}-{Level1.Name}，{Level2.Code}-{Level2.Name}";
}

/// <summary>A project type (工程改造, 运维 …) with the words that recognise it and its common indicators.</summary>
public sealed record ProjectType(string Id, string Name, IReadOnlyList<string> Keywords, IReadOnlyList<LibraryIndicator> Indicators);

/// <summary>
/// The indicator library: common indicators by project type, loaded from <c>Data/indicator-library.json</c>,
/// extended by a district file of the same shape (new types are added, indicators of an existing type are appended)
/// and by what imported tables use (<see cref="Learn"/>). Types are recognised by keywords in the project name
/// (weight 3) and goal text (weight 1); ties go to the type listed first; no match is the fallback type.
/// </summary>
public sealed class IndicatorLibrary
{
    private IndicatorLibrary(string version, IReadOnlyList<ProjectType> types, string fallbackType, IReadOnlyList<LearnedIndicator> learned, JsonObject source)
    {
        Version = version;
        Types = types;
        FallbackType = types.First(t => t.Id == fallbackType);
        Learned = learned;
        Source = source;
        var all = types.SelectMany((t, index) => t.Keywords.Select(k => (Keyword: k, Type: index))).ToArray();
        keywordCount = all.Length;
        keywordIndex = all
            .Select((k, id) => (k.Keyword, k.Type, Id: id))
            .GroupBy(k => k.Keyword[0])
            .ToDictionary(g => g.Key, g => g.ToArray());
        firstChars = new bool[char.MaxValue + 1];
        foreach (var c in keywordIndex.Keys)
        {
            firstChars[c] = true;
        }
    }

    private readonly bool[] firstChars;

    private readonly Dictionary<char, (string Keyword, int Type, int Id)[]> keywordIndex;
    private readonly int keywordCount;

    private static readonly Lazy<IndicatorLibrary> DefaultLibrary = new(() =>
    {
        using var stream = Jixiao.Domain.Data.EmbeddedData.Open("indicator-library.json");
        return Load(stream);
    });

    public static IndicatorLibrary Default => DefaultLibrary.Value;

    public string Version { get; }

    public IReadOnlyList<ProjectType> Types { get; }

    public ProjectType FallbackType { get; }

    /// <summary>Well-formed indicators seen in imported tables, with the project that used them.</summary>
    public IReadOnlyList<LearnedIndicator> Learned { get; }

    private JsonObject Source { get; }

    public ProjectType? FindType(string idOrName)
    {
        foreach (var type in Types)
        {
            if (type.Id == idOrName || type.Name == idOrName)
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>The type of a project from its name and goal text (deterministic).</summary>
    public ProjectType Classify(string projectName, string? goal)
    {
        Span<int> scores = stackalloc int[Types.Count];
        Score(projectName, 3, scores);
        if (goal is not null)
        {
            Score(goal, 1, scores);
        }

        var best = -1;
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] > 0 && (best < 0 || scores[i] > scores[best]))
            {
                best = i;
            }
        }

        return best < 0 ? FallbackType : Types[best];
    }

    // Every occurrence of every keyword counts once per text, as string.Contains would: a keyword found twice scores once.
    private void Score(string text, int weight, Span<int> scores)
    {
        Span<bool> seen = keywordCount <= 512 ? stackalloc bool[keywordCount] : new bool[keywordCount];
        for (var i = 0; i < text.Length; i++)
        {
            if (!firstChars[text[i]] || !keywordIndex.TryGetValue(text[i], out var candidates))
            {
                continue;
            }

            foreach (var (keyword, type, id) in candidates)
            {
                if (!seen[id] && i + keyword.Length <= text.Length && string.CompareOrdinal(text, i, keyword, 0, keyword.Length) == 0)
                {
                    seen[id] = true;
                    scores[type] += weight;
                }
            }
        }
    }

    /// <summary>The first indicator of the type placed under one of the 二级 codes (or 一级 codes), falling back to the fallback type.</summary>
    public LibraryIndicator? Example(string typeId, params string[] codes)
    {
        foreach (var type in new[] { FindType(typeId), FallbackType })
        {
            var found = type?.Indicators.FirstOrDefault(i => codes.Contains(i.Level2.Code) || codes.Contains(i.Level1.Code));
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    public static IndicatorLibrary Load(Stream json) => FromNode(ReadObject(json), []);

    /// <summary>This library with a district file merged in: new types are added, indicators and keywords of existing types appended.</summary>
    public IndicatorLibrary WithExtension(Stream json)
    {
        var patch = ReadObject(json);
        var merged = (JsonObject)Source.DeepClone();
        var types = (JsonArray)merged["types"]!;
        foreach (var node in patch["types"] as JsonArray ?? [])
        {
            if (node is not JsonObject type || type["id"]?.GetValue<string>() is not { } id)
            {
                throw new InvalidDataException("指标库扩展文件中有项目类型缺少 id。");
            }

            var existing = types.OfType<JsonObject>().FirstOrDefault(t => t["id"]?.GetValue<string>() == id);
            if (existing is null)
            {
                types.Add(type.DeepClone());
                continue;
            }

            foreach (var list in new[] { "keywords", "indicators" })
            {
                if (type[list] is JsonArray extra)
                {
                    var target = existing[list] as JsonArray ?? [];
                    existing[list] = target;
                    foreach (var item in extra)
                    {
                        target.Add(item?.DeepClone());
                    }
                }
            }
        }

        return FromNode(merged, Learned);
    }

    /// <summary>
    /// This library plus the indicators reviewed projects use: every indicator with a resolved 二级, a target that states
    /// a number with a unit (or a ratio or range) and no finding of its own is remembered with its project, so that
    /// <see cref="IndicatorSuggester"/> can propose what similar projects use.
    /// </summary>
    public IndicatorLibrary Learn(ReviewReport report, IndicatorTaxonomy? taxonomy = null)
    {
        taxonomy ??= IndicatorTaxonomy.Default;
        var learned = new List<LearnedIndicator>(Learned);
        var memo = new FactsMemo(taxonomy);
        foreach (var review in report.Projects)
        {
            var project = review.Project;
            var flagged = new HashSet<string>(review.Findings.Where(f => f.Indicator is not null).Select(f => f.Indicator!), StringComparer.Ordinal);
            var type = Classify(project.Name, project.Goal.Text);
            var facts = new ProjectFacts(new Projects.BudgetUnit(review.Unit, review.Department, null, [project]), project, memo);
            foreach (var indicator in facts.Indicators)
            {
                if (indicator.Level1 is not { } l1 || indicator.Level2 is not { } l2 || indicator.Indicator.AnnualTarget is not { } target
                    || !IsWellFormed(target) || flagged.Contains(indicator.Label))
                {
                    continue;
                }

                learned.Add(new LearnedIndicator(project.Name, review.Unit, type.Id,
                    new LibraryIndicator(indicator.Label, l1, l2, UnitOf(target), target.Direction ?? Direction.Up, target.Text.Trim(),
                        $"同类项目：{project.Name}", project.Name)));
            }
        }

        return new IndicatorLibrary(Version, Types, FallbackType.Id, learned, Source);
    }

    internal static bool IsWellFormed(Target target) => target switch
    {
        Target.Quantitative q => !q.Implicit && q.Unit is not null || q.Unit == "%" && q.Value == 100m,
        Target.Range r => r.Unit is not null,
        Target.Ratio => true,
        _ => false,
    };

    private static string? UnitOf(Target target) => target switch
    {
        Target.Quantitative q => q.Unit,
        Target.Range r => r.Unit,
        _ => null,
    };

    private static JsonObject ReadObject(Stream json)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw new InvalidDataException("指标库文件不是 JSON 对象。");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"指标库文件格式错误：{ex.Message}", ex);
        }
    }

    private static IndicatorLibrary FromNode(JsonObject root, IReadOnlyList<LearnedIndicator> learned)
    {
        var taxonomy = IndicatorTaxonomy.Default;
        var types = new List<ProjectType>();
        foreach (var node in root["types"] as JsonArray ?? throw new InvalidDataException("指标库文件没有项目类型（types）。"))
        {
            var id = node?["id"]?.GetValue<string>() ?? throw new InvalidDataException("指标库中有项目类型缺少 id。");
            var name = node["name"]?.GetValue<string>() ?? throw new InvalidDataException($"指标库项目类型 {id} 缺少 name。");
            var keywords = (node["keywords"] as JsonArray ?? []).Select(k => k?.GetValue<string>() ?? "").Where(k => k.Length > 0).ToList();
            var indicators = new List<LibraryIndicator>();
            foreach (var item in node["indicators"] as JsonArray ?? [])
            {
                var indicatorName = item?["name"]?.GetValue<string>() ?? throw new InvalidDataException($"指标库项目类型“{name}”中有指标缺少 name。");
                var code = item["level2"]?.GetValue<string>() ?? "";
                var level2 = taxonomy.FindByCode(code) is { Level: 2 } l2 ? l2
                    : throw new InvalidDataException($"指标库指标“{indicatorName}”的二级代码“{code}”不是二级指标。");
                var direction = item["direction"]?.GetValue<string>() switch
                {
                    "up" or null => Direction.Up,
                    "down" => Direction.Down,
                    "keep" => Direction.Keep,
                    "attain" => Direction.Attain,
                    var other => throw new InvalidDataException($"指标库指标“{indicatorName}”的方向“{other}”无效（up/down/keep/attain）。"),
                };
                var typical = item["typical"]?.GetValue<string>() ?? throw new InvalidDataException($"指标库指标“{indicatorName}”缺少典型值 typical。");
                indicators.Add(new LibraryIndicator(indicatorName, taxonomy.ParentOf(level2)!, level2, item["unit"]?.GetValue<string>(), direction, typical,
                    $"指标库：{name}"));
            }

            types.Add(new ProjectType(id, name, keywords, indicators));
        }

        var duplicate = types.GroupBy(t => t.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"指标库项目类型 {duplicate.Key} 重复。");
        }

        var fallback = root["fallback"]?.GetValue<string>() ?? throw new InvalidDataException("指标库缺少 fallback（未识别项目的类型）。");
        if (types.All(t => t.Id != fallback))
        {
            throw new InvalidDataException($"指标库的 fallback 类型 {fallback} 不存在。");
        }

        return new IndicatorLibrary(root["version"]?.GetValue<string>() ?? "", types, fallback, learned, root);
    }
}

/// <summary>An indicator an imported project used, remembered by <see cref="IndicatorLibrary.Learn"/>.</summary>
public sealed record LearnedIndicator(string Project, string Unit, string TypeId, LibraryIndicator Indicator);
