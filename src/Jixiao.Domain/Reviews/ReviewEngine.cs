using System.Globalization;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Reviews.Checks;
using Jixiao.Domain.Taxonomy;

namespace Jixiao.Domain.Reviews;

/// <summary>
/// 目标审核: reviews the performance targets of budget units' projects against the rules of
/// <see cref="ReviewRuleSet"/>, scores each project 0–100 and gives the 财预〔2015〕88号 outcome, and sums up units and
/// departments. Pure and thread-safe: one engine can review any number of tables.
/// <code>
/// var report = ReviewEngine.Default.Review(units);
/// var suggestions = IndicatorSuggester.Default.Suggest(report.Projects[0]);
/// </code>
/// </summary>
public sealed class ReviewEngine
{
    /// <summary>Every rule id a check implements; a rule file must configure exactly these.</summary>
    public static IReadOnlyCollection<string> KnownRuleIds { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "REV101", "REV102", "REV103", "REV104", "REV105", "REV106",
        "REV200", "REV201", "REV202", "REV203", "REV204", "REV205", "REV206", "REV207",
        "REV301", "REV302", "REV303", "REV304", "REV305", "REV306", "REV307", "REV308",
        "REV401", "REV402", "REV403", "REV404", "REV405",
        "REV501", "REV502",
        "REV601", "REV602", "REV603",
        "REV701", "REV702", "REV703", "REV704",
        "REV801", "REV802", "REV803",
    };

    private readonly CheckContext context;
    private readonly IProjectCheck[] checks;
    private readonly IIndicatorCheck[] indicatorChecks;
    private readonly double maxNameSimilarity;
    private readonly int minGoalLength;
    private readonly bool boilerplateEnabled;
    private readonly Memo<string, string> goalKeys = new(50_000);

    public ReviewEngine(ReviewRuleSet? rules = null, IndicatorLibrary? library = null, IndicatorTaxonomy? taxonomy = null)
    {
        Rules = rules ?? ReviewRuleSet.Default;
        Library = library ?? IndicatorLibrary.Default;
        context = new CheckContext(Rules, taxonomy ?? IndicatorTaxonomy.Default, Library);
        var classification = new ClassificationCheck(context);
        indicatorChecks =
        [
            new TargetValueCheck(context),
            classification,
            new ReasonablenessCheck(context),
            new InputAsOutputCheck(context),
        ];
        checks =
        [
            new CompletenessCheck(context),
            classification,
            new GoalTextCheck(context),
            new AmountCheck(context),
        ];
        maxNameSimilarity = (double)Rules["REV601"].Number("maxNameSimilarity");
        boilerplateEnabled = Rules["REV601"].Enabled;
        minGoalLength = (int)Rules["REV601"].Number("minGoalLength");
    }

    private static readonly Lazy<ReviewEngine> DefaultEngine = new(() => new ReviewEngine());

    /// <summary>The engine with the built-in rules, library and taxonomy.</summary>
    public static ReviewEngine Default => DefaultEngine.Value;

    public ReviewRuleSet Rules { get; }

    public IndicatorLibrary Library { get; }

