namespace Jixiao.Domain.Reviews;

/// <summary>
/// A project's place in the 目标审核 workflow as the workflow recorded it: its state and, once a reviewer approved or
/// returned it, who did, on which day (北京时间) and with which comment. What the 审核意见表 says of a project follows
/// the reviewer's decision; the system's 88号 rating is only a proposal until then.
/// </summary>
public sealed record ReviewDecision(ReviewStatus Status, string? Reviewer = null, DateOnly? Date = null, string? Comment = null)
{
    /// <summary>Nothing decided yet (a draft, or submitted and waiting).</summary>
    public static ReviewDecision Pending { get; } = new(ReviewStatus.Draft);

    /// <summary>Approved or returned by a reviewer.</summary>
    public bool Decided => Status is ReviewStatus.Approved or ReviewStatus.Returned;

    /// <summary>
    /// 处理: what happens to the project now. The reviewer's decision once taken; before, what the system's rating
    /// means for the budget (<see cref="ReviewOutcomes.Consequence"/>).
    /// </summary>
    public string Handling(ReviewOutcome proposed) => Status switch
    {
        ReviewStatus.Approved => "审核通过，进入预算编制",
        ReviewStatus.Returned => "已退回，修改后重新提交",
        _ => proposed.Consequence(),
    };

    /// <summary>处理结果: 审核通过 or 退回修改 once decided, else empty for the reviewer to fill.</summary>
    public string Resolution => Status switch
    {
        ReviewStatus.Approved => "审核通过",
        ReviewStatus.Returned => "退回修改",
        _ => "",
    };

    /// <summary>审核人意见: the reviewer's comment (or the decision, without one), with who and when; empty until decided.</summary>
    public string Opinion
    {
        get
        {
            if (!Decided)
            {
                return "";
            }

            var text = string.IsNullOrWhiteSpace(Comment) ? Status.Chinese() : Comment.Trim();
            var by = string.Join("，", new[] { Reviewer, Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }
                .Where(s => !string.IsNullOrEmpty(s)));
            return by.Length == 0 ? text : $"{text}（{by}）";
        }
    }
}
