namespace Jixiao.Reporting.Docx;

/// <summary>Typesetting of a .docx: fonts and sizes in points (三号 16, 四号 14, 小四 12, 五号 10.5).</summary>
public sealed record DocxOptions(ChineseFonts Fonts, double BodySizePoints = 14, double TitleSizePoints = 20)
{
    public static DocxOptions Default { get; } = new(ChineseFonts.Windows);
}
