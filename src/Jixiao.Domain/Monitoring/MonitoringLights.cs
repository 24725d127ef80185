using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Monitoring;

/// <summary>One indicator as monitored: its target (parsed by <see cref="TargetParser"/>), the 1–N月 progress as written, the stated likelihood.</summary>
public sealed record IndicatorProgress(string Name, Target? Target, string? Progress, Likelihood? Likelihood);

/// <summary>
/// One project in a round ending at month <see cref="Month"/> (1–12): budget and 1–N月 执行数 in 万元 (null: not
/// known), and its indicators.
/// </summary>
public sealed record ProjectProgress(string Name, int Month, decimal? BudgetWanYuan, decimal? ExecutedWanYuan, IReadOnlyList<IndicatorProgress> Indicators);

/// <summary>A light with the ratio that gave it and a Chinese explanation; <see cref="Light"/> null: could not be computed (the explanation says why).</summary>
public sealed record LightVerdict(Light? Light, decimal? Ratio, string Explanation);

public sealed record IndicatorLight(string Name, LightVerdict Verdict);

/// <summary>A warning of an option of the rule file: MON101 below Sichuan's floor, MON102 target and budget progress apart, MON103 重点监控.</summary>
public sealed record MonitoringWarning(string Code, Light? Light, string Message, string Source);

/// <summary>A project's lights: the worst of its budget light, indicators' lights and warnings (null: nothing could be computed).</summary>
public sealed record ProjectLight(string Name, Light? Light, LightVerdict Budget, IReadOnlyList<IndicatorLight> Indicators,
    IReadOnlyList<MonitoringWarning> Warnings, bool KeyMonitoring);

/// <summary>
/// Computes the warning lights of 运行监控 (docs/monitoring.md) by a district's <see cref="MonitoringRules"/>. Decimal
/// arithmetic throughout; each ratio is one division (执行 × 12 ÷ (预算 × N)), so a boundary such as 0.6 is exact.
/// </summary>
public static class MonitoringLights
{
    public const string FloorCode = "MON101";
    public const string GapCode = "MON102";
    public const string KeyMonitoringCode = "MON103";

    public static ProjectLight Compute(MonitoringRules rules, ProjectProgress project)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(project);
        ArgumentOutOfRangeException.ThrowIfLessThan(project.Month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(project.Month, 12);

        var budget = Budget(rules.Budget, project);
        var indicators = project.Indicators.Select(i => new IndicatorLight(i.Name, Indicator(rules, i, project.Month))).ToList();
        var warnings = new List<MonitoringWarning>();
        decimal? spent = project is { BudgetWanYuan: > 0, ExecutedWanYuan: { } executed } ? executed / project.BudgetWanYuan.Value : null;

        if (rules.Floors is { } floors && spent is { } share && floors.Points.LastOrDefault(p => p.Month <= project.Month) is { } floor && share < floor.Min)
        {
            warnings.Add(new MonitoringWarning(FloorCode, floors.Light,
                $"1–{project.Month}月预算执行率 {Percent(share)}，低于 1–{floor.Month}月 {Percent(floor.Min)} 的下限。", floors.Source));
        }

        if (rules.Gap is { } gap && spent is { } budgetShare && TargetProgress(project) is { } targetShare)
        {
            var points = Math.Abs(targetShare - budgetShare) * 100;
            if (points > gap.MaxPoints)
            {
                warnings.Add(new MonitoringWarning(GapCode, gap.Light,
                    $"绩效目标完成进度 {Percent(targetShare)} 与预算执行进度 {Percent(budgetShare)} 相差 {LightBands.Number(Math.Round(points, 2))} 个百分点，超过 {LightBands.Number(gap.MaxPoints)} 个百分点。",
                    gap.Source));
            }
        }

        var key = rules.KeyMonitoring is { } k && project.BudgetWanYuan >= k.MinBudgetWanYuan && project.Month >= k.ByMonth && spent <= k.MaxExecution;
        if (key)
        {
            warnings.Add(new MonitoringWarning(KeyMonitoringCode, null,
                $"预算 {LightBands.Number(project.BudgetWanYuan!.Value)} 万元（≥ {LightBands.Number(rules.KeyMonitoring!.MinBudgetWanYuan)} 万元），1–{project.Month}月执行率 {Percent(spent!.Value)}（≤ {Percent(rules.KeyMonitoring.MaxExecution)}）：列为重点监控。",
                rules.KeyMonitoring.Source));
        }

        var light = budget.Light;
        foreach (var indicator in indicators)
        {
            light = Lights.Worst(light, indicator.Verdict.Light);
        }

        foreach (var warning in warnings)
        {
            light = Lights.Worst(light, warning.Light);
        }

        return new ProjectLight(project.Name, light, budget, indicators, warnings, key);
    }

    /// <summary>(执行数 ÷ 预算数) ÷ (N ÷ 12), computed as 执行数 × 12 ÷ (预算数 × N).</summary>
    public static LightVerdict Budget(BudgetLightRule rule, ProjectProgress project)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(project);
        if (project.BudgetWanYuan is not > 0)
        {
            return new LightVerdict(null, null, "没有预算数，无法计算预算执行灯。");
        }

        if (project.ExecutedWanYuan is not { } executed)
        {
            return new LightVerdict(null, null, $"未填写 1–{project.Month}月执行数。");
        }

