using System.Globalization;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Targets;

namespace Jixiao.Bench.Scoring;

/// <summary>
/// Deterministic evaluation sheets for the scoring benchmark: 20 lines of 5 points each, a mix of methods like real
/// sheets (60% proportional — a fifth of them computed by a formula —, 10% tiers, 10% qualitative, 10% deduction,
/// 5% binary, 5% manual), targets and actual values drawn from the shapes the seeds use. Built like the JSON reader
/// builds them: texts parsed once.
/// </summary>
public static class GeneratedEvaluations
{
    private static readonly string[] Targets = ["100%", "≥95%", "≥98%", "≤3%", "≤5%", "1000个", "≥301个", "48小时内", "80%-90%", "≤200:1", "=0"];
    private static readonly string[] Names = ["预算执行率", "验收合格率", "视频完好率", "视频报停率", "设备故障率", "新建点位数", "辅导个案数", "办结时长", "在线率", "社工配比", "安全事故数"];
    private static readonly string[] Level1 = ["决策", "过程", "产出", "效益"];

    public static EvaluationSheet[] Create(int count, int linesPerSheet = 20, int seed = 20261121)
    {
        var random = new Random(seed);
        var sheets = new EvaluationSheet[count];
        var weight = 100m / linesPerSheet;
        for (var s = 0; s < count; s++)
        {
            var lines = new EvaluationIndicator[linesPerSheet];
            for (var i = 0; i < linesPerSheet; i++)
            {
                lines[i] = Line(random, i, weight);
            }

            sheets[s] = new EvaluationSheet($"项目{s}", 2024, EvaluationKind.DepartmentEvaluation, lines);
        }

        return sheets;
    }

    private static EvaluationIndicator Line(Random random, int index, decimal weight)
    {
        var kind = random.Next(20);
        var t = random.Next(Targets.Length);
        var target = TargetParser.Parse(Targets[t]);
        var name = Names[t] + index.ToString(CultureInfo.InvariantCulture);
        var level1 = Level1[index % 4];
        var actualNumber = Math.Round((decimal)(random.NextDouble() * 1.4) * Scale(target), 2);
        var unit = target is Target.Quantitative q ? q.Unit : target is Target.Range r ? r.Unit : null;
        var measured = new ActualValue.Measured(MeasuredValue.Parse(actualNumber.ToString(CultureInfo.InvariantCulture) + unit));
        return kind switch
        {
            < 9 => new EvaluationIndicator(level1, "二级", name, weight, ScoringMethod.Proportional, target, measured, Reason: kind % 3 == 0 ? "原因" : null),
            < 12 => new EvaluationIndicator(level1, "二级", name, weight, ScoringMethod.Proportional, target,
                new ActualValue.Computed(Formula.Parse("支出 / 预算 * 100"),
                [FormulaInput.Of("支出", Math.Round((decimal)random.NextDouble() * 4000m, 2)), FormulaInput.Of("预算", 4000m)])),
            < 14 => new EvaluationIndicator(level1, "二级", name, weight, ScoringMethod.Tiers, target, measured,
                Tiers: [new Tier(90, weight), new Tier(80, weight * 0.8m), new Tier(60, weight * 0.5m), new Tier(0, 0)]),
            < 16 => new EvaluationIndicator(level1, "二级", name, weight, ScoringMethod.Qualitative,
                Rating: (QualitativeRating)random.Next(3), Percent: random.Next(0, 101)),
            < 18 => new EvaluationIndicator(level1, "二级", name, weight, ScoringMethod.Deduction,
                Deductions: [new Deduction(Math.Round((decimal)random.NextDouble() * 2, 1), "扣分理由")]),
            18 => new EvaluationIndicator(level1, "二级", name, weight, ScoringMethod.Binary, target, measured),
            _ => new EvaluationIndicator(level1, "二级", name, weight, ScoringMethod.Manual, Score: Math.Round((decimal)random.NextDouble() * weight, 1), Reason: "评分理由"),
        };
    }

    private static decimal Scale(Target target) => target switch
    {
        Target.Quantitative q when q.Value > 0 => q.Value,
        Target.Range r => r.Max,
        Target.Ratio r => r.Value,
        _ => 1m,
    };
}
