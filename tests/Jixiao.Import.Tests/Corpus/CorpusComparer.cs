using System.Globalization;
using System.Text;
using System.Text.Json;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Targets;
using Jixiao.Import.Reading;

namespace Jixiao.Import.Tests.Corpus;

/// <summary>
/// An indicator cell (level1, level2, name, target, weight, actual, score) that the truth has and the reading does not
/// give: <see cref="Read"/> is what was read instead (null when nothing, or when the whole indicator is missing),
/// <see cref="Location"/> where the reading found the indicator.
/// </summary>
internal sealed record CellMiss(string Indicator, string Field, string? Read, string? Location);

/// <summary>How one document was read against its truth: the scorer's counts and its list of problems.</summary>
internal sealed record CorpusScore(
    string Doc,
    IReadOnlyList<string> Problems,
    int Projects,
    int ProjectsRight,
    int Indicators,
    int IndicatorsRight,
    int Faults,
    int FaultsCaught,
    int OtherFindings,
    int IndicatorCells,
    IReadOnlyList<CellMiss> CellMisses)
{
    public bool Exact => Problems.Count == 0;
}

/// <summary>
/// The corpus scorer's rules (score_doc of /work/shared/corpus/score) ported to C#, applied to a
/// <see cref="DocumentReader.Reading"/> instead of the JSON of `jixiao parse`: the product side is taken from the
/// reading the way ParseCommand's JSON shows it (the legacy importer's amounts in their own unit, converted from 元),
/// numbers compared as the scorer's floats within 0.005, texts by <see cref="ScorerText"/>.
/// </summary>
internal static class CorpusComparer
{
    private static readonly HashSet<string> Checks =
    [
        "execution-rate", "execution-score", "sum", "weights", "score-over-weight", "met-target-below-full",
        "missed-target-full", "grade", "impossible-value", "arithmetic", "count", "unit", "rule",
    ];

    /// <summary>The indicator cells the round trip counts; the name is a cell too (it pairs the indicator).</summary>
    private static readonly string[] CellFields = ["level1", "level2", "name", "target", "weight", "actual", "score"];

    private sealed record Indicator(string? Level1, string? Level2, string? Name, string? Target, double? Weight, string? Actual, double? Score, string? Location = null);

    private sealed record Project(string? Name, double? Amount, double? Executed, double? BudgetWeight, string? BudgetRate, double? BudgetScore, IReadOnlyList<Indicator> Indicators);

    private sealed record Product(string? Kind, IReadOnlyList<Project> Projects, double? StatedTotal, string? StatedGrade, IReadOnlyList<(string Check, string Blob)> Findings);

