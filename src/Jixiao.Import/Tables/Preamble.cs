using System.Text.RegularExpressions;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Text;

namespace Jixiao.Import.Tables;

/// <summary>
/// The lines above a table: its title ("项目支出绩效目标表（含转移支付项目）"), "部门名称：…" and "单位：万元"
/// (together or apart, as PDF extraction often joins them on one line).
/// </summary>
public static partial class Preamble
{
    [GeneratedRegex(@"(?:部门名称|部门|单位名称|预算单位)\s*:\s*(?<name>.+?)(?=\s+(?:金额)?单位\s*:|$)")]
    private static partial Regex DepartmentLine();

    [GeneratedRegex(@"(?:金额)?单位\s*:\s*(?<unit>万元|元)")]
    private static partial Regex UnitLine();

    [GeneratedRegex(@"绩效目标(?:表|申报表|批复表)|项目支出绩效|^\s*\(?\s*\d{4}\s*年度?\s*\)?\s*$|^\s*第\s*\d+\s*页|^\s*-?\s*\d+\s*-?\s*$|^\s*\d+\s*/\s*\d+\s*$")]
    private static partial Regex TitleOrPageLine();

    [GeneratedRegex(@"(?<year>(?:19|20)\d{2})\s*年")]
    private static partial Regex Year();

    /// <summary>What a preamble line states; <paramref name="FiscalYear"/> comes from a title such as "2024年…绩效目标表" or "（2024年度）".</summary>
    public sealed record Facts(string? Department, MoneyUnit? Unit, int? FiscalYear = null);

    /// <summary>Reads a preamble line; null when the line is not one.</summary>
    public static Facts? TryRead(string line)
    {
        var text = ChineseText.Normalize(line).Trim();
        if (text.Length == 0)
        {
            return null;
        }

        string? department = null;
        MoneyUnit? unit = null;
        var matched = false;
        if (UnitLine().Match(text) is { Success: true } u)
        {
            unit = u.Groups["unit"].Value == "万元" ? MoneyUnit.WanYuan : MoneyUnit.Yuan;
            matched = true;
        }

        if (DepartmentLine().Match(text) is { Success: true } d && !d.Groups["name"].Value.StartsWith("万元", StringComparison.Ordinal)
            && !d.Groups["name"].Value.StartsWith('元'))
        {
            var start = d.Groups["name"].Index;
            department = line.Substring(start, d.Groups["name"].Length).Trim();
            foreach (var suffix in new[] { "(部门)", "（部门）" })
            {
                if (department.EndsWith(suffix, StringComparison.Ordinal))
                {
                    department = department[..^suffix.Length].Trim();
                }
            }

            matched = true;
        }

        int? year = null;
        if (!matched && TitleOrPageLine().IsMatch(text))
        {
            matched = true;
            if (Year().Match(text) is { Success: true } y)
            {
                year = int.Parse(y.Groups["year"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return matched ? new Facts(department, unit, year) : null;
    }
}
