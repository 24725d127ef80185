using Jixiao.Reporting.Documents;

namespace Jixiao.Reporting.Tests.Documents;

public class HeadingNumbersTests
{
    [Theory]
    [InlineData(1, 1, "一、")]
    [InlineData(1, 7, "七、")]
    [InlineData(1, 10, "十、")]
    [InlineData(1, 12, "十二、")]
    [InlineData(1, 20, "二十、")]
    [InlineData(1, 23, "二十三、")]
    [InlineData(2, 1, "（一）")]
    [InlineData(2, 4, "（四）")]
    [InlineData(3, 2, "2、")]
    [InlineData(4, 3, "(3)")]
    public void Formats_numbers_as_chinese_official_documents_do(int level, int n, string expected) =>
        HeadingNumbers.Format(level, n).ShouldBe(expected);

    [Fact]
    public void A_heading_restarts_the_numbering_below_it()
    {
        var h = new HeadingNumbers();
        string[] numbers = [h.Next(1), h.Next(2), h.Next(3), h.Next(3), h.Next(2), h.Next(3), h.Next(1), h.Next(2), h.Next(4)];
        numbers.ShouldBe(["一、", "（一）", "1、", "2、", "（二）", "1、", "二、", "（一）", "(1)"]);
    }

    [Fact]
    public void Rejects_levels_outside_one_to_four() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new HeadingNumbers().Next(5));
}
