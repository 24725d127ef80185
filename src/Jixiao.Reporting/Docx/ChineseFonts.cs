namespace Jixiao.Reporting.Docx;

/// <summary>
/// The 东亚 (eastAsia) fonts of a document, following official-document practice (GB/T 9704): 仿宋 for body text,
/// 黑体 for 一级 headings, 楷体 for 二级 headings, 宋体 for tables, a 标宋 face for the title. Every name is
/// written to the font table with an <see cref="Fallback"/> alternative that exists on Linux (fonts-noto-cjk), so a
/// machine without the Windows fonts still renders Chinese.
/// </summary>
public sealed record ChineseFonts(
    string Body,
    string Heading1,
    string Heading2,
    string Title,
    string Table,
    string Latin,
    string SerifFallback,
    string SansFallback)
{
    /// <summary>The fonts a Chinese finance office has under Windows (仿宋, 黑体, 楷体, 宋体).</summary>
    public static ChineseFonts Windows { get; } = new("仿宋", "黑体", "楷体", "宋体", "宋体", "Times New Roman",
        "Noto Serif CJK SC", "Noto Sans CJK SC");

    /// <summary>The Noto CJK faces (Debian fonts-noto-cjk): what renders on a Linux server without substitution.</summary>
    public static ChineseFonts Noto { get; } = new("Noto Serif CJK SC", "Noto Sans CJK SC", "Noto Serif CJK SC",
        "Noto Sans CJK SC", "Noto Serif CJK SC", "Times New Roman", "Noto Serif CJK SC", "Noto Sans CJK SC");

    /// <summary>The Linux alternative of a font name (黑体 is a sans face; the others are serif).</summary>
    public string Fallback(string name) => name == Heading1 || name.Contains("黑", StringComparison.Ordinal) || name.Contains("Sans", StringComparison.Ordinal)
        ? SansFallback
        : SerifFallback;

    /// <summary>
    /// A TrueType 黑体-style face tried before the sans fallback in HTML/PDF (Debian fonts-wqy-microhei). Chromium
    /// embeds TrueType faces as named CID fonts, while the CFF-based Noto faces become unnamed Type 3 fonts; so
    /// headings printed in it make the embedded CJK font visible to <c>pdffonts</c>. Null leaves it out.
    /// </summary>
    public string? PrintSansFace { get; init; } = "WenQuanYi Micro Hei";

    /// <summary>A CSS font-family list: the font, its fallbacks and a generic family.</summary>
    public string CssFamily(string name)
    {
        var fallback = Fallback(name);
        var sans = fallback == SansFallback;
        var names = new List<string> { name };
        if (sans && PrintSansFace is not null)
        {
            names.Add(PrintSansFace);
        }

        names.Add(fallback);
        return string.Join(", ", names.Distinct(StringComparer.Ordinal).Select(n => $"\"{n}\"")) + (sans ? ", sans-serif" : ", serif");
    }
}
