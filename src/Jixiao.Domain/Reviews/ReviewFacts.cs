using System.Text;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Targets;
using Jixiao.Domain.Taxonomy;
using Jixiao.Domain.Text;

namespace Jixiao.Domain.Reviews;

/// <summary>
/// What the checks need to know about one indicator, computed once: a clean name, and the category the indicator
/// really sits in. The source's codes and names can disagree ("2-效益指标,31-服务对象满意度"); the effective 二级
/// is taken from the importer's resolution, then the written 二级 code, then the written 二级 name, and the 一级 is
/// its parent, so a 满意度 indicator filed under 效益 still counts as 满意度 (the disagreement is its own finding).
/// </summary>
internal sealed class IndicatorFacts
{
    public IndicatorFacts(Indicator indicator, int index, FactsMemo memo) => Reset(indicator, index, memo);

    private IndicatorFacts()
    {
    }

    /// <summary>An empty slot of a reusable buffer; <see cref="Reset"/> fills it.</summary>
    internal static IndicatorFacts Slot() => new();

    /// <summary>Makes this the facts of another indicator (a review pass reuses one buffer for every project).</summary>
    internal void Reset(Indicator indicator, int index, FactsMemo memo)
    {
        Indicator = indicator;
        Index = index;
        VerdictKey = new IndicatorKey(indicator);
        (Label, Key, Stem, Level1, Level2) = memo.Indicators.Get(VerdictKey, (indicator, memo.Taxonomy), static (_, state) =>
        {
            var name = state.indicator.Name ?? "";
            var (level1, level2) = Effective(state.indicator, state.Taxonomy);
            return (ReviewText.Label(name), ReviewText.Key(name), ReviewText.Stem(name), level1, level2);
        });
    }

    /// <summary>Everything the per-indicator checks read (name, codes, values, unit); equal keys get equal verdicts.</summary>
    public IndicatorKey VerdictKey { get; private set; }

    public Indicator Indicator { get; private set; } = null!;

    /// <summary>Position in the project's list (0-based), used when the source gave no number.</summary>
    public int Index { get; private set; }

    /// <summary>The name as a reviewer reads it: normalised, single-spaced, without trailing punctuation.</summary>
    public string Label { get; private set; } = "";

    /// <summary>The name without spaces, punctuation or a unit in brackets: equal keys are the same indicator.</summary>
    public string Key { get; private set; } = "";

    /// <summary>The key without a trailing unit hint ("%", "/起"), for suffix tests (…率, …数).</summary>
    public string Stem { get; private set; } = "";

    public IndicatorCategory? Level1 { get; private set; }

    public IndicatorCategory? Level2 { get; private set; }

    public bool IsOutput => Level1?.Code == "1" && !IsCost;

    public bool IsCost => Level2?.Code == "14" || Level1?.Code == "4";

    public bool IsBenefit => Level1?.Code == "2";

    public bool IsSatisfaction => Level1?.Code == "3";

    public IEnumerable<Target> Targets
    {
        get
        {
            if (Indicator.PeriodTarget is { } period)
            {
                yield return period;
            }

            if (Indicator.AnnualTarget is { } annual)
            {
                yield return annual;
            }
        }
    }

    private static (IndicatorCategory? Level1, IndicatorCategory? Level2) Effective(Indicator indicator, IndicatorTaxonomy taxonomy)
    {
        var level2 = indicator.Level2
            ?? (indicator.Level2Code is { Length: > 0 } c2 ? taxonomy.FindByCode(c2) : null)
            ?? (indicator.Level2Text is { Length: > 0 } t2 ? taxonomy.FindLevel2(t2) ?? taxonomy.FindLevel1(t2) : null);
        if (level2 is not null)
        {
            return level2.Level == 1 ? (level2, null) : (taxonomy.ParentOf(level2), level2);
        }

        var level1 = indicator.Level1
            ?? (indicator.Level1Code is { Length: > 0 } c1 ? taxonomy.FindByCode(c1) : null)
            ?? (indicator.Level1Text is { Length: > 0 } t1 ? taxonomy.FindLevel1(t1) ?? taxonomy.FindLevel2(t1) : null);
        return level1 is { Level: 2 } ? (taxonomy.ParentOf(level1), level1) : (level1, null);
    }
}

/// <summary>Memos of what depends only on an indicator's name or codes (see <see cref="Memo{TKey, TValue}"/>).</summary>
internal sealed class FactsMemo(IndicatorTaxonomy taxonomy)
{
    public IndicatorTaxonomy Taxonomy { get; } = taxonomy;

    public Memo<IndicatorKey, (string Label, string Key, string Stem, IndicatorCategory? Level1, IndicatorCategory? Level2)> Indicators { get; } = new();
}

/// <summary>The indicator facts of the project under review: a view of a buffer the pass reuses.</summary>
internal sealed class IndicatorFactsList : IReadOnlyList<IndicatorFacts>
{
    private IndicatorFacts[] items = [];

    public int Count { get; private set; }

    public IndicatorFacts this[int index] => index < Count ? items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    internal void Fill(IReadOnlyList<Indicator> indicators, FactsMemo memo)
    {
        if (items.Length < indicators.Count)
        {
            var grown = new IndicatorFacts[Math.Max(indicators.Count, items.Length * 2)];
            items.CopyTo(grown, 0);
            for (var i = items.Length; i < grown.Length; i++)
            {
                grown[i] = IndicatorFacts.Slot();
            }

            items = grown;
        }

        for (var i = 0; i < indicators.Count; i++)
        {
            items[i].Reset(indicators[i], i, memo);
        }

        Count = indicators.Count;
    }

