using Jixiao.Reporting.Docx;
using Jixiao.Reporting.Documents;
using Jixiao.Reporting.Html;
using Jixiao.Reporting.Pdf;

namespace Jixiao.Reporting.Reports;

/// <summary>
/// The stable entry point for evaluation reports (CLI, web download buttons): the 绩效评价报告 (or, for a
/// 单位自评, the 自评报告 with its 自评表) as .docx, HTML or PDF, all from the same composed document.
/// </summary>
public static class EvaluationReportWriter
{
    public static ReportDocument Compose(EvaluationReportModel model) => EvaluationReport.Compose(model);

    public static void WriteDocx(EvaluationReportModel model, Stream output, DocxOptions? options = null) =>
        DocxRenderer.Render(Compose(model), output, options);

    public static string WriteHtml(EvaluationReportModel model, ChineseFonts? fonts = null) =>
        HtmlRenderer.Render(Compose(model), fonts);

    /// <summary>Prints the HTML with headless Chromium. Throws <see cref="PdfPrintException"/> when it cannot.</summary>
    public static Task WritePdfAsync(EvaluationReportModel model, Stream output, CancellationToken cancellationToken = default,
        ChromiumPdfPrinter? printer = null) =>
        (printer ?? ChromiumPdfPrinter.Default).PrintAsync(WriteHtml(model), output, cancellationToken);

    /// <summary>The department summary (grade distribution chart and results table) of several evaluations as .docx.</summary>
    public static void WriteSummaryDocx(string department, IReadOnlyList<EvaluationReportModel> evaluations, Stream output, DocxOptions? options = null) =>
        DocxRenderer.Render(DepartmentSummaryReport.Compose(department, evaluations), output, options);

    /// <summary>The department summary as PDF.</summary>
    public static Task WriteSummaryPdfAsync(string department, IReadOnlyList<EvaluationReportModel> evaluations, Stream output,
        CancellationToken cancellationToken = default) =>
        ChromiumPdfPrinter.Default.PrintAsync(HtmlRenderer.Render(DepartmentSummaryReport.Compose(department, evaluations)), output, cancellationToken);

    /// <summary>The 项目支出绩效自评表 alone (the form that goes with the 部门决算), as .docx.</summary>
    public static void WriteSelfEvaluationTableDocx(EvaluationReportModel model, Stream output, DocxOptions? options = null) =>
        DocxRenderer.Render(new ReportDocument($"{model.UnitAndProject}项目支出绩效自评表", SelfEvaluationReport.SelfEvaluationTable(model)), output, options);
}