    /// <summary>Throws <see cref="InvalidDataException"/> when a rule set's parameters do not fit the checks.</summary>
    internal static void Validate(ReviewRuleSet rules)
    {
        try
        {
            _ = new ReviewEngine(rules, IndicatorLibrary.Default);
        }
        catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or FormatException or ArgumentException)
        {
            throw new InvalidDataException($"审核规则参数无效：{ex.Message}", ex);
        }
    }

    /// <summary>Reviews every project of the units; units of one department are summed up together.</summary>
    public ReviewReport Review(IEnumerable<BudgetUnit> units)
    {
        var unitList = units.ToList();
        var projectCount = 0;
        foreach (var unit in unitList)
        {
            projectCount += unit.Projects.Count;
        }

        // One pass over the projects with one reusable set of facts; findings go to one store as records, and what the
        // boilerplate rule needs across projects is kept per project index.
        var store = new FindingStore();
        var facts = new ProjectFacts(context.Facts, store);
        var all = new Project[projectCount];
        var types = new ProjectType[projectCount];
        var starts = new int[projectCount];
        var runs = new int[projectCount];
        var boilerplate = new BoilerplateGroups(projectCount);
        var departmentOf = new string[projectCount];
        var unitFindings = new List<ReviewFinding>[unitList.Count];
        var n = 0;
        for (var u = 0; u < unitList.Count; u++)
        {
            var unit = unitList[u];
            unitFindings[u] = CheckUnitTotal(unit);
            foreach (var project in unit.Projects)
            {
                facts.Reset(unit, project);
                facts.Type = Library.Classify(project.Name, facts.Goal);
                foreach (var indicator in facts.Indicators)
                {
                    context.Emit(facts, indicator, indicatorChecks);
                }

                foreach (var check in checks)
                {
                    check.Check(facts);
                }

                all[n] = project;
                departmentOf[n] = facts.Department;
                types[n] = facts.Type;
                starts[n] = facts.FindingsStart;
                runs[n] = facts.FindingCount;
                if (boilerplateEnabled)
                {
                    var key = goalKeys.Get(facts.Goal, 0, static (goal, _) => ReviewText.Key(goal));
                    if (key.Length >= minGoalLength)
                    {
                        boilerplate.Add(n, facts.Department, key);
                    }
                }

                n++;
            }
        }

        var later = new List<int>?[projectCount];
        if (CheckBoilerplate(boilerplate, all, store) is { } boilerplateFindings)
        {
            for (var i = 0; i < projectCount; i++)
            {
                if (boilerplateFindings[i] >= 0)
                {
                    later[i] = [boilerplateFindings[i]];
                }
            }
        }

        CrossProjectChecks.Run(Rules, context.Facts, all, departmentOf, types, store, later);

        var projects = new List<ProjectReview>(projectCount);
        n = 0;
        foreach (var unit in unitList)
        {
            foreach (var project in unit.Projects)
            {
                var findings = new FindingList(store, starts[n], runs[n], later[n]);
                var (score, outcome) = Score(findings);
                projects.Add(new ProjectReview(unit.Name, unit.Department, project, types[n].Name, score, outcome, findings));
                n++;
            }
        }

        var unitReviews = new List<UnitReview>(unitList.Count);
        var unitTallies = new ReviewTally[unitList.Count];
        var offset = 0;
        for (var u = 0; u < unitList.Count; u++)
        {
            var unit = unitList[u];
            var tally = new ReviewTally();
            for (var i = offset; i < offset + unit.Projects.Count; i++)
            {
                tally.Add(projects[i]);
            }

            offset += unit.Projects.Count;
            unitTallies[u] = tally;
            unitReviews.Add(new UnitReview(unit.Name, unit.Department, tally.ToSummary(), unitFindings[u]));
        }

        var total = new ReviewTally();
        var departments = Enumerable.Range(0, unitList.Count)
            .GroupBy(i => unitList[i].Department ?? unitList[i].Name, StringComparer.Ordinal)
            .Select(g =>
            {
                var department = new ReviewTally();
                foreach (var i in g)
                {
                    department.Add(unitTallies[i]);
                }

                total.Add(department);
                return new DepartmentReview(g.Key, g.Select(i => unitList[i].Name).ToList(), department.ToSummary());
            })
            .ToList();

        return new ReviewReport(projects, unitReviews, departments, total.ToSummary(), Rules);
    }

    /// <summary>Reviews one project on its own (no boilerplate comparison with other projects).</summary>
    public ProjectReview Review(Project project, string unit = "", string? department = null) =>
        Review([new BudgetUnit(unit, department, null, [project])]).Projects[0];

    /// <summary>
    /// The score: 100 minus, per rule, the penalty of its severity times its findings, capped per rule; never below 0.
    /// The outcome is the band of the score, no better than <see cref="ReviewScoring.ErrorCap"/> when any finding is an
    /// error and no better than the cap of any rule found.
    /// </summary>
    public (int Score, ReviewOutcome Outcome) Score(IReadOnlyList<ReviewFinding> findings)
    {
        var rules = Rules.Rules;
        Span<int> counts = rules.Count <= 256 ? stackalloc int[rules.Count] : new int[rules.Count];
        var cap = ReviewOutcome.Excellent;
        if (findings is FindingList list)
        {
            // the engine's own findings: count from the records, without making a finding object each
            for (var i = 0; i < list.Count; i++)
            {
                var rule = list.Record(i).Words.Rule;
                Count(rule.Index >= 0 && rule.Index < rules.Count && ReferenceEquals(rules[rule.Index], rule) ? rule : Rules.Find(rule.Id),
                    rule.Severity, counts, ref cap);
            }
        }
        else
        {
            for (var i = 0; i < findings.Count; i++)
            {
                var finding = findings[i];
                var rule = finding.RuleData is { Index: >= 0 } own && own.Index < rules.Count && ReferenceEquals(rules[own.Index], own)
                    ? own
                    : Rules.Find(finding.Rule);
                Count(rule, finding.Severity, counts, ref cap);
            }
        }

        var scoring = Rules.Scoring;
        var deducted = 0;
        for (var r = 0; r < counts.Length; r++)
        {
            if (counts[r] > 0)
            {
                deducted += Math.Min(counts[r] * scoring.Penalty(rules[r].Severity), scoring.MaxPenaltyPerRule);
            }
        }

        var score = Math.Max(0, 100 - deducted);
        var outcome = scoring.OutcomeOf(score);
        return (score, outcome < cap ? outcome : cap);
    }

    private void Count(ReviewRule? rule, Severity severity, Span<int> counts, ref ReviewOutcome cap)
    {
        if (rule is null)
        {
            return;
        }

        counts[rule.Index]++;
        if (severity == Severity.Error && Rules.Scoring.ErrorCap < cap)
        {
            cap = Rules.Scoring.ErrorCap;
        }

        if (rule.Cap is { } ruleCap && ruleCap < cap)
        {
            cap = ruleCap;
        }
    }

    private List<ReviewFinding> CheckUnitTotal(BudgetUnit unit)
    {
        var findings = new List<ReviewFinding>();
        var rule = Rules["REV702"];
        if (!rule.Enabled || unit.StatedTotal is not { } stated || unit.Projects.Count == 0)
        {
            return findings;
        }

        var sum = 0m;
        var money = unit.Projects[0].Amounts.Unit;
        foreach (var project in unit.Projects)
        {
            sum += project.Amounts.Total is { } t ? new Money(t, project.Amounts.Unit).InYuan : 0;
        }

        var statedYuan = new Money(stated, money).InYuan;
        if (statedYuan != sum)
        {
            var unitName = Money.UnitName(money);
            var value = $"{ReviewRule.Format(stated)}{unitName}";
            var expected = $"{ReviewRule.Format(money == MoneyUnit.WanYuan ? sum / 10_000m : sum)}{unitName}";
            findings.Add(new ReviewFinding(rule, unit.Name, null, value, null, expected, null, unit.Location));
        }

        return findings;
    }

    /// <summary>
    /// REV601: the same goal text (ignoring spaces and punctuation) in two projects of one department whose names are not
    /// alike (<see cref="NameSimilarity"/> below the rule's maxNameSimilarity). The same fund in another year keeps its text.
    /// Returns, per project index, the store index of its REV601 finding (−1 for none), or null when none was found.
    /// </summary>
    private int[]? CheckBoilerplate(BoilerplateGroups groups, Project[] all, FindingStore store)
    {
        var rule = Rules["REV601"];
        int[]? later = null;
        var members = new List<int>();
        foreach (var last in groups.Lasts)
        {
            members.Clear();
            groups.Members(last, members);
            if (members.Count < 2)
            {
                continue;
            }

            var bigrams = members.Select(i => NameSimilarity.Bigrams(all[i].Name)).ToArray();
            for (var a = 0; a < members.Count; a++)
            {
                var unrelated = 0;
                var names = new List<string>(3);
                for (var b = 0; b < members.Count; b++)
                {
                    if (a != b && NameSimilarity.Of(bigrams[a], bigrams[b]) < maxNameSimilarity)
                    {
                        unrelated++;
                        if (names.Count < 3)
                        {
                            names.Add($"“{all[members[b]].Name}”");
                        }
                    }
                }

                if (unrelated == 0)
                {
                    continue;
                }

                var detail = unrelated <= 3
                    ? string.Concat(names)
                    : string.Concat(names) + string.Format(CultureInfo.InvariantCulture, "等{0}个项目", unrelated);
                if (later is null)
                {
                    later = new int[all.Length];
                    Array.Fill(later, -1);
                }

                var project = all[members[a]];
                later[members[a]] = store.Add(new FindingRecord(new FindingWords(rule, null, detail, null), project, null, null));
            }
        }

        return later;
    }

    /// <summary>
    /// Projects grouped by department and goal key as the pass meets them: the last project of each group and, per
    /// project, the one before it in its group — no list per goal text, since most goal texts are met once.
    /// </summary>
    private sealed class BoilerplateGroups(int projects)
    {
        private readonly Dictionary<(string Department, string Goal), int> last = [];
        private readonly int[] previous = new int[projects];

        public IEnumerable<int> Lasts => last.Values;

        public void Add(int project, string department, string goal)
        {
            ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(last, (department, goal), out var exists);
            previous[project] = exists ? slot : -1;
            slot = project;
        }

        /// <summary>The group's projects in the order the pass met them.</summary>
        public void Members(int lastProject, List<int> output)
        {
            for (var i = lastProject; i >= 0; i = previous[i])
            {
                output.Add(i);
            }

            output.Reverse();
        }
    }
}
