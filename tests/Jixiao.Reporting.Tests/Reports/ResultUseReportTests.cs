using Jixiao.Domain.ResultUse;
using Jixiao.Reporting.Documents;
using Jixiao.Reporting.Reports;

namespace Jixiao.Reporting.Tests.Reports;

/// <summary>结果应用情况 (.docx): the scope, one table per decision (undecided last), the rules cited and the RES101 findings.</summary>
public class ResultUseReportTests
{
    private const long Wan = 1_000_000; // 1 万元 in 分

    private static ResultUseReportRow Row(string unit, string project, decimal total, string grade, long budgetWan, long requestWan,
        ResultAction? decided = null, long? decidedWan = null, string? reason = null)
    {
        var advice = ResultUseAdvice.Advise(ResultUseRules.Default, 2024, grade, oneOff: false, budgetWan * Wan, requestWan * Wan);
        return new ResultUseReportRow(unit, project, total, grade, advice.Rule!.Wording, $"持续性项目评价为“{grade}”：{advice.Rule.Wording}",
            advice.AdvisedFen, decided, decidedWan * Wan, reason, advice.Finding);
    }

    /// <summary>Four projects of two units: two cut, one prioritised, one not decided; the 中 and 差 ones ask for more than this year.</summary>
    public static ResultUseReportModel Sample() => new(2024, ResultUseRules.Default.District, ResultUseRules.Default.For(2024)!.Source,
    [
        Row("广州市公安局白云区分局", "分局中心枪库改造工程", 72.5m, "中", 100, 105, ResultAction.Cut, 90, "评价为中，按规则压减 10%"),
        Row("广州市公安局白云区分局", "视频监控运维", 93.07m, "优", 80, 85, ResultAction.Prioritize, 85, "评价为优，保障运维"),
        Row("白云区委政法委", "网格化服务", 55m, "差", 50, 50, ResultAction.Cut, 35, "评价为差，压减 30%"),
        Row("白云区委政法委", "平安建设宣传", 81m, "良", 20, 18),
    ]);

    private static string DocxText(ResultUseReportModel model)
    {
        using var output = new MemoryStream();
        ResultUseReport.WriteDocx(model, output);
        return TestFiles.DocxText(output.ToArray());
    }

    /// <summary>Every table row of the .docx, its cells' text joined by tabs.</summary>
    private static List<string> TableRows(ResultUseReportModel model)
    {
        using var output = new MemoryStream();
        ResultUseReport.WriteDocx(model, output);
        output.Position = 0;
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(output, false);
        return [.. document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
            .Select(r => string.Join("\t", r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText)))];
    }

    [Fact]
    public void States_the_scope_and_gives_one_table_per_decision_with_the_undecided_last()
    {
        var text = DocxText(Sample());
        text.ShouldStartWith("2024年度绩效评价结果应用情况\n");
        text.ShouldContain("共4个，涉及2个单位；评价等级“优”1个、“良”1个、“中”1个、“差”1个。已作出结果应用决定3个，尚未决定1个；2个项目的下年申请不低于本年预算（RES101 结果应用不到位）");
        var headings = new[] { "一、基本情况", "二、结果应用决定", "（一）优先保障（1个项目）", "（二）压减（2个项目）", "（三）尚未决定（1个项目）", "三、依据的规则", "四、结果应用不到位的提示" };
        headings.Select(h => text.IndexOf(h, StringComparison.Ordinal)).ShouldBeInOrder(SortDirection.Ascending);
        headings.ShouldAllBe(h => text.Contains(h));
        var rows = TableRows(Sample());
        rows.Count(r => r == "项目\t评价得分/等级\t建议\t决定\t理由").ShouldBe(3);
        rows.Where(r => !r.StartsWith("项目\t", StringComparison.Ordinal)).ShouldBe(
        [
            "广州市公安局白云区分局：视频监控运维\t93.07分 / 优\t优先保障（建议安排 85.00 万元）\t优先保障，下年安排 85.00 万元\t评价为优，保障运维",
            "广州市公安局白云区分局：分局中心枪库改造工程\t72.5分 / 中\t控制新增，压减 10%（建议安排 90.00 万元）\t压减，下年安排 90.00 万元\t评价为中，按规则压减 10%",
            "白云区委政法委：网格化服务\t55分 / 差\t减少 30%，整改不到位的取消（建议安排 35.00 万元）\t压减，下年安排 35.00 万元\t评价为差，压减 30%",
            "白云区委政法委：平安建设宣传\t81分 / 良\t优先保障（建议安排 18.00 万元）\t尚未决定\t—",
        ]);
        text.ShouldContain("表3 尚未决定的项目");
    }

    [Fact]
    public void Cites_the_rules_applied_with_their_source_and_lists_the_findings()
    {
        var text = DocxText(Sample());
        text.ShouldContain("2024年度适用中央（默认）的结果应用规则，依据：财预〔2020〕10号《项目支出绩效评价管理办法》");
        text.ShouldContain("""
            本报告中的建议引用了以下规则：
            1. 持续性项目评价为“优”：优先保障（1个项目）。
            2. 持续性项目评价为“良”：优先保障（1个项目）。
            3. 持续性项目评价为“中”：控制新增，压减 10%（1个项目）。
            4. 持续性项目评价为“差”：减少 30%，整改不到位的取消（1个项目）。
            """);
        text.ShouldContain("白云区委政法委：网格化服务——评价等级为“差”，下年申请 50.00 万元不低于本年预算 50.00 万元");
        text.ShouldNotContain("平安建设宣传——", Case.Sensitive, "a 良 project asking less gets no finding");
    }

    [Fact]
    public void An_empty_scope_says_so_and_a_year_without_rules_says_it_has_no_advice()
    {
        var text = DocxText(new ResultUseReportModel(2019, "中央（默认）", null, []));
        text.ShouldContain("2019年度在本范围内没有已锁定并评定等级的绩效评价项目");
        text.ShouldContain("中央（默认）的结果应用规则没有覆盖2019年度的期间");
        text.ShouldNotContain("（一）");
        text.ShouldNotContain("结果应用不到位的提示");
    }

    [Fact]
    public void The_document_is_valid_open_xml()
    {
        using var output = new MemoryStream();
        ResultUseReport.WriteDocx(Sample(), output);
        output.Position = 0;
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(output, false);
        new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
    }
}
