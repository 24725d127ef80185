using System.Globalization;
using Jixiao.Reporting.Reports;

namespace Jixiao.Reporting.Tests.Reports;

/// <summary>
/// The 绩效评价报告 of seed 004 (雪亮工程), written from the real scorer's result of samples/evaluations and the
/// evaluator's texts of samples/reports: its text, taken back out of the .docx and of the PDF, carries the total, the
/// grade, every line's score and the computed 预算执行率 sentence.
/// </summary>
public class XueliangReportTests
{
    /// <summary>The 14 scored lines of the seed report, in its order.</summary>
    private static readonly string[] ItemScores = ["5", "5", "8", "5", "4.57", "6", "6", "5", "8.5", "9", "10", "8", "8", "5"];

    private static byte[] Docx()
    {
        using var stream = new MemoryStream();
        EvaluationReportWriter.WriteDocx(TestFiles.Xueliang(), stream);
        return stream.ToArray();
    }

    [Fact]
    public void The_model_carries_the_scorers_total_grade_and_item_scores()
    {
        var model = TestFiles.Xueliang();
        model.Total.ShouldBe(93.07m);
        model.Grade.ShouldBe("优");
        model.Items.Select(i => ReportText.Points(i.Score!.Value)).ShouldBe(ItemScores);
        model.Level1Summaries.Select(s => (s.Level1, s.Weight, s.Score)).ShouldBe(
            [("决策", 18m, 18m), ("过程", 22m, 21.57m), ("产出", 35m, 32.5m), ("效益", 25m, 21m)]);
    }

    [Fact]
    public void Docx_text_states_total_grade_and_the_budget_execution_sentence()
    {
        var text = TestFiles.DocxText(Docx());
        text.ShouldContain("项目绩效评价综合得分93.07分，绩效评价等级为“优”。");
        text.ShouldContain("预算执行率为91.4%，指标值为100%，未达到指标值，得4.57分（分值5分），扣0.43分。");
        text.ShouldContain("项目预算4000万元，实际到位4000万元，资金到位率100%；截至2020年12月31日，项目累计支出3656.18万元，预算执行率91.4%。");
    }

    [Fact]
    public void Docx_follows_the_outline_of_the_2020_regulation()
    {
        var text = TestFiles.DocxText(Docx());
        string[] outline =
        [
            "一、基本情况", "（一）项目概况", "（二）项目绩效目标", "二、绩效评价工作开展情况", "三、综合评价情况及评价结论",
            "四、绩效评价指标分析", "五、主要经验做法、存在的问题及原因分析", "六、有关建议", "七、其他需要说明的问题", "\n附件\n",
        ];
        var positions = outline.Select(h => text.IndexOf(h, StringComparison.Ordinal)).ToList();
        positions.ShouldAllBe(p => p >= 0);
        positions.ShouldBeInOrder(SortDirection.Ascending);
    }

    [Fact]
    public void Every_item_score_appears_in_the_indicator_analysis_and_in_the_score_table()
    {
        var model = TestFiles.Xueliang();
        var text = TestFiles.DocxText(Docx());
        var analysis = text[text.IndexOf("四、绩效评价指标分析", StringComparison.Ordinal)..text.IndexOf("五、主要经验做法", StringComparison.Ordinal)];
        foreach (var item in model.Items)
        {
            analysis.ShouldContain($"{item.DisplayName}（{ReportText.Points(item.Weight!.Value)}分）");
            analysis.ShouldContain($"得{ReportText.Points(item.Score!.Value)}分（分值{ReportText.Points(item.Weight!.Value)}分）");
        }

        var table = ScoreTableCells(Docx());
        table.Count(r => r.Length == 8).ShouldBe(14 + 1); // header + 14 lines (一级/二级 cells merged vertically keep a cell per row)
        table.Skip(1).Take(14).Select(r => r[6]).ShouldBe(ItemScores);
        table[^1].ShouldContain("93.07");
        table[^1].ShouldContain("评价等级：优");
    }

    [Fact]
    public void Problems_name_every_deduction_with_its_points()
    {
        var text = TestFiles.DocxText(Docx());
        var problems = text[text.IndexOf("（二）存在的问题及原因分析", StringComparison.Ordinal)..text.IndexOf("六、有关建议", StringComparison.Ordinal)];
        problems.ShouldContain("共有5个评分项未得满分，合计扣6.93分");
        problems.ShouldContain("预算执行率未达到指标值（实际91.4%，指标值100%），扣0.43分。");
        problems.ShouldContain("产出质量未得满分，扣1.5分。原因：合同要求监控探头在线率达到90%以上");
        problems.ShouldContain("1、探头监控在线率有待提升");
    }

