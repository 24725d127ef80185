using System.Globalization;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Targets;
using Jixiao.Reporting.Docx;
using Jixiao.Reporting.Documents;
using Jixiao.Reporting.Html;

namespace Jixiao.Reporting.Reports;

/// <summary>How the 绩效指标 of a 项目支出绩效目标表 are laid out.</summary>
public enum IndicatorLayout
{
    /// <summary>
    /// One cell per project in the encoding of the 预算管理一体化 export (seed 002):
    /// "1、1-产出指标,12-质量指标,施工质量合格率（%）；实施周期指标值:100%,年度指标值:100%；".
    /// </summary>
    Encoded,

    /// <summary>One row per indicator with columns 一级指标 / 二级指标 / 三级指标 / 实施周期指标值 / 年度指标值.</summary>
    RowPerIndicator,
}

/// <summary>Options of a 项目支出绩效目标表.</summary>
/// <param name="Department">部门名称 printed above the table; null takes the first unit's department (or name).</param>
/// <param name="MoneyUnit">The unit all amounts are printed in (converted exactly).</param>
public sealed record TargetTableOptions(
    IndicatorLayout Layout = IndicatorLayout.Encoded,
    string? Department = null,
    string Title = "项目支出绩效目标表",
    MoneyUnit MoneyUnit = MoneyUnit.WanYuan)
{
    public static TargetTableOptions Default { get; } = new();
}

/// <summary>
/// 项目支出绩效目标表 of one or more budget units in the official layout of the seed tables (002, 003): columns
/// 项目名称 / 总计 / 财政拨款 / 财政专户拨款 / 其他资金 / 绩效目标 / 绩效指标; a 合计 row, then each unit with its
/// subtotal and its projects. Every total is summed from the projects, never copied from the source.
/// </summary>
public static class TargetTableReport
{
    public static ReportDocument Compose(IEnumerable<BudgetUnit> units, TargetTableOptions? options = null)
    {
        options ??= TargetTableOptions.Default;
        var unitList = units.ToList();
        var department = options.Department ?? unitList.Select(u => u.Department ?? u.Name).FirstOrDefault() ?? "";
        var encoded = options.Layout == IndicatorLayout.Encoded;

        List<TableColumn> columns =
        [
            new("项目名称（资金使用单位）", 3.2),
            new("总计", 1.5, CellAlign.Right),
            new("财政拨款", 1.5, CellAlign.Right),
            new("财政专户拨款", 1.3, CellAlign.Right),
            new("其他资金", 1.2, CellAlign.Right),
            new("绩效目标", encoded ? 5.5 : 4.2),
        ];
        if (encoded)
        {
            columns.Add(new("绩效指标", 9.0));
        }
        else
        {
            columns.AddRange(
            [
                new("一级指标", 1.4, CellAlign.Center),
                new("二级指标", 1.5, CellAlign.Center),
                new("三级指标", 3.2),
                new("实施周期指标值", 1.5, CellAlign.Center),
                new("年度指标值", 1.5, CellAlign.Center),
            ]);
        }

        var header = new TableRow([.. columns.Select(c => new TableCell(c.Name))]);
        var rows = new List<TableRow>();
        var allProjects = unitList.SelectMany(u => u.Projects).ToList();
        rows.Add(TotalRow("合计", allProjects, options.MoneyUnit, columns.Count));
        foreach (var unit in unitList)
        {
            rows.Add(TotalRow(unit.Name, unit.Projects, options.MoneyUnit, columns.Count));
            foreach (var project in unit.Projects)
            {
                rows.AddRange(encoded ? [EncodedRow(project, options.MoneyUnit)] : IndicatorRows(project, options.MoneyUnit));
            }
        }

        var year = allProjects.Select(p => p.FiscalYear).FirstOrDefault(y => y is not null);
        var title = year is null ? options.Title : $"{year.Value.ToString(CultureInfo.InvariantCulture)}年{options.Title}";
        List<Block> blocks =
        [
            new Block.Title(title),
            new Block.Paragraph($"部门名称：{department}", ParagraphStyle.Plain),
            new Block.Paragraph($"单位：{Money.UnitName(options.MoneyUnit)}", ParagraphStyle.Right),
            new Block.Table(columns, [header], rows, FontSizePoints: 9),
        ];
        if (allProjects.Any(TargetTables.TargetTableXlsxWriter.HasReviewerFields))
        {
            blocks.Add(new Block.Paragraph("项目审核信息（总计为本年金额，绩效目标为年度目标）", ParagraphStyle.Center));
            blocks.Add(ReviewerTable(allProjects, options.MoneyUnit));
        }

        return new ReportDocument(title, blocks, PageOrientation.Landscape);
    }

    /// <summary>
    /// What a reviewer reads of each project beside the official columns (项目编码, 项目总金额, 实施期目标, 政策依据, 测算依据,
    /// 指标解释 numbered as the 绩效指标 are): a table of its own, so the official one keeps its layout.
    /// </summary>
    private static Block.Table ReviewerTable(IReadOnlyList<Project> projects, MoneyUnit unit)
    {
        List<TableColumn> columns =
        [
            new("项目名称", 2.6), new("项目编码", 2.2), new("项目总金额", 1.3, CellAlign.Right), new("实施期目标", 3.0),
            new("政策依据", 4.0), new("测算依据", 3.2), new("指标解释", 5.0),
        ];
        var rows = projects.Select(p => new TableRow(
        [
            p.Name, p.Code ?? "", Amount(p.Amounts.PeriodTotal, p.Amounts.Unit, unit), p.Goal.PeriodGoal ?? "", p.PolicyBasis ?? "", p.CostBasis ?? "",
            TargetTables.TargetTableXlsxWriter.EncodeExplanations(p.Indicators),
        ])).ToList();
        return new Block.Table(columns, [new TableRow([.. columns.Select(c => new TableCell(c.Name))])], rows, FontSizePoints: 8);
    }

