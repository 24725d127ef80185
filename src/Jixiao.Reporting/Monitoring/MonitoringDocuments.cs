using System.Globalization;
using Jixiao.Domain.Monitoring;
using Jixiao.Reporting.Docx;
using Jixiao.Reporting.Documents;
using Jixiao.Reporting.TargetTables;

namespace Jixiao.Reporting.Monitoring;

/// <summary>One indicator's row of a 监控表 as filled, with its light and the light's explanation.</summary>
public sealed record MonitoringSheetIndicator(string? Level1, string? Level2, string Name, string? Target, string? Progress, string? ExpectedAnnual,
    string? DeviationCause, string? Likelihood, string? Correction, Light? Light, string? Explanation);

/// <summary>The 纠偏 of a red project as it stands: asked, answered (how, with the amount in 分 for 调剂), funds paused.</summary>
public sealed record MonitoringSheetCorrection(string StatusText, string? DecisionText, long? AdjustFen, string? Reason, DateOnly Deadline, bool FundsPaused);

/// <summary>
/// One project's 监控表 in a round (money in 分): the figures the unit filled, the lights computed by the district's rules
/// (<see cref="Lights"/>), and its 纠偏 when one was asked.
/// </summary>
public sealed record MonitoringSheet(int FiscalYear, int EndMonth, string Months, string ProjectName, string? Code, string UnitName, long? BudgetFen,
    long? ExecutedFen, long? ExpectedAnnualFen, string? Narrative, string StatusName, ProjectLight Lights, IReadOnlyList<MonitoringSheetIndicator> Indicators,
    MonitoringSheetCorrection? Correction);

/// <summary>A unit's projects in a round, the district whose rules lit them and its list of 偏差原因 (the 监控表's columns).</summary>
public sealed record MonitoringUnitModel(int FiscalYear, int EndMonth, string Months, string UnitName, string District, IReadOnlyList<string> Causes,
    IReadOnlyList<MonitoringSheet> Projects);

/// <summary>
/// The 运行监控 documents in the central layout (项目支出绩效目标执行监控表, 财预〔2019〕136号 附件): the 监控表 of one
/// project and the unit's 汇总表, each as .docx and .xlsx, and the unit's 监控报告 (.docx) whose narrative is computed
/// from the lights, the 偏差原因 and the 纠偏 taken. The 偏差原因 are the district's (a column each, ticked), so a
/// Hubei file prints Hubei's four.
/// </summary>
public static class MonitoringDocuments
{
    private static readonly string[] Likelihoods = ["确定能", "有可能", "完全不可能"];

