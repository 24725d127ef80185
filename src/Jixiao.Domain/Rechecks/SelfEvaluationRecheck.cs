namespace Jixiao.Domain.Rechecks;

/// <summary>
/// One indicator line of a 自评表 as the unit printed it: 分值, 年度指标值, 实际完成值, 得分 and 偏差原因;
/// <paramref name="EvidenceFiles"/> is how many 佐证材料 files back it where that is known (a self-evaluation kept in the
/// web app), null where it is not (a document read from a file).
/// </summary>
public sealed record RecheckLine(
    string? Level1,
    string? Level2,
    string Name,
    decimal? Weight,
    string? Target,
    string? Actual,
    decimal? StatedScore,
    string? Reason,
    int? EvidenceFiles = null);

/// <summary>The 预算执行率 line as printed: 分值, 全年预算数 and 全年执行数 in 万元, the printed 执行率 and 得分.</summary>
public sealed record RecheckBudgetLine(
    string Label,
    decimal? Weight,
    decimal? BudgetWanYuan,
    decimal? ExecutedWanYuan,
    string? StatedRate,
    decimal? StatedScore);

/// <summary>A self-evaluation to 复核: its budget line, its indicator lines and the printed 总分 / 等级.</summary>
public sealed record SelfEvaluationInput(
    string? Project,
    string? BudgetUnit,
    int? Year,
    RecheckBudgetLine? Budget,
    IReadOnlyList<RecheckLine> Lines,
    decimal? StatedTotal,
    string? StatedGrade);

/// <summary>Why a reviewer's rule marks a line.</summary>
public enum MarkDownKind
{
    /// <summary>The same indicator under 产出 and 效益: counted once.</summary>
    Duplicate,
    /// <summary>A 定性 indicator with a vague target ("效果明显").</summary>
    VagueQualitative,
    /// <summary>A 数量指标 that only measures paying out money.</summary>
    MoneyOnlyQuantity,
    /// <summary>The unit took points off without a reason.</summary>
    DeductionWithoutReason,
    /// <summary>A scored line with no 佐证材料 (a district's option; only where the count is known).</summary>
    NoEvidence,
}

public sealed record MarkDown(MarkDownKind Kind, string Message);

/// <summary>
/// A line of the 复核: the unit's value and score beside the 复核 score. <see cref="Score"/> is null only when the line
/// has neither 分值 nor 得分; <see cref="Rechecked"/> is false when the rules could not score it (no 分值, no number)
/// and the unit's score was kept. <see cref="Reason"/> says, in Chinese, how the 复核 score was reached.
/// <see cref="PartOf"/> names the heading line ("一、示范区建立") whose score this line's is a part of: it is scored but
/// not added to the total again.
/// </summary>
public sealed record RecheckedLine(
    RecheckLine Line,
    decimal? Score,
    bool Rechecked,
    string Reason,
    IReadOnlyList<MarkDown> MarkDowns,
    string? PartOf = null)
{
    public bool CountsInTotal => PartOf is null;

    /// <summary>复核 minus 自评, null when either is missing.</summary>
    public decimal? Difference => Score is { } s && Line.StatedScore is { } stated ? Evaluations.Numbers.Trim(s - stated) : null;
}

/// <summary>The 预算执行率 line rechecked: 执行率 in percent (from the amounts, else as printed) and the 复核 score.</summary>
public sealed record RecheckedBudgetLine(RecheckBudgetLine Line, decimal? RatePercent, decimal? Score, string Reason)
{
    public decimal? Difference => Score is { } s && Line.StatedScore is { } stated ? Evaluations.Numbers.Trim(s - stated) : null;
}

/// <summary>
/// A number of the self-evaluation that breaks the rule set, with the corpus's check names where one fits
/// (execution-rate, execution-score, score-over-weight, met-target-below-full, missed-target-full, sum, grade) and
/// <c>rule-set</c> for the rest (a 分值 or score other than the district's rule gives, a total above its cap).
/// </summary>
public sealed record RecheckFinding(string Check, string Where, string? Stated, string? Recomputed, string Message);

/// <summary>
/// The 复核 of one self-evaluation: every line, the 自评 total (printed, else the sum of the printed scores), the 复核
/// total before and after the cap by 预算执行率, both grades and the findings.
/// </summary>
public sealed record RecheckResult(
    SelfEvaluationInput Input,
    RecheckRuleSet Rules,
    RecheckedBudgetLine? Budget,
    IReadOnlyList<RecheckedLine> Lines,
    decimal? StatedTotal,
    string? StatedGrade,
    decimal UncappedTotal,
    TotalCap? Cap,
    decimal Total,
    string Grade,
    IReadOnlyList<RecheckFinding> Findings)
{
    public decimal? Difference => StatedTotal is { } s ? Evaluations.Numbers.Trim(Total - s) : null;

    public bool GradeChanged => StatedGrade is not null && StatedGrade != Grade;

    /// <summary>"良 → 中", or "优（不变）"; the 复核 grade alone when the unit's is unknown.</summary>
    public string GradeChange => StatedGrade is null ? Grade : GradeChanged ? $"{StatedGrade} → {Grade}" : $"{Grade}（不变）";
}
