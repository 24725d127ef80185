using Jixiao.Reporting.Docx;
using Jixiao.Reporting.Documents;
using Jixiao.Reporting.Html;
using Jixiao.Reporting.Pdf;
using Jixiao.Reporting.Reports;

namespace Jixiao.Reporting.Tests.Reports;

/// <summary>
/// Renders the target table and the self-evaluation report through both paths (.docx → LibreOffice → PDF and
/// HTML → Chromium → PDF) into PNG pages under bin/…/rendered/ for a person to look at, and checks that the text
/// survives each path. (The 004 evaluation report is rendered by <see cref="XueliangReportTests"/>.)
/// </summary>
public class RenderedPagesTests
{
    public static TheoryData<string> Documents => ["target-table-encoded", "target-table-rows", "self-evaluation", "department-summary", "result-use"];

    private static (ReportDocument Document, string[] MustContain) Build(string name)
    {
        var model = TestFiles.Xueliang();
        return name switch
        {
            "target-table-encoded" => (TargetTableReport.Compose(TargetTableReportTests.SeedUnits()), ["分局中心枪库改造工程", "38.36", "实施周期指标值:100%"]),
            "target-table-rows" => (TargetTableReport.Compose(TargetTableReportTests.SeedUnits(), new TargetTableOptions(IndicatorLayout.RowPerIndicator)), ["施工质量合格率", "48小时内解决"]),
            "self-evaluation" => (EvaluationReport.Compose(model with { Kind = ReportKind.SelfEvaluation, Texts = model.Texts with { Title = null } }), ["项目支出绩效自评表", "93.07", "91.4%"]),
            "department-summary" => (DepartmentSummaryReport.Compose("白云区公安分局", SeedModels()), ["评价等级分布", "93.07"]),
            "result-use" => (ResultUseReport.Compose(ResultUseReportTests.Sample()), ["2024年度绩效评价结果应用情况", "（三）尚未决定（1个项目）", "3.持续性项目评价为“中”：控制新增，压减10%（1个项目）"]),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    private static List<EvaluationReportModel> SeedModels() =>
    [
        .. Directory.GetFiles(Path.Combine(TestFiles.RepoRoot, "samples", "evaluations"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => EvaluationReportSource.Load(f).Model!),
    ];

    private static string Flat(string pdf) => string.Concat(TestFiles.Run("pdftotext", pdf, "-").Where(c => !char.IsWhiteSpace(c)));

    [Theory]
    [MemberData(nameof(Documents))]
    public void Docx_renders_through_LibreOffice_with_its_text(string name)
    {
        var (document, mustContain) = Build(name);
        var dir = TestFiles.OutputDirectory(name + "-docx");
        var docx = Path.Combine(dir, name + ".docx");
        using (var file = File.Create(docx))
        {
            DocxRenderer.Render(document, file);
        }

        var pdf = TestFiles.DocxToPdf(docx, dir);
        var text = Flat(pdf);
        foreach (var s in mustContain)
        {
            text.ShouldContain(s);
        }

        TestFiles.PdfToPngs(pdf, Path.Combine(dir, "page")).ShouldNotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Html_prints_through_Chromium_with_its_text(string name)
    {
        var (document, mustContain) = Build(name);
        var dir = TestFiles.OutputDirectory(name + "-pdf");
        var pdf = Path.Combine(dir, name + ".pdf");
        await using (var file = File.Create(pdf))
        {
            await ChromiumPdfPrinter.Default.PrintAsync(HtmlRenderer.Render(document), file);
        }

        var text = Flat(pdf);
        foreach (var s in mustContain)
        {
            text.ShouldContain(s);
        }

        XueliangReportTests.PdfFonts(pdf).ShouldAllBe(f => f.Embedded && f.Unicode);
        TestFiles.PdfToPngs(pdf, Path.Combine(dir, "page")).ShouldNotBeEmpty();
    }
}
