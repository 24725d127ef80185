using Jixiao.Domain.Diagnostics;

namespace Jixiao.Domain.Evaluations;

/// <summary>The result of <see cref="Scorer.Score(EvaluationSheet)"/>: every line scored and explained, the total, the grade and the findings.</summary>
/// <param name="Total">Σ item scores rounded to 2 decimals as reports do; null when the sheet states no weights.</param>
/// <param name="Grade">The grade of the total on the sheet's scale; null when there is no total.</param>
public sealed record ScoredEvaluation(
    EvaluationSheet Sheet,
    IReadOnlyList<ScoredIndicator> Items,
    decimal? Total,
    string? Grade,
    IReadOnlyList<EvaluationFinding> Findings)
{
    /// <summary>The names a sheet gives its budget-execution line: 预算执行率, 财政资金预算完成率, 项目资金支出率 ….</summary>
    public static readonly IReadOnlyList<string> BudgetExecutionNames = ["预算执行率", "预算完成率", "资金支出率", "资金执行率"];

    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);

    /// <summary>
    /// 预算执行率 as the sheet evaluates it: the actual value (%) of its first line whose name holds one of
    /// <see cref="BudgetExecutionNames"/>; null when no such line has a value yet.
    /// </summary>
    public decimal? BudgetExecution => Items
        .FirstOrDefault(i => i.Actual is not null && BudgetExecutionNames.Any(n => i.Name.Contains(n, StringComparison.Ordinal)))?.Actual;
}

/// <summary>
/// A finding about an evaluation sheet: <paramref name="Code"/> is stable (EVA004), <paramref name="Indicator"/> names
/// the line (null for the whole sheet), <paramref name="Message"/> is Chinese and says what to fix.
/// </summary>
public sealed record EvaluationFinding(Severity Severity, string Code, string? Indicator, string Message);

/// <summary>
/// One scored line. <see cref="Actual"/> is the computed actual value in the unit of the target (91.4045 for
/// 91.4045%), unrounded; <see cref="Score"/> is rounded to 2 decimals and lies in [0, weight]; null when the line
/// has no weight. The Chinese <see cref="Explanation"/> is written on first use, so scoring stays cheap.
/// </summary>
public sealed class ScoredIndicator
{
    private string? explanation;

    internal ScoredIndicator(EvaluationIndicator indicator, decimal? actual, decimal points, decimal outOf, bool? met,
        ScoreOutcome outcome, decimal? targetValue = null, decimal? percent = null, QualitativeRating? rating = null,
        Tier? tier = null, bool negativeActual = false)
    {
        Indicator = indicator;
        Actual = actual;
        Points = points;
        OutOf = outOf;
        Met = met;
        Outcome = outcome;
        TargetValue = targetValue;
        Percent = percent;
        Rating = rating;
        Tier = tier;
        NegativeActual = negativeActual;
    }

    public EvaluationIndicator Indicator { get; }

    public string Level1 => Indicator.Level1;

    public string Level2 => Indicator.Level2;

    public string Name => Indicator.Name;

    public decimal? Weight => Indicator.Weight;

    public ScoringMethod Method => Indicator.Method;

    public decimal? Actual { get; }

    public decimal? Score => Indicator.Weight is null ? null : Points;

    /// <summary>The score as a percent of the weight (0–100), rounded to 2 decimals: what an unweighted line reports instead of a score.</summary>
    public decimal Completion => OutOf == 0 ? (Met == false ? 0m : 100m) : Scorer.Round2(Points / OutOf * 100m);

    /// <summary>The points scored out of <see cref="OutOf"/> (the weight, or 100 for an unweighted line).</summary>
    internal decimal Points { get; }

    internal decimal OutOf { get; }

    /// <summary>Whether the target was met; null when the method does not compare with a target.</summary>
    public bool? Met { get; }

    /// <summary>The number the actual was compared with (the bound of a range that was crossed).</summary>
    public decimal? TargetValue { get; }

    /// <summary>The completion percent of a 定性 line.</summary>
    public decimal? Percent { get; }

    public QualitativeRating? Rating { get; }

    /// <summary>The tier a 档次 line fell into; null when below every tier.</summary>
    public Tier? Tier { get; }

    internal bool NegativeActual { get; }

    internal ScoreOutcome Outcome { get; }

    /// <summary>One Chinese sentence: "预算执行率 91.4%，未达目标 100%，按 91.4÷100×5 计，得 4.57 分".</summary>
    public string Explanation => explanation ??= ScoreExplanation.Explain(this);

    public override string ToString() => $"{Name} {Score}";
}

/// <summary>How a line got its score; the explanation is written from it.</summary>
internal enum ScoreOutcome
{
    Met,
    Proportional,
    DownDeviation,
    DownRatio,
    DownZero,
    EqualZeroMissed,
    Tier,
    BelowTiers,
    Qualitative,
    Deduction,
    BinaryMet,
    BinaryMissed,
    Manual,
    NoManualScore,
    NoActual,
    NoTarget,
    NoTiers,
    NoRating,
}