    /// <summary>
    /// The encoded 绩效指标 cell of a project, numbered 1、2、3、 in order: the same encoding as the .xlsx export
    /// (<see cref="TargetTables.TargetTableXlsxWriter.EncodeIndicators"/>), so both tables read back alike.
    /// </summary>
    public static string EncodeIndicators(IReadOnlyList<Indicator> indicators) => TargetTables.TargetTableXlsxWriter.EncodeIndicators(indicators);

    private static string TargetText(Target? target) => target?.Text ?? "";

    private static TableRow TotalRow(string label, IReadOnlyList<Project> projects, MoneyUnit unit, int columnCount)
    {
        var cells = new List<TableCell>
        {
            new(label, Bold: true),
            new(Sum(projects, a => a.Total, unit)),
            new(Sum(projects, a => a.Fiscal, unit)),
            new(Sum(projects, a => a.FiscalSpecial, unit)),
            new(Sum(projects, a => a.Other, unit)),
        };
        while (cells.Count < columnCount)
        {
            cells.Add("");
        }

        return new TableRow(cells, Bold: true);
    }

    private static TableRow EncodedRow(Project project, MoneyUnit unit) => new(
    [
        project.Name,
        Amount(project.Amounts.Total, project.Amounts.Unit, unit),
        Amount(project.Amounts.Fiscal, project.Amounts.Unit, unit),
        Amount(project.Amounts.FiscalSpecial, project.Amounts.Unit, unit),
        Amount(project.Amounts.Other, project.Amounts.Unit, unit),
        project.Goal.Text,
        EncodeIndicators(project.Indicators),
    ]);

    private static IEnumerable<TableRow> IndicatorRows(Project project, MoneyUnit unit)
    {
        var span = Math.Max(1, project.Indicators.Count);
        TableCell Spanned(string text, CellAlign? align = null) => new(text, RowSpan: span, Align: align);
        var lead = new List<TableCell>
        {
            Spanned(project.Name),
            Spanned(Amount(project.Amounts.Total, project.Amounts.Unit, unit)),
            Spanned(Amount(project.Amounts.Fiscal, project.Amounts.Unit, unit)),
            Spanned(Amount(project.Amounts.FiscalSpecial, project.Amounts.Unit, unit)),
            Spanned(Amount(project.Amounts.Other, project.Amounts.Unit, unit)),
            Spanned(project.Goal.Text),
        };
        if (project.Indicators.Count == 0)
        {
            yield return new TableRow([.. lead, "", "", "", "", ""]);
            yield break;
        }

        for (var k = 0; k < project.Indicators.Count; k++)
        {
            var i = project.Indicators[k];
            List<TableCell> cells = k == 0 ? [.. lead] : [];
            cells.Add(i.Level1?.Name ?? i.Level1Text ?? "");
            cells.Add(i.Level2?.Name ?? i.Level2Text ?? "");
            cells.Add(i.Name);
            cells.Add(TargetText(i.PeriodTarget));
            cells.Add(TargetText(i.AnnualTarget));
            yield return new TableRow(cells);
        }
    }

    private static string Sum(IEnumerable<Project> projects, Func<ProjectAmounts, decimal?> pick, MoneyUnit unit)
    {
        var values = projects.Select(p => (Value: pick(p.Amounts), p.Amounts.Unit)).Where(v => v.Value is not null).ToList();
        return values.Count == 0 ? "" : Format(values.Sum(v => Convert(v.Value!.Value, v.Unit, unit)));
    }

    private static string Amount(decimal? value, MoneyUnit from, MoneyUnit to) => value is null ? "" : Format(Convert(value.Value, from, to));

    private static decimal Convert(decimal value, MoneyUnit from, MoneyUnit to)
    {
        var money = new Money(value, from);
        return to == MoneyUnit.WanYuan ? money.InWanYuan : money.InYuan;
    }

    /// <summary>Thousands separators and two decimals, as the seed tables print 万元.</summary>
    public static string Format(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);
}

/// <summary>The stable entry point for the 项目支出绩效目标表 as .docx, HTML or PDF (CLI, web download buttons).</summary>
public static class TargetTableDocxWriter
{
    public static void Write(IEnumerable<BudgetUnit> units, TargetTableOptions? options, Stream output, DocxOptions? docx = null) =>
        DocxRenderer.Render(TargetTableReport.Compose(units, options), output, docx);

    public static string WriteHtml(IEnumerable<BudgetUnit> units, TargetTableOptions? options = null) =>
        HtmlRenderer.Render(TargetTableReport.Compose(units, options));

    public static Task WritePdfAsync(IEnumerable<BudgetUnit> units, TargetTableOptions? options, Stream output, CancellationToken cancellationToken = default) =>
        Pdf.ChromiumPdfPrinter.Default.PrintAsync(WriteHtml(units, options), output, cancellationToken);
}
