namespace Jixiao.Domain.Rectification;

/// <summary>
/// The finding a 整改 task is made from, whatever found it: its code (REV…, EVA…, RES101, a light), its message, where
/// (an indicator, a line, a month), and the source.
/// </summary>
public sealed record RectificationFinding
{
    private RectificationFinding(RectificationSource source, string code, string message, string? where)
    {
        Source = source;
        Code = code;
        Message = message;
        Where = where;
    }

    public RectificationSource Source { get; }
    public string Code { get; }
    public string Message { get; }
    public string? Where { get; }

    /// <summary>A finding from user input; a blank code or message is refused with a Chinese reason, never thrown.</summary>
    public static (RectificationFinding? Finding, string? Refused) Create(string? source, string? code, string? message, string? where)
    {
        if (RectificationSources.Parse(source) is not { } parsed)
        {
            return (null, $"问题来源“{source}”无效，应为：{string.Join("、", RectificationSources.All.Select(s => $"{s.Name()}（{s.Chinese()}）"))}。");
        }

        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(message))
        {
            return (null, "请填写问题的编码和内容（如 REV012 与审核意见）。");
        }

        return (new RectificationFinding(parsed, code.Trim(), message.Trim(), string.IsNullOrWhiteSpace(where) ? null : where.Trim()), null);
    }
}
