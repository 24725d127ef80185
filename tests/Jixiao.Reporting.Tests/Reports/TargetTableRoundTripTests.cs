using System.Xml.Linq;
using Jixiao.Domain.Diagnostics;
using Jixiao.Import.Imports;
using Jixiao.Import.Indicators;
using Jixiao.Reporting.Reports;

namespace Jixiao.Reporting.Tests.Reports;

/// <summary>
/// Seeds 002 and 003 read by the importer and written as the .docx 项目支出绩效目标表: every project is in the table
/// with its amounts, and every encoded 绩效指标 cell reads back through the importer's cell reader to the same
/// indicators.
/// </summary>
public class TargetTableRoundTripTests
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static TheoryData<string, int> Seeds => new() { { "002_57b7928e8e0f944a.txt", 55 }, { "003_3854a258b9068c95.txt", 18 } };

    private static ImportResult Import(string seed)
    {
        var result = TargetTableImporter.Import(Path.Combine(TestFiles.RepoRoot, "samples", "seeds", seed));
        result.HasErrors.ShouldBeFalse();
        return result;
    }

    private static List<string[]> Rows(byte[] docx) =>
    [
        .. TestFiles.DocxPart(docx, "word/document.xml").Descendants(W + "tr")
            .Select(tr => tr.Elements(W + "tc").Select(tc => string.Concat(tc.Descendants(W + "t").Select(t => t.Value))).ToArray()),
    ];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_project_and_indicator_reads_back_from_the_encoded_cells(string seed, int projectCount)
    {
        var imported = Import(seed);
        imported.Projects.Count().ShouldBe(projectCount);
        using var stream = new MemoryStream();
        TargetTableDocxWriter.Write(imported.Units, null, stream);
        var rows = Rows(stream.ToArray());
        var projectRows = rows.Skip(1).Where(r => r[6].Length > 0 || imported.Projects.Any(p => p.Name == r[0] && p.Indicators.Count == 0)).ToList();
        projectRows.Count.ShouldBe(projectCount);

        foreach (var (project, row) in imported.Projects.Zip(projectRows))
        {
            row[0].ShouldBe(project.Name);
            var diagnostics = new List<Diagnostic>();
            var back = IndicatorCellReader.Read(row[6], new SourceLocation("docx"), diagnostics.Add);
            diagnostics.Where(d => d.Severity == Severity.Error).ShouldBeEmpty();
            back.Select(i => (i.Name, i.Level1?.Code, i.Level2?.Code, i.PeriodTarget?.Text, i.AnnualTarget?.Text))
                .ShouldBe(project.Indicators.Select(i => (i.Name, i.Level1?.Code, i.Level2?.Code, i.PeriodTarget?.Text, i.AnnualTarget?.Text)), project.Name);
        }
    }

    [Fact]
    public void The_002_total_is_summed_from_its_55_projects()
    {
        var imported = Import("002_57b7928e8e0f944a.txt");
        using var stream = new MemoryStream();
        TargetTableDocxWriter.Write(imported.Units, null, stream);
        var total = Rows(stream.ToArray())[1];
        total[0].ShouldBe("合计");
        total[1].ShouldBe(TargetTableReport.Format(imported.Projects.Sum(p => p.Amounts.Total ?? 0)));
        total[1].ShouldBe("50,061.31");
    }
}
