namespace Jixiao.Domain.Reviews;

/// <summary>
/// The outcome of a 绩效目标审核 (财预〔2015〕88号): 优 goes straight to budgeting, 良 after revision, 中 must be revised
/// and reviewed again, 差 is not budgeted. Ordered from worst to best so that a cap is a <c>Math.Min</c>.
/// </summary>
public enum ReviewOutcome
{
    Poor = 0,
    Fair = 1,
    Good = 2,
    Excellent = 3,
}

public static class ReviewOutcomes
{
    /// <summary>优 / 良 / 中 / 差.</summary>
    public static string Chinese(this ReviewOutcome outcome) => outcome switch
    {
        ReviewOutcome.Excellent => "优",
        ReviewOutcome.Good => "良",
        ReviewOutcome.Fair => "中",
        ReviewOutcome.Poor => "差",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    /// <summary>What the outcome means for the budget (财预〔2015〕88号).</summary>
    public static string Consequence(this ReviewOutcome outcome) => outcome switch
    {
        ReviewOutcome.Excellent => "直接进入预算编制",
        ReviewOutcome.Good => "修改完善后进入预算编制",
        ReviewOutcome.Fair => "修改完善后重新审核",
        ReviewOutcome.Poor => "不得进入预算编制",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    /// <summary>差 blocks budgeting.</summary>
    public static bool BlocksBudgeting(this ReviewOutcome outcome) => outcome == ReviewOutcome.Poor;

    public static ReviewOutcome? Parse(string? text) => text?.Trim() switch
    {
        "优" or "excellent" => ReviewOutcome.Excellent,
        "良" or "good" => ReviewOutcome.Good,
        "中" or "fair" => ReviewOutcome.Fair,
        "差" or "poor" => ReviewOutcome.Poor,
        _ => null,
    };
}
