using Jixiao.Domain.Diagnostics;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Domain.Evaluations;

namespace Jixiao.Reporting.Evaluations;

/// <summary>
/// Writes an evaluation sheet (or an empty template) as .xlsx in the layout of <see cref="EvaluationSheetCells"/>:
/// sheet 评价表 with the header fields and the indicator grid, sheet 分值设定 with the 一级 / 二级 weights.
/// `jixiao score` reads it back (Jixiao.Import.Evaluations.EvaluationSheetXlsxReader).
/// </summary>
public static class EvaluationSheetXlsxWriter
{
    private const uint HeaderStyle = 1;
    private const uint WrapStyle = 2;

    public static void Write(EvaluationSheet sheet, Stream output)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheets = workbookPart.Workbook.AppendChild(new Sheets());

        var grid = workbookPart.AddNewPart<WorksheetPart>();
        grid.Worksheet = IndicatorWorksheet(sheet);
        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(grid), SheetId = 1, Name = EvaluationSheetCells.IndicatorSheet });

        var groups = workbookPart.AddNewPart<WorksheetPart>();
        groups.Worksheet = GroupWorksheet(sheet);
        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(groups), SheetId = 2, Name = EvaluationSheetCells.GroupSheet });
        workbookPart.Workbook.Save();
    }

    private static Worksheet IndicatorWorksheet(EvaluationSheet sheet)
    {
        var data = new SheetData();
        uint row = 1;
        foreach (var (label, field) in EvaluationSheetCells.Labels)
        {
            var value = field switch
            {
                "project" => sheet.Project,
                "year" => sheet.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                "kind" => sheet.Kind.Chinese(),
                "template" => sheet.Template ?? "",
                "gradeBands" => EvaluationSheetCells.FormatGradeBands(sheet.GradeScale ?? GradeScale.Default),
                "lowerIsBetter" => sheet.LowerIsBetter == LowerIsBetterRule.Ratio ? "比值" : "偏差",
                _ => "",
            };
            data.Append(Row(row++, [Text(label, HeaderStyle), Text(value)]));
        }

        row++;
        var headerRow = row;
        data.Append(Row(row++, EvaluationSheetCells.Columns.Select(c => Text(c.Header, HeaderStyle))));
        foreach (var indicator in sheet.Indicators)
        {
            data.Append(Row(row++, EvaluationSheetCells.Columns.Select(c => Cell(indicator, c.Field))));
        }

        var worksheet = new Worksheet();
        worksheet.Append(new Columns(EvaluationSheetCells.Columns.Select((c, i) => new Column
        {
            Min = (uint)i + 1,
            Max = (uint)i + 1,
            Width = c.Field switch
            {
                "name" or "reason" or "deductions" => 40,
                "formula" or "inputs" or "tiers" or "target" => 26,
                "level1" or "level2" or "actual" or "statedActual" => 16,
                _ => 11,
            },
            CustomWidth = true,
        })));
        worksheet.Append(data);

        // the method column offers the six methods as a list
        var methodColumn = ColumnName(EvaluationSheetCells.Columns.ToList().FindIndex(c => c.Field == "method"));
        var ratingColumn = ColumnName(EvaluationSheetCells.Columns.ToList().FindIndex(c => c.Field == "rating"));
        worksheet.Append(new DataValidations(
            ListValidation($"{methodColumn}{headerRow + 1}:{methodColumn}{headerRow + 500}", "比例,档次,定性,扣分,是否,人工"),
            ListValidation($"{ratingColumn}{headerRow + 1}:{ratingColumn}{headerRow + 500}", "达成,部分达成,未达成"))
        { Count = 2 });
        return worksheet;
    }

    private static DataValidation ListValidation(string range, string items) => new()
    {
        Type = DataValidationValues.List,
        AllowBlank = true,
        ShowErrorMessage = true,
        SequenceOfReferences = new ListValue<StringValue> { InnerText = range },
        Formula1 = new Formula1($"\"{items}\""),
    };

    private static Cell Cell(EvaluationIndicator indicator, string field) => field switch
    {
        "level1" => Text(indicator.Level1),
        "level2" => Text(indicator.Level2),
        "name" => Text(indicator.Name),
        "weight" => Number(indicator.Weight),
        "method" => Text(indicator.Method.Chinese()),
        "target" => Text(indicator.Target?.Text ?? ""),
        "actual" => Text(indicator.Actual is ActualValue.Measured m ? m.Value.Text : ""),
        "formula" => Text(indicator.Actual is ActualValue.Computed c ? c.Formula.Text : ""),
        "inputs" => Text(indicator.Actual is ActualValue.Computed ci ? EvaluationSheetCells.FormatInputs(ci.Inputs) : ""),
        "tiers" => Text(indicator.Tiers is { Count: > 0 } t ? EvaluationSheetCells.FormatTiers(t) : ""),
        "rating" => Text(indicator.Rating?.Chinese() ?? ""),
        "percent" => Number(indicator.Percent),
        "deductions" => Text(indicator.Deductions is { Count: > 0 } d ? EvaluationSheetCells.FormatDeductions(d) : "", WrapStyle),
        "score" => Number(indicator.Score),
        "statedActual" => Text(indicator.StatedActual?.Text ?? ""),
        "direction" => Text(indicator.DirectionOverride switch
        {
            Domain.Targets.Direction.Up => "正向",
            Domain.Targets.Direction.Down => "反向",
            _ => "",
        }),
        "reason" => Text(indicator.Reason ?? "", WrapStyle),
        _ => Text(""),
    };

    private static Worksheet GroupWorksheet(EvaluationSheet sheet)
    {
        var data = new SheetData();
        data.Append(Row(1, EvaluationSheetCells.GroupColumns.Select(h => Text(h, HeaderStyle))));
        uint row = 2;
        foreach (var group in sheet.Groups ?? [])
        {
            data.Append(Row(row++, [Text(group.Level1), Text(group.Level2 ?? ""), Number(group.Weight)]));
        }

        var worksheet = new Worksheet();
        worksheet.Append(new Columns(new Column { Min = 1, Max = 2, Width = 20, CustomWidth = true }));
        worksheet.Append(data);
        return worksheet;
    }

    private static Row Row(uint index, IEnumerable<Cell> cells)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var cell in cells)
        {
            cell.CellReference = ColumnName(column++) + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            row.Append(cell);
        }

        return row;
    }

    private static Cell Text(string text, uint style = 0) => new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
    {
        DataType = CellValues.InlineString,
        StyleIndex = style == 0 ? null : style,
    };

    private static Cell Number(decimal? value) => value is { } v
        ? new Cell(new CellValue(v)) { DataType = CellValues.Number }
        : Text("");

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    private static string ColumnName(int index) => SourceLocation.ColumnName(index);

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true })
        { Count = 3 });
}
