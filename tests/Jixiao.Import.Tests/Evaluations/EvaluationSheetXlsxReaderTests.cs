using Jixiao.Domain.Diagnostics;
using Jixiao.Import.Evaluations;

namespace Jixiao.Import.Tests.Evaluations;

public class EvaluationSheetXlsxReaderTests
{
    [Fact]
    public void A_file_that_is_not_a_workbook_is_reported_not_thrown()
    {
        using var stream = new MemoryStream("这不是 Excel 文件"u8.ToArray());

        var result = EvaluationSheetXlsxReader.Read(stream, "评价表.xlsx");

        result.Sheet.ShouldBeNull();
        var d = result.Diagnostics.Single();
        d.Code.ShouldBe(EvaluationSheetXlsxReader.Unreadable);
        d.Severity.ShouldBe(Severity.Error);
        d.Location!.File.ShouldBe("评价表.xlsx");
    }
}
