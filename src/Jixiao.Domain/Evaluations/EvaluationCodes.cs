namespace Jixiao.Domain.Evaluations;

/// <summary>The stable codes of evaluation findings (documented in docs/evaluations.md).</summary>
public static class EvaluationCodes
{
    /// <summary>Weights do not add up (to 100, to a declared 一级 / 二级 weight). Rule 3.</summary>
    public const string WeightsDoNotAddUp = "EVA001";
    /// <summary>产出 + 效益 below 60% of the weight in a 部门 / 财政评价. Rule 14.</summary>
    public const string OutputAndEffectBelow60 = "EVA002";
    /// <summary>A score or percent outside its method's band (定性 bands, a tier above the weight, a manual score above it). Rule 10.</summary>
    public const string ScoreOutsideBand = "EVA003";
    /// <summary>A missed target without 偏差原因分析. Rule 12.</summary>
    public const string MissedWithoutReason = "EVA004";
    /// <summary>An actual ≥ 130% of the target (≥ 30 for a target of 0) without an explanation. Rule 11.</summary>
    public const string FarExceededWithoutExplanation = "EVA005";
    /// <summary>A value the source states differs from the computed one.</summary>
    public const string StatedActualDisagrees = "EVA006";
    /// <summary>A score the source states differs from the computed one.</summary>
    public const string StatedScoreDisagrees = "EVA007";
    /// <summary>Units that do not match (元 and 万元 in one formula, an actual in another unit than its target).</summary>
    public const string UnitMismatch = "EVA008";
    /// <summary>Something the method needs is missing: a numeric actual, a rating, tiers.</summary>
    public const string MissingInput = "EVA009";
    /// <summary>A formula that does not parse or cannot be computed.</summary>
    public const string FormulaError = "EVA010";
    /// <summary>A deduction without a reason, or a negative one.</summary>
    public const string BadDeduction = "EVA011";
    /// <summary>A manual score without a score or without a reason.</summary>
    public const string ManualScore = "EVA012";
    /// <summary>A line without a weight (or with a negative one).</summary>
    public const string MissingWeight = "EVA013";
    /// <summary>A proportional line whose target has no number.</summary>
    public const string NoNumericTarget = "EVA014";
    /// <summary>An actual that only states a bound ("≥98%"): scored as the bound.</summary>
    public const string InexactActual = "EVA015";
    /// <summary>An actual given as a completion percent ("100%") against a target in another unit ("28个").</summary>
    public const string PercentForCount = "EVA016";
    /// <summary>单位自评 一级 weights that differ from 产出 50 / 效益 30 / 满意度 10 / 预算执行率 10. Rule 2.</summary>
    public const string NonDefaultSelfWeights = "EVA017";
}
