namespace Jixiao.Domain.Evidence;

/// <summary>What a 佐证材料 file is attached to: a line of an evaluation, a 纠偏 request (its answer) or a 整改 task.</summary>
public abstract record EvidenceOwner
{
    private EvidenceOwner() { }

    /// <summary>
    /// Line <paramref name="Line"/> (0-based) of evaluation <paramref name="EvaluationId"/>: its actual value or its deduction
    /// (<paramref name="Subject"/>; null: by the line's method, 扣分 for a deduction line, else the actual value).
    /// </summary>
    public sealed record EvaluationLine(int EvaluationId, int Line, EvidenceSubject? Subject = null) : EvidenceOwner;

    /// <summary>The unit's answer to 纠偏 request <paramref name="CorrectionId"/>.</summary>
    public sealed record Correction(int CorrectionId) : EvidenceOwner;

    /// <summary>The unit's measures of 整改 task <paramref name="TaskId"/>.</summary>
    public sealed record Rectification(int TaskId) : EvidenceOwner;
}

/// <summary>What a file on an evaluation line proves: the line's 实际完成值, or its 扣分.</summary>
public enum EvidenceSubject
{
    Actual,
    Deduction,
}

public static class EvidenceSubjects
{
    public static string Name(this EvidenceSubject subject) => subject switch
    {
        EvidenceSubject.Actual => "actual",
        EvidenceSubject.Deduction => "deduction",
        _ => throw new ArgumentOutOfRangeException(nameof(subject)),
    };

    public static string Chinese(this EvidenceSubject subject) => subject switch
    {
        EvidenceSubject.Actual => "实际完成值",
        EvidenceSubject.Deduction => "扣分依据",
        _ => throw new ArgumentOutOfRangeException(nameof(subject)),
    };

    /// <summary>actual / deduction or 实际完成值 / 扣分依据 (also 扣分); null for anything else.</summary>
    public static EvidenceSubject? Parse(string? text) => text?.Trim() switch
    {
        "actual" or "实际完成值" => EvidenceSubject.Actual,
        "deduction" or "扣分依据" or "扣分" => EvidenceSubject.Deduction,
        _ => null,
    };
}
