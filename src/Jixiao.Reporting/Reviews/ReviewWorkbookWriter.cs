using Jixiao.Domain.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Reviews;

namespace Jixiao.Reporting.Reviews;

/// <summary>
/// Writes a review as a workbook a reviewer can annotate and send back (docs/review.md): 审核意见 (one row per finding,
/// with 审核人意见 and 处理结果 columns, 处理结果 offered as a list), 项目汇总, 单位汇总 and 审核规则. Header rows are
/// frozen and filterable; the columns for the reviewer are shaded. With the reviewer's decisions (<see cref="ReviewDecision"/>)
/// a decided project's 处理, 审核人意见 and 处理结果 say the decision; an undecided one's 处理 is the system's proposal and
/// the reviewer's columns are left empty.
/// </summary>
public static class ReviewWorkbookWriter
{
    public const string FindingsSheet = "审核意见";
    public const string ProjectsSheet = "项目汇总";
    public const string UnitsSheet = "单位汇总";
    public const string RulesSheet = "审核规则";

    /// <summary>The choices offered in the 处理结果 column.</summary>
    public static IReadOnlyList<string> Resolutions { get; } = ["已修改", "不修改（已说明理由）", "待核实"];

    private const uint Header = 1;
    private const uint Wrapped = 2;
    private const uint Reviewer = 3;
    private const uint ErrorText = 4;
    private const uint WarningText = 5;
    private const uint Number = 6;

    public static void Write(ReviewReport report, Stream output, Func<Project, ReviewDecision?>? decisions = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ReviewDecision DecisionOf(ProjectReview p) => decisions?.Invoke(p.Project) ?? ReviewDecision.Pending;
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet = Styles();
        var sheets = workbookPart.Workbook.AppendChild(new Sheets());

        AddSheet(workbookPart, sheets, 1, FindingsSheet, FindingsColumns, FindingRows(report, DecisionOf), reviewerColumns: [14, 15], validation: 15);
        AddSheet(workbookPart, sheets, 2, ProjectsSheet, ProjectColumns, ProjectRows(report, DecisionOf), reviewerColumns: [11], validation: null);
        AddSheet(workbookPart, sheets, 3, UnitsSheet, UnitColumns, UnitRows(report), reviewerColumns: [], validation: null);
        AddSheet(workbookPart, sheets, 4, RulesSheet, RuleColumns, RuleRows(report), reviewerColumns: [], validation: null);
        workbookPart.Workbook.Save();
    }

    private readonly record struct Column(string Title, double Width);

    private static readonly Column[] FindingsColumns =
    [
        new("序号", 6), new("单位", 18), new("项目", 28), new("项目得分", 8), new("审核结论", 8), new("指标编号", 8), new("指标", 24),
        new("规则", 8), new("级别", 6), new("问题", 48), new("修改建议", 40), new("依据", 28), new("位置", 14), new("审核人意见", 30),
        new("处理结果", 14),
    ];

    private static readonly Column[] ProjectColumns =
    [
        new("单位", 18), new("项目", 30), new("项目类型", 12), new("金额（万元）", 12), new("得分", 6), new("审核结论", 8), new("处理", 20),
        new("错误", 6), new("警告", 6), new("提示", 6), new("审核人意见", 30),
        // What a reviewer reads beside the goal (issue 17), after the columns of earlier workbooks so that their places stay.
        new("项目编码", 22), new("项目总金额（万元）", 12), new("年度目标", 40), new("实施期目标", 40), new("政策依据", 48), new("测算依据", 40),
    ];

    private static readonly Column[] UnitColumns =
    [
        new("单位", 24), new("部门", 24), new("项目数", 8), new("平均得分", 8), new("优", 5), new("良", 5), new("中", 5), new("差", 5),
        new("错误", 6), new("警告", 6), new("提示", 6), new("金额（万元）", 12), new("不得进入预算（万元）", 14), new("主要问题", 50),
    ];

    private static readonly Column[] RuleColumns =
    [
        new("规则", 8), new("分组", 10), new("名称", 28), new("级别", 6), new("启用", 6), new("依据", 40),
    ];

    private abstract record Value;

    private sealed record Text(string S, uint Style = Wrapped) : Value;