    [Fact]
    public async Task Pdf_text_states_total_grade_item_scores_and_the_sentence_and_embeds_a_cjk_font()
    {
        var dir = TestFiles.OutputDirectory("xueliang-pdf");
        var pdf = Path.Combine(dir, "004.pdf");
        await using (var file = File.Create(pdf))
        {
            await EvaluationReportWriter.WritePdfAsync(TestFiles.Xueliang(), file);
        }

        var text = TestFiles.Run("pdftotext", "-layout", pdf, "-");
        var flat = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        flat.ShouldContain("项目绩效评价综合得分93.07分，绩效评价等级为“优”。");
        flat.ShouldContain("预算执行率为91.4%，指标值为100%，未达到指标值，得4.57分（分值5分），扣0.43分。");
        foreach (var score in ItemScores.Distinct())
        {
            flat.ShouldContain($"得{score}分");
        }

        // Every font is embedded and maps its glyphs back to Unicode (emb and uni columns). Chromium (Skia) embeds the
        // CFF-based Noto CJK faces of the body as unnamed Type 3 fonts; the TrueType 黑体 face of the headings is
        // embedded as a named CID font.
        var fonts = PdfFonts(pdf);
        fonts.ShouldAllBe(f => f.Embedded && f.Unicode);
        fonts.ShouldContain(f => f.Name == "[none]");
        if (TestFiles.Run("fc-list", ":lang=zh", "family").Contains("WenQuanYi Micro Hei", StringComparison.Ordinal))
        {
            fonts.ShouldContain(f => f.Name.EndsWith("+WenQuanYiMicroHei", StringComparison.Ordinal));
        }

        var pages = TestFiles.PdfToPngs(pdf, Path.Combine(dir, "page"));
        pages.Count.ShouldBeGreaterThan(3);
    }

    [Fact]
    public void Docx_rendered_by_LibreOffice_keeps_the_numbers_and_turns_into_pages()
    {
        var dir = TestFiles.OutputDirectory("xueliang-docx");
        var docx = Path.Combine(dir, "004.docx");
        File.WriteAllBytes(docx, Docx());
        var pdf = TestFiles.DocxToPdf(docx, dir);
        var flat = string.Concat(TestFiles.Run("pdftotext", pdf, "-").Where(c => !char.IsWhiteSpace(c)));
        flat.ShouldContain("综合得分93.07分");
        flat.ShouldContain("预算执行率为91.4%");
        var fonts = PdfFonts(pdf);
        fonts.ShouldContain(f => f.Name.Contains("CJK", StringComparison.Ordinal) && f.Embedded);
        TestFiles.PdfToPngs(pdf, Path.Combine(dir, "page")).Count.ShouldBeGreaterThan(3);
    }

    internal static List<(string Name, bool Embedded, bool Unicode)> PdfFonts(string pdf) =>
    [
        .. TestFiles.Run("pdffonts", pdf).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).Select(l =>
        {
            var cols = l.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return (cols[0], cols[^5] == "yes", cols[^3] == "yes");
        }),
    ];

    /// <summary>The rows of the last table (the 附件 score table), each as its cell texts.</summary>
    private static List<string[]> ScoreTableCells(byte[] docx)
    {
        var xml = TestFiles.DocxPart(docx, "word/document.xml");
        System.Xml.Linq.XNamespace w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        var table = xml.Descendants(w + "tbl").Last();
        return [.. table.Elements(w + "tr").Select(tr => tr.Elements(w + "tc").Select(tc => string.Concat(tc.Descendants(w + "t").Select(t => t.Value))).ToArray())];
    }

    [Fact]
    public void Points_are_written_without_trailing_zeros()
    {
        ReportText.Points(4.570m).ShouldBe("4.57");
        ReportText.Points(8.50m).ShouldBe("8.5");
        ReportText.Points(100.00m).ShouldBe("100");
        ReportText.Percent(91.4045m).ShouldBe("91.4%");
        decimal.Parse("93.07", CultureInfo.InvariantCulture).ShouldBe(93.07m);
    }
}
