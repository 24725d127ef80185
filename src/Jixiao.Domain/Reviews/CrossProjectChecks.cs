using System.Globalization;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Reviews.Checks;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Reviews;

/// <summary>
/// The rules that compare projects with each other, after the pass over each project: indicators copied from an
/// unrelated project of the same department (REV603), and a unit cost far from that of the same kind of project among
/// all projects reviewed together, a unit's and a district's (REV803). Findings go to the pass's store; per project the
/// store indices are added to <c>later</c>.
/// </summary>
internal static class CrossProjectChecks
{
    public static void Run(ReviewRuleSet rules, FactsMemo memo, Project[] all, string[] departments, ProjectType[] types, FindingStore store, List<int>?[] later)
    {
        if (rules["REV603"].Enabled)
        {
            CopiedIndicators(rules["REV603"], all, departments, store, later);
        }

        if (rules["REV803"].Enabled)
        {
            UnitCosts(rules["REV803"], memo, all, types, store, later);
        }
    }

    /// <summary>
    /// REV603: two projects of one department whose names are not alike (the REV601 measure) and that share at least
    /// minShared indicators written exactly alike (name and annual value, spaces and punctuation ignored), at least
    /// minShare of the smaller project's indicators. The same fund in another year keeps its indicators.
    /// </summary>
    private static void CopiedIndicators(ReviewRule rule, Project[] all, string[] departments, FindingStore store, List<int>?[] later)
    {
        var maxSimilarity = (double)rule.Number("maxNameSimilarity");
        var minShared = (int)rule.Number("minShared");
        var minShare = (double)rule.Number("minShare");
        var signatures = new HashSet<string>[all.Length];
        var byDepartment = new Dictionary<string, Dictionary<string, List<int>>>(StringComparer.Ordinal);
        for (var p = 0; p < all.Length; p++)
        {
            signatures[p] = all[p].Indicators
                .Where(i => i.AnnualTarget is not null)
                .Select(i => ReviewText.Key(i.Name) + "|" + ReviewText.Key(i.AnnualTarget!.Text))
                .ToHashSet(StringComparer.Ordinal);
            if (!byDepartment.TryGetValue(departments[p], out var index))
            {
                byDepartment[departments[p]] = index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            }

            foreach (var s in signatures[p])
            {
                if (!index.TryGetValue(s, out var list))
                {
                    index[s] = list = [];
                }

                list.Add(p);
            }
        }

        for (var p = 0; p < all.Length; p++)
        {
            if (signatures[p].Count < minShared)
            {
                continue;
            }

            var index = byDepartment[departments[p]];
            var shared = new Dictionary<int, int>();
            foreach (var s in signatures[p])
            {
                foreach (var q in index[s])
                {
                    if (q != p)
                    {
                        shared[q] = shared.GetValueOrDefault(q) + 1;
                    }
                }
            }

            var bigrams = NameSimilarity.Bigrams(all[p].Name);
            var copies = shared
                .Where(x => x.Value >= minShared && x.Value >= minShare * Math.Min(signatures[p].Count, signatures[x.Key].Count)
                    && NameSimilarity.Of(bigrams, NameSimilarity.Bigrams(all[x.Key].Name)) < maxSimilarity)
                .OrderByDescending(x => x.Value).ThenBy(x => x.Key)
                .ToList();
            if (copies.Count == 0)
            {
                continue;
            }

            var names = string.Concat(copies.Take(3).Select(c => $"“{all[c.Key].Name}”")) + (copies.Count > 3 ? $"等{copies.Count}个项目" : "");
            Add(later, p, store.Add(new FindingRecord(new FindingWords(rule, copies[0].Value.ToString(CultureInfo.InvariantCulture), names, null), all[p], null, null)));
        }
    }

    /// <summary>
    /// REV803: a 成本 indicator priced per item ("≤500元/人", "3万元/台"; not per year) whose price is more than factor
    /// times, or less than a factor-th of, the median price per the same item among the projects of the same type
    /// reviewed together (at least minProjects of them, one price each).
    /// </summary>
    private static void UnitCosts(ReviewRule rule, FactsMemo memo, Project[] all, ProjectType[] types, FindingStore store, List<int>?[] later)
    {
        var factor = rule.Number("factor");
        var minProjects = (int)rule.Number("minProjects");
        var periodUnits = rule.Strings("periodUnits");
        var prices = new List<(int Project, Indicator Indicator, string Per, decimal Yuan)>();
        for (var p = 0; p < all.Length; p++)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < all[p].Indicators.Count; i++)
            {
                var indicator = all[p].Indicators[i];
                var facts = new IndicatorFacts(indicator, i, memo);
                if (!facts.IsCost || indicator.AnnualTarget is not Target.Quantitative { Unit: { } unit } q)
                {
                    continue;
                }

                var slash = unit.IndexOf('/', StringComparison.Ordinal);
                var per = slash > 0 ? unit[(slash + 1)..] : "";
                if (per.Length == 0 || periodUnits.Contains(per, StringComparer.Ordinal) || CheckContext.InYuan(q with { Unit = unit[..slash] }) is not { } yuan || yuan <= 0)
                {
                    continue;
                }

                if (seen.Add(per))
                {
                    prices.Add((p, indicator, per, yuan));
                }
            }
        }

        foreach (var group in prices.GroupBy(x => (x.Per, types[x.Project].Id)))
        {
            var list = group.ToList();
            if (list.Select(x => x.Project).Distinct().Count() < minProjects)
            {
                continue;
            }

            var sorted = list.Select(x => x.Yuan).Order().ToList();
            var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
            foreach (var x in list.Where(x => x.Yuan > median * factor || x.Yuan * factor < median))
            {
                var detail = $"同类项目（{types[x.Project].Name}，{list.Count} 个）每{x.Per}的中位数为 {ReviewRule.Format(median)}元，本项目为 {ReviewRule.Format(x.Yuan)}元";
                Add(later, x.Project, store.Add(new FindingRecord(new FindingWords(rule, x.Indicator.AnnualTarget!.Text.Trim(), detail, null), all[x.Project], x.Indicator,
                    ReviewText.Label(x.Indicator.Name))));
            }
        }
    }

    private static void Add(List<int>?[] later, int project, int finding) => (later[project] ??= []).Add(finding);
}