    private sealed record Num(decimal N, uint Style = Number) : Value;

    private static IEnumerable<Value[]> FindingRows(ReviewReport report, Func<ProjectReview, ReviewDecision> decisionOf)
    {
        var n = 0;
        foreach (var unit in report.Units)
        {
            foreach (var f in unit.Findings)
            {
                yield return Finding(++n, unit.Name, "（单位合计）", null, ReviewDecision.Pending, f);
            }
        }

        foreach (var p in report.Projects)
        {
            var decision = decisionOf(p);
            foreach (var f in p.Findings)
            {
                yield return Finding(++n, p.Unit, p.Name, p, decision, f);
            }
        }
    }

    private static Value[] Finding(int n, string unit, string project, ProjectReview? review, ReviewDecision decision, ReviewFinding f) =>
    [
        new Num(n), new Text(unit), new Text(project),
        review is null ? new Text("") : new Num(review.Score), new Text(review?.Outcome.Chinese() ?? ""),
        f.IndicatorNumber is { } number ? new Num(number) : new Text(""),
        new Text(f.Indicator ?? "（项目）"), new Text(f.Rule),
        new Text(ReviewJson.SeverityChinese(f.Severity), f.Severity switch
        {
            Domain.Diagnostics.Severity.Error => ErrorText,
            Domain.Diagnostics.Severity.Warning => WarningText,
            _ => Wrapped,
        }),
        new Text(f.Message), new Text(f.Suggestion), new Text(f.Regulation), new Text(f.Location?.ToString() ?? ""),
        new Text(decision.Opinion, Reviewer), new Text(decision.Resolution, Reviewer),
    ];

    private static IEnumerable<Value[]> ProjectRows(ReviewReport report, Func<ProjectReview, ReviewDecision> decisionOf) =>
        report.Projects.Select(p => (Review: p, Decision: decisionOf(p))).Select(x => ProjectRow(x.Review, x.Decision));

    private static Value[] ProjectRow(ProjectReview p, ReviewDecision decision) =>
    [
        new Text(p.Unit), new Text(p.Name), new Text(p.ProjectType),
        p.Project.Amounts.Total is { } total ? new Num(new Money(total, p.Project.Amounts.Unit).InWanYuan) : new Text(""),
        new Num(p.Score), new Text(p.Outcome.Chinese(), p.Outcome.BlocksBudgeting() ? ErrorText : Wrapped), new Text(decision.Handling(p.Outcome)),
        new Num(p.Count(Domain.Diagnostics.Severity.Error)), new Num(p.Count(Domain.Diagnostics.Severity.Warning)),
        new Num(p.Count(Domain.Diagnostics.Severity.Info)), new Text(decision.Opinion, Reviewer),
        new Text(p.Project.Code ?? ""),
        p.Project.Amounts.PeriodTotal is { } period ? new Num(new Money(period, p.Project.Amounts.Unit).InWanYuan) : new Text(""),
        new Text(p.Project.Goal.AnnualGoal ?? p.Project.Goal.Text), new Text(p.Project.Goal.PeriodGoal ?? ""),
        new Text(p.Project.PolicyBasis ?? ""), new Text(p.Project.CostBasis ?? ""),
    ];

    private static IEnumerable<Value[]> UnitRows(ReviewReport report)
    {
        foreach (var u in report.Units)
        {
            yield return Summary(u.Name, u.Department ?? "", u.Summary);
        }

        foreach (var d in report.Departments)
        {
            yield return Summary($"{d.Name}（部门合计）", d.Name, d.Summary);
        }
    }

    private static Value[] Summary(string name, string department, ReviewSummary s) =>
    [
        new Text(name), new Text(department), new Num(s.Projects), new Num((decimal)s.AverageScore), new Num(s.Excellent), new Num(s.Good),
        new Num(s.Fair), new Num(s.Poor), new Num(s.Errors), new Num(s.Warnings), new Num(s.Infos), new Num(s.Amount), new Num(s.BlockedAmount),
        new Text(string.Join("；", s.TopRules.Select(r => $"{r.Title}（{r.Count}）"))),
    ];

