using Jixiao.Reporting.Charts;
using Jixiao.Reporting.Documents;
using Jixiao.Reporting.Html;

namespace Jixiao.Reporting.Tests.Html;

public class HtmlRendererTests
{
    private static readonly ReportDocument Document = new("标题<&>",
    [
        new Block.Title("标题<&>"),
        new Block.Heading(1, "一、", "基本情况"),
        new Block.Paragraph("正文"),
        new Block.Table(
            [new("一级", 1), new("名称", 2), new("分值", 1)],
            [new TableRow(["一级", "名称", "分值"])],
            [
                new TableRow([new TableCell("产出", RowSpan: 2), "甲", "1"]),
                new TableRow(["乙", "2"]),
                new TableRow([new TableCell("合计", ColSpan: 2), "3"], Bold: true),
            ]),
        new Block.Chart(ReportCharts.ScoreByLevel1([("产出", 35m, 32.5m)])),
    ]);

    [Fact]
    public void Header_rows_go_in_thead_so_the_browser_repeats_them_on_every_page()
    {
        var html = HtmlRenderer.Render(Document);
        html.ShouldContain("<thead>\n<tr><th class=\"c\">一级</th><th class=\"c\">名称</th><th class=\"c\">分值</th></tr>\n</thead>");
        html.ShouldContain("thead { display: table-header-group; }");
    }

    [Fact]
    public void Spans_become_rowspan_and_colspan_and_covered_cells_are_left_out()
    {
        var html = HtmlRenderer.Render(Document);
        html.ShouldContain("<tr><td rowspan=\"2\" class=\"l\">产出</td><td class=\"l\">甲</td><td class=\"l\">1</td></tr>");
        html.ShouldContain("<tr><td class=\"l\">乙</td><td class=\"l\">2</td></tr>");
        html.ShouldContain("<tr class=\"bold\"><td colspan=\"2\" class=\"l\">合计</td><td class=\"l\">3</td></tr>");
    }

    [Fact]
    public void Text_is_escaped_headings_keep_their_numbers_and_charts_are_inline_svg()
    {
        var html = HtmlRenderer.Render(Document);
        html.ShouldContain("<title>标题&lt;&amp;&gt;</title>");
        html.ShouldContain("<h2>一、基本情况</h2>");
        html.ShouldContain("<svg xmlns=\"http://www.w3.org/2000/svg\"");
        html.ShouldContain("counter(page)");
    }

    [Fact]
    public void Font_families_fall_back_to_the_noto_faces()
    {
        var html = HtmlRenderer.Render(Document);
        html.ShouldContain("font-family: \"仿宋\", \"Noto Serif CJK SC\", serif");
        html.ShouldContain("font-family: \"黑体\", \"WenQuanYi Micro Hei\", \"Noto Sans CJK SC\", sans-serif");
    }
}
