using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Targets;
using Jixiao.Reporting.Monitoring;

namespace Jixiao.Reporting.Tests.Monitoring;

/// <summary>
/// The 运行监控 documents opened as a reader opens them: each .docx and .xlsx converted by LibreOffice to PDF (and PNG
/// pages under bin/…/rendered/ to look at), its text extracted and checked for the figures, the ticked 偏差原因 and the
/// computed narrative; lights computed by the central rules from a 1–7月 round of two projects, one red and answered 调剂.
/// </summary>
public class MonitoringDocumentsTests
{
    private static MonitoringSheet Sheet(string name, string code, long budgetFen, long executedFen, string target, string progress, string? cause,
        string? likelihood, string? measure, MonitoringSheetCorrection? correction)
    {
        var rules = MonitoringRules.Default;
        var lights = MonitoringLights.Compute(rules, new ProjectProgress(name, 7, budgetFen / 1_000_000m, executedFen / 1_000_000m,
            [new IndicatorProgress("培训人数", TargetParser.Parse(target), progress, Lights.ParseLikelihood(likelihood))]));
        return new MonitoringSheet(2026, 7, "1–7月", name, code, "广州市公安局白云区分局", budgetFen, executedFen, 95_000_000, "上半年完成第一批采购。", "已提交", lights,
            [new MonitoringSheetIndicator("产出指标", "数量指标", "培训人数", target, progress, "1100人", cause, likelihood, measure, lights.Indicators[0].Verdict.Light,
                lights.Indicators[0].Verdict.Explanation)], correction);
    }

    public static MonitoringUnitModel Sample() => new(2026, 7, "1–7月", "广州市公安局白云区分局", "中央（默认）", MonitoringRules.Default.DeviationCauses.Causes,
    [
        Sheet("视频监控运维经费", "440111-GA-001", 100_000_000, 10_000_000, "≥1200人", "300人", "经费保障", "有可能", "9月完成第二批招标",
            new MonitoringSheetCorrection("已答复", "调剂", 30_000_000, "设备采购推迟到明年", new DateOnly(2026, 8, 14), FundsPaused: true)),
        Sheet("社区网格员培训", "440111-GA-002", 50_000_000, 30_000_000, "≥1200人", "700人", null, "确定能", null, null),
    ]);

    private static string Flat(string pdf) => string.Concat(TestFiles.Run("pdftotext", pdf, "-").Where(c => !char.IsWhiteSpace(c)));

    private static string Render(string name, Action<Stream> write, string extension)
    {
        var dir = TestFiles.OutputDirectory("monitoring-" + name);
        var path = Path.Combine(dir, name + extension);
        using (var file = File.Create(path))
        {
            write(file);
        }

        var pdf = TestFiles.DocxToPdf(path, dir);
        TestFiles.PdfToPngs(pdf, Path.Combine(dir, "page")).ShouldNotBeEmpty();
        return Flat(pdf);
    }

    [Fact]
    public void The_project_sheet_docx_ticks_the_cause_and_likelihood_and_states_the_lights()
    {
        var sheet = Sample().Projects[0];
        var text = Render("sheet-docx", s => MonitoringDocuments.WriteSheetDocx(sheet, MonitoringRules.Default.DeviationCauses.Causes, "中央（默认）", s), ".docx");
        text.ShouldContain("项目支出绩效目标执行监控表");
        text.ShouldContain("（2026年1–7月）");
        text.ShouldContain("440111-GA-001");
        text.ShouldContain("100.00");
        text.ShouldContain("10%", Case.Sensitive, "1–7月执行率 10 ÷ 100");
        text.ShouldContain("偏差原因分析");
        text.ShouldContain("完成目标可能性");
        text.Count(c => c == '√').ShouldBe(3, "经费保障 and 有可能 ticked, and the note that says how");
        text.ShouldContain("300人");
        text.ShouldContain("1100人");
        text.ShouldContain("9月完成第二批招标红灯");
        text.ShouldContain("纠偏：已答复（答复期限2026-08-14），调剂30.00万元，理由：设备采购推迟到明年；已暂停拨付。");
    }

    [Fact]
    public void The_project_sheet_xlsx_opens_with_the_same_rows()
    {
        var sheet = Sample().Projects[0];
        var text = Render("sheet-xlsx", s => MonitoringDocuments.WriteSheetXlsx(sheet, MonitoringRules.Default.DeviationCauses.Causes, s), ".xlsx");
        text.ShouldContain("项目支出绩效目标执行监控表");
        text.ShouldContain("视频监控运维经费");
        text.ShouldContain("偏差原因分析");
        text.ShouldContain("完成目标可能性");
        // The row as printed, cell after cell on one line (pdftotext's plain order puts a merged row below it first
        // on some renderings).
        var row = TestFiles.Run("pdftotext", "-layout", Path.Combine(AppContext.BaseDirectory, "rendered", "monitoring-sheet-xlsx", "sheet-xlsx.pdf"), "-")
            .Split('\n').Single(l => l.Contains("培训人数", StringComparison.Ordinal));
        string.Concat(row.Where(c => !char.IsWhiteSpace(c))).ShouldContain("培训人数≥1200人300人1100人√");
        text.ShouldContain("预算执行：执行10÷预算100万元=10%");
    }

    [Fact]
    public void The_unit_summary_xlsx_has_the_totals_and_a_sheet_per_project()
    {
        var text = Render("summary-xlsx", s => MonitoringDocuments.WriteSummaryXlsx(Sample(), s), ".xlsx");
        text.ShouldContain("广州市公安局白云区分局项目支出绩效目标执行监控汇总表（2026年1–7月）");
        text.ShouldContain("合计");
        text.ShouldContain("150.0040.0026.67%", Case.Sensitive, "the totals: 40 ÷ 150 万元");
        text.ShouldContain("调剂30.00万元，暂停拨付");
        text.ShouldContain("社区网格员培训", Case.Sensitive);
        text.IndexOf("项目支出绩效目标执行监控表", StringComparison.Ordinal).ShouldBeGreaterThan(0, "the projects' sheets follow the summary");
    }

    [Fact]
    public void The_unit_summary_docx_lists_every_project_with_its_lights()
    {
        var text = Render("summary-docx", s => MonitoringDocuments.WriteSummaryDocx(Sample(), s), ".docx");
        text.ShouldContain("项目预警灯：红灯1个，黄灯0个，绿灯1个，蓝灯0个，无法判断0个；重点监控0个。");
        text.ShouldContain("1视频监控运维经费100.0010.0010%红灯");
        text.ShouldContain("2社区网格员培训50.0030.0060%绿灯");
    }

    [Fact]
    public void The_unit_report_says_how_many_are_red_why_and_what_was_decided()
    {
        var text = Render("report-docx", s => MonitoringDocuments.WriteReportDocx(Sample(), s), ".docx");
        text.ShouldContain("广州市公安局白云区分局2026年1–7月项目支出绩效运行监控报告");
        text.ShouldContain("本轮监控本单位项目2个，年初预算合计150.00万元，1–7月执行40.00万元，执行率26.67%，序时进度58.33%。已提交监控表2个。");
        text.ShouldContain("视频监控运维经费（红灯）：预算执行执行10÷预算100万元=10%");
        text.ShouldContain("填写偏差原因的指标1个，其中经费保障1个。");
        text.ShouldContain("视频监控运维经费的纠偏措施：“培训人数”：9月完成第二批招标。");
        text.ShouldContain("已下达纠偏1个，已答复1个（调剂1个，调剂资金合计30.00万元）；暂停拨付1个。");
    }
}
