using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Domain.Evaluations;
using Jixiao.Reporting.Evaluations;

namespace Jixiao.Reporting.Tests.Evaluations;

public class EvaluationSheetXlsxWriterTests
{
    private static SpreadsheetDocument Write(EvaluationSheet sheet, MemoryStream stream)
    {
        EvaluationSheetXlsxWriter.Write(sheet, stream);
        stream.Position = 0;
        return SpreadsheetDocument.Open(stream, false);
    }

    private static List<string> RowTexts(WorksheetPart part, int rowIndex) =>
        part.Worksheet.Descendants<Row>().First(r => r.RowIndex! == (uint)rowIndex).Elements<Cell>()
            .Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList();

    [Fact]
    public void The_self_evaluation_template_has_the_header_fields_the_grid_and_the_groups()
    {
        using var stream = new MemoryStream();
        using var document = Write(EvaluationTemplates.Load(EvaluationKind.SelfEvaluation) with { Project = "视频运维", Year = 2024 }, stream);

        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        sheets.ShouldBe(["评价表", "分值设定"]);
        var grid = (WorksheetPart)document.WorkbookPart.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        RowTexts(grid, 1).ShouldBe(["项目名称", "视频运维"]);
        RowTexts(grid, 3).ShouldBe(["评价类型", "单位自评"]);
        RowTexts(grid, 5).ShouldBe(["等级划分", "优≥90、良≥80、中≥60、差≥0"]);
        RowTexts(grid, 8).ShouldBe(EvaluationSheetCells.Columns.Select(c => c.Header).ToList());
        RowTexts(grid, 9).Take(9).ShouldBe(["预算执行", "预算执行率", "预算执行率", "10", "比例", "100%", "", "全年执行数 / 全年预算数 * 100", ""]);
        grid.Worksheet.Descendants<DataValidation>().Count().ShouldBe(2);
    }
}
