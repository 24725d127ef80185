using System.Text.Json.Serialization;
using Jixiao.Import.Imports;

namespace Jixiao.Import.Reading;

/// <summary>
/// The JSON of a document read (`jixiao parse --json`): its kind, units → projects → indicators (amounts in 万元),
/// the stated total and grade, the recheck's findings and the diagnostics. Documented in docs/import.md.
/// </summary>
public sealed record ReadJson(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("units")] IReadOnlyList<ReadJson.UnitJson> Units,
    [property: JsonPropertyName("statedTotal")] decimal? StatedTotal,
    [property: JsonPropertyName("statedGrade")] string? StatedGrade,
    [property: JsonPropertyName("findings")] IReadOnlyList<ReadJson.FindingJson> Findings,
    [property: JsonPropertyName("diagnostics")] IReadOnlyList<ImportJson.DiagnosticJson> Diagnostics)
{
    public static ReadJson From(ReadDocument d) => new(
        ReadDocument.KindName(d.Kind),
        d.Format,
        d.Title,
        Runs(d.Projects),
        d.StatedTotal,
        d.StatedGrade,
        FindingsOf(d),
        d.Diagnostics.Select(ImportJson.DiagnosticJson.From).ToList());

    /// <summary>The recheck's findings of a document in the JSON shape of <c>parse --json</c>.</summary>
    public static IReadOnlyList<FindingJson> FindingsOf(ReadDocument d) =>
        d.Findings.Select(f => new FindingJson(f.Check, f.Where, f.Stated, f.Recomputed, f.Message, f.Location)).ToList();

    /// <summary>Projects grouped by unit in document order: a unit that comes back later is a new entry, so order is kept.</summary>
    private static List<UnitJson> Runs(IReadOnlyList<ReadProject> projects)
    {
        var units = new List<UnitJson>();
        List<ProjectJson>? run = null;
        string? unit = null;
        foreach (var p in projects)
        {
            if (run is null || p.Unit != unit)
            {
                run = [];
                unit = p.Unit;
                units.Add(new UnitJson(unit, run));
            }

            run.Add(ProjectJson.From(p));
        }

        return units;
    }

    public sealed record UnitJson(
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("projects")] IReadOnlyList<ProjectJson> Projects);

    public sealed record ProjectJson(
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("unit")] string? Unit,
        [property: JsonPropertyName("department")] string? Department,
        [property: JsonPropertyName("code")] string? Code,
        [property: JsonPropertyName("amounts")] AmountsJson Amounts,
        [property: JsonPropertyName("amountUnit")] string AmountUnit,
        [property: JsonPropertyName("executed")] decimal? Executed,
        [property: JsonPropertyName("budgetExecution")] BudgetJson? BudgetExecution,
        [property: JsonPropertyName("goal")] string? Goal,
        [property: JsonPropertyName("indicators")] IReadOnlyList<IndicatorJson> Indicators,
        [property: JsonPropertyName("location")] string Location,
        [property: JsonPropertyName("periodGoal"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PeriodGoal = null,
        [property: JsonPropertyName("policyBasis"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PolicyBasis = null,
        [property: JsonPropertyName("costBasis"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CostBasis = null,
        [property: JsonPropertyName("placeholders"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<IndicatorJson>? Placeholders = null)
    {
        public static ProjectJson From(ReadProject p) => new(
            p.Name, p.Unit, p.Department, p.Code,
            new AmountsJson(p.AmountWanYuan, p.PeriodAmountWanYuan, p.ExecutedWanYuan), "万元", p.ExecutedWanYuan,
            p.BudgetExecution is { } b ? new BudgetJson(b.Label, b.Weight, b.Rate, b.Score, b.Budget, b.Executed) : null,
            p.Goal,
            p.Indicators.Select(Indicator).ToList(),
            p.Location, p.PeriodGoal, p.PolicyBasis, p.CostBasis,
            p.Placeholders is { Count: > 0 } na ? na.Select(Indicator).ToList() : null);

        private static IndicatorJson Indicator(ReadIndicator i) =>
            new(i.Level1, i.Level2, i.Name, Text(i.Target), Text(i.PeriodTarget), i.Weight, i.Actual, i.Score, i.Reason, i.Location, i.Explanation);

        private static TextJson? Text(string? s) => s is null ? null : new TextJson(s);
    }

    public sealed record AmountsJson(
        [property: JsonPropertyName("total")] decimal? Total,
        [property: JsonPropertyName("period")] decimal? Period,
        [property: JsonPropertyName("executed")] decimal? Executed);

    public sealed record BudgetJson(
        [property: JsonPropertyName("label")] string Label,
        [property: JsonPropertyName("weight")] decimal? Weight,
        [property: JsonPropertyName("rate")] string? Rate,
        [property: JsonPropertyName("score")] decimal? Score,
        [property: JsonPropertyName("budget")] decimal? Budget,
        [property: JsonPropertyName("executed")] decimal? Executed);

    public sealed record TextJson([property: JsonPropertyName("text")] string Text);

    public sealed record IndicatorJson(
        [property: JsonPropertyName("level1")] string? Level1,
        [property: JsonPropertyName("level2")] string? Level2,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("annualTarget")] TextJson? AnnualTarget,
        [property: JsonPropertyName("periodTarget")] TextJson? PeriodTarget,
        [property: JsonPropertyName("weight")] decimal? Weight,
        [property: JsonPropertyName("actual")] string? Actual,
        [property: JsonPropertyName("score")] decimal? Score,
        [property: JsonPropertyName("reason")] string? Reason,
        [property: JsonPropertyName("location")] string Location,
        [property: JsonPropertyName("explanation"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Explanation = null);

    public sealed record FindingJson(
        [property: JsonPropertyName("check")] string Check,
        [property: JsonPropertyName("where")] string Where,
        [property: JsonPropertyName("stated")] string? Stated,
        [property: JsonPropertyName("recomputed")] string? Recomputed,
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("location")] string? Location);
}