        var budget = project.BudgetWanYuan.Value;
        var ratio = executed * 12 / (budget * project.Month);
        var light = rule.Bands.Of(ratio);
        return new LightVerdict(light, ratio,
            $"执行 {LightBands.Number(executed)} ÷ 预算 {LightBands.Number(budget)} 万元 = {Percent(executed / budget)}，序时进度 {project.Month}/12 = {Percent(project.Month / 12m)}，比值 {Ratio(ratio)}（{rule.Bands.Reason(ratio)}）：{light.Chinese()}。");
    }

    public static LightVerdict Indicator(MonitoringRules rules, IndicatorProgress indicator, int month)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(indicator);
        var target = indicator.Target;
        if (target is null)
        {
            return new LightVerdict(null, null, "没有年度指标值。");
        }

        var planned = Number(target);
        var progress = string.IsNullOrWhiteSpace(indicator.Progress) ? null : TargetParser.Parse(indicator.Progress);
        var done = progress is null ? null : Number(progress);
        if (planned is null || (progress is not null && done is null))
        {
            // No number to compare (定性 target, or progress written in words): the unit's stated 完成目标可能性.
            var why = planned is null ? "定性指标" : $"进度“{indicator.Progress!.Trim()}”不是数值";
            return indicator.Likelihood is { } likelihood
                ? new LightVerdict(rules.Qualitative.Lights[likelihood], null,
                    $"{why}，按完成目标可能性“{likelihood.Chinese()}”：{rules.Qualitative.Lights[likelihood].Chinese()}。")
                : new LightVerdict(null, null, $"{why}，未填写完成目标可能性，无法判断。");
        }

        if (done is null)
        {
            return new LightVerdict(null, null, $"未填写 1–{month}月完成情况。");
        }

        var targetUnit = UnitOf(target);
        var progressUnit = UnitOf(progress!);
        if (targetUnit is not null && progressUnit is not null && targetUnit != progressUnit)
        {
            return new LightVerdict(null, null, $"进度的计量单位“{progressUnit}”与指标值的“{targetUnit}”不同，无法比较。");
        }

        var level = targetUnit is not null && rules.Indicator.LevelUnits.Contains(targetUnit, StringComparer.Ordinal);
        // A level (a rate) is compared with the target itself; a quantity with its share of the year, N/12.
        var share = level ? 12 : month;
        var expected = level ? $"指标值 {LightBands.Number(planned.Value)}{targetUnit}" : $"序时目标 {LightBands.Number(planned.Value)} × {month}/12";
        var down = IndicatorDirection.Of(indicator.Name, target) == Direction.Down;
        decimal ratio;
        if (down)
        {
            if (done == 0)
            {
                return new LightVerdict(Light.Green, null, "反向指标（越低越好），1–" + month + "月为 0：绿灯。");
            }

            if (planned == 0)
            {
                return new LightVerdict(Light.Red, null, $"反向指标的指标值为 0，1–{month}月已有 {LightBands.Number(done.Value)}：红灯。");
            }

            ratio = planned.Value * share / (done.Value * 12);
        }
        else
        {
            if (done == 0)
            {
                return new LightVerdict(rules.Indicator.Zero, 0, $"1–{month}月进度为 0：{rules.Indicator.Zero.Chinese()}。");
            }

            if (planned == 0)
            {
                return new LightVerdict(Light.Green, null, "指标值为 0，已有进度：绿灯。");
            }

            ratio = done.Value * 12 / (planned.Value * share);
        }

        var light = rules.Indicator.Bands.Of(ratio);
        return new LightVerdict(light, ratio,
            $"{(down ? "反向指标：" + expected + " ÷ 进度 " + LightBands.Number(done.Value) : "进度 " + LightBands.Number(done.Value) + " ÷ " + expected)} = {Percent(ratio)}（{rules.Indicator.Bands.Reason(ratio, percent: true)}）：{light.Chinese()}。");
    }

    /// <summary>The mean of 进度 ÷ 指标值 over the higher-is-better indicators with numbers (not scaled by time); null when none.</summary>
    private static decimal? TargetProgress(ProjectProgress project)
    {
        var shares = new List<decimal>();
        foreach (var indicator in project.Indicators)
        {
            if (indicator.Target is { } target && Number(target) is { } planned and not 0
                && !string.IsNullOrWhiteSpace(indicator.Progress) && Number(TargetParser.Parse(indicator.Progress)) is { } done
                && IndicatorDirection.Of(indicator.Name, target) != Direction.Down)
            {
                shares.Add(done / planned);
            }
        }

        return shares.Count == 0 ? null : shares.Sum() / shares.Count;
    }

    /// <summary>The number a target or a progress text states (a range: its lower bound); null for words.</summary>
    private static decimal? Number(Target target) => target switch
    {
        Target.Quantitative q => q.Value,
        Target.Range r => r.Min,
        Target.Ratio r => r.Value,
        Target.Qualitative => null,
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    private static string? UnitOf(Target target) => target switch
    {
        Target.Quantitative q => q.Unit,
        Target.Range r => r.Unit,
        _ => null,
    };

    private static string Percent(decimal share) => LightBands.Number(Math.Round(share * 100, 2, MidpointRounding.AwayFromZero)) + "%";

    private static string Ratio(decimal ratio) => LightBands.Number(Math.Round(ratio, 4, MidpointRounding.AwayFromZero));
}
