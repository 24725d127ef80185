using Jixiao.Domain.Diagnostics;
using Jixiao.Import.Reading;
using Jixiao.Import.Reading.Formats;

namespace Jixiao.Import.Tests.Reading.Formats;

public class ExcelFormatTests
{
    private static IEnumerable<(int, int, string, int, int, string)> Shape(Grid grid) =>
        grid.Cells.Select(c => (c.Row, c.Column, c.Text, c.RowSpan, c.ColumnSpan, c.Location));

    [Fact]
    public void Reads_each_sheet_as_a_grid_with_merges_once_at_their_top_left_and_numbers_as_printed()
    {
        var document = FormatReader.Read(FormatFiles.Xlsx());

        document.Format.ShouldBe("xlsx");
        document.Diagnostics.ShouldBeEmpty();
        document.Grids.Select(g => g.Name).ShouldBe(["目标表", "说明"]);
        Shape(document.Grids[0]).ShouldBe([
            (0, 0, "项目支出绩效目标表", 1, 4, "目标表!A1"),
            (1, 0, "指标", 1, 1, "目标表!A2"), (1, 1, "指标值", 1, 1, "目标表!B2"), (1, 2, "人数", 1, 1, "目标表!C2"), (1, 3, "金额（元）", 1, 1, "目标表!D2"),
            (2, 0, "产出指标", 2, 1, "目标表!A3"), (2, 1, "95%", 1, 1, "目标表!B3"), (2, 2, "12", 1, 1, "目标表!C3"), (2, 3, "1,234.50", 1, 1, "目标表!D3"),
            (3, 1, "88%", 1, 1, "目标表!B4"), (3, 2, "3.25", 1, 1, "目标表!C4"),
        ]);
        Shape(document.Grids[1]).ShouldBe([(0, 0, "数据来源：财政一体化系统", 1, 1, "说明!A1")]);
    }

    [Fact]
    public void Reads_an_xls_converted_by_LibreOffice_to_the_same_cells()
    {
        var xls = FormatFiles.Convert(FormatFiles.Xlsx("for-xls.xlsx"), "xls");

        var document = FormatReader.Read(xls);

        document.Format.ShouldBe("xls");
        document.Diagnostics.ShouldBeEmpty();
        document.Grids.Select(g => g.Name).ShouldBe(["目标表", "说明"]);
        var cells = document.Grids[0].Cells.ToDictionary(c => c.Location);
        cells["目标表!A1"].ColumnSpan.ShouldBe(4);
        cells["目标表!A3"].RowSpan.ShouldBe(2);
        cells["目标表!B3"].Text.ShouldBe("95%");
        cells["目标表!C3"].Text.ShouldBe("12");
        cells["目标表!D3"].Text.ShouldBe("1,234.50");
    }

    [Fact]
    public void Reads_an_ods_through_LibreOffice()
    {
        var ods = FormatFiles.Convert(FormatFiles.Xlsx("for-ods.xlsx"), "ods");

        var document = FormatReader.Read(ods);

        document.Format.ShouldBe("ods");
        document.Diagnostics.ShouldContain(d => d.Code == FormatCodes.Converted);
        var cells = document.Grids[0].Cells.ToDictionary(c => c.Location, c => c.Text);
        cells["目标表!B3"].ShouldBe("95%");
        cells["目标表!D3"].ShouldBe("1,234.50");
    }

    [Theory]
    [InlineData(0.95, "0%", "95%")]
    [InlineData(0.9512, "0.00%", "95.12%")]
    [InlineData(12.0, "General", "12")]
    [InlineData(12.5, null, "12.5")]
    [InlineData(1234.5, "#,##0.00", "1,234.50")]
    [InlineData(-1234.5, "#,##0.00;[Red]-#,##0.00", "-1,234.50")]
    [InlineData(-20.0, "#,##0;(#,##0)", "(20)")]
    [InlineData(5000.0, "[$¥-804]#,##0.00", "¥5,000.00")]
    [InlineData(3.0, "0\"人\"", "3人")]
    [InlineData(0.0, "#,##0.00;-#,##0.00;\"-\"", "-")]
    [InlineData(7.0, "0.0_ ", "7.0")]
    public void Prints_numbers_the_way_their_format_shows_them(double value, string? format, string expected) =>
        ExcelNumberText.Format(value, format).Trim().ShouldBe(expected);

    [Fact]
    public async Task Stops_at_the_row_limit_quickly_for_a_cell_at_XFD200000_and_says_so()
    {
        var path = FormatFiles.FarCellXlsx();

        var document = await Task.Run(() => FormatReader.Read(path)).WaitAsync(TimeSpan.FromSeconds(60));

        document.Grids.Single().Cells.First().Text.ShouldBe("项目名称");
        document.Diagnostics.ShouldContain(d => d.Code == FormatCodes.TooManyColumns && d.Severity == Severity.Error && d.Message.Contains("16,384"));
        document.Diagnostics.ShouldContain(d => d.Code == FormatCodes.TooManyRows && d.Message.Contains("100,000"));
    }
}
