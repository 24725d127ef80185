using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Targets;
using Jixiao.Domain.Taxonomy;
using Jixiao.Domain.Text;
using Jixiao.Import.Imports;
using Jixiao.Import.Text;

namespace Jixiao.Import.Indicators;

/// <summary>
/// Reads the encoded 绩效指标 cell of a 项目支出绩效目标表:
/// "1、1-产出指标,12-质量指标,施工质量合格率（%）；实施周期指标值:100%,年度指标值:100%；2、…".
/// <para>
/// Items start at "N、" followed by a code ("1-") or an 一级 name. Inside an item the 一级 and 二级 tokens
/// ("code-name") and the indicator name are separated by any of , ， ; ； . 。 and spaces; the targets are found
/// by their labels 实施周期指标值 / 年度指标值 (a value runs to the next label or the end of the item, so a
/// value may itself hold commas: "出租屋登记率达100%，来穗人员登记率达到95%"). Numbering may restart; codes
/// may disagree with names (<see cref="CategoryResolver"/>). Names and target texts are kept as the source
/// wrote them (full-width forms included), only trimmed of separators.
/// </para>
/// </summary>
public static partial class IndicatorCellReader
{
    [GeneratedRegex(@"(?<![\d.%])(\d{1,3})\s*[、]\s*(?=\d{1,2}\s*-\s*\p{IsCJKUnifiedIdeographs}|产出|效益|满意度|成本)")]
    private static partial Regex ItemStart();

    [GeneratedRegex(@"(?<label>实施周期指标值|实施期指标值|周期指标值|年度指标值|当年指标值)\s*:?")]
    private static partial Regex TargetLabel();

    [GeneratedRegex(@"\G\s*(?:(?<code>\d{1,2})\s*-\s*)?(?<name>[^\d,;.。:、\s-]+)")]
    private static partial Regex Token();

    private const string Separators = ",;.。、 \t\r\n";

    public static IReadOnlyList<Indicator> Read(string cell, SourceLocation location, Action<Diagnostic> report) =>
        Read(LocatedText.Single(cell, location), report);

    public static IReadOnlyList<Indicator> Read(LocatedText source, Action<Diagnostic> report, IndicatorTaxonomy? taxonomy = null)
    {
        taxonomy ??= IndicatorTaxonomy.Default;
        var raw = source.Text;
        var text = ChineseText.Normalize(raw);
        var indicators = new List<Indicator>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return indicators;
        }

        var starts = ItemStart().Matches(text);
        if (starts.Count == 0)
        {
            // A single item written without its number ("1-产出指标,11-数量指标,…；实施周期指标值:…")
            if (TargetLabel().IsMatch(text) && Token().Match(text, 0) is { Success: true })
            {
                ReadItem(raw, text, 0, text.Length, null, source, taxonomy, indicators, report);
            }
            else
            {
                report(new Diagnostic(Severity.Error, ImportCodes.IndicatorUnreadable, source.Location,
                    $"绩效指标“{Shorten(raw)}”中找不到编号的指标（如“1、1-产出指标,11-数量指标,…；实施周期指标值:…,年度指标值:…”），未能读取。"));
            }

            return indicators;
        }

        var prefix = text[..starts[0].Index].Trim(Separators.ToCharArray());
        if (prefix.Length > 0)
        {
            report(new Diagnostic(Severity.Warning, ImportCodes.IndicatorStrayText, source.LocationAt(0),
                $"绩效指标开头的文字“{Shorten(raw[..starts[0].Index].Trim())}”不属于任何编号的指标，未读取。"));
        }

        int? previous = null;
        for (var i = 0; i < starts.Count; i++)
        {
            var match = starts[i];
            var number = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            var bodyStart = match.Index + match.Length;
            var end = i + 1 < starts.Count ? starts[i + 1].Index : text.Length;
            if (previous is { } p)
            {
                if (number == 1 && p >= 1)
                {
                    report(new Diagnostic(Severity.Info, ImportCodes.NumberingRestarted, source.LocationAt(match.Index),
                        $"绩效指标编号在第{p}项之后重新从1开始，仍按顺序读作第{indicators.Count + 1}项指标。"));
                }
                else if (number != p + 1)
                {
                    report(new Diagnostic(Severity.Info, ImportCodes.NumberingGap, source.LocationAt(match.Index),
                        $"绩效指标编号从{p}跳到{number}。"));
                }
            }

            previous = number;
            ReadItem(raw, text, bodyStart, end, number, source, taxonomy, indicators, report);
        }

