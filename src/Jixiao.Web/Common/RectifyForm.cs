namespace Jixiao.Web.Common;

/// <summary>
/// 下达整改 under a finding shown on a page (partial _Rectify, for a reviewer of the unit or an admin): the finding goes
/// to /rectification?handler=Create with the reason typed, and becomes a 整改 task with the district's default deadline.
/// <paramref name="Source"/> is the finding's source (review, evaluation, monitoring, resultUse, recheck).
/// </summary>
public sealed record RectifyForm(int ProjectId, string Source, string Code, string Message, string? Where);
