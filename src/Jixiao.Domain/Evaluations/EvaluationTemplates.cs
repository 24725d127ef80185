using System.Collections.Concurrent;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Evaluations;

/// <summary>
/// The built-in sheet templates, kept as data files (<c>Data/eval-*.json</c>, in the sheet format): the 单位自评
/// table of 财预〔2020〕10号 and the 部门 / 财政评价 framework 决策 / 过程 / 产出 / 效益. A self-evaluation can also be
/// started from a project's target table (<see cref="FromProject"/>).
/// </summary>
public static class EvaluationTemplates
{
    private static readonly ConcurrentDictionary<string, EvaluationSheet> Cache = new(StringComparer.Ordinal);

    /// <summary>The empty template of a kind: 单位自评 → the 自评表; 部门 / 财政 / 第三方评价 → the framework.</summary>
    public static EvaluationSheet Load(EvaluationKind kind)
    {
        var file = kind == EvaluationKind.SelfEvaluation ? "eval-self.json" : "eval-framework.json";
        var sheet = Cache.GetOrAdd(file, LoadFile);
        return sheet.Kind == kind ? sheet : sheet with { Kind = kind };
    }

    /// <summary>
    /// A 单位自评 sheet from a project's target table: the 预算执行率 line (10 points) and one line per indicator
    /// with its 年度指标值 (else 实施周期指标值) as the target. The default 一级 weights (产出 50, 效益 30, 满意度 10)
    /// The 预算执行率 line gets the project's 总计 as its 全年预算数 input.
    /// are spread evenly over the indicators of each 一级 (2 decimals, the last takes the remainder); 成本指标 share
    /// the 产出 points (before 财预〔2021〕101号 成本 was a 二级 of 产出). When a 一级 has no indicator, its points go
    /// to the others in proportion, so that the sheet still adds up to 100 (regulations.md §1.2, S8).
    /// </summary>
    public static EvaluationSheet FromProject(Project project, int? year = null)
    {
        var template = Load(EvaluationKind.SelfEvaluation);
        var execution = template.Indicators.First(EvaluationChecks.IsBudgetExecution);
        if (project.Amounts.Total is { } budget && execution.Actual is ActualValue.Computed computed)
        {
            // the 全年预算数 is known from the target table; the clerk adds the 全年执行数 after year-end
            var amount = budget.ToString(System.Globalization.CultureInfo.InvariantCulture) + Money.UnitName(project.Amounts.Unit);
            execution = execution with { Actual = new ActualValue.Computed(computed.Formula, [FormulaInput.Of("全年预算数", amount)]) };
        }

        var pools = new (string Level1, decimal Weight, List<Indicator> Lines)[]
        {
            ("产出指标", 50m, []),
            ("效益指标", 30m, []),
            ("满意度指标", 10m, []),
        };
        foreach (var indicator in project.Indicators)
        {
            var pool = indicator.Level1?.Code switch
            {
                "2" => 1,
                "3" => 2,
                _ => 0,
            };
            pools[pool].Lines.Add(indicator);
        }

        var present = pools.Where(p => p.Lines.Count > 0).ToList();
        var presentWeight = present.Sum(p => p.Weight);
        var lines = new List<EvaluationIndicator> { execution };
        var groups = new List<WeightGroup> { new(execution.Level1, null, execution.Weight ?? 10m) };
        var shares = Spread(90m, present.Select(p => p.Weight / presentWeight).ToList());
        for (var k = 0; k < present.Count; k++)
        {
            var (level1, _, members) = present[k];
            groups.Add(new WeightGroup(level1, null, shares[k]));
            var weights = Spread(shares[k], members.Select(_ => 1m / members.Count).ToList());
            for (var i = 0; i < members.Count; i++)
            {
                lines.Add(Line(members[i], level1, weights[i]));
            }
        }

        return new EvaluationSheet(project.Name, year ?? project.FiscalYear, EvaluationKind.SelfEvaluation, lines, template.Template,
            Groups: groups);
    }

    private static EvaluationIndicator Line(Indicator indicator, string level1, decimal weight)
    {
        var target = indicator.AnnualTarget ?? indicator.PeriodTarget;
        var method = target is Target.Quantitative or Target.Range or Target.Ratio ? ScoringMethod.Proportional : ScoringMethod.Qualitative;
        var level2 = indicator.Level2?.Name ?? indicator.Level2Text ?? "";
        var direction = indicator.Direction is Direction.Up or Direction.Down ? indicator.Direction : null;
        return new EvaluationIndicator(indicator.Level1?.Name ?? indicator.Level1Text ?? level1, level2, indicator.Name, weight, method, target,
            DirectionOverride: direction);
    }

    /// <summary>Splits <paramref name="total"/> by <paramref name="fractions"/> at 2 decimals so that the parts add up exactly.</summary>
    internal static decimal[] Spread(decimal total, IReadOnlyList<decimal> fractions)
    {
        var parts = new decimal[fractions.Count];
        decimal used = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = i == parts.Length - 1 ? total - used : decimal.Round(total * fractions[i], 2, MidpointRounding.AwayFromZero);
            used += parts[i];
        }

        return parts;
    }

    private static EvaluationSheet LoadFile(string file)
    {
        using var stream = Jixiao.Domain.Data.EmbeddedData.Open(file);
        var result = EvaluationSheetJson.Read(stream, file);
        if (result.Sheet is null || result.HasErrors)
        {
            throw new InvalidDataException($"评价模板 {file} 无效：" + string.Join("；", result.Diagnostics.Select(d => d.Message)));
        }

        return result.Sheet;
    }
}