        return indicators;
    }

    private static void ReadItem(string raw, string text, int start, int end, int? number, LocatedText source,
        IndicatorTaxonomy taxonomy, List<Indicator> indicators, Action<Diagnostic> report)
    {
        var location = source.LocationAt(start);
        var itemRaw = raw[start..end].Trim();
        var label = number is { } n ? $"第{n}项指标" : "指标";

        var pos = start;
        CategoryToken? level1Token = null;
        CategoryToken? level2Token = null;
        var first = Token().Match(text, pos);
        if (first.Success && first.Index + first.Length <= end)
        {
            level1Token = new CategoryToken(first.Groups["code"].Success ? first.Groups["code"].Value : null, first.Groups["name"].Value);
            pos = SkipSeparators(text, first.Index + first.Length, end);
            var second = Token().Match(text, pos);
            if (second.Success && second.Index + second.Length <= end
                && (second.Groups["code"].Success || IsCategoryName(second.Groups["name"].Value, taxonomy)))
            {
                level2Token = new CategoryToken(second.Groups["code"].Success ? second.Groups["code"].Value : null, second.Groups["name"].Value);
                pos = SkipSeparators(text, second.Index + second.Length, end);
            }
        }

        var labels = TargetLabel().Matches(text[..end], pos);
        var nameEnd = labels.Count > 0 ? labels[0].Index : end;
        var name = TrimSlice(raw, text, pos, nameEnd);

        Target? period = null;
        Target? annual = null;
        for (var i = 0; i < labels.Count; i++)
        {
            var valueStart = labels[i].Index + labels[i].Length;
            var valueEnd = i + 1 < labels.Count ? labels[i + 1].Index : end;
            var value = TrimSlice(raw, text, valueStart, valueEnd);
            var isPeriod = !labels[i].Groups["label"].Value.StartsWith("年度", StringComparison.Ordinal)
                && !labels[i].Groups["label"].Value.StartsWith("当年", StringComparison.Ordinal);
            if (value.Length == 0)
            {
                continue;
            }

            if (isPeriod)
            {
                period ??= TargetParser.Parse(value);
            }
            else
            {
                annual ??= TargetParser.Parse(value);
            }
        }

        if (name.Length == 0 && level1Token is null)
        {
            report(new Diagnostic(Severity.Error, ImportCodes.IndicatorUnreadable, location,
                $"{label}“{Shorten(itemRaw)}”没有可读的指标名称和分类，未能读取。"));
            return;
        }

        if (name.Length == 0)
        {
            report(new Diagnostic(Severity.Warning, ImportCodes.IndicatorUnreadable, location,
                $"{label}“{Shorten(itemRaw)}”没有三级指标名称，以二级名称代替。"));
            name = (level2Token ?? level1Token)!.Name;
        }

        if (period is null || annual is null)
        {
            var missing = period is null && annual is null ? "实施周期指标值和年度指标值" : period is null ? "实施周期指标值" : "年度指标值";
            report(new Diagnostic(Severity.Warning, ImportCodes.TargetMissing, location, $"{label}“{name}”缺少{missing}。"));
        }

        var resolution = CategoryResolver.Resolve(level1Token, level2Token, taxonomy);
        if (resolution.Corrections.Count > 0)
        {
            report(new Diagnostic(Severity.Warning, ImportCodes.CategoryCorrected, location,
                $"{label}“{name}”：{string.Join("；", resolution.Corrections)}。"));
        }

        foreach (var unknown in resolution.Unknown)
        {
            report(new Diagnostic(Severity.Warning, ImportCodes.CategoryUnknown, location,
                $"{label}“{name}”的分类“{unknown}”不在指标分类中。"));
        }

        if (level2Token is null && resolution.Level2 is null)
        {
            report(new Diagnostic(Severity.Warning, ImportCodes.CategoryUnknown, location, $"{label}“{name}”没有写二级指标。"));
        }

        indicators.Add(new Indicator(
            resolution.Level1,
            resolution.Level2,
            name,
            period,
            annual,
            Level1Code: level1Token?.Code,
            Level2Code: level2Token?.Code,
            Level1Text: level1Token?.Name,
            Level2Text: level2Token?.Name,
            Number: number,
            Location: location));
    }

    private static bool IsCategoryName(string name, IndicatorTaxonomy taxonomy) =>
        taxonomy.FindLevel2(name) is not null || taxonomy.FindLevel1(name) is not null;

    private static int SkipSeparators(string text, int pos, int end)
    {
        while (pos < end && Separators.Contains(text[pos], StringComparison.Ordinal))
        {
            pos++;
        }

        return pos;
    }

    /// <summary>The raw text between two positions of the normalised text, without separators at either end.</summary>
    private static string TrimSlice(string raw, string text, int start, int end)
    {
        while (start < end && Separators.Contains(text[start], StringComparison.Ordinal) && text[start] != '.')
        {
            start++;
        }

        while (end > start && (Separators.Contains(text[end - 1], StringComparison.Ordinal) || text[end - 1] == ':'))
        {
            end--;
        }

        return raw[start..end];
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