    private static IEnumerable<Value[]> RuleRows(ReviewReport report) =>
        report.Rules.Rules.Select(r => new Value[]
        {
            new Text(r.Id), new Text(r.Group), new Text(r.Title), new Text(ReviewJson.SeverityChinese(r.Severity)),
            new Text(r.Enabled ? "是" : "否"), new Text(r.Regulation),
        });

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, uint id, string name, Column[] columns, IEnumerable<Value[]> rows,
        int[] reviewerColumns, int? validation)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (var c = 0; c < columns.Length; c++)
        {
            header.Append(Cell(c, 1, new Text(columns[c].Title, Header)));
        }

        data.Append(header);
        uint r = 1;
        foreach (var values in rows)
        {
            r++;
            var row = new Row { RowIndex = r };
            for (var c = 0; c < values.Length; c++)
            {
                row.Append(Cell(c, r, values[c]));
            }

            data.Append(row);
        }

        var columnsElement = new Columns(columns.Select((col, i) => new DocumentFormat.OpenXml.Spreadsheet.Column
        {
            Min = (uint)(i + 1),
            Max = (uint)(i + 1),
            Width = col.Width,
            CustomWidth = true,
            Style = reviewerColumns.Contains(i + 1) ? Reviewer : null,
        }));

        var worksheet = new Worksheet(
            new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = 1,
                TopLeftCell = "A2",
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            })
            { TabSelected = id == 1, WorkbookViewId = 0 }),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            columnsElement,
            data);
        var last = $"{ColumnName(columns.Length - 1)}{Math.Max(r, 2)}";
        worksheet.Append(new AutoFilter { Reference = $"A1:{last}" });
        if (validation is { } v)
        {
            var column = ColumnName(v - 1);
            worksheet.Append(new DataValidations(new DataValidation(new Formula1($"\"{string.Join(",", Resolutions)}\""))
            {
                Type = DataValidationValues.List,
                AllowBlank = true,
                ShowErrorMessage = false,
                SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{column}2:{column}{Math.Max(r, 2) + 500}" },
            })
            { Count = 1 });
        }

        part.Worksheet = worksheet;
        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static Cell Cell(int column, uint row, Value value)
    {
        var reference = $"{ColumnName(column)}{row}";
        return value switch
        {
            Num n => new Cell
            {
                CellReference = reference,
                DataType = CellValues.Number,
                CellValue = new CellValue(n.N.ToString(CultureInfo.InvariantCulture)),
                StyleIndex = n.Style,
            },
            Text t => new Cell(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(Clean(t.S)) { Space = SpaceProcessingModeValues.Preserve }))
            {
                CellReference = reference,
                DataType = CellValues.InlineString,
                StyleIndex = t.Style,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(value)),
        };
    }

    // XML 1.0 forbids most control characters; PDF-extracted text sometimes carries them
    private static string Clean(string s)
    {
        foreach (var c in s)
        {
            if (c < ' ' && c is not ('\n' or '\t' or '\r'))
            {
                return new string(s.Where(ch => ch >= ' ' || ch is '\n' or '\t' or '\r').ToArray());
            }
        }

        return s;
    }

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    internal static string ColumnName(int index) => SourceLocation.ColumnName(index);

    private static Stylesheet Styles() => new(
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "宋体" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "宋体" }),
            new Font(new Color { Rgb = "FFC00000" }, new Bold(), new FontSize { Val = 11 }, new FontName { Val = "宋体" }),
            new Font(new Color { Rgb = "FFC55A11" }, new FontSize { Val = 11 }, new FontName { Val = "宋体" })),
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9E1F2" }) { PatternType = PatternValues.Solid }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFFFF2CC" }) { PatternType = PatternValues.Solid })),
        new Borders(
            new Border(),
            new Border(
                new LeftBorder { Style = BorderStyleValues.Thin },
                new RightBorder { Style = BorderStyleValues.Thin },
                new TopBorder { Style = BorderStyleValues.Thin },
                new BottomBorder { Style = BorderStyleValues.Thin },
                new DiagonalBorder())),
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center }) { FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { BorderId = 1, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FillId = 3, BorderId = 1, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 2, BorderId = 1, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 3, BorderId = 1, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { BorderId = 1, NumberFormatId = 0, ApplyBorder = true, ApplyAlignment = true }));
}
