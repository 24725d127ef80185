using Jixiao.Import.Reading.Formats;

namespace Jixiao.Import.Tests.Reading.Formats;

/// <summary>
/// The pixel geometry behind reading scans cell by cell, on images drawn by these tests: rules found in a drawn
/// grid, cells (with a merged one) from rules, and comparators told apart by their shape.
/// </summary>
public class ScanGeometryTests
{
    private static ImageRules.Gray Blank(int w, int h)
    {
        var px = new byte[w * h];
        Array.Fill(px, (byte)255);
        return new ImageRules.Gray(w, h, px);
    }

    private static void Line(ImageRules.Gray g, int x0, int y0, int x1, int y1, int thickness = 2)
    {
        var steps = Math.Max(Math.Abs(x1 - x0), Math.Abs(y1 - y0));
        for (var s = 0; s <= steps; s++)
        {
            var x = x0 + (x1 - x0) * s / Math.Max(1, steps);
            var y = y0 + (y1 - y0) * s / Math.Max(1, steps);
            for (var dy = 0; dy < thickness; dy++)
            {
                for (var dx = 0; dx < thickness; dx++)
                {
                    g.Pixels[(y + dy) * g.Width + x + dx] = 0;
                }
            }
        }
    }

    [Fact]
    public void A_drawn_grid_gives_its_rows_and_columns_and_a_cell_merged_down_spans_two_rows()
    {
        var g = Blank(600, 400);
        foreach (var y in new[] { 50, 150, 250, 350 })
        {
            // The line between rows 1 and 2 is not drawn under the first column: that cell is merged down.
            Line(g, y == 150 ? 200 : 50, y, 550, y);
        }

        foreach (var x in new[] { 50, 200, 550 })
        {
            Line(g, x, 50, x, 350);
        }

        var found = ImageRules.Find(g).ShouldNotBeNull();
        found.Rules.Count(r => !r.IsVertical).ShouldBe(4);
        found.Cleaned.Pixels.ShouldAllBe(p => p == 255, "the rules are whitened out of the image given to OCR");

        var cells = RuledTable.Cells(found.Rules, 4).ShouldNotBeNull();
        cells.Select(c => (c.Row, c.Column, c.RowSpan)).ShouldBe([(0, 0, 2), (0, 1, 1), (1, 1, 1), (2, 0, 1), (2, 1, 1)]);
    }

    [Fact]
    public void Text_strokes_are_no_rules()
    {
        var g = Blank(600, 400);
        for (var i = 0; i < 10; i++)
        {
            Line(g, 60 + i * 30, 100, 80 + i * 30, 100); // "一一一…": short strokes with gaps
        }

        ImageRules.Find(g).ShouldBeNull();
    }

    [Theory]
    [InlineData(true, 1, "≥")]
    [InlineData(false, 1, "≤")]
    [InlineData(true, 2, "≧")]
    [InlineData(false, 2, "≦")]
    [InlineData(true, 0, ">")]
    public void A_comparator_is_read_from_its_angle_and_bars(bool greater, int bars, string expected)
    {
        var g = Blank(120, 60);
        var (open, point) = greater ? (20, 44) : (44, 20);
        Line(g, open, 8, point, 20);
        Line(g, point, 20, open, 32);
        for (var b = 0; b < bars; b++)
        {
            Line(g, 20, 40 + b * 7, 44, 40 + b * 7);
        }

        Line(g, 60, 10, 60, 50); // the "1" after it
        ComparatorGlyph.Read(g, (0, 0, 120, 60)).ShouldBe(expected);
    }

    [Fact]
    public void A_comparator_of_a_value_that_wraps_is_the_first_lines_first_glyph_measured_against_that_line()
    {
        var g = Blank(160, 110);
        Line(g, 44, 8, 20, 20); // "≤" …
        Line(g, 20, 20, 44, 32);
        Line(g, 20, 40, 44, 40);
        Line(g, 60, 4, 60, 44); // … "1" …
        Line(g, 8, 70, 50, 70); // … and "元" on the next line, starting further left
        Line(g, 8, 90, 50, 90);
        Line(g, 29, 70, 29, 90);
        ComparatorGlyph.Read(g, (0, 0, 160, 110)).ShouldBe("≤");
    }

    [Fact]
    public void A_character_is_no_comparator()
    {
        var g = Blank(120, 60);
        Line(g, 20, 10, 44, 10); // 三
        Line(g, 22, 25, 42, 25);
        Line(g, 18, 42, 46, 42);
        ComparatorGlyph.Read(g, (0, 0, 120, 60)).ShouldBeNull();
    }

    [Theory]
    [InlineData("959%", "95%", "95%")]
    [InlineData("三909%6", "90%", "三90%")]
    [InlineData("85.6%", "85.6%", null)]
    [InlineData("全 80%", "280%", null)]
    [InlineData("1005", "100%", "100%")]
    [InlineData("396", "3%", "3%")] // a short "3%" read as "396"
    public void A_percentage_keeps_the_reading_that_is_one(string chi, string mixed, string? kept)
    {
        OcrFormat.PercentReading(chi, mixed).ShouldBe(kept);
    }

    [Theory]
    [InlineData("“科技创新战略专项资金一一重点领域研发计划”", "“科技创新战略专项资金——重点领域研发计划”")]
    [InlineData("乡村振兴战略专项资金一 农业产业发展", "乡村振兴战略专项资金——农业产业发展")]
    [InlineData("项目一期工程", "项目一期工程")]
    [InlineData("专项资金一次性拨付", "专项资金一次性拨付")]
    [InlineData("项目一一对应", "项目一一对应")]
    public void A_dash_read_as_一一_after_a_funds_name_is_a_dash(string read, string mended)
    {
        OcrFormat.Mend(read).ShouldBe(mended);
    }

    [Theory]
    [InlineData("三909%6", "三909%6", "290%", "三90%")] // the English model reads the ≥ as a "2"
    [InlineData("三907%", "三907%", "90%", "三90%")] // … or drops it
    [InlineData("909%6", "909%6", "90%", "90%")]
    [InlineData("85.69%6", "85.69%6", "85.6%", "85.6%")]
    [InlineData("三909%6", "三909%6", "≥90%", "≥90%")]
    [InlineData("三909%6", "三909%6", "75%", null)] // the two disagree: chi_sim's reading stays, to be flagged
    [InlineData("三909%6", "三909%6", "abc", null)]
    [InlineData("959%", "959%6", "95%", "95%")] // over 100: the "%" read as a digit
    [InlineData("150%", "150%", "150%", "150%")]
    [InlineData("85%", "85%", "35%", null)] // chi_sim's plain percentage up to 100 stays
    public void A_percentage_both_Chinese_readings_garbled_takes_the_English_number_where_the_digits_agree(string chi, string mixed, string english, string? kept)
    {
        OcrFormat.PercentReading(chi, mixed, english).ShouldBe(kept);
    }
}
