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
public static class IndicatorCellReader
{


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

        var starts = FindItems(text);
        if (starts.Count == 0)
        {
            // A single item written without its number ("1-产出指标,11-数量指标,…；实施周期指标值:…")
            if (FindLabels(text, 0, text.Length).Count > 0 && ReadToken(text, 0, text.Length) is not null)
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
            var number = match.Number;
            var bodyStart = match.BodyStart;
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
        if (ReadToken(text, pos, end) is { } first)
        {
            level1Token = first.Token;
            pos = SkipSeparators(text, first.End, end);
            if (ReadToken(text, pos, end) is { } second && (second.Token.Code is not null || IsCategoryName(second.Token.Name, taxonomy)))
            {
                level2Token = second.Token;
                pos = SkipSeparators(text, second.End, end);
            }
        }

        var labels = FindLabels(text, pos, end);
        var nameEnd = labels.Count > 0 ? labels[0].Index : end;
        var name = TrimSlice(raw, text, pos, nameEnd);

        Target? period = null;
        Target? annual = null;
        for (var i = 0; i < labels.Count; i++)
        {
            var valueStart = labels[i].ValueStart;
            var valueEnd = i + 1 < labels.Count ? labels[i + 1].Index : end;
            var value = TrimSlice(raw, text, valueStart, valueEnd);
            var isPeriod = labels[i].IsPeriod;
            if (value.Length == 0)
            {
                continue;
            }

            if (isPeriod)
            {
                period ??= Parse(value);
            }
            else
            {
                annual ??= Parse(value);
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

        var resolution = Resolve(level1Token, level2Token, taxonomy);
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

    private readonly record struct Label(int Index, int ValueStart, bool IsPeriod);

    private readonly record struct ItemStart(int Index, int Number, int BodyStart);

    private static readonly string[] Level1Words = ["产出", "效益", "满意度", "成本"];

    /// <summary>
    /// Each "N、" (1 to 3 digits, not part of a number or a percentage) followed by a code ("1-产出…") or an 一级 name:
    /// the start of a numbered indicator. Found by scanning for 、 rather than a regex: this runs for every cell.
    /// </summary>
    private static List<ItemStart> FindItems(string text)
    {
        var items = new List<ItemStart>();
        var from = 0;
        while (from < text.Length)
        {
            var mark = text.IndexOf('、', from);
            if (mark < 0)
            {
                break;
            }

            from = mark + 1;
            var digitsEnd = mark;
            while (digitsEnd > 0 && text[digitsEnd - 1] == ' ')
            {
                digitsEnd--;
            }

            var digitsStart = digitsEnd;
            while (digitsStart > 0 && char.IsAsciiDigit(text[digitsStart - 1]) && digitsEnd - digitsStart < 4)
            {
                digitsStart--;
            }

            if (digitsStart == digitsEnd || digitsEnd - digitsStart > 3
                || digitsStart > 0 && (char.IsAsciiDigit(text[digitsStart - 1]) || text[digitsStart - 1] is '.' or '%'))
            {
                continue;
            }

            var body = mark + 1;
            while (body < text.Length && text[body] == ' ')
            {
                body++;
            }

            if (!StartsCategory(text, body))
            {
                continue;
            }

            var number = 0;
            for (var i = digitsStart; i < digitsEnd; i++)
            {
                number = number * 10 + (text[i] - '0');
            }

            items.Add(new ItemStart(digitsStart, number, body));
        }

        return items;
    }

    private static bool StartsCategory(string text, int pos)
    {
        var i = pos;
        while (i < text.Length && i - pos < 2 && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i > pos)
        {
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            if (i >= text.Length || text[i] != '-')
            {
                return false;
            }

            i++;
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            return i < text.Length && ChineseText.IsHan(text[i]);
        }

        foreach (var word in Level1Words)
        {
            if (string.CompareOrdinal(text, pos, word, 0, word.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private readonly record struct TokenRead(CategoryToken Token, int End);

    private static readonly string[] PeriodWords = ["实施周期", "实施期", "周期"];
    private static readonly string[] AnnualWords = ["年度", "当年"];

    /// <summary>The labels 实施周期指标值 / 实施期指标值 / 周期指标值 / 年度指标值 / 当年指标值 in [start, end), each with an optional colon.</summary>
    private static List<Label> FindLabels(string text, int start, int end)
    {
        var labels = new List<Label>(2);
        var from = start;
        while (from < end)
        {
            var at = text.IndexOf("指标值", from, end - from, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            var valueStart = at + 3;
            while (valueStart < end && text[valueStart] == ' ')
            {
                valueStart++;
            }

            if (valueStart < end && text[valueStart] == ':')
            {
                valueStart++;
            }

            if (Prefix(text, start, at, PeriodWords) is { } period)
            {
                labels.Add(new Label(period, valueStart, IsPeriod: true));
            }
            else if (Prefix(text, start, at, AnnualWords) is { } annual)
            {
                labels.Add(new Label(annual, valueStart, IsPeriod: false));
            }

            from = at + 3;
        }

        return labels;
    }

    private static int? Prefix(string text, int start, int at, string[] words)
    {
        foreach (var word in words)
        {
            if (at - word.Length >= start && string.CompareOrdinal(text, at - word.Length, word, 0, word.Length) == 0)
            {
                return at - word.Length;
            }
        }

        return null;
    }

    /// <summary>"12-质量指标" (the code optional) at <paramref name="pos"/>, after optional spaces; null when no name follows.</summary>
    private static TokenRead? ReadToken(string text, int pos, int end)
    {
        while (pos < end && char.IsWhiteSpace(text[pos]))
        {
            pos++;
        }

        string? code = null;
        var digits = pos;
        while (digits < end && digits - pos < 3 && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits > pos && digits - pos <= 2)
        {
            var dash = digits;
            while (dash < end && text[dash] == ' ')
            {
                dash++;
            }

            if (dash < end && text[dash] == '-')
            {
                code = text[pos..digits];
                pos = dash + 1;
                while (pos < end && text[pos] == ' ')
                {
                    pos++;
                }
            }
        }

        var nameEnd = pos;
        while (nameEnd < end && !IsTokenStop(text[nameEnd]))
        {
            nameEnd++;
        }

        return nameEnd == pos ? null : new TokenRead(new CategoryToken(code, text[pos..nameEnd]), nameEnd);
    }

    private static bool IsTokenStop(char c) => char.IsAsciiDigit(c) || char.IsWhiteSpace(c) || c is ',' or ';' or '.' or '。' or ':' or '、' or '-';

    // Tables repeat the same few category pairs and target texts thousands of times; both results are immutable.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string?, string?, string?, string?), CategoryResolver.Resolution> Resolutions = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Target> Targets = new(StringComparer.Ordinal);

    private static CategoryResolver.Resolution Resolve(CategoryToken? level1, CategoryToken? level2, IndicatorTaxonomy taxonomy)
    {
        if (!ReferenceEquals(taxonomy, IndicatorTaxonomy.Default))
        {
            return CategoryResolver.Resolve(level1, level2, taxonomy);
        }

        var key = (level1?.Code, level1?.Name, level2?.Code, level2?.Name);
        if (Resolutions.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var resolution = CategoryResolver.Resolve(level1, level2, taxonomy);
        if (Resolutions.Count < 10_000)
        {
            Resolutions.TryAdd(key, resolution);
        }

        return resolution;
    }

    private static Target Parse(string value)
    {
        if (Targets.TryGetValue(value, out var cached))
        {
            return cached;
        }

        var target = TargetParser.Parse(value);
        if (Targets.Count < 50_000)
        {
            Targets.TryAdd(value, target);
        }

        return target;
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
