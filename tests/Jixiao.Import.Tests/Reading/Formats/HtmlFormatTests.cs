using System.Text;
using Jixiao.Import.Reading.Formats;
using Jixiao.Import.Text;

namespace Jixiao.Import.Tests.Reading.Formats;

public class HtmlFormatTests
{
    private const string Page = """
        <!DOCTYPE html>
        <html><head><meta charset="{0}"><title>公示</title><style>td {{ color: red }}</style></head>
        <body>
        <h1>2025年度项目支出绩效目标</h1>
        <div>单位：某某局<br>金额单位：万元</div>
        <table border="1">
          <tr><th>一级指标</th><th>二级指标</th><th>指标值</th></tr>
          <tr><td rowspan="2">产出指标</td><td>数量指标</td><td>200人</td></tr>
          <tr><td>质量指标</td><td>95%</td></tr>
          <tr><td colspan="2">合计</td><td>100</td></tr>
        </table>
        <p>以上为公示内容。</p>
        <script>var x = "不是正文";</script>
        </body></html>
        """;

    private static byte[] PageBytes(string charset, Encoding encoding) => encoding.GetBytes(string.Format(System.Globalization.CultureInfo.InvariantCulture, Page, charset));

    [Theory]
    [InlineData("utf-8")]
    [InlineData("gbk")]
    [InlineData("gb2312")]
    public void Reads_tables_with_rowspan_and_colspan_and_the_text_around_them(string charset)
    {
        var encoding = charset == "utf-8" ? new UTF8Encoding(false) : TextDecoder.GB18030;
        using var stream = new MemoryStream(PageBytes(charset, encoding));

        var document = FormatReader.Read(stream, "gongshi.htm");

        document.Format.ShouldBe("html");
        document.Diagnostics.ShouldBeEmpty();
        document.Grids.Select(g => g.Name).ShouldBe(["正文1", "表1", "正文2"]);
        document.Grids[0].Cells.Select(c => c.Text).ShouldBe(["2025年度项目支出绩效目标", "单位：某某局", "金额单位：万元"]);
        document.Grids[1].Cells.Select(c => (c.Row, c.Column, c.Text, c.RowSpan, c.ColumnSpan)).ShouldBe([
            (0, 0, "一级指标", 1, 1), (0, 1, "二级指标", 1, 1), (0, 2, "指标值", 1, 1),
            (1, 0, "产出指标", 2, 1), (1, 1, "数量指标", 1, 1), (1, 2, "200人", 1, 1),
            (2, 1, "质量指标", 1, 1), (2, 2, "95%", 1, 1),
            (3, 0, "合计", 1, 2), (3, 2, "100", 1, 1),
        ]);
        document.Grids[1].Rows[2][1].Location.ShouldBe("表1 第3行第3列");
        document.Grids[2].Cells.Select(c => c.Text).ShouldBe(["以上为公示内容。"]);
    }

    [Fact]
    public void Reads_a_GBK_page_without_a_charset_from_its_bytes_even_when_named_xls()
    {
        var html = "<html><body><table><tr><td>项目名称</td><td>职业技能培训</td></tr></table></body></html>";
        using var stream = new MemoryStream(TextDecoder.GB18030.GetBytes(html));

        var document = FormatReader.Read(stream, "导出.xls");

        document.Format.ShouldBe("html");
        document.Grids.Single().Cells.Select(c => c.Text).ShouldBe(["项目名称", "职业技能培训"]);
    }
}
