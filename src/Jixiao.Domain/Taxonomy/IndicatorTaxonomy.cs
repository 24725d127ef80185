using System.Collections.Frozen;
using System.Text.Json;
using Jixiao.Domain.Text;

namespace Jixiao.Domain.Taxonomy;

/// <summary>An 一级 (Level 1) or 二级 (Level 2) indicator category, e.g. 1 产出指标, 12 质量指标.</summary>
public sealed record IndicatorCategory(string Code, string Name, int Level, string? ParentCode)
{
    public override string ToString() => $"{Code}-{Name}";
}

/// <summary>
/// The indicator taxonomy (产出/效益/满意度/成本 and their 二级), loaded from the data file
/// <c>Data/taxonomy.json</c> so that a district can extend the name variants without a rebuild.
/// </summary>
public sealed class IndicatorTaxonomy
{
    private readonly FrozenDictionary<string, IndicatorCategory> byCode;
    private readonly FrozenDictionary<string, IndicatorCategory> level1ByName;
    private readonly FrozenDictionary<string, IndicatorCategory> level2ByName;

    private IndicatorTaxonomy(string version, IReadOnlyList<IndicatorCategory> categories,
        Dictionary<string, IndicatorCategory> level1Names, Dictionary<string, IndicatorCategory> level2Names)
    {
        Version = version;
        Categories = categories;
        byCode = categories.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);
        level1ByName = level1Names.ToFrozenDictionary(StringComparer.Ordinal);
        level2ByName = level2Names.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static readonly Lazy<IndicatorTaxonomy> DefaultTaxonomy = new(() =>
    {
        using var stream = Jixiao.Domain.Data.EmbeddedData.Open("taxonomy.json");
        return Load(stream);
    });

    /// <summary>The built-in taxonomy of 财预〔2021〕101号 with the variants seen in real tables.</summary>
    public static IndicatorTaxonomy Default => DefaultTaxonomy.Value;

    public string Version { get; }

    public IReadOnlyList<IndicatorCategory> Categories { get; }

    public IEnumerable<IndicatorCategory> Level1 => Categories.Where(c => c.Level == 1);

    public IEnumerable<IndicatorCategory> ChildrenOf(IndicatorCategory level1) => Categories.Where(c => c.ParentCode == level1.Code);

    public IndicatorCategory? FindByCode(string code) => byCode.GetValueOrDefault(code.Trim());

    public IndicatorCategory? ParentOf(IndicatorCategory level2) => level2.ParentCode is null ? null : FindByCode(level2.ParentCode);

    /// <summary>An 一级 category by any of its spellings ("产出", "产出指标", "产出值").</summary>
    public IndicatorCategory? FindLevel1(string name) => level1ByName.GetValueOrDefault(Key(name));

    /// <summary>
    /// A 二级 category by any of its spellings ("社会效益", "社会效益指标", "数量值", "社会公众或服务对象满意度指标").
    /// When <paramref name="level1"/> is given, a name that exists under several 一级 (成本指标) resolves under it.
    /// </summary>
    public IndicatorCategory? FindLevel2(string name, IndicatorCategory? level1 = null)
    {
        var key = Key(name);
        if (level1 is not null)
        {
            var child = Categories.FirstOrDefault(c => c.ParentCode == level1.Code && Matches(c, key));
            if (child is not null)
            {
                return child;
            }
        }

        return level2ByName.GetValueOrDefault(key);
    }

    private bool Matches(IndicatorCategory category, string key) =>
        level2ByName.TryGetValue(key, out var found) && found == category
        || Key(category.Name) == key
        || aliasesByCode.TryGetValue(category.Code, out var aliases) && aliases.Contains(key);

    private FrozenDictionary<string, FrozenSet<string>> aliasesByCode = FrozenDictionary<string, FrozenSet<string>>.Empty;

    /// <summary>The normalised lookup key: half-width, no spaces, no trailing 指标/值.</summary>
    public static string Key(string name)
    {
        var text = ChineseText.Normalize(name).Replace(" ", "", StringComparison.Ordinal);
        foreach (var suffix in new[] { "指标", "值" })
        {
            if (text.Length > suffix.Length && text.EndsWith(suffix, StringComparison.Ordinal))
            {
                text = text[..^suffix.Length];
            }
        }

        return text;
    }

    /// <summary>Loads and validates a taxonomy file. Throws <see cref="InvalidDataException"/> with the reason when it is malformed.</summary>
    public static IndicatorTaxonomy Load(Stream json)
    {
        TaxonomyFile? file;
        try
        {
            file = JsonSerializer.Deserialize<TaxonomyFile>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"指标分类文件格式错误：{ex.Message}", ex);
        }

        if (file?.Level1 is not { Count: > 0 })
        {
            throw new InvalidDataException("指标分类文件没有一级指标。");
        }

        var categories = new List<IndicatorCategory>();
        var level1Names = new Dictionary<string, IndicatorCategory>(StringComparer.Ordinal);
        var level2Names = new Dictionary<string, IndicatorCategory>(StringComparer.Ordinal);
        var aliases = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        foreach (var l1 in file.Level1)
        {
            var parent = Category(l1, 1, null);
            categories.Add(parent);
            AddNames(level1Names, parent, l1.Aliases, aliases);
            foreach (var l2 in l1.Children ?? [])
            {
                var child = Category(l2, 2, parent.Code);
                categories.Add(child);
                AddNames(level2Names, child, l2.Aliases, aliases);
            }
        }

        var duplicate = categories.GroupBy(c => c.Code).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"指标分类文件中代码“{duplicate.Key}”重复。");
        }

        return new IndicatorTaxonomy(file.Version ?? "", categories, level1Names, level2Names) { aliasesByCode = aliases.ToFrozenDictionary() };
    }

    private static IndicatorCategory Category(CategoryEntry entry, int level, string? parent)
    {
        if (string.IsNullOrWhiteSpace(entry.Code) || string.IsNullOrWhiteSpace(entry.Name))
        {
            throw new InvalidDataException($"指标分类文件中有{(level == 1 ? "一" : "二")}级指标缺少代码或名称。");
        }

        return new IndicatorCategory(entry.Code.Trim(), entry.Name.Trim(), level, parent);
    }

    // The first category to claim a spelling keeps it: 成本指标 resolves to 14 (under 产出) unless the caller passes the 一级.
    private static void AddNames(Dictionary<string, IndicatorCategory> names, IndicatorCategory category, List<string>? extra,
        Dictionary<string, FrozenSet<string>> aliases)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal) { Key(category.Name) };
        foreach (var alias in extra ?? [])
        {
            keys.Add(Key(alias));
        }

        foreach (var key in keys)
        {
            names.TryAdd(key, category);
        }

        aliases[category.Code] = keys.ToFrozenSet(StringComparer.Ordinal);
    }

    private sealed class TaxonomyFile
    {
        public string? Version { get; set; }
        public List<CategoryEntry>? Level1 { get; set; }
    }

    private sealed class CategoryEntry
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public List<string>? Aliases { get; set; }
        public List<CategoryEntry>? Children { get; set; }
    }
}
