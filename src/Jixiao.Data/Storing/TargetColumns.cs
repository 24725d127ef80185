using Jixiao.Data.Entities;
using Jixiao.Domain.Targets;

namespace Jixiao.Data.Storing;

/// <summary>Writes a parsed target into an indicator's period or annual columns (raw text plus what the parser read).</summary>
public static class TargetColumns
{
    public static void SetPeriod(IndicatorEntity indicator, Target? target)
    {
        var c = target is null ? null : TargetJson.From(target);
        indicator.PeriodText = c?.Text;
        indicator.PeriodKind = c?.Kind;
        indicator.PeriodComparator = c?.Comparator;
        indicator.PeriodImplicit = c?.Implicit ?? false;
        indicator.PeriodValue = c?.Value;
        indicator.PeriodMax = c?.Max;
        indicator.PeriodUnit = c?.Unit;
        indicator.PeriodDirection = c?.Direction;
    }

    public static void SetAnnual(IndicatorEntity indicator, Target? target)
    {
        var c = target is null ? null : TargetJson.From(target);
        indicator.AnnualText = c?.Text;
        indicator.AnnualKind = c?.Kind;
        indicator.AnnualComparator = c?.Comparator;
        indicator.AnnualImplicit = c?.Implicit ?? false;
        indicator.AnnualValue = c?.Value;
        indicator.AnnualMax = c?.Max;
        indicator.AnnualUnit = c?.Unit;
        indicator.AnnualDirection = c?.Direction;
    }
}
