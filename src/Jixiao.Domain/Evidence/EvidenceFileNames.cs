namespace Jixiao.Domain.Evidence;

/// <summary>
/// The name a 佐证材料 file is listed and downloaded under. The name the user's computer sent is only a label: files are
/// stored under random keys, never under it. A name that carries a path (../../x.pdf, C:\x.pdf) is refused, since a
/// browser sends the bare name and anything else is a forged request or a tool's mistake worth telling the user about.
/// </summary>
public static class EvidenceFileNames
{
    public const int MaxLength = 150;

    /// <summary>Why the name cannot be used, in Chinese; null when it can.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "上传的文件没有文件名，请选择文件后重新上传。";
        }

        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.Trim() is ".." or ".")
        {
            return $"文件名“{Shown(name)}”含有路径（/、\\ 或 ..），不能作为佐证材料的文件名。请只用文件本身的名称（如“验收报告.pdf”）重新上传。";
        }

        if (name.Length > 255)
        {
            return $"文件名过长（{name.Length} 个字符），请改短到 {MaxLength} 个字符以内后重新上传。";
        }

        return null;
    }

    /// <summary>
    /// The listed name: the name's stem with the extension of the type the content was sniffed as ("照片.pdf" that holds a
    /// PNG is listed as "照片.png"). <paramref name="safeName"/> makes the whole name safe to save on every system.
    /// </summary>
    public static string Listed(string name, EvidenceFileType type, Func<string, string> safeName)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(safeName);
        return safeName(Path.GetFileNameWithoutExtension(name.Trim()) + type.Extension());
    }

    /// <summary>Whether the name's own extension says the type the content is ("x.jpeg" and "x.jpg" both say JPEG).</summary>
    public static bool ExtensionAgrees(string name, EvidenceFileType type)
    {
        var extension = Path.GetExtension(name ?? "").ToLowerInvariant();
        return type switch
        {
            EvidenceFileType.Jpeg => extension is ".jpg" or ".jpeg",
            _ => extension == type.Extension(),
        };
    }

    private static string Shown(string name) => name.Length > 60 ? name[..60] + "…" : name;
}
