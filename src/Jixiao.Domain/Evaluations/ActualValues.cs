using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Evaluations;

/// <summary>Turns a line's actual value into a number in the unit of its target, reporting what had to be assumed.</summary>
internal static class ActualValues
{
    public static bool TargetBounds(Target? target, out decimal low, out decimal high)
    {
        switch (target)
        {
            case Target.Quantitative q:
                low = high = q.Value;
                return true;
            case Target.Ratio r when r.Consequent != 0:
                low = high = r.Value;
                return true;
            case Target.Range r:
                low = r.Min;
                high = r.Max;
                return true;
            default:
                low = high = 0;
                return false;
        }
    }

    public static string? TargetUnit(Target? target) => target switch
    {
        Target.Quantitative q => q.Unit,
        Target.Range r => r.Unit,
        _ => null,
    };

    public static decimal? Resolve(EvaluationIndicator indicator, List<EvaluationFinding> findings)
    {
        switch (indicator.Actual)
        {
            case ActualValue.Measured { Value: var measured }:
                if (measured.Value is not { } value)
                {
                    findings.Add(new(Severity.Error, EvaluationCodes.MissingInput, indicator.Path,
                        string.IsNullOrWhiteSpace(measured.Text)
                            ? $"“{indicator.Path}”缺少实际完成值。"
                            : $"“{indicator.Path}”的实际完成值“{measured.Text}”不是数值，无法与指标值比较：请填写实测数值。"));
                    return null;
                }

                if (!measured.Exact)
                {
                    findings.Add(new(Severity.Warning, EvaluationCodes.InexactActual, indicator.Path,
                        $"“{indicator.Path}”的实际完成值“{measured.Text}”只给出界限，按 {Numbers.Format(value)} 计：请填写实测数值。"));
                }

                return InTargetUnit(indicator, value, measured, findings);

            case ActualValue.Computed computed:
                var result = computed.Binding.Result;
                if (result.Error is { } error)
                {
                    findings.Add(new(Severity.Error, EvaluationCodes.FormulaError, indicator.Path,
                        $"“{indicator.Path}”的计算公式“{Formula.Shown(computed.Formula.Text)}”有误：{error}"));
                    return null;
                }

                if (computed.Binding.MixedMoneyUnits.Count > 1)
                {
                    var units = string.Join("，", computed.Binding.MixedMoneyUnits.Select(m => $"“{m.Name}”以{m.Unit}计"));
                    findings.Add(new(Severity.Warning, EvaluationCodes.UnitMismatch, indicator.Path,
                        $"“{indicator.Path}”的公式输入单位不一致（{units}）：已按所写数值计算，请核对是否把万元误写为元。"));
                }

                return result.Value;

            default:
                findings.Add(new(Severity.Error, EvaluationCodes.MissingInput, indicator.Path, $"“{indicator.Path}”缺少实际完成值。"));
                return null;
        }
    }

    private static decimal InTargetUnit(EvaluationIndicator indicator, decimal value, MeasuredValue measured, List<EvaluationFinding> findings)
    {
        var actualUnit = measured.Unit;
        var targetUnit = TargetUnit(indicator.Target);
        if (actualUnit is null || targetUnit is null || actualUnit == targetUnit)
        {
            return value;
        }

        if (MoneyFactor(actualUnit) is { } from && MoneyFactor(targetUnit) is { } to)
        {
            return value * from / to;
        }

        if (actualUnit == "%" && indicator.Target is Target.Quantitative q)
        {
            findings.Add(new(Severity.Warning, EvaluationCodes.PercentForCount, indicator.Path,
                $"“{indicator.Path}”的实际完成值“{measured.Text}”是完成比例，不是以“{targetUnit}”计的数值：按指标值 {Numbers.Format(q.Value)}{targetUnit} 的 {Numbers.Format(value)}% 计，请填写实际数量。"));
            return q.Value * value / 100m;
        }

        findings.Add(new(Severity.Info, EvaluationCodes.UnitMismatch, indicator.Path,
            $"“{indicator.Path}”的实际完成值单位“{actualUnit}”与指标值单位“{targetUnit}”不同，按数值比较。"));
        return value;
    }

    private static decimal? MoneyFactor(string unit) => unit switch
    {
        "元" => 1m,
        "万元" or "万" => 10_000m,
        "亿元" or "亿" => 100_000_000m,
        _ => null,
    };}
