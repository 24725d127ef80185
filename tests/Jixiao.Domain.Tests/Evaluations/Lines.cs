using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Tests.Evaluations;

/// <summary>Builds sheet lines for tests the way the JSON reader does (texts parsed once).</summary>
internal static class Lines
{
    public static EvaluationIndicator Line(string name, decimal? weight, ScoringMethod method, string? target = null, string? actual = null,
        IReadOnlyList<Tier>? tiers = null, QualitativeRating? rating = null, decimal? percent = null, IReadOnlyList<Deduction>? deductions = null,
        decimal? score = null, string? reason = null, string level1 = "产出指标", string level2 = "数量指标", Direction? direction = null,
        string? statedActual = null) =>
        new(level1, level2, name, weight, method, target is null ? null : TargetParser.Parse(target),
            actual is null ? null : new ActualValue.Measured(MeasuredValue.Parse(actual)), tiers, rating, percent, deductions, score,
            statedActual is null ? null : MeasuredValue.Parse(statedActual), reason, direction);

    public static EvaluationSheet Sheet(EvaluationKind kind, params EvaluationIndicator[] lines) => new("测试项目", 2024, kind, lines);

    public static ScoredIndicator ScoreOne(EvaluationIndicator line, LowerIsBetterRule rule = LowerIsBetterRule.Deviation) =>
        Scorer.ScoreIndicator(line, rule, []);
}
