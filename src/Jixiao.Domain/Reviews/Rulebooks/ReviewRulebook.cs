using System.Text.Json;
using System.Text.RegularExpressions;

namespace Jixiao.Domain.Reviews.Rulebooks;

/// <summary>The three columns of a 初审 sheet a 审核口径 item reports in (its 审核要点).</summary>
public enum RulebookAspect
{
    /// <summary>完整性审核.</summary>
    Completeness,
    /// <summary>可测性审核.</summary>
    Measurability,
    /// <summary>可行性审核.</summary>
    Feasibility,
}

/// <summary>
/// One 审核细项 of a district's 审核口径: what is looked at (<see cref="Subject"/>, 审核对象), whether the district checks
/// it by rule (正则匹配) or by hand (人工: the product proposes, the reviewer confirms), the 初审 column it reports in,
/// its name (the words of the 初审小结) and its 意见 text, and the product check that decides it with its pattern and
/// parameters. <see cref="Check"/> is one of <see cref="RulebookChecks.Known"/>.
/// </summary>
public sealed record RulebookItem(
    string Code,
    string Subject,
    bool Manual,
    RulebookAspect Aspect,
    string Point,
    string Name,
    string Opinion,
    string Check,
    string? Pattern,
    string? Category,
    bool Enabled,
    string? Note,
    IReadOnlyDictionary<string, JsonElement> Parameters)
{
    private Regex? regex;

    /// <summary>The item's pattern, compiled once (culture-invariant, 1 s timeout per match).</summary>
    public Regex? Regex => Pattern is null ? null : regex ??= new Regex(Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}

/// <summary>
/// A district's 审核口径 (review rulebook), as data: loaded from the product's JSON (embedded per district in
/// <c>Data/review-rulebook-{district}.json</c>, or a file) or from the district's own workbook (the Import project
/// reads the Baoan layout). Validated on load: known checks and aspects, patterns that compile, unique codes, the
/// parameters a check needs.
/// </summary>
public sealed class ReviewRulebook
{
    private ReviewRulebook(string district, string title, string version, string? origin, IReadOnlyList<RulebookItem> items)
    {
        District = district;
        Title = title;
        Version = version;
        Origin = origin;
        Items = items;
    }

    /// <summary>The districts whose rulebook is built in, by the name <c>--rules</c> takes, with their Chinese names.</summary>
    public static IReadOnlyDictionary<string, string> Districts { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["baoan"] = "baoan",
        ["宝安"] = "baoan",
        ["宝安区"] = "baoan",
    };

    public string District { get; }

    public string Title { get; }

    public string Version { get; }

    /// <summary>Where the rules come from (a file name, a workbook and its sheet).</summary>
    public string? Origin { get; }

    public IReadOnlyList<RulebookItem> Items { get; }

    /// <summary>The built-in rulebook of a district ("baoan", "宝安"), or null when there is none.</summary>
    public static ReviewRulebook? ForDistrict(string name)
    {
        if (!Districts.TryGetValue(name.Trim(), out var district))
        {
            return null;
        }

        using var stream = Jixiao.Domain.Data.EmbeddedData.Open($"review-rulebook-{district}.json");
        return Load(stream);
    }

    /// <summary>Reads the product's JSON shape; an <see cref="InvalidDataException"/> with a Chinese reason when it is not valid.</summary>
    public static ReviewRulebook Load(Stream json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"审核口径文件不是有效的 JSON（第 {ex.LineNumber + 1} 行）。", ex);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException("审核口径文件缺少“items”（审核细项列表）。");
            }

            var list = new List<RulebookItem>();
            foreach (var e in items.EnumerateArray())
            {
                var code = Text(e, "code") ?? throw new InvalidDataException("审核口径中有一项缺少“code”。");
                var parameters = e.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object
                    ? p.EnumerateObject().ToDictionary(x => x.Name, x => x.Value.Clone(), StringComparer.Ordinal)
                    : new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                list.Add(new RulebookItem(
                    code,
                    Text(e, "subject") ?? "",
                    Text(e, "mode") is "manual" or "人工",
                    AspectOf(Text(e, "aspect"), code),
                    Text(e, "point") ?? "",
                    Text(e, "name") ?? throw new InvalidDataException($"审核细项 {code} 缺少“name”（审核细项名称）。"),
                    Text(e, "opinion") ?? throw new InvalidDataException($"审核细项 {code} 缺少“opinion”（审核意见表述）。"),
                    Text(e, "check") ?? throw new InvalidDataException($"审核细项 {code} 缺少“check”。"),
                    Text(e, "pattern"),
                    Text(e, "category"),
                    !e.TryGetProperty("enabled", out var en) || en.ValueKind != JsonValueKind.False,
                    Text(e, "note"),
                    parameters));
            }

            return Create(Text(root, "district") ?? "", Text(root, "title") ?? "审核口径", Text(root, "version") ?? "", Text(root, "origin"), list);
        }
    }

    /// <summary>A rulebook from items read elsewhere (a district's workbook), validated like a loaded one.</summary>
    public static ReviewRulebook Create(string district, string title, string version, string? origin, IReadOnlyList<RulebookItem> items)
    {
        if (items.Count == 0)
        {
            throw new InvalidDataException("审核口径中没有任何审核细项。");
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!codes.Add(item.Code))
            {
                throw new InvalidDataException($"审核细项编码 {item.Code} 重复。");
            }

            if (!RulebookChecks.Known.Contains(item.Check))
            {
                throw new InvalidDataException($"审核细项 {item.Code}（{item.Name}）的检查“{item.Check}”未知；可用的检查：{string.Join("、", RulebookChecks.Known)}。");
            }

            try
            {
                _ = item.Regex;
            }
            catch (ArgumentException ex)
            {
                throw new InvalidDataException($"审核细项 {item.Code}（{item.Name}）的正则表达式无法使用：{ex.Message}", ex);
            }

            if (RulebookChecks.NeedsPattern.Contains(item.Check) && item.Pattern is null)
            {
                throw new InvalidDataException($"审核细项 {item.Code}（{item.Name}）的检查“{item.Check}”需要正则表达式（pattern）。");
            }

            if (RulebookChecks.NeedsCategory.Contains(item.Check) && string.IsNullOrWhiteSpace(item.Category))
            {
                throw new InvalidDataException($"审核细项 {item.Code}（{item.Name}）的检查“{item.Check}”需要指标类别（category，如“数量”）。");
            }

            if (item.Check == RulebookChecks.AmountIndicators && AmountBands(item) is null)
            {
                throw new InvalidDataException($"审核细项 {item.Code}（{item.Name}）需要参数 bands：[{{\"minWanYuan\": 数值, \"minIndicators\": 数值}}, …]。");
            }
        }

        return new ReviewRulebook(district, title, version, origin, items);
    }

    /// <summary>The amount bands of an amount-indicators item: from this many 万元 a project needs this many indicators.</summary>
    internal static IReadOnlyList<(decimal MinWanYuan, int MinIndicators)>? AmountBands(RulebookItem item)
    {
        if (!item.Parameters.TryGetValue("bands", out var bands) || bands.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var list = new List<(decimal, int)>();
        foreach (var b in bands.EnumerateArray())
        {
            if (b.ValueKind != JsonValueKind.Object || !b.TryGetProperty("minWanYuan", out var min) || min.ValueKind != JsonValueKind.Number
                || !b.TryGetProperty("minIndicators", out var count) || count.ValueKind != JsonValueKind.Number)
            {
                return null;
            }

            list.Add((min.GetDecimal(), count.GetInt32()));
        }

        return list.Count == 0 ? null : list.OrderByDescending(x => x.Item1).ToList();
    }

    /// <summary>The aspect of a 审核要点 as written (完整性 / 可测性 / 可行性) or as the JSON names it.</summary>
    public static RulebookAspect AspectOf(string? text, string code) => text?.Trim() switch
    {
        "完整性" or "completeness" => RulebookAspect.Completeness,
        "可测性" or "measurability" => RulebookAspect.Measurability,
        "可行性" or "feasibility" => RulebookAspect.Feasibility,
        _ => throw new InvalidDataException($"审核细项 {code} 的审核要点“{text}”不是完整性、可测性或可行性。"),
    };

    public static string AspectName(RulebookAspect aspect) => aspect switch
    {
        RulebookAspect.Completeness => "完整性审核",
        RulebookAspect.Measurability => "可测性审核",
        RulebookAspect.Feasibility => "可行性审核",
        _ => throw new ArgumentOutOfRangeException(nameof(aspect)),
    };

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
}
