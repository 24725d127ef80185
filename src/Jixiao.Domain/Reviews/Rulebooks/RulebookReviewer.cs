using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Jixiao.Domain.Projects;

namespace Jixiao.Domain.Reviews.Rulebooks;

/// <summary>
/// The checks a 审核口径 item can name. Each reads one field a reviewer reads; the item's pattern and parameters are
/// the district's. The wording of docs/review.md ("审核口径") says what each decides.
/// </summary>
public static class RulebookChecks
{
    public const string PolicyDocument = "policy-document";
    public const string CostArithmetic = "cost-arithmetic";
    public const string GoalEmpty = "goal-empty";
    public const string GoalForm = "goal-form";
    public const string TableEmpty = "table-empty";
    public const string CategoryEmpty = "category-empty";
    public const string CellEmpty = "cell-empty";
    public const string NamePattern = "name-pattern";
    public const string ValueEmpty = "value-empty";
    public const string ExplanationEmpty = "explanation-empty";
    public const string ValueUnit = "value-unit";
    public const string NameLength = "name-length";
    public const string ValueMeasurable = "value-measurable";
    public const string Timeliness = "timeliness";
    public const string AmountIndicators = "amount-indicators";
    public const string Duplicate = "duplicate";
    public const string Manual = "manual";

    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        PolicyDocument, CostArithmetic, GoalEmpty, GoalForm, TableEmpty, CategoryEmpty, CellEmpty, NamePattern, ValueEmpty,
        ExplanationEmpty, ValueUnit, NameLength, ValueMeasurable, Timeliness, AmountIndicators, Duplicate, Manual,
    };

    internal static IReadOnlySet<string> NeedsPattern { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        PolicyDocument, CostArithmetic, GoalForm, NamePattern, ValueUnit, NameLength, ValueMeasurable, Timeliness,
    };

    internal static IReadOnlySet<string> NeedsCategory { get; } = new HashSet<string>(StringComparer.Ordinal) { CategoryEmpty, NamePattern, Timeliness };
}

/// <summary>One 审核细项 that applies to a project, the indicators it names (as "质量指标“…”") and the 意见 text.</summary>
public sealed record RulebookFinding(RulebookItem Item, IReadOnlyList<string> Subjects, string Text);

/// <summary>A project's 初审 by a rulebook: its findings in rulebook order.</summary>
public sealed record RulebookProjectReview(string Unit, Project Project, IReadOnlyList<RulebookFinding> Findings)
{
    /// <summary>The findings of rule items (正则匹配) in one 初审 column.</summary>
    public IEnumerable<RulebookFinding> In(RulebookAspect aspect) => Findings.Where(f => !f.Item.Manual && f.Item.Aspect == aspect);

    /// <summary>What the product proposes for the 人工 items, for the reviewer to confirm.</summary>
    public IEnumerable<RulebookFinding> Proposals => Findings.Where(f => f.Item.Manual);

    /// <summary>A 初审 cell: "1. …\n2. …", or "审核通过" when nothing applies.</summary>
    public string Column(RulebookAspect aspect) => Numbered(In(aspect).Select(f => f.Text).ToList());

    /// <summary>The 初审小结: the names of the 审核细项 that apply, numbered, in rulebook order.</summary>
    public string Summary => Numbered(Findings.Where(f => !f.Item.Manual).Select(f => f.Item.Name).Distinct().ToList(), "");

    public static string Numbered(IReadOnlyList<string> lines, string none = "审核通过") =>
        lines.Count == 0 ? none : string.Join("\n", lines.Select((l, i) => $"{i + 1}. {l}"));
}

/// <summary>
/// Reviews projects by a district's <see cref="ReviewRulebook"/>: pure, thread-safe, one pass per project. Only
/// enabled items run; 人工 items give proposals (<see cref="RulebookProjectReview.Proposals"/>) rather than 初审 text.
/// </summary>
public sealed partial class RulebookReviewer(ReviewRulebook rulebook)
{
    private const string NotApplicable = "不适用";

    public ReviewRulebook Rulebook { get; } = rulebook;

    public IReadOnlyList<RulebookProjectReview> Review(IEnumerable<BudgetUnit> units) =>
        units.SelectMany(u => u.Projects.Select(p => Review(p, u.Name))).ToList();

    public RulebookProjectReview Review(Project project, string unit = "")
    {
        var findings = new List<RulebookFinding>();
        foreach (var item in Rulebook.Items.Where(i => i.Enabled))
        {
            if (Check(item, project) is { } subjects)
            {
                findings.Add(new RulebookFinding(item, subjects.Names, Text(item, subjects.Names, subjects.Fill)));
            }
        }

        return new RulebookProjectReview(unit, project, findings);
    }

    private sealed record Subjects(IReadOnlyList<string> Names, IReadOnlyDictionary<string, string>? Fill = null);

    private static readonly Subjects Whole = new([]);

