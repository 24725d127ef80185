using System.Text.Json.Serialization;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Targets;

namespace Jixiao.Import.Imports;

/// <summary>
/// The JSON shape of an import (`jixiao parse --json`, and the API): units → projects → indicators, the table's
/// stated total and the diagnostics. Targets use <see cref="TargetJson"/>. Documented in docs/import.md.
/// </summary>
public sealed record ImportJson(
    [property: JsonPropertyName("units")] IReadOnlyList<ImportJson.UnitJson> Units,
    [property: JsonPropertyName("statedTotal")] decimal? StatedTotal,
    [property: JsonPropertyName("diagnostics")] IReadOnlyList<ImportJson.DiagnosticJson> Diagnostics)
{
    public static ImportJson From(ImportResult result) => new(
        result.Units.Select(u => new UnitJson(u.Name, u.StatedTotal, u.Projects.Select(ProjectJson.From).ToList())).ToList(),
        result.StatedTotal,
        result.Diagnostics.Select(DiagnosticJson.From).ToList());

    public sealed record UnitJson(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("statedTotal")] decimal? StatedTotal,
        [property: JsonPropertyName("projects")] IReadOnlyList<ProjectJson> Projects);

    public sealed record ProjectJson(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("amounts")] AmountsJson Amounts,
        [property: JsonPropertyName("amountUnit")] string AmountUnit,
        [property: JsonPropertyName("goal")] string Goal,
        [property: JsonPropertyName("indicators")] IReadOnlyList<IndicatorJson> Indicators,
        [property: JsonPropertyName("location")] string? Location)
    {
        public static ProjectJson From(Project project) => new(
            project.Name,
            new AmountsJson(project.Amounts.Total, project.Amounts.Fiscal, project.Amounts.FiscalSpecial, project.Amounts.Other),
            Money.UnitName(project.Amounts.Unit),
            project.Goal.Text,
            project.Indicators.Select(IndicatorJson.From).ToList(),
            project.Location?.ToString());
    }

    public sealed record AmountsJson(
        [property: JsonPropertyName("total")] decimal? Total,
        [property: JsonPropertyName("fiscal")] decimal? Fiscal,
        [property: JsonPropertyName("fiscalSpecial")] decimal? FiscalSpecial,
        [property: JsonPropertyName("other")] decimal? Other);

    public sealed record IndicatorJson(
        [property: JsonPropertyName("level1")] string? Level1,
        [property: JsonPropertyName("level2")] string? Level2,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("periodTarget")] TargetJson? PeriodTarget,
        [property: JsonPropertyName("annualTarget")] TargetJson? AnnualTarget,
        [property: JsonPropertyName("location")] string? Location)
    {
        public static IndicatorJson From(Indicator indicator) => new(
            indicator.Level1?.Name,
            indicator.Level2?.Name,
            indicator.Name,
            indicator.PeriodTarget is { } p ? TargetJson.From(p) : null,
            indicator.AnnualTarget is { } a ? TargetJson.From(a) : null,
            indicator.Location?.ToString());
    }

    public sealed record DiagnosticJson(
        [property: JsonPropertyName("severity")] string Severity,
        [property: JsonPropertyName("code")] string Code,
        [property: JsonPropertyName("location")] string? Location,
        [property: JsonPropertyName("message")] string Message)
    {
        public static DiagnosticJson From(Diagnostic d) => new(
            d.Severity switch { Domain.Diagnostics.Severity.Error => "error", Domain.Diagnostics.Severity.Warning => "warning", _ => "info" },
            d.Code,
            d.Location?.ToString(),
            d.Message);
    }
}
