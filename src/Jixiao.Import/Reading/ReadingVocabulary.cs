using System.Text.Json;

namespace Jixiao.Import.Reading;

/// <summary>The form fields a document's labels fill (Data/reading-vocabulary.json, "fields").</summary>
public enum FormField
{
    ProjectName,
    DepartmentName,
    Unit,
    Department,
    ProjectCode,
    AnnualAmount,
    PeriodAmount,
    Fiscal,
    Other,
    CarryOver,
    Goal,
    StatedTotal,
    Grade,
    /// <summary>政策依据 / 立项依据.</summary>
    PolicyBasis,
    /// <summary>测算依据.</summary>
    CostBasis,
    /// <summary>实施期目标 (the 年度目标 is <see cref="Goal"/>).</summary>
    PeriodGoal,
}

/// <summary>What a column of an indicator table holds ("columns"), or of a budget table ("budgetColumns").</summary>
public enum ColumnRole
{
    Level1,
    Level2,
    Name,
    PeriodTarget,
    Target,
    Actual,
    Weight,
    Score,
    Reason,
    Comparator,
    TargetUnit,
    Ignore,
    BudgetStart,
    Budget,
    Executed,
    Rate,
    /// <summary>指标解释 / 指标说明: kept for the reader of the table, placed like the columns that are not read as values.</summary>
    Explanation,
}

/// <summary>What a label found inside glued text is (<see cref="ReadingVocabulary.Labels"/>).</summary>
internal enum GluedLabel
{
    Field,
    Column,
    BudgetColumn,
    BudgetRow,
    Category,
    Stop,
}

public enum CategoryLevel
{
    Level1 = 1,
    Level2 = 2,
}

/// <summary>
/// The vocabulary the recognisers read documents with, loaded from Data/reading-vocabulary.json (embedded; a
/// district may give its own). Every label is compared by its <see cref="ReadingText.Key"/>; a label written with a
/// bracketed letter, unit or score ("全年预算数（A）", "资金情况（万元）", "产出指标（50分）") matches its bare form.
/// </summary>
public sealed partial class ReadingVocabulary
{
    private readonly List<(string Key, FormField Field)> fields = [];
    private readonly List<(string Key, ColumnRole Role)> columns = [];
    private readonly List<(string Key, ColumnRole Role)> budgetColumns = [];
    private readonly Dictionary<string, CategoryLevel> categories = new(StringComparer.Ordinal);
    private readonly HashSet<string> ambiguous = new(StringComparer.Ordinal);
    private readonly List<string> budgetTotalRows = [];
    private readonly List<string> budgetPartRows = [];
    private readonly List<string> stops = [];
    private readonly Dictionary<string, List<string>> kindWords = [];

    public static ReadingVocabulary Default { get; } = LoadEmbedded();

    public IReadOnlyDictionary<string, List<string>> KindWords => kindWords;

    /// <summary>Qualitative targets that copies glue to the end of a name ("…发展情况稳步提高"), longest first.</summary>
    public IReadOnlyList<string> QualitativeTargets { get; private set; } = [];

    public static ReadingVocabulary Load(Stream json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var v = new ReadingVocabulary();
        foreach (var f in root.GetProperty("fields").EnumerateArray())
        {
            var field = Enum.Parse<FormField>(f.GetProperty("field").GetString()!);
            foreach (var l in f.GetProperty("labels").EnumerateArray())
            {
                v.fields.Add((ReadingText.Key(l.GetString()!), field));
            }
        }

        Roles(root.GetProperty("columns"), v.columns);
        Roles(root.GetProperty("budgetColumns"), v.budgetColumns);
        var cats = root.GetProperty("categories");
        foreach (var c in cats.GetProperty("level2").EnumerateArray())
        {
            v.categories[Bare(ReadingText.Key(c.GetString()!))] = CategoryLevel.Level2;
        }

        foreach (var c in cats.GetProperty("level1").EnumerateArray())
        {
            v.categories[Bare(ReadingText.Key(c.GetString()!))] = CategoryLevel.Level1;
        }

        foreach (var c in cats.GetProperty("ambiguous").EnumerateArray())
        {
            v.ambiguous.Add(Bare(ReadingText.Key(c.GetString()!)));
        }

        var rows = root.GetProperty("budgetRows");
        v.budgetTotalRows.AddRange(rows.GetProperty("total").EnumerateArray().Select(e => Bare(ReadingText.Key(e.GetString()!))));
        v.budgetPartRows.AddRange(rows.GetProperty("parts").EnumerateArray().Select(e => Bare(ReadingText.Key(e.GetString()!))));
        v.stops.AddRange(root.GetProperty("stops").EnumerateArray().Select(e => ReadingText.Key(e.GetString()!)));
        foreach (var k in root.GetProperty("kinds").EnumerateObject())
        {
            v.kindWords[k.Name] = k.Value.EnumerateArray().Select(e => ReadingText.Key(e.GetString()!)).ToList();
        }

        v.QualitativeTargets = root.GetProperty("qualitativeTargets").EnumerateArray().Select(e => ReadingText.Key(e.GetString()!))
            .OrderByDescending(w => w.Length).ToList();
        v.fields.Sort((a, b) => b.Key.Length.CompareTo(a.Key.Length));
        v.columns.Sort((a, b) => b.Key.Length.CompareTo(a.Key.Length));
        v.budgetColumns.Sort((a, b) => b.Key.Length.CompareTo(a.Key.Length));
        return v;

        static void Roles(JsonElement array, List<(string, ColumnRole)> into)
        {
            foreach (var c in array.EnumerateArray())
            {
                var role = Enum.Parse<ColumnRole>(c.GetProperty("role").GetString()!);
                foreach (var l in c.GetProperty("labels").EnumerateArray())
                {
                    into.Add((ReadingText.Key(l.GetString()!), role));
                }
            }
        }
    }