    public static ReportDocument SheetDocument(MonitoringSheet sheet, IReadOnlyList<string> causes, string district)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(causes);
        var n = sheet.EndMonth;
        var blocks = new List<Block>
        {
            new Block.Title("项目支出绩效目标执行监控表", $"（{sheet.FiscalYear}年{sheet.Months}）"),
            new Block.Table([new("", 2.2), new("", 3.2), new("", 2.2), new("", 3.2), new("", 2.2), new("", 3.2)], [],
            [
                new TableRow([new("项目名称", Bold: true), new(sheet.ProjectName, ColSpan: 3), new("项目编码", Bold: true), sheet.Code ?? "—"]),
                new TableRow([new("实施单位", Bold: true), new(sheet.UnitName, ColSpan: 3), new("填报状态", Bold: true), sheet.StatusName]),
                new TableRow([new("年初预算数（万元）", Bold: true), WanYuan(sheet.BudgetFen), new($"1–{n}月执行数（万元）", Bold: true), WanYuan(sheet.ExecutedFen),
                    new($"1–{n}月执行率", Bold: true), Rate(sheet.ExecutedFen, sheet.BudgetFen)]),
                new TableRow([new("全年预计执行数（万元）", Bold: true), WanYuan(sheet.ExpectedAnnualFen), new("预算执行灯", Bold: true),
                    LightName(sheet.Lights.Budget.Light), new("项目预警灯", Bold: true), LightName(sheet.Lights.Light)]),
                new TableRow([new("执行情况说明", Bold: true), new(sheet.Narrative ?? "—", ColSpan: 5)]),
            ], FontSizePoints: 10),
        };
        var widths = new List<TableColumn> { new("一级指标", 1.3), new("二级指标", 1.5), new("三级指标", 2.6), new("年度指标值", 1.5, CellAlign.Center),
            new($"1–{n}月执行情况", 1.5, CellAlign.Center), new("全年预计完成情况", 1.5, CellAlign.Center) };
        widths.AddRange(causes.Select(c => new TableColumn(c, 0.9, CellAlign.Center)));
        widths.AddRange(Likelihoods.Select(l => new TableColumn(l, 0.9, CellAlign.Center)));
        widths.Add(new("纠偏措施", 2.2));
        widths.Add(new("预警灯", 1.0, CellAlign.Center));
        var header1 = new List<TableCell> { new("一级指标", RowSpan: 2), new("二级指标", RowSpan: 2), new("三级指标", RowSpan: 2), new("年度指标值", RowSpan: 2),
            new($"1–{n}月执行情况", RowSpan: 2), new("全年预计完成情况", RowSpan: 2), new("偏差原因分析", ColSpan: causes.Count), new("完成目标可能性", ColSpan: 3),
            new("纠偏措施", RowSpan: 2), new("预警灯", RowSpan: 2) };
        var header2 = causes.Concat(Likelihoods).Select(c => new TableCell(c)).ToList();
        blocks.Add(new Block.Table(widths, [new TableRow(header1, Bold: true), new TableRow(header2, Bold: true)],
            [.. sheet.Indicators.Select(i => new TableRow([
                i.Level1 ?? "", i.Level2 ?? "", i.Name, i.Target ?? "", i.Progress ?? "", i.ExpectedAnnual ?? "",
                .. causes.Select(c => new TableCell(c == i.DeviationCause ? "√" : "")),
                .. Likelihoods.Select(l => new TableCell(l == i.Likelihood ? "√" : "")),
                i.Correction ?? "", LightName(i.Light)]))],
            Caption: "绩效指标执行情况", FontSizePoints: 9));
        blocks.Add(new Block.Paragraph($"预算执行：{sheet.Lights.Budget.Explanation}", ParagraphStyle.Note));
        foreach (var w in sheet.Lights.Warnings)
        {
            blocks.Add(new Block.Paragraph($"{w.Code} {w.Message}", ParagraphStyle.Note));
        }

        if (sheet.Correction is { } c)
        {
            blocks.Add(new Block.Paragraph($"纠偏：{CorrectionText(c)}", ParagraphStyle.Note));
        }

