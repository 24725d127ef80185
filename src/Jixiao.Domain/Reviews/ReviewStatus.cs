namespace Jixiao.Domain.Reviews;

/// <summary>
/// The 目标审核 workflow state of a project's performance targets: 草稿/退回 → 已提交 → 退回 or 审核通过. The store keeps
/// it by name (Jixiao.Data maps it once, in the project's configuration).
/// </summary>
public enum ReviewStatus
{
    /// <summary>草稿: the unit is still editing.</summary>
    Draft,
    /// <summary>已提交: waiting for the overseeing department or finance office.</summary>
    Submitted,
    /// <summary>退回: sent back with a comment; the unit edits and submits again.</summary>
    Returned,
    /// <summary>审核通过: approved; targets are locked.</summary>
    Approved,
}

/// <summary>
/// What the workflow allows, whoever asks. Who may take a step (the unit's clerk submits, a reviewer of an overseen unit
/// returns or approves) is the application's access rule, not the workflow's.
/// </summary>
public static class ReviewStatuses
{
    /// <summary>The states a step leads to, in the order the buttons show them.</summary>
    public static IReadOnlyList<ReviewStatus> Steps { get; } = [ReviewStatus.Submitted, ReviewStatus.Returned, ReviewStatus.Approved];

    public static string Chinese(this ReviewStatus status) => status switch
    {
        ReviewStatus.Draft => "草稿",
        ReviewStatus.Submitted => "已提交",
        ReviewStatus.Returned => "退回",
        ReviewStatus.Approved => "审核通过",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Targets change only before review: while the project is a draft or after it was returned.</summary>
    public static bool TargetsEditable(this ReviewStatus status) => status is ReviewStatus.Draft or ReviewStatus.Returned;

    /// <summary>
    /// Whether the workflow goes from <paramref name="from"/> to <paramref name="to"/>: submitting needs editable targets,
    /// returning and approving a submitted project. No step leads back to 草稿.
    /// </summary>
    public static bool Allows(this ReviewStatus from, ReviewStatus to) => to switch
    {
        ReviewStatus.Submitted => from.TargetsEditable(),
        ReviewStatus.Returned or ReviewStatus.Approved => from == ReviewStatus.Submitted,
        _ => false,
    };

    /// <summary>
    /// Submitting and approving while the system's review still reports errors needs the user to confirm that they saw
    /// them (issue 14); returning does not, since the errors are what a return asks to fix.
    /// </summary>
    public static bool NeedsConfirmationOfOpenErrors(this ReviewStatus to) => to is ReviewStatus.Submitted or ReviewStatus.Approved;

    /// <summary>A project is returned with a comment that says what to change.</summary>
    public static bool NeedsComment(this ReviewStatus to) => to == ReviewStatus.Returned;
}