    /// <summary>Every label of the vocabulary with what it is, for finding labels inside a text whose cells are glued together.</summary>
    internal IEnumerable<(string Key, GluedLabel Kind, ColumnRole? Role, CategoryLevel? Level)> Labels()
    {
        foreach (var (key, _) in fields)
        {
            yield return (key, GluedLabel.Field, null, null);
        }

        foreach (var (key, role) in columns)
        {
            yield return (key, GluedLabel.Column, role, null);
        }

        foreach (var (key, role) in budgetColumns)
        {
            yield return (key, GluedLabel.BudgetColumn, role, null);
        }

        foreach (var key in budgetTotalRows.Concat(budgetPartRows))
        {
            yield return (key, GluedLabel.BudgetRow, null, null);
        }

        foreach (var (key, level) in categories)
        {
            yield return (key, GluedLabel.Category, null, level);
        }

        foreach (var key in stops)
        {
            yield return (key, GluedLabel.Stop, null, null);
        }
    }

    /// <summary>
    /// The form field whose label the key starts with, the longest first, and the length of the label in the key
    /// (the rest is the value written in the same cell: "年度资金总额:16"). A label must be followed by nothing, a
    /// bracket, a colon, a value or a unit; "项目名称" does not match "项目名称变更说明" unless nothing longer does.
    /// </summary>
    public (FormField Field, int Length)? Field(string key)
    {
        foreach (var (label, field) in fields)
        {
            if (key.StartsWith(label, StringComparison.Ordinal))
            {
                var length = label.Length;
                length += BracketAfter(key, length);
                return (field, length);
            }
        }

        return null;
    }

    /// <summary>The column role of a header cell, when the whole cell is a column label (brackets allowed).</summary>
    public ColumnRole? Column(string key) => Exact(columns, key);

    public ColumnRole? BudgetColumn(string key) => Exact(budgetColumns, key);

    /// <summary>The category of a cell that is only a category name ("产出指标", "数量指标(或建筑规模指标)", "产出指标(50分)").</summary>
    public CategoryLevel? Category(string key) => categories.TryGetValue(Bare(key.TrimEnd(':')), out var level) ? level : null;

    /// <summary>A name that is an 一级 in some templates and a 二级 in others (成本指标, 满意度指标).</summary>
    public bool IsAmbiguous(string key) => ambiguous.Contains(Bare(key.TrimEnd(':')));

    /// <summary>The longest category name the key starts with (a glued cell "产出指标数量指标…"), with its length.</summary>
    public (CategoryLevel Level, int Length)? CategoryPrefix(string key)
    {
        (CategoryLevel, int)? best = null;
        foreach (var (name, level) in categories)
        {
            if (name.Length >= 2 && key.StartsWith(name, StringComparison.Ordinal) && (best is null || name.Length > best.Value.Item2))
            {
                var length = name.Length + BracketAfter(key, name.Length);
                best = (level, length);
            }
        }

        return best;
    }

    public bool IsBudgetTotalRow(string key) => budgetTotalRows.Contains(Bare(key.TrimEnd(':')));

    public bool IsBudgetPartRow(string key) => budgetPartRows.Contains(Bare(key.TrimEnd(':')));

    public bool IsStop(string key) => stops.Any(s => key.StartsWith(s, StringComparison.Ordinal));

    /// <summary>The key without a trailing bracket ("全年预算数(A)" → "全年预算数") and without its colon.</summary>
    public static string Bare(string key)
    {
        var k = key.TrimEnd(':');
        while (k.Length > 0 && k[^1] == ')')
        {
            var open = k.LastIndexOf('(');
            if (open <= 0)
            {
                break;
            }

            k = k[..open].TrimEnd(':');
        }

        return k;
    }

    private static ColumnRole? Exact(List<(string Key, ColumnRole Role)> list, string key)
    {
        var bare = Bare(key);
        foreach (var (label, role) in list)
        {
            if (label == key || label == bare || Bare(label) == bare)
            {
                return role;
            }
        }

        // A monitoring table's columns say the months they cover: "1-7月执行数", "1至6月实际完成值", "截至7月底执行数".
        var months = MonthRange().Match(bare);
        return months.Success && months.Length < bare.Length ? Exact(list, bare[months.Length..]) : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:截至|截止)?(?:(?:1|一)(?:-|—|–|~|～|至|到))?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份|底|末)?(?:累计)?|^(?:上半年|前三季度|一季度|二季度|三季度)(?:累计)?")]
    private static partial System.Text.RegularExpressions.Regex MonthRange();

    private static int BracketAfter(string key, int at)
    {
        if (at < key.Length && key[at] == '(')
        {
            var close = key.IndexOf(')', at);
            if (close > at && close - at <= 12)
            {
                return close - at + 1;
            }
        }

        return 0;
    }

    private static ReadingVocabulary LoadEmbedded()
    {
        using var stream = typeof(ReadingVocabulary).Assembly.GetManifestResourceStream("Jixiao.Import.Reading.Data.reading-vocabulary.json")
            ?? throw new InvalidOperationException("Reading/Data/reading-vocabulary.json is not embedded.");
        return Load(stream);
    }
}