        blocks.Add(new Block.Paragraph($"说明：预警灯按{district}的监控规则计算；偏差原因、完成目标可能性在对应栏内打“√”。", ParagraphStyle.Note));
        return new ReportDocument($"{sheet.ProjectName} 监控表", blocks, PageOrientation.Landscape);
    }

    public static void WriteSheetDocx(MonitoringSheet sheet, IReadOnlyList<string> causes, string district, Stream output) =>
        DocxRenderer.Render(SheetDocument(sheet, causes, district), output);

    /// <summary>The 监控表 as a worksheet, the same rows and columns as the .docx (merged where it merges).</summary>
    public static XlsxSheet SheetWorksheet(MonitoringSheet sheet, IReadOnlyList<string> causes, string name)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(causes);
        var n = sheet.EndMonth;
        var columns = 6 + causes.Count + Likelihoods.Length + 2;
        var last = XlsxGrid.ColumnName(columns - 1);
        object?[] Row(params object?[] cells) => [.. cells, .. Enumerable.Repeat<object?>(null, Math.Max(0, columns - cells.Length))];
        var rows = new List<IReadOnlyList<object?>>
        {
            Row("项目支出绩效目标执行监控表"),
            Row($"（{sheet.FiscalYear}年{sheet.Months}）"),
            Row("项目名称", sheet.ProjectName, null, null, "项目编码", sheet.Code),
            Row("实施单位", sheet.UnitName, null, null, "填报状态", sheet.StatusName),
            Row("年初预算数（万元）", Money(sheet.BudgetFen), $"1–{n}月执行数（万元）", Money(sheet.ExecutedFen), $"1–{n}月执行率", Rate(sheet.ExecutedFen, sheet.BudgetFen)),
            Row("全年预计执行数（万元）", Money(sheet.ExpectedAnnualFen), "预算执行灯", LightName(sheet.Lights.Budget.Light), "项目预警灯", LightName(sheet.Lights.Light)),
            Row("执行情况说明", sheet.Narrative),
            Row([.. new object?[] { "一级指标", "二级指标", "三级指标", "年度指标值", $"1–{n}月执行情况", "全年预计完成情况", "偏差原因分析" },
                .. Enumerable.Repeat<object?>(null, causes.Count - 1), "完成目标可能性", null, null, "纠偏措施", "预警灯"]),
            Row([null, null, null, null, null, null, .. causes, .. Likelihoods]),
        };
        rows.AddRange(sheet.Indicators.Select(i => Row([i.Level1, i.Level2, i.Name, i.Target, i.Progress, i.ExpectedAnnual,
            .. causes.Select(c => c == i.DeviationCause ? "√" : null), .. Likelihoods.Select(l => l == i.Likelihood ? "√" : null), i.Correction, LightName(i.Light)])));
        var notesFrom = rows.Count + 1;
        rows.Add(Row($"预算执行：{sheet.Lights.Budget.Explanation}"));
        rows.AddRange(sheet.Lights.Warnings.Select(w => Row($"{w.Code} {w.Message}")));
        if (sheet.Correction is { } c)
        {
            rows.Add(Row($"纠偏：{CorrectionText(c)}"));
        }

        var causeStart = XlsxGrid.ColumnName(6);
        var causeEnd = XlsxGrid.ColumnName(5 + causes.Count);
        var likelyStart = XlsxGrid.ColumnName(6 + causes.Count);
        var likelyEnd = XlsxGrid.ColumnName(8 + causes.Count);
        var merges = new List<string> { $"A1:{last}1", $"A2:{last}2", "B3:D3", "B4:D4", $"B7:{last}7", $"{causeStart}8:{causeEnd}8", $"{likelyStart}8:{likelyEnd}8" };
        merges.AddRange(Enumerable.Range(0, 6).Select(i => $"{XlsxGrid.ColumnName(i)}8:{XlsxGrid.ColumnName(i)}9"));
        merges.Add($"{XlsxGrid.ColumnName(columns - 2)}8:{XlsxGrid.ColumnName(columns - 2)}9");
        merges.Add($"{XlsxGrid.ColumnName(columns - 1)}8:{XlsxGrid.ColumnName(columns - 1)}9");
        merges.AddRange(Enumerable.Range(notesFrom, rows.Count - notesFrom + 1).Select(r => $"A{r}:{last}{r}"));
        return new XlsxSheet(name, rows)
        {
            Merges = merges,
            ColumnWidths = [12, 14, 24, 14, 14, 14, .. causes.Select(_ => 8.0), 8, 8, 10, 24, 8],
            FitRows = true,
            PrintLandscapeOnePageWide = true,
        };
    }

    public static void WriteSheetXlsx(MonitoringSheet sheet, IReadOnlyList<string> causes, Stream output) =>
        XlsxGrid.Write(output, [SheetWorksheet(sheet, causes, "监控表")]);

    /// <summary>The unit's 汇总表: one row per project with its money, rates and lights, then the totals.</summary>
    public static ReportDocument SummaryDocument(MonitoringUnitModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var n = model.EndMonth;
        var rows = model.Projects.Select((p, i) => new TableRow([
            (i + 1).ToString(CultureInfo.InvariantCulture), p.ProjectName, WanYuan(p.BudgetFen), WanYuan(p.ExecutedFen), Rate(p.ExecutedFen, p.BudgetFen),
            LightName(p.Lights.Budget.Light), IndicatorLights(p), LightName(p.Lights.Light), p.Lights.KeyMonitoring ? "是" : "", p.Correction is { } c ? CorrectionShort(c) : ""])).ToList();
        var budget = model.Projects.Sum(p => p.BudgetFen ?? 0);
        var executed = model.Projects.Sum(p => p.ExecutedFen ?? 0);
        rows.Add(new TableRow(["", "合计", WanYuan(budget), WanYuan(executed), Rate(executed, budget), "", "", "", "", ""], Bold: true));
        return new ReportDocument($"{model.UnitName} 监控汇总表", [
            new Block.Title($"{model.UnitName}项目支出绩效目标执行监控汇总表", $"（{model.FiscalYear}年{model.Months}）"),
            new Block.Paragraph(Counts(model)),
            new Block.Table([new("序号", 0.6, CellAlign.Center), new("项目名称", 3.6), new("年初预算数（万元）", 1.4, CellAlign.Right),
                new($"1–{n}月执行数（万元）", 1.4, CellAlign.Right), new("执行率", 1.0, CellAlign.Right), new("预算执行灯", 1.0, CellAlign.Center),
                new("指标灯（红/黄/绿/蓝）", 1.6, CellAlign.Center), new("项目预警灯", 1.0, CellAlign.Center), new("重点监控", 0.8, CellAlign.Center), new("纠偏", 2.0)],
                [new TableRow(["序号", "项目名称", "年初预算数（万元）", $"1–{n}月执行数（万元）", "执行率", "预算执行灯", "指标灯（红/黄/绿/蓝）", "项目预警灯", "重点监控", "纠偏"], Bold: true)],
                rows, FontSizePoints: 9),
            new Block.Paragraph($"说明：预警灯按{model.District}的监控规则计算；执行率 = 1–{n}月执行数 ÷ 年初预算数。", ParagraphStyle.Note),
        ], PageOrientation.Landscape);
    }

    public static void WriteSummaryDocx(MonitoringUnitModel model, Stream output) => DocxRenderer.Render(SummaryDocument(model), output);

    /// <summary>The 汇总表 as the first sheet, then every project's 监控表 on its own sheet.</summary>
    public static void WriteSummaryXlsx(MonitoringUnitModel model, Stream output)
    {
        ArgumentNullException.ThrowIfNull(model);
        var n = model.EndMonth;
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { $"{model.UnitName}项目支出绩效目标执行监控汇总表（{model.FiscalYear}年{model.Months}）", null, null, null, null, null, null, null, null, null },
            new object?[] { "序号", "项目名称", "年初预算数（万元）", $"1–{n}月执行数（万元）", "执行率", "预算执行灯", "指标灯（红/黄/绿/蓝）", "项目预警灯", "重点监控", "纠偏" },
        };
        rows.AddRange(model.Projects.Select((p, i) => (IReadOnlyList<object?>)new object?[] { i + 1, p.ProjectName, Money(p.BudgetFen), Money(p.ExecutedFen),
            Rate(p.ExecutedFen, p.BudgetFen), LightName(p.Lights.Budget.Light), IndicatorLights(p), LightName(p.Lights.Light), p.Lights.KeyMonitoring ? "是" : null,
            p.Correction is { } c ? CorrectionShort(c) : null }));
        var budget = model.Projects.Sum(p => p.BudgetFen ?? 0);
        var executed = model.Projects.Sum(p => p.ExecutedFen ?? 0);
        rows.Add(new object?[] { null, "合计", Money(budget), Money(executed), Rate(executed, budget), null, null, null, null, null });
        var sheets = new List<XlsxSheet>
        {
            new("汇总", rows) { Merges = ["A1:J1"], ColumnWidths = [6, 36, 14, 14, 10, 10, 16, 10, 8, 24], PrintLandscapeOnePageWide = true },
        };
        foreach (var (p, i) in model.Projects.Select((p, i) => (p, i)))
        {
            // A sheet name is at most 31 characters and unique; the number keeps two projects of one name apart.
            var name = $"{i + 1}.{string.Concat(p.ProjectName.Where(ch => ch is not ('\\' or '/' or '?' or '*' or '[' or ']' or ':')))}";
            name = name.Length > 31 ? name[..31] : name;
            sheets.Add(SheetWorksheet(p, model.Causes, name));
        }

        XlsxGrid.Write(output, sheets);
    }

    /// <summary>
    /// The unit's 监控报告: 基本情况 (projects, money, rate against the time elapsed), 预警情况 (lights by colour and the
    /// red projects with why), 偏差原因 (the causes the unit gave, counted), 纠偏情况 (asked, answered how, overdue,
    /// funds paused), and the projects' table.
    /// </summary>
    public static ReportDocument Report(MonitoringUnitModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var n = model.EndMonth;
        var numbers = new HeadingNumbers();
        var p = model.Projects;
        var budget = p.Sum(x => x.BudgetFen ?? 0);
        var executed = p.Sum(x => x.ExecutedFen ?? 0);
        var blocks = new List<Block>
        {
            new Block.Title($"{model.UnitName}{model.FiscalYear}年{model.Months}项目支出绩效运行监控报告", $"预警规则：{model.District}"),
            new Block.Heading(1, numbers.Next(1), "基本情况"),
            new Block.Paragraph(p.Count == 0 ? "本轮监控中本单位没有项目。"
                : $"本轮监控本单位项目{p.Count}个，年初预算合计{WanYuan(budget)}万元，1–{n}月执行{WanYuan(executed)}万元，执行率{Rate(executed, budget)}，"
                  + $"序时进度{Percent(n / 12m)}。已提交监控表{p.Count(x => x.StatusName == "已提交")}个。"),
            new Block.Heading(1, numbers.Next(1), "预警情况"),
            new Block.Paragraph(Counts(model)),
        };
        var red = p.Where(x => x.Lights.Light == Light.Red).ToList();
        foreach (var r in red)
        {
            var why = new List<string>();
            if (r.Lights.Budget.Light == Light.Red)
            {
                why.Add("预算执行" + r.Lights.Budget.Explanation);
            }

            why.AddRange(r.Lights.Indicators.Where(i => i.Verdict.Light == Light.Red).Select(i => $"指标“{i.Name}”{i.Verdict.Explanation}"));
            why.AddRange(r.Lights.Warnings.Where(w => w.Light == Light.Red).Select(w => w.Message));
            blocks.Add(new Block.Paragraph([new TextRun($"{r.ProjectName}（红灯）：", Bold: true),
                new TextRun(string.Join("；", why.Select(w => w.TrimEnd('。'))) + "。")]));
        }

        var key = p.Where(x => x.Lights.KeyMonitoring).Select(x => x.ProjectName).ToList();
        if (key.Count > 0)
        {
            blocks.Add(new Block.Paragraph($"列入重点监控的项目{key.Count}个：{string.Join("、", key)}。"));
        }

        blocks.Add(new Block.Heading(1, numbers.Next(1), "偏差原因分析"));
        var causes = p.SelectMany(x => x.Indicators).Where(i => i.DeviationCause is not null).GroupBy(i => i.DeviationCause!)
            .OrderByDescending(g => g.Count()).ThenBy(g => model.Causes.ToList().IndexOf(g.Key)).ToList();
        blocks.Add(new Block.Paragraph(causes.Count == 0 ? "各项目未填写偏差原因。"
            : $"填写偏差原因的指标{causes.Sum(g => g.Count())}个，其中" + string.Join("，", causes.Select(g => $"{g.Key}{g.Count()}个")) + "。"));
        foreach (var x in p)
        {
            var measures = x.Indicators.Where(i => i.Correction is not null).Select(i => $"“{i.Name}”：{i.Correction}").ToList();
            if (measures.Count > 0)
            {
                blocks.Add(new Block.Paragraph($"{x.ProjectName}的纠偏措施：{string.Join("；", measures)}。"));
            }
        }

        blocks.Add(new Block.Heading(1, numbers.Next(1), "纠偏情况"));
        var asked = p.Where(x => x.Correction is not null).ToList();
        if (asked.Count == 0)
        {
            blocks.Add(new Block.Paragraph(red.Count == 0 ? "本轮没有红灯项目，未下达纠偏。" : $"红灯项目{red.Count}个，尚未下达纠偏。"));
        }
        else
        {
            var answered = asked.Where(x => x.Correction!.DecisionText is not null).ToList();
            var decisions = answered.GroupBy(x => x.Correction!.DecisionText!).Select(g => $"{g.Key}{g.Count()}个");
            var adjusted = answered.Sum(x => x.Correction!.AdjustFen ?? 0);
            var overdue = asked.Count(x => x.Correction!.StatusText == "逾期未答复");
            var paused = asked.Count(x => x.Correction!.FundsPaused);
            blocks.Add(new Block.Paragraph($"已下达纠偏{asked.Count}个，已答复{answered.Count}个"
                + (answered.Count > 0 ? $"（{string.Join("、", decisions)}{(adjusted > 0 ? $"，调剂资金合计{WanYuan(adjusted)}万元" : "")}）" : "")
                + (overdue > 0 ? $"，逾期未答复{overdue}个" : "") + (paused > 0 ? $"；暂停拨付{paused}个" : "") + "。"));
            foreach (var x in asked)
            {
                blocks.Add(new Block.Paragraph($"{x.ProjectName}：{CorrectionText(x.Correction!)}"));
            }
        }

        blocks.Add(new Block.Heading(1, numbers.Next(1), "项目监控情况表"));
        blocks.AddRange(SummaryDocument(model).Blocks.OfType<Block.Table>());
        return new ReportDocument($"{model.UnitName} 监控报告", blocks);
    }

    public static void WriteReportDocx(MonitoringUnitModel model, Stream output) => DocxRenderer.Render(Report(model), output);

    private static string Counts(MonitoringUnitModel model)
    {
        var p = model.Projects;
        int Of(Light? l) => p.Count(x => x.Lights.Light == l);
        return $"项目预警灯：红灯{Of(Light.Red)}个，黄灯{Of(Light.Yellow)}个，绿灯{Of(Light.Green)}个，蓝灯{Of(Light.Blue)}个，无法判断{Of(null)}个；"
            + $"重点监控{p.Count(x => x.Lights.KeyMonitoring)}个。";
    }

    private static string IndicatorLights(MonitoringSheet p)
    {
        int Of(Light l) => p.Lights.Indicators.Count(i => i.Verdict.Light == l);
        return $"{Of(Light.Red)}/{Of(Light.Yellow)}/{Of(Light.Green)}/{Of(Light.Blue)}";
    }

    private static string CorrectionShort(MonitoringSheetCorrection c) =>
        (c.DecisionText is { } d ? d + (c.AdjustFen is { } a ? $" {WanYuan(a)}万元" : "") : c.StatusText) + (c.FundsPaused ? "，暂停拨付" : "");

    private static string CorrectionText(MonitoringSheetCorrection c) =>
        $"{c.StatusText}（答复期限 {c.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}）"
        + (c.DecisionText is { } d ? $"，{d}" + (c.AdjustFen is { } a ? $"{WanYuan(a)}万元" : "") + (c.Reason is { } r ? $"，理由：{r}" : "") : "")
        + (c.FundsPaused ? "；已暂停拨付" : "") + "。";

    private static string LightName(Light? light) => light?.Chinese() ?? "无法判断";

    private static string WanYuan(long? fen) => fen is { } f ? (f / 1_000_000m).ToString("#,##0.00", CultureInfo.InvariantCulture) : "—";

    private static decimal? Money(long? fen) => fen is { } f ? f / 1_000_000m : null;

    private static string Rate(long? executed, long? budget) =>
        executed is { } e && budget is { } b && b > 0 ? Percent((decimal)e / b) : "—";

    private static string Percent(decimal ratio) => (ratio * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
