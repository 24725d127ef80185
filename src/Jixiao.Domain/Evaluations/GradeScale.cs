using System.Collections.Frozen;
using System.Text.Json;

namespace Jixiao.Domain.Evaluations;

/// <summary>A grade and the lowest total (inclusive) that earns it.</summary>
public sealed record GradeBand(string Grade, decimal Min);

/// <summary>
/// Grade bands (评价等级) over a total out of 100. The built-in scales live in <c>Data/grade-bands.json</c> so a
/// district can change them without a rebuild (regulations.md §1.3, rule 13).
/// </summary>
public sealed class GradeScale
{
    private readonly GradeBand[] descending;

    /// <summary>Validates the bands: at least one, distinct grades and minimums, none negative. The lowest band should start at 0.</summary>
    public GradeScale(string name, IEnumerable<GradeBand> bands)
    {
        Name = name;
        descending = [.. bands.OrderByDescending(b => b.Min)];
        if (descending.Length == 0)
        {
            throw new ArgumentException("等级划分至少要有一个等级。", nameof(bands));
        }

        if (descending.Select(b => b.Grade).Distinct(StringComparer.Ordinal).Count() != descending.Length
            || descending.Select(b => b.Min).Distinct().Count() != descending.Length)
        {
            throw new ArgumentException("等级划分中有重复的等级或分数线。", nameof(bands));
        }

        if (descending[^1].Min < 0 || descending.Any(b => string.IsNullOrWhiteSpace(b.Grade)))
        {
            throw new ArgumentException("等级的分数线不能为负，等级名称不能为空。", nameof(bands));
        }
    }

    public string Name { get; }

    /// <summary>The bands from the highest down.</summary>
    public IReadOnlyList<GradeBand> Bands => descending;

    /// <summary>The grade of a total: the first band whose minimum the total reaches; below every band, the lowest grade.</summary>
    public string GradeOf(decimal total)
    {
        foreach (var band in descending)
        {
            if (total >= band.Min)
            {
                return band.Grade;
            }
        }

        return descending[^1].Grade;
    }

    /// <summary>A scale from sheet data without throwing: null and a Chinese reason when the bands are unusable.</summary>
    public static GradeScale? TryCreate(string name, IReadOnlyList<GradeBand> bands, out string? error)
    {
        try
        {
            error = null;
            return new GradeScale(name, bands);
        }
        catch (ArgumentException ex)
        {
            error = ex.Message.Split(" (Parameter", 2)[0];
            return null;
        }
    }

    private static readonly Lazy<FrozenDictionary<string, GradeScale>> BuiltIn = new(LoadBuiltIn);

    /// <summary>优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below (财预〔2020〕10号; MOF 预算司).</summary>
    public static GradeScale Default => BuiltIn.Value["四级"];

    /// <summary>The five-band 优/良/中/低/差 scale seen in Guangdong notices (cut-offs are a setting, see the data file).</summary>
    public static GradeScale FiveBand => BuiltIn.Value["五级"];

    /// <summary>The names of the built-in scales ("四级", "五级", …).</summary>
    public static IReadOnlyCollection<string> Names => BuiltIn.Value.Keys;

    /// <summary>A built-in scale by name, null when there is none.</summary>
    public static GradeScale? Find(string name) => BuiltIn.Value.GetValueOrDefault(name.Trim());

    /// <summary>Loads scales from a grade-bands file. Throws <see cref="InvalidDataException"/> when it is malformed.</summary>
    public static IReadOnlyList<GradeScale> Load(Stream json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var scales = new List<GradeScale>();
            foreach (var scale in doc.RootElement.GetProperty("scales").EnumerateArray())
            {
                var name = scale.GetProperty("name").GetString() ?? "";
                var bands = scale.GetProperty("bands").EnumerateArray()
                    .Select(b => new GradeBand(b.GetProperty("grade").GetString() ?? "", b.GetProperty("min").GetDecimal()))
                    .ToList();
                scales.Add(new GradeScale(name, bands));
            }

            return scales;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new InvalidDataException($"等级划分文件格式错误：{ex.Message}", ex);
        }
    }

    private static FrozenDictionary<string, GradeScale> LoadBuiltIn()
    {
        using var stream = Jixiao.Domain.Data.EmbeddedData.Open("grade-bands.json");
        return Load(stream).ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);
    }

    public override string ToString() => string.Join("、", descending.Select(b => $"{b.Grade}≥{b.Min}"));
}
