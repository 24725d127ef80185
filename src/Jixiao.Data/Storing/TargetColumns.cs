using Jixiao.Data.Entities;
using Jixiao.Domain.Targets;

namespace Jixiao.Data.Storing;

/// <summary>Writes a parsed target into an indicator's period or annual columns (raw text plus what the parser read).</summary>
public static class TargetColumns
{
    public static void SetPeriod(IndicatorEntity indicator, Target? target) =>
        (indicator.PeriodText, indicator.PeriodKind, indicator.PeriodComparator, indicator.PeriodImplicit,
            indicator.PeriodValue, indicator.PeriodMax, indicator.PeriodUnit, indicator.PeriodDirection) = Of(target);

    public static void SetAnnual(IndicatorEntity indicator, Target? target) =>
        (indicator.AnnualText, indicator.AnnualKind, indicator.AnnualComparator, indicator.AnnualImplicit,
            indicator.AnnualValue, indicator.AnnualMax, indicator.AnnualUnit, indicator.AnnualDirection) = Of(target);

    /// <summary>The eight stored columns of a target, in the order of <see cref="IndicatorEntity"/>'s; all empty for none.</summary>
    private static (string? Text, string? Kind, string? Comparator, bool Implicit, decimal? Value, decimal? Max, string? Unit, string? Direction) Of(Target? target)
    {
        var c = target is null ? null : TargetJson.From(target);
        return (c?.Text, c?.Kind, c?.Comparator, c?.Implicit ?? false, c?.Value, c?.Max, c?.Unit, c?.Direction);
    }
}
