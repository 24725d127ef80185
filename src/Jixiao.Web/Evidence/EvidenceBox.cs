using Jixiao.App.Evidence;
using Jixiao.Domain.Evidence;

namespace Jixiao.Web.Evidence;

/// <summary>
/// The 佐证材料 of one owner on a page (partial _Evidence): its files with download links, and for a user who may change
/// them the upload, replace and delete forms with the limits stated. <see cref="Owner"/> and <see cref="OwnerId"/> (and
/// <see cref="Line"/>) address the upload (/evidence?handler=Upload); <see cref="WithoutEvidence"/> marks a scored
/// evaluation line that has none.
/// </summary>
public sealed record EvidenceBox(string Owner, int OwnerId, int? Line, IReadOnlyList<EvidenceRow> Files, bool CanChange, string GroupName, long UsedBytes,
    EvidenceLimits Limits, bool WithoutEvidence = false)
{
    public string UploadUrl => $"/evidence?handler=Upload&owner={Owner}&id={OwnerId}" + (Line is { } l ? $"&line={l}" : "");

    /// <summary>The element id of the box: evidence-task-5, evidence-line-3.</summary>
    public string Id => Line is { } line ? $"evidence-line-{line}" : $"evidence-{Owner}-{OwnerId}";

    public string LimitsText =>
        $"可上传 {EvidenceFileTypes.AcceptedText}；单个不超过 {EvidenceLimits.Text(Limits.MaxFileBytes)}，{GroupName}合计不超过 {EvidenceLimits.Text(Limits.MaxTotalBytes)}（已用 {EvidenceLimits.Size(UsedBytes)}）。类型按文件内容识别；网页、SVG、压缩包和含宏的文件不接受。";

    public string TooLargeText => $"文件超过 {EvidenceLimits.Text(Limits.MaxFileBytes)}，不能上传；扫描件请降低分辨率或分成几个文件。";

    /// <summary>A task's or a request's box: the used bytes are its own files'.</summary>
    public static EvidenceBox Of(string owner, int id, IReadOnlyDictionary<int, IReadOnlyList<EvidenceRow>> files, bool canChange, string groupName,
        EvidenceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(files);
        var own = files.GetValueOrDefault(id) ?? [];
        return new EvidenceBox(owner, id, null, own, canChange, groupName, own.Sum(f => f.SizeBytes), limits);
    }
}