    public static CorpusScore Score(string doc, JsonElement truth, DocumentReader.Reading reading)
    {
        var d = ProductOf(reading);
        var probs = new List<string>();
        var complete = truth.TryGetProperty("complete", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        var truthKind = Str(truth, "kind");
        if (d.Kind != truthKind)
        {
            probs.Add($"kind {Repr(d.Kind)}, want {Repr(truthKind)}");
        }

        var tps = Items(truth, "projects");
        var pps = d.Projects;
        List<(JsonElement T, Project? P)> pairs;
        var extra = 0;
        if (tps.Count == 1 && pps.Count == 1)
        {
            pairs = [(tps[0], pps[0])];
            if (ScorerText.Norm(Str(tps[0], "name")) != ScorerText.Norm(pps[0].Name))
            {
                probs.Add($"project name {Repr(pps[0].Name)}, want {Repr(Str(tps[0], "name"))}");
            }
        }
        else
        {
            (pairs, extra) = MatchByName(tps, pps, t => Str(t, "name"), p => p.Name);
        }

        if (Flag(complete, "projects") && extra > 0)
        {
            probs.Add($"{extra} project(s) that the document does not have");
        }

        int projectsRight = 0, indicators = 0, indicatorsRight = 0, cells = 0;
        var misses = new List<CellMiss>();
        foreach (var (t, p) in pairs)
        {
            var tag = ScorerText.Prefix(Str(t, "name"), 24);
            if (p is null)
            {
                probs.Add($"{tag}: project missing");
                indicators += Items(t, "indicators").Count;
                foreach (var ti in Items(t, "indicators"))
                {
                    var fields = CellFields.Where(f => Has(ti, f)).ToList();
                    cells += fields.Count;
                    misses.AddRange(fields.Select(f => new CellMiss(Str(ti, "name") ?? "", f, null, null)));
                }

                continue;
            }

            var ok = true;
            foreach (var (f, value) in new[] { ("amount", p.Amount), ("executed", p.Executed) })
            {
                if (Has(t, f) && !Close(Num(t, f), value))
                {
                    probs.Add($"{tag}: {f} {Show(value)}, want {Raw(t, f)}");
                    ok = false;
                }
            }

            var tbe = t.TryGetProperty("budgetExecution", out var be) && be.ValueKind == JsonValueKind.Object ? be : default;
            foreach (var (f, value) in new[] { ("weight", p.BudgetWeight), ("score", p.BudgetScore) })
            {
                if (Has(tbe, f) && !Close(Num(tbe, f), value))
                {
                    probs.Add($"{tag}: 预算执行率 {f} {Show(value)}, want {Raw(tbe, f)}");
                    ok = false;
                }
            }

            if (Has(tbe, "rate") && ScorerText.Norm(Str(tbe, "rate")) != ScorerText.Norm(p.BudgetRate))
            {
                probs.Add($"{tag}: 预算执行率 rate {Repr(p.BudgetRate)}, want {Repr(Str(tbe, "rate"))}");
                ok = false;
            }

            var (ipairs, iextra) = MatchByName(Items(t, "indicators"), p.Indicators, i => Str(i, "name"), i => i.Name);
            if (Flag(complete, "indicators") && iextra > 0)
            {
                probs.Add($"{tag}: {iextra} indicator(s) that the document does not have");
                ok = false;
            }

            foreach (var (ti, pi) in ipairs)
            {
                indicators++;
                var itag = $"{tag}/{ScorerText.Prefix(Str(ti, "name"), 20)}";
                var present = CellFields.Where(f => Has(ti, f)).ToList();
                cells += present.Count;
                if (pi is null)
                {
                    misses.AddRange(present.Select(f => new CellMiss(Str(ti, "name") ?? "", f, null, null)));
                    probs.Add($"{itag}: indicator missing");
                    ok = false;
                    continue;
                }

                var iok = true;
                foreach (var (f, value, same) in new (string, string?, Func<string?, string?>)[]
                {
                    ("level1", pi.Level1, ScorerText.Level), ("level2", pi.Level2, ScorerText.Level),
                    ("target", pi.Target, ScorerText.Norm), ("actual", pi.Actual, ScorerText.Norm),
                })
                {
                    if (Has(ti, f) && same(Str(ti, f)) != same(value))
                    {
                        probs.Add($"{itag}: {f} {Repr(value)}, want {Repr(Str(ti, f))}");
                        misses.Add(new CellMiss(Str(ti, "name") ?? "", f, value, pi.Location));
                        iok = false;
                    }
                }

                foreach (var (f, value) in new[] { ("weight", pi.Weight), ("score", pi.Score) })
                {
                    if (Has(ti, f) && !Close(Num(ti, f), value))
                    {
                        probs.Add($"{itag}: {f} {Show(value)}, want {Raw(ti, f)}");
                        misses.Add(new CellMiss(Str(ti, "name") ?? "", f, value is null ? null : Show(value), pi.Location));
                        iok = false;
                    }
                }

                indicatorsRight += iok ? 1 : 0;
                ok = ok && iok;
            }

            projectsRight += ok ? 1 : 0;
        }

        if (Has(truth, "statedTotal") && !Close(Num(truth, "statedTotal"), d.StatedTotal))
        {
            probs.Add($"statedTotal {Show(d.StatedTotal)}, want {Raw(truth, "statedTotal")}");
        }

        var grade = Str(truth, "statedGrade");
        if (!string.IsNullOrEmpty(grade) && ScorerText.Norm(grade) != ScorerText.Norm(d.StatedGrade))
        {
            probs.Add($"statedGrade {Repr(d.StatedGrade)}, want {Repr(grade)}");
        }

        var used = new HashSet<int>();
        var faults = Items(truth, "faults");
        var caught = 0;
        foreach (var fault in faults)
        {
            var w = ScorerText.Norm(Str(fault, "where")) ?? "";
            var check = Str(fault, "check");
            var hit = Enumerable.Range(0, d.Findings.Count)
                .Where(j => !used.Contains(j) && d.Findings[j].Check == check && (w.Length == 0 || d.Findings[j].Blob.Contains(w, StringComparison.Ordinal)))
                .Select(j => (int?)j)
                .FirstOrDefault();
            if (hit is { } j)
            {
                used.Add(j);
                caught++;
            }
            else
            {
                probs.Add($"fault not caught: {check} at {Repr(Str(fault, "where"))}");
            }
        }

        return new CorpusScore(doc, probs, tps.Count, projectsRight, indicators, indicatorsRight, faults.Count, caught, d.Findings.Count - used.Count, cells, misses);
    }

    /// <summary>The scorer's match_by_name: exact normalised names first, then one containing the other (both at least 4 characters), in order.</summary>
    private static (List<(JsonElement T, TP? P)> Pairs, int Extra) MatchByName<TP>(
        IReadOnlyList<JsonElement> truthItems, IReadOnlyList<TP> productItems, Func<JsonElement, string?> truthName, Func<TP, string?> productName)
        where TP : class
    {
        var used = new HashSet<int>();
        var pairs = new List<(JsonElement, TP?)>();
        var names = productItems.Select(p => ScorerText.Norm(productName(p))).ToList();
        foreach (var t in truthItems)
        {
            var tn = ScorerText.Norm(truthName(t));
            int? hit = Enumerable.Range(0, names.Count).Where(j => !used.Contains(j) && names[j] == tn).Select(j => (int?)j).FirstOrDefault();
            hit ??= Enumerable.Range(0, names.Count)
                .Where(j =>
                {
                    var pn = names[j] ?? "";
                    return !used.Contains(j) && !string.IsNullOrEmpty(tn) && pn.Length > 0
                        && (pn.Contains(tn, StringComparison.Ordinal) || tn.Contains(pn, StringComparison.Ordinal))
                        && Math.Min(ScorerText.Length(tn), ScorerText.Length(pn)) >= 4;
                })
                .Select(j => (int?)j)
                .FirstOrDefault();
            if (hit is { } h)
            {
                used.Add(h);
            }

            pairs.Add((t, hit is { } k ? productItems[k] : null));
        }

        return (pairs, productItems.Count - used.Count);
    }

    /// <summary>What `jixiao parse --json` shows of a reading, as the scorer's product_projects and product_findings take it.</summary>
    private static Product ProductOf(DocumentReader.Reading reading)
    {
        if (reading.Targets is { } targets)
        {
            var projects = targets.Units.SelectMany(u => u.Projects).Select(p =>
            {
                var factor = Money.UnitName(p.Amounts.Unit) == "元" ? 1.0 / 10000 : 1.0;
                return new Project(p.Name, p.Amounts.Total is { } t ? (double)t * factor : null, null, null, null, null,
                    p.Indicators.Select(i => new Indicator(i.Level1?.Name, i.Level2?.Name, i.Name,
                        i.AnnualTarget is { } a ? TargetJson.From(a).Text : null, null, null, null)).ToList());
            }).ToList();
            // The legacy JSON carries no findings with a check, and its stated total is printed in the table's own unit.
            return new Product("targets", projects, (double?)targets.StatedTotal, null, []);
        }

        var document = reading.Document;
        return new Product(
            ReadDocument.KindName(document.Kind),
            document.Projects.Select(p => new Project(p.Name, (double?)p.AmountWanYuan, (double?)p.ExecutedWanYuan,
                (double?)p.BudgetExecution?.Weight, p.BudgetExecution?.Rate, (double?)p.BudgetExecution?.Score,
                p.Indicators.Select(i => new Indicator(i.Level1, i.Level2, i.Name, i.Target, (double?)i.Weight, i.Actual, (double?)i.Score, i.Location)).ToList())).ToList(),
            (double?)document.StatedTotal,
            document.StatedGrade,
            document.Findings.Where(f => Checks.Contains(f.Check)).Select(f => (f.Check, ScorerText.Norm(Blob(f)) ?? "")).ToList());
    }

    /// <summary>The finding as the scorer searches it: Python's json.dumps(ensure_ascii=False) of the finding's JSON object.</summary>
    private static string Blob(ReadFinding f) =>
        "{" + string.Join(", ", new (string, string?)[]
        {
            ("check", f.Check), ("where", f.Where), ("stated", f.Stated), ("recomputed", f.Recomputed), ("message", f.Message), ("location", f.Location),
        }.Select(kv => PyString(kv.Item1) + ": " + (kv.Item2 is null ? "null" : PyString(kv.Item2)))) + "}";

    private static string PyString(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                < ' ' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    private static bool Close(double? a, double? b) => a is { } x && b is { } y && Math.Abs(x - y) <= 0.005;

    /// <summary>complete.get(key, True): a missing flag means complete.</summary>
    private static bool Flag(JsonElement complete, string key) =>
        complete.ValueKind != JsonValueKind.Object || !complete.TryGetProperty(key, out var v) || IsTruthy(v);

    private static bool IsTruthy(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.False or JsonValueKind.Null => false,
        JsonValueKind.Number => v.GetDouble() != 0,
        JsonValueKind.String => v.GetString()!.Length > 0,
        JsonValueKind.Array => v.GetArrayLength() > 0,
        JsonValueKind.Object => v.EnumerateObject().Any(),
        _ => true,
    };

    /// <summary>truth.get(key) is not None.</summary>
    private static bool Has(JsonElement e, string key) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(key, out var v) && v.ValueKind != JsonValueKind.Null;

    private static IReadOnlyList<JsonElement> Items(JsonElement e, string key) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().ToList() : [];

    /// <summary>str() of a truth value as the scorer's norm sees it (numbers as JSON prints them).</summary>
    private static string? Str(JsonElement e, string key)
    {
        if (!Has(e, key))
        {
            return null;
        }

        var v = e.GetProperty(key);
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.True => "True",
            JsonValueKind.False => "False",
            _ => v.GetRawText(),
        };
    }

    /// <summary>The scorer's num() of a truth value: a number, or a text that is one once commas are removed.</summary>
    private static double? Num(JsonElement e, string key)
    {
        if (!Has(e, key))
        {
            return null;
        }

        var v = e.GetProperty(key);
        return v.ValueKind switch
        {
            JsonValueKind.Number => v.GetDouble(),
            JsonValueKind.String => ScorerText.Float(v.GetString()!.Replace(",", "", StringComparison.Ordinal)),
            JsonValueKind.Object => new[] { "value", "score", "amount" }.Where(k => v.TryGetProperty(k, out _)).Select(k => Num(v, k)).FirstOrDefault(),
            _ => null,
        };
    }

    private static string Raw(JsonElement e, string key) => e.GetProperty(key).GetRawText();

    private static string Show(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "None";

    private static string Repr(string? s) => s is null ? "None" : "'" + s + "'";
}
