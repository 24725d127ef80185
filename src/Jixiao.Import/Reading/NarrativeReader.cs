using System.Text.RegularExpressions;

namespace Jixiao.Import.Reading;

/// <summary>
/// Reports and monitoring reports are prose: the subject (a department, or a project) is named in the title
/// ("茂名市发展和改革局2021年度部门整体支出绩效自评报告"), before the year and the kind of report.
/// </summary>
internal static partial class NarrativeReader
{
    public static IReadOnlyList<ReadProject> Read(string file, List<List<Tok>> rows, DocumentKind kind, string? title, IReadOnlyList<ReadProject> found)
    {
        if (found.Any(p => p.Name is not null))
        {
            return found;
        }

        var subject = Subject(title) ?? rows.Take(30).SelectMany(r => r).Where(t => t.Text.Length <= 60).Select(t => Subject(t.Text)).FirstOrDefault(s => s is not null)
            ?? FundApplied(rows);
        if (subject is null)
        {
            return found;
        }

        var first = found.FirstOrDefault();
        return [new ReadProject(subject, first?.Unit, first?.Department, first?.Code, first?.AmountWanYuan, first?.PeriodAmountWanYuan, first?.ExecutedWanYuan,
            first?.BudgetExecution, first?.Goal, first?.Indicators ?? [], first?.Location ?? file)];
    }

    public static string? Subject(string? title)
    {
        // A title names; a line with a comma or a full stop is a sentence ("以下是小编整理的项目支出绩效…范文，仅供参考").
        if (title is null || title.IndexOfAny([',', '，', '。', ';', '；']) >= 0)
        {
            return null;
        }

        var squeezed = LeadingYear().Replace(AttachmentLabel().Replace(ReadingText.Simplify(ReadingText.Squeeze(title)), ""), "");
        var m = SubjectOfReport().Match(squeezed);
        if (m.Success && m.Groups["s"].Length >= 4)
        {
            return m.Groups["s"].Value;
        }

        m = SubjectBeforeKind().Match(squeezed);
        return m.Success && m.Groups["s"].Length >= 4 && m.Groups["s"].Value is not ("项目支出" or "部门单位" or "项目")
            && !m.Groups["s"].Value.StartsWith('(') && !m.Groups["s"].Value.EndsWith('的') ? m.Groups["s"].Value : null;
    }

    /// <summary>
    /// A report whose title names no subject (a 范文 site's "项目支出绩效运行监控报告") names its one fund where it states
    /// the amount asked for or given: "本年度申请道路运输工作经费8万元", "安排××专项资金120万元". A word for funds in
    /// general ("财政资金", "专项资金", "工作经费") names nothing.
    /// </summary>
    private static string? FundApplied(List<List<Tok>> rows)
    {
        var text = ReadingText.Simplify(ProseReader.Join(rows.Take(200).ToList()));
        foreach (Match m in FundPhrase().Matches(text))
        {
            var name = m.Groups["s"].Value;
            if (!GenericFunds.Contains(name) && !GenericFunds.Contains(LeadingLevel().Replace(name, "")))
            {
                return name;
            }
        }

        return null;
    }

    private static readonly HashSet<string> GenericFunds =
    [
        "财政资金", "专项资金", "项目资金", "预算资金", "财政专项资金", "补助资金", "配套资金", "工作经费", "项目经费", "专项经费",
        "资金", "经费", "项目", "财政拨款资金", "转移支付资金", "一般公共预算资金",
    ];

    [GeneratedRegex(@"(?:申请|安排|下达|拨付|批复)(?:了|的)?(?<s>[\u4e00-\u9fff“”()]{2,30}?(?:经费|资金|项目))(?:资金)?(?:共计|合计|总额|预算)?[为:]?\d")]
    private static partial Regex FundPhrase();

    [GeneratedRegex(@"^(?:中央|省级|省|市级|市|县级|县|区级|区|本级|上级|财政|年度|本年度|年初)+")]
    private static partial Regex LeadingLevel();

    [GeneratedRegex(@"^(?:关于)?(?<s>.+?)(?:\(\S*?\))?(?:20\d\d|\d\d)年度?.*?(?:报告|自评|评价)")]
    private static partial Regex SubjectOfReport();

    [GeneratedRegex(@"^(?<s>.+?)(?:部门整体|整体支出|支出绩效|绩效自评|绩效评价|绩效监控|绩效目标|项目运行|运行监控)")]
    private static partial Regex SubjectBeforeKind();

    [GeneratedRegex(@"^(?:附件\d*[:：]?)?(?:\d+[.、])?")]
    private static partial Regex AttachmentLabel();

    [GeneratedRegex(@"^(?:20\d\d|\d\d)年度?")]
    private static partial Regex LeadingYear();
}
