using Jixiao.Domain.Diagnostics;

namespace Jixiao.Domain.Tests.Diagnostics;

public class SourceLocationTests
{
    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(51, "AZ")]
    [InlineData(52, "BA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    [InlineData(16383, "XFD")]
    public void Names_spreadsheet_columns(int index, string letters)
    {
        SourceLocation.ColumnName(index).ShouldBe(letters);
    }

    [Fact]
    public void Prints_a_cell_or_a_line()
    {
        new SourceLocation("表.xlsx", Cell: "评价表!H9").ToString().ShouldBe("表.xlsx!评价表!H9");
        new SourceLocation("002.txt", 14).ToString().ShouldBe("002.txt:14");
    }
}
