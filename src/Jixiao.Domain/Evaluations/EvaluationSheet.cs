using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Evaluations;

/// <summary>
/// An evaluation sheet (绩效评价表 / 自评表): the indicators of one project with their weights (分值), targets,
/// actual values and scoring methods. This is the input of <see cref="Scorer.Score(EvaluationSheet)"/>; texts are
/// parsed once when the sheet is built, so scoring does no parsing.
/// </summary>
/// <param name="Groups">Declared weights of 一级 (Level2 null) and 二级 groups; the indicators under each must add up to it.</param>
/// <param name="GradeScale">The grade bands; null means <see cref="Evaluations.GradeScale.Default"/>.</param>
/// <param name="TotalWeight">What the weights of all indicators must add up to (100 points).</param>
public sealed record EvaluationSheet(
    string Project,
    int? Year,
    EvaluationKind Kind,
    IReadOnlyList<EvaluationIndicator> Indicators,
    string? Template = null,
    GradeScale? GradeScale = null,
    IReadOnlyList<WeightGroup>? Groups = null,
    LowerIsBetterRule LowerIsBetter = LowerIsBetterRule.Deviation,
    decimal TotalWeight = 100m);

/// <summary>
/// One scored line of a sheet: a 三级 indicator (or a 二级 scored as a whole) under its 一级 and 二级.
/// <paramref name="Weight"/> null means the source states no 分值: the line is checked (completion, stated values)
/// but not scored. <paramref name="Score"/> is the evaluator's score for <see cref="ScoringMethod.Manual"/> and, for
/// every other method, a score the source states, which is checked against the computed one.
/// <paramref name="Reason"/> is the 偏差原因分析 / 说明 (why a target was missed or far exceeded, why a manual score).
/// <paramref name="DirectionOverride"/> states which way is better when the target text and the name do not.
/// </summary>
public sealed record EvaluationIndicator(
    string Level1,
    string Level2,
    string Name,
    decimal? Weight,
    ScoringMethod Method,
    Target? Target = null,
    ActualValue? Actual = null,
    IReadOnlyList<Tier>? Tiers = null,
    QualitativeRating? Rating = null,
    decimal? Percent = null,
    IReadOnlyList<Deduction>? Deductions = null,
    decimal? Score = null,
    MeasuredValue? StatedActual = null,
    string? Reason = null,
    Direction? DirectionOverride = null)
{
    // The fields that the cached facts below derive from are get-only, so `with` cannot leave those facts stale:
    // change them by building a new line.
    public string Level1 { get; } = Level1;

    public string Level2 { get; } = Level2;

    public string Name { get; } = Name;

    public Target? Target { get; } = Target;

    public IReadOnlyList<Tier>? Tiers { get; } = Tiers;

    public Direction? DirectionOverride { get; } = DirectionOverride;

    /// <summary>Which way the target is scored, decided once from the comparator, the override and the name.</summary>
    internal ScoringDirection ScoringDirection { get; } = IndicatorDirections.Resolve(Name, Level2, Target, DirectionOverride);

    /// <summary>The tiers ordered from the highest minimum down, so the first tier the actual reaches is its score.</summary>
    internal Tier[] TiersDescending { get; } = Tiers is null ? [] : [.. Tiers.OrderByDescending(t => t.Min)];

    /// <summary>The taxonomy code of the 一级 ("1" 产出, "2" 效益, "3" 满意度), resolved once for the weight checks.</summary>
    internal string? Level1Code { get; } = EvaluationChecks.Level1Code(Level1);

    /// <summary>"产出指标 / 数量指标 / 新建智能识别摄像枪数量": how findings name the indicator.</summary>
    public string Path => string.IsNullOrEmpty(Name) ? $"{Level1}/{Level2}" : Name;
}

/// <summary>A 一级 (Level2 null) or 二级 group and the weight its indicators must add up to.</summary>
public sealed record WeightGroup(string Level1, string? Level2, decimal Weight);

/// <summary>A band of a tiered rule: an actual value ≥ <paramref name="Min"/> (in the unit of the target) scores <paramref name="Score"/> points.</summary>
public sealed record Tier(decimal Min, decimal Score);

/// <summary>A deduction of a <see cref="ScoringMethod.Deduction"/> indicator ("扣1.5分") with its reason.</summary>
public sealed record Deduction(decimal Points, string? Reason);

/// <summary>评价类型 of 财预〔2020〕10号: who evaluates.</summary>
public enum EvaluationKind
{
    /// <summary>单位自评</summary>
    SelfEvaluation,
    /// <summary>部门评价</summary>
    DepartmentEvaluation,
    /// <summary>财政评价</summary>
    FinanceEvaluation,
    /// <summary>第三方评价 (a 部门/财政评价 contracted to a third party)</summary>
    ThirdPartyEvaluation,
}

/// <summary>How an indicator's score is computed.</summary>
public enum ScoringMethod
{
    /// <summary>定量 比例法: full marks when the target is met, otherwise in proportion (regulations.md rules 6–9).</summary>
    Proportional,
    /// <summary>档次: the score of the band the actual value falls in (满意度 ≥90%: 10, ≥80%: 8 …).</summary>
    Tiers,
    /// <summary>定性: 达成 / 部分达成 / 未达成 with a completion percent inside the band (rule 10).</summary>
    Qualitative,
    /// <summary>扣分法: the full weight minus listed deductions, each with its reason; never below 0.</summary>
    Deduction,
    /// <summary>是否: full marks when met, 0 otherwise.</summary>
    Binary,
    /// <summary>人工: the evaluator's score with a reason.</summary>
    Manual,
}

/// <summary>定性 ratings of 财预〔2020〕10号 and their bands of the weight (rule 10).</summary>
public enum QualitativeRating
{
    /// <summary>达成年度指标: [80%, 100%]</summary>
    Achieved,
    /// <summary>部分达成年度指标并具有一定效果: [60%, 80%)</summary>
    PartlyAchieved,
    /// <summary>未达成年度指标且效果较差: [0, 60%)</summary>
    NotAchieved,
}

/// <summary>The formula for a lower-is-better (反向) indicator that misses its target (regulations.md rule 7).</summary>
public enum LowerIsBetterRule
{
    /// <summary>(1 − (a − t) ÷ t) × w when t &lt; a &lt; 2t, 0 from 2t on.</summary>
    Deviation,
    /// <summary>t ÷ a × w (used by some templates).</summary>
    Ratio,
}

/// <summary>The direction a target is scored in; decided once per indicator.</summary>
internal enum ScoringDirection
{
    /// <summary>正向 (≥, >): higher is better.</summary>
    Up,
    /// <summary>反向 (≤, &lt;): lower is better.</summary>
    Down,
    /// <summary>等于 (=), rule 8.</summary>
    Equal,
    /// <summary>A range: inside is met; below scores like 正向, above like 反向.</summary>
    Range,
}
