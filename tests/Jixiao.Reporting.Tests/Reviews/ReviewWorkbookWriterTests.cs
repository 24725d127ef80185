using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.Reporting.Reviews;

namespace Jixiao.Reporting.Tests.Reviews;

public class ReviewWorkbookWriterTests
{
    private static Indicator I(string l1, string l2, string name, string value) =>
        new(null, null, name, TargetParser.Parse(value), TargetParser.Parse(value), Level1Text: l1, Level2Text: l2, Number: 1);

    private static ReviewReport Report()
    {
        var vague = new Project("正风反腐专项经费", 2022, new ProjectAmounts(24.69m, 24.69m, null, null, MoneyUnit.WanYuan),
            new PerformanceGoal("用于侦办区纪委交办案件，打击犯罪，维护社会正义，建设平安白云。"),
            [I("满意度指标", "服务对象满意度", "工作人员使用满意度", "提高")]);
        return ReviewEngine.Default.Review([new BudgetUnit("广州市公安局白云区分局", null, 30m, [vague])]);
    }

    private static (SpreadsheetDocument Document, MemoryStream Stream) Write(ReviewReport report)
    {
        var stream = new MemoryStream();
        ReviewWorkbookWriter.Write(report, stream);
        stream.Position = 0;
        return (SpreadsheetDocument.Open(stream, false), stream);
    }

    private static List<List<string>> Rows(SpreadsheetDocument document, string sheet)
    {
        var workbook = document.WorkbookPart!;
        var id = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!.Value!;
        var part = (WorksheetPart)workbook.GetPartById(id);
        return part.Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "").ToList())
            .ToList();
    }

    [Fact]
    public void The_findings_sheet_has_one_row_per_finding_and_empty_columns_for_the_reviewer()
    {
        var report = Report();
        var (document, stream) = Write(report);
        using (stream)
        using (document)
        {
            var rows = Rows(document, ReviewWorkbookWriter.FindingsSheet);
            rows[0].ShouldBe(["序号", "单位", "项目", "项目得分", "审核结论", "指标编号", "指标", "规则", "级别", "问题", "修改建议", "依据", "位置", "审核人意见", "处理结果"]);
            var findings = report.Projects.Single().Findings.Count + report.Units.Sum(u => u.Findings.Count);
            rows.Count.ShouldBe(1 + findings);

            var unitRow = rows[1];
            unitRow[2].ShouldBe("（单位合计）");
            unitRow[7].ShouldBe("REV702");

            var vague = rows.Single(r => r[7] == "REV101");
            vague[2].ShouldBe("正风反腐专项经费");
            vague[6].ShouldBe("工作人员使用满意度");
            vague[8].ShouldBe("错误");
            vague[9].ShouldBe(report.Projects[0].Findings.Single(f => f.Rule == "REV101").Message);
            vague[13].ShouldBe("");
            vague[14].ShouldBe("");
        }
    }

    [Fact]
    public void The_resolution_column_offers_a_list_and_the_header_is_frozen_and_filtered()
    {
        var (document, stream) = Write(Report());
        using (stream)
        using (document)
        {
            var workbook = document.WorkbookPart!;
            var id = workbook.Workbook.Sheets!.Elements<Sheet>().First().Id!.Value!;
            var worksheet = ((WorksheetPart)workbook.GetPartById(id)).Worksheet;
            var validation = worksheet.Descendants<DataValidation>().Single();
            validation.SequenceOfReferences!.InnerText.ShouldStartWith("O2:");
            validation.Formula1!.Text.ShouldBe("\"已修改,不修改（已说明理由）,待核实\"");
            worksheet.Descendants<Pane>().Single().TopLeftCell!.Value.ShouldBe("A2");
            worksheet.Descendants<AutoFilter>().Single().Reference!.Value.ShouldStartWith("A1:O");
        }
    }

    [Fact]
    public void Summary_sheets_hold_projects_units_departments_and_the_rules_used()
    {
        var report = Report();
        var (document, stream) = Write(report);
        using (stream)
        using (document)
        {
            var projects = Rows(document, ReviewWorkbookWriter.ProjectsSheet);
            projects[1][1].ShouldBe("正风反腐专项经费");
            projects[1][3].ShouldBe("24.69");
            projects[1][4].ShouldBe(report.Projects[0].Score.ToString(System.Globalization.CultureInfo.InvariantCulture));
            projects[1][5].ShouldBe(report.Projects[0].Outcome.Chinese());

            var units = Rows(document, ReviewWorkbookWriter.UnitsSheet);
            units.Count.ShouldBe(3);
            units[2][0].ShouldBe("广州市公安局白云区分局（部门合计）");

            var rules = Rows(document, ReviewWorkbookWriter.RulesSheet);
            rules.Count.ShouldBe(1 + ReviewRuleSet.Default.Rules.Count);
            rules[1][0].ShouldBe("REV101");
        }
    }
}
