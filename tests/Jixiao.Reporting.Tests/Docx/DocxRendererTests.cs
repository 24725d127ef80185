using System.Xml.Linq;
using Jixiao.Reporting.Charts;
using Jixiao.Reporting.Docx;
using Jixiao.Reporting.Documents;

namespace Jixiao.Reporting.Tests.Docx;

public class DocxRendererTests
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static readonly XNamespace C = "http://schemas.openxmlformats.org/drawingml/2006/chart";

    private static byte[] Render(ReportDocument document, DocxOptions? options = null)
    {
        using var stream = new MemoryStream();
        DocxRenderer.Render(document, stream, options);
        return stream.ToArray();
    }

    private static ReportDocument TableDocument(int rows) => new("表",
    [
        new Block.Table(
            [new("一级", 1), new("名称", 2), new("分值", 1, CellAlign.Right)],
            [new TableRow(["一级", "名称", "分值"])],
            [
                new TableRow([new TableCell("产出", RowSpan: rows), "第1行", "1"]),
                .. Enumerable.Range(2, rows - 1).Select(i => new TableRow([$"第{i}行", i.ToString(System.Globalization.CultureInfo.InvariantCulture)])),
                new TableRow([new TableCell("合计", ColSpan: 2), "x"], Bold: true),
            ]),
    ]);

    [Fact]
    public void Header_rows_repeat_on_every_page_and_body_rows_do_not()
    {
        var xml = TestFiles.DocxPart(Render(TableDocument(60)), "word/document.xml");
        var rows = xml.Descendants(W + "tr").ToList();
        rows.Count.ShouldBe(62);
        rows[0].Descendants(W + "tblHeader").ShouldHaveSingleItem();
        rows.Skip(1).ShouldAllBe(r => !r.Descendants(W + "tblHeader").Any());
    }

    [Fact]
    public void Row_spans_become_vertical_merges_and_column_spans_grid_spans()
    {
        var xml = TestFiles.DocxPart(Render(TableDocument(3)), "word/document.xml");
        var rows = xml.Descendants(W + "tr").ToList();
        rows.Select(r => r.Elements(W + "tc").Count()).ShouldBe([3, 3, 3, 3, 2]);
        rows[1].Elements(W + "tc").First().Descendants(W + "vMerge").Single().Attribute(W + "val")!.Value.ShouldBe("restart");
        (rows[2].Elements(W + "tc").First().Descendants(W + "vMerge").Single().Attribute(W + "val")?.Value ?? "continue").ShouldBe("continue");
        rows[3].Elements(W + "tc").First().Descendants(W + "vMerge").ShouldHaveSingleItem();
        rows[4].Elements(W + "tc").First().Descendants(W + "gridSpan").Single().Attribute(W + "val")!.Value.ShouldBe("2");
        rows[2].Elements(W + "tc").ElementAt(1).Value.ShouldBe("第2行");
    }

    [Fact]
    public void Fonts_are_set_for_east_asian_text_in_the_styles_with_linux_alternatives()
    {
        var docx = Render(new ReportDocument("t", [new Block.Paragraph("正文")]));
        var styles = TestFiles.DocxPart(docx, "word/styles.xml");
        string EastAsia(string styleId) => styles.Descendants(W + "style").Single(s => s.Attribute(W + "styleId")!.Value == styleId)
            .Descendants(W + "rFonts").Single().Attribute(W + "eastAsia")!.Value;
        styles.Descendants(W + "docDefaults").Descendants(W + "rFonts").Single().Attribute(W + "eastAsia")!.Value.ShouldBe("仿宋");
        EastAsia("Heading1").ShouldBe("黑体");
        EastAsia("Heading2").ShouldBe("楷体");
        EastAsia("TableText").ShouldBe("宋体");
        styles.Descendants(W + "lang").Single().Attribute(W + "eastAsia")!.Value.ShouldBe("zh-CN");

        var fonts = TestFiles.DocxPart(docx, "word/fontTable.xml").Descendants(W + "font")
            .ToDictionary(f => f.Attribute(W + "name")!.Value, f => f.Element(W + "altName")?.Attribute(W + "val")!.Value);
        fonts["仿宋"].ShouldBe("Noto Serif CJK SC");
        fonts["黑体"].ShouldBe("Noto Sans CJK SC");
        fonts["宋体"].ShouldBe("Noto Serif CJK SC");
    }

    [Fact]
    public void The_noto_preset_names_the_linux_fonts_directly()
    {
        var styles = TestFiles.DocxPart(Render(new ReportDocument("t", [new Block.Paragraph("正文")]), new DocxOptions(ChineseFonts.Noto)), "word/styles.xml");
        styles.Descendants(W + "docDefaults").Descendants(W + "rFonts").Single().Attribute(W + "eastAsia")!.Value.ShouldBe("Noto Serif CJK SC");
    }

    [Fact]
    public void Headings_carry_their_number_in_the_text_and_an_outline_level()
    {
        var docx = Render(new ReportDocument("t", [new Block.Heading(2, "（三）", "绩效评价工作过程")]));
        TestFiles.DocxText(docx).ShouldContain("（三）绩效评价工作过程");
        var styles = TestFiles.DocxPart(docx, "word/styles.xml");
        styles.Descendants(W + "style").Single(s => s.Attribute(W + "styleId")!.Value == "Heading2")
            .Descendants(W + "outlineLvl").Single().Attribute(W + "val")!.Value.ShouldBe("1");
    }

    [Fact]
    public void The_footer_numbers_the_pages()
    {
        var docx = Render(new ReportDocument("t", [new Block.Paragraph("正文")]));
        var footer = TestFiles.DocxParts(docx).Single(p => p.StartsWith("word/footer", StringComparison.Ordinal));
        TestFiles.DocxPart(docx, footer).Descendants(W + "fldSimple").Single().Attribute(W + "instr")!.Value.Trim().ShouldBe("PAGE");
    }

    [Fact]
    public void Landscape_documents_swap_the_page_size()
    {
        var xml = TestFiles.DocxPart(Render(new ReportDocument("t", [], PageOrientation.Landscape)), "word/document.xml");
        var size = xml.Descendants(W + "pgSz").Single();
        size.Attribute(W + "w")!.Value.ShouldBe("16838");
        size.Attribute(W + "h")!.Value.ShouldBe("11906");
        size.Attribute(W + "orient")!.Value.ShouldBe("landscape");
    }

    [Fact]
    public void Charts_are_native_chart_parts_with_the_values_cached()
    {
        var chart = ReportCharts.ScoreByLevel1([("决策", 18m, 18m), ("过程", 22m, 21.57m)]);
        var docx = Render(new ReportDocument("t", [new Block.Chart(chart)]));
        var part = TestFiles.DocxParts(docx).Single(p => p.StartsWith("word/charts/", StringComparison.Ordinal));
        var xml = TestFiles.DocxPart(docx, part);
        xml.Descendants(C + "barChart").ShouldHaveSingleItem();
        var series = xml.Descendants(C + "ser").ToList();
        series.Select(s => s.Element(C + "tx")!.Descendants(C + "v").Single().Value).ShouldBe(["分值", "得分"]);
        series[1].Element(C + "val")!.Descendants(C + "v").Select(v => v.Value).ShouldBe(["18", "21.57"]);
        series[0].Element(C + "cat")!.Descendants(C + "v").Select(v => v.Value).ShouldBe(["决策", "过程"]);
        TestFiles.DocxPart(docx, "word/document.xml").Descendants(C + "chart").ShouldHaveSingleItem();
    }

    [Fact]
    public void Line_breaks_in_text_become_breaks()
    {
        var docx = Render(new ReportDocument("t", [new Block.Paragraph("第一行\n第二行")]));
        TestFiles.DocxText(docx).ShouldContain("第一行\n第二行");
    }
}