    /// <summary>The indicators an item applies to, <see cref="Whole"/> for the project as a whole, null when it does not apply.</summary>
    private static Subjects? Check(RulebookItem item, Project project)
    {
        var indicators = project.Indicators;
        switch (item.Check)
        {
            case RulebookChecks.PolicyDocument:
                // An empty 政策依据 names no document either.
                return Blank(project.PolicyBasis) || !item.Regex!.IsMatch(project.PolicyBasis!) ? Whole : null;
            case RulebookChecks.CostArithmetic:
                return Blank(project.CostBasis) || !item.Regex!.IsMatch(project.CostBasis!) ? Whole : null;
            case RulebookChecks.GoalEmpty:
                return Blank(project.Goal.Text) ? Whole : null;
            case RulebookChecks.GoalForm:
                return !Blank(project.Goal.Text) && !item.Regex!.IsMatch(project.Goal.Text) ? Whole : null;
            case RulebookChecks.TableEmpty:
                return indicators.Count == 0 ? Whole : null;
            case RulebookChecks.CategoryEmpty:
                // Required means written: an indicator, or 不适用 when the category does not apply; a missing or blank row is not.
                return indicators.Count > 0 && !Rows(project).Any(i => !Blank(i.Name) && InCategory(i, item.Category!)) ? Whole : null;
            case RulebookChecks.CellEmpty:
                return Named(Rows(project).Where(i => Blank(i.Name) || Value(i) is null || Blank(i.Explanation)), categoryOnly: true);
            case RulebookChecks.NamePattern:
                return Named(indicators.Where(i => InCategory(i, item.Category!) && !item.Regex!.IsMatch(i.Name)));
            case RulebookChecks.ValueEmpty:
                return Named(indicators.Where(i => Value(i) is null));
            case RulebookChecks.ExplanationEmpty:
                // A row that writes 不适用 for both its name and value needs no explanation; one that names 不适用 but
                // still states a value ("按方案执行") does.
                return Named(Rows(project).Where(i => Blank(i.Explanation) && !Blank(i.Name) && !(i.Name == NotApplicable && Value(i) is null or NotApplicable)));
            case RulebookChecks.ValueUnit:
                return Named(indicators.Where(i => Value(i) is { } v && item.Regex!.IsMatch(v)));
            case RulebookChecks.NameLength:
                return Named(indicators.Where(i => item.Regex!.IsMatch(i.Name.Trim())));
            case RulebookChecks.ValueMeasurable:
                return Named(indicators.Where(i => Value(i) is not { } v || !item.Regex!.IsMatch(v)));
            case RulebookChecks.Timeliness:
                return Named(indicators.Where(i => InCategory(i, item.Category!) && Value(i) is { } v && item.Regex!.IsMatch(v) && !TimeStated().IsMatch(v)));
            case RulebookChecks.AmountIndicators:
                var amount = project.Amounts.Total is { } t ? new Money(t, project.Amounts.Unit).InWanYuan : (decimal?)null;
                var band = amount is { } a ? ReviewRulebook.AmountBands(item)!.FirstOrDefault(b => a >= b.MinWanYuan) : default;
                return amount is { } w && band.MinIndicators > 0 && indicators.Count < band.MinIndicators
                    ? new Subjects([], new Dictionary<string, string>
                    {
                        ["amount"] = w.ToString("0.##", CultureInfo.InvariantCulture),
                        ["count"] = indicators.Count.ToString(CultureInfo.InvariantCulture),
                        ["expected"] = band.MinIndicators.ToString(CultureInfo.InvariantCulture),
                    })
                    : null;
            case RulebookChecks.Duplicate:
                return Named(indicators.GroupBy(i => Key(i.Name)).Where(g => g.Key.Length > 0 && g.Count() > 1).Select(g => g.First()));
            case RulebookChecks.Manual:
                return null;
            default:
                throw new InvalidOperationException("unknown rulebook check " + item.Check);
        }
    }

    private static IEnumerable<Indicator> Rows(Project project) => project.Placeholders is { } p ? project.Indicators.Concat(p) : project.Indicators;

    private static Subjects? Named(IEnumerable<Indicator> indicators, bool categoryOnly = false)
    {
        var names = indicators.Select(i => categoryOnly ? Category(i) + "指标" : $"{Category(i)}指标“{i.Name.Trim()}”").Distinct().ToList();
        return names.Count == 0 ? null : new Subjects(names);
    }

    private static string Text(RulebookItem item, IReadOnlyList<string> subjects, IReadOnlyDictionary<string, string>? fill)
    {
        var opinion = item.Opinion;
        if (fill is not null)
        {
            opinion = Placeholder().Replace(opinion, m => fill.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
        }

        return subjects.Count == 0 || item.Check == RulebookChecks.CellEmpty ? opinion : string.Join("、", subjects) + opinion;
    }

    private static string? Value(Indicator i) => (i.AnnualTarget ?? i.PeriodTarget)?.Text is { } t && !Blank(t) ? t.Trim() : null;

    private static string Category(Indicator i)
    {
        var label = i.Level2Text ?? i.Level2?.Name ?? i.Level1Text ?? i.Level1?.Name ?? "";
        return label.EndsWith("指标", StringComparison.Ordinal) ? label[..^2] : label;
    }

    private static bool InCategory(Indicator i, string category)
    {
        var c = Category(i);
        return c.Length > 0 && (c == category || c.StartsWith(category, StringComparison.Ordinal) || (i.Level2?.Name ?? "").StartsWith(category, StringComparison.Ordinal));
    }

    private static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);

    private static string Key(string s)
    {
        var b = new StringBuilder(s.Length);
        foreach (var c in s.Where(char.IsLetterOrDigit))
        {
            b.Append(c);
        }

        return b.ToString();
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();

    // A time or a period stated in a value: a number, or 半小时 / 两天 / 三个月 / 月底 / 年底 / 当天.
    [GeneratedRegex(@"\d|[一二两三四五六七八九十半]个?(?:小时|分钟|天|日|周|星期|月|季度|年)|月底|年底|月末|年末|季末|当天|当日|次日")]
    private static partial Regex TimeStated();
}
