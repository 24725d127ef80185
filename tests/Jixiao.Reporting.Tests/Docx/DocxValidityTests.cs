using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Jixiao.Reporting.Reports;

namespace Jixiao.Reporting.Tests.Docx;

/// <summary>Every generated document is valid WordprocessingML (what Word checks before it opens a file without repair).</summary>
public class DocxValidityTests
{
    public static TheoryData<string> Documents => ["evaluation", "self-evaluation", "target-table", "target-table-rows", "summary"];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Passes_the_Open_XML_schema_validator(string name)
    {
        var model = TestFiles.Xueliang();
        using var stream = new MemoryStream();
        switch (name)
        {
            case "evaluation":
                EvaluationReportWriter.WriteDocx(model, stream);
                break;
            case "self-evaluation":
                EvaluationReportWriter.WriteDocx(model with { Kind = ReportKind.SelfEvaluation }, stream);
                break;
            case "target-table":
                TargetTableDocxWriter.Write(Reports.TargetTableReportTests.SeedUnits(), null, stream);
                break;
            case "target-table-rows":
                TargetTableDocxWriter.Write(Reports.TargetTableReportTests.SeedUnits(), new TargetTableOptions(IndicatorLayout.RowPerIndicator), stream);
                break;
            default:
                EvaluationReportWriter.WriteSummaryDocx("白云区公安分局", [model, model with { Total = 85m, Grade = "良" }], stream);
                break;
        }

        stream.Position = 0;
        using var document = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2016).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        errors.ShouldBeEmpty();
    }
}