    public ReadOnlySpan<IndicatorFacts>.Enumerator GetEnumerator() => new ReadOnlySpan<IndicatorFacts>(items, 0, Count).GetEnumerator();

    IEnumerator<IndicatorFacts> IEnumerable<IndicatorFacts>.GetEnumerator() => items.Take(Count).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => items.Take(Count).GetEnumerator();
}

/// <summary>
/// One project with its unit and the facts of its indicators. A review pass keeps one and <see cref="Reset"/>s it for
/// each project; the findings go to the pass's <see cref="FindingStore"/>, from <see cref="FindingsStart"/> on.
/// </summary>
internal sealed class ProjectFacts
{
    private readonly FactsMemo memo;
    private readonly IndicatorFactsList indicators = new();

    public ProjectFacts(BudgetUnit unit, Project project, FactsMemo memo)
        : this(memo, new FindingStore()) => Reset(unit, project);

    public ProjectFacts(FactsMemo memo, FindingStore store)
    {
        this.memo = memo;
        Store = store;
    }

    public void Reset(BudgetUnit unit, Project project)
    {
        Unit = unit;
        Project = project;
        Department = unit.Department ?? unit.Name;
        indicators.Fill(project.Indicators, memo);
        Goal = ChineseText.Normalize(GoalText(project.Goal));
        Type = null;
        FindingsStart = Store.Count;
    }

    public BudgetUnit Unit { get; private set; } = null!;

    public Project Project { get; private set; } = null!;

    public string Department { get; private set; } = "";

    public IndicatorFactsList Indicators => indicators;

    /// <summary>The whole goal text (总体, 实施期 and 年度 together), normalised.</summary>
    public string Goal { get; private set; } = "";

    /// <summary>The project type the library classified the project as (null until classified).</summary>
    public ProjectType? Type { get; set; }

    public string ProjectType => Type?.Id ?? "";

    public FindingStore Store { get; }

    /// <summary>Where this project's findings begin in <see cref="Store"/>.</summary>
    public int FindingsStart { get; private set; }

    public int FindingCount => Store.Count - FindingsStart;

    /// <summary>The findings recorded so far for this project.</summary>
    public FindingList Findings => new(Store, FindingsStart, FindingCount);

    public void AddFinding(FindingWords words, IndicatorFacts? indicator) =>
        Store.Add(new FindingRecord(words, Project, indicator?.Indicator, indicator?.Label));

    private static string GoalText(PerformanceGoal goal)
    {
        if (goal.PeriodGoal is null && goal.AnnualGoal is null)
        {
            return goal.Text ?? "";
        }

        var builder = new StringBuilder(goal.Text);
        foreach (var part in new[] { goal.PeriodGoal, goal.AnnualGoal })
        {
            if (!string.IsNullOrEmpty(part) && !(goal.Text ?? "").Contains(part, StringComparison.Ordinal))
            {
                builder.Append('\n').Append(part);
            }
        }

        return builder.ToString();
    }
}

/// <summary>Text helpers shared by the checks.</summary>
internal static class ReviewText
{
    public static string Label(string name)
    {
        var s = ChineseText.Normalize(name ?? "").Trim();
        var builder = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space && !(ChineseText.IsHan(c) && builder.Length > 0 && ChineseText.IsHan(builder[^1])))
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(c);
        }

        return builder.ToString().TrimEnd('.', '。', ';', '；', ',', '，', '、', ' ');
    }

    public static string Key(string name)
    {
        var s = ChineseText.Normalize(name ?? "");
        var kept = 0;
        foreach (var c in s)
        {
            if (KeepsInKey(c))
            {
                kept++;
            }
        }

        if (kept == s.Length)
        {
            return s;
        }

        return string.Create(kept, s, static (dest, source) =>
        {
            var j = 0;
            foreach (var c in source)
            {
                if (KeepsInKey(c))
                {
                    dest[j++] = c;
                }
            }
        });
    }

    private static bool KeepsInKey(char c) => ChineseText.IsHan(c) || char.IsLetterOrDigit(c) || c is '%' or '/';

    /// <summary>The key without a trailing unit hint: "施工质量合格率(%)" → "施工质量合格率", "差错事故数/起" → "差错事故数".</summary>
    public static string Stem(string name)
    {
        var key = Key(name);
        var slash = key.LastIndexOf('/');
        if (slash > 0 && key.Length - slash <= 3)
        {
            key = key[..slash];
        }

        return key.TrimEnd('%');
    }

    public static bool ContainsAny(string text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public static string? FirstContained(string text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                return word;
            }
        }

        return null;
    }

    public static bool EndsWithAny(string text, string[] suffixes)
    {
        foreach (var suffix in suffixes)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The value as the reviewer wrote it, for messages: "实施周期“提高”、年度“提高”" collapses to "提高".</summary>
    public static string Values(Indicator indicator)
    {
        var period = indicator.PeriodTarget?.Text.Trim();
        var annual = indicator.AnnualTarget?.Text.Trim();
        if (string.IsNullOrEmpty(period))
        {
            return annual ?? "";
        }

        return string.IsNullOrEmpty(annual) || period == annual ? period : $"{period}（年度：{annual}）";
    }

    /// <summary>Levenshtein distance, for the short value words (≤ 8 characters) the typo rule compares.</summary>
    public static int EditDistance(string a, string b)
    {
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            current.CopyTo(previous);
        }

        return previous[b.Length];
    }
}
