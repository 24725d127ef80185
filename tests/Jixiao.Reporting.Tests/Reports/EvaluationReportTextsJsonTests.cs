using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Projects;
using Jixiao.Reporting.Reports;

namespace Jixiao.Reporting.Tests.Reports;

public class EvaluationReportTextsJsonTests
{
    [Fact]
    public void Reads_texts_items_funds_and_date()
    {
        var read = EvaluationReportTextsJson.Read("""
            {
              "unit": "新建公安分局",
              "purpose": ["（1）第一段", "（2）第二段"],
              "funds": { "unit": "元", "budget": "40,000,000", "received": 40000000, "spent": 36561800,
                         "sources": [ { "name": "本年财政拨款", "budget": 40000000, "spent": 36561800 } ] },
              "problems": [ "没有标题的问题", { "title": "费用未及时支付", "body": "第一段\n第二段" } ],
              "date": "2021-03-15"
            }
            """);
        read.Diagnostics.ShouldBeEmpty();
        var t = read.Texts;
        t.Unit.ShouldBe("新建公安分局");
        t.Purpose.ShouldBe("（1）第一段\n（2）第二段");
        t.Funds.ShouldNotBeNull();
        t.Funds!.Unit.ShouldBe(MoneyUnit.Yuan);
        t.Funds.Budget.ShouldBe(40_000_000m);
        t.Funds.ExecutionRate(ReportKind.Evaluation)!.Value.ShouldBe(91.4045m);
        t.Funds.Sources!.Single().Name.ShouldBe("本年财政拨款");
        t.Problems.ShouldBe([new TextItem(null, "没有标题的问题"), new TextItem("费用未及时支付", "第一段\n第二段")]);
        t.Date.ShouldBe(new DateOnly(2021, 3, 15));
    }

    [Theory]
    [InlineData("{ nope", "RPT001", Severity.Error)]
    [InlineData("[]", "RPT001", Severity.Error)]
    [InlineData("""{ "titel": "x" }""", "RPT003", Severity.Warning)]
    [InlineData("""{ "funds": { "budget": 1 } }""", "RPT002", Severity.Error)]
    [InlineData("""{ "funds": { "budget": 1, "spent": 1, "unit": "千元" } }""", "RPT002", Severity.Error)]
    [InlineData("""{ "date": "2021/3/15" }""", "RPT002", Severity.Warning)]
    [InlineData("""{ "problems": "一段文字" }""", "RPT002", Severity.Warning)]
    public void Bad_input_comes_back_as_a_diagnostic(string json, string code, Severity severity)
    {
        var read = EvaluationReportTextsJson.Read(json, "x.report.json");
        var d = read.Diagnostics.ShouldHaveSingleItem();
        d.Code.ShouldBe(code);
        d.Severity.ShouldBe(severity);
        d.Location!.File.ShouldBe("x.report.json");
    }

    [Fact]
    public void The_seed_texts_read_without_diagnostics_and_keep_the_evaluator_sections()
    {
        var texts = TestFiles.Texts("004-xueliang-2020.report.json");
        texts.Problems.Select(p => p.Title).ShouldBe(["探头监控在线率有待提升", "相关费用未及时支付"]);
        texts.Suggestions.Count.ShouldBe(2);
        texts.Funds!.Spent.ShouldBe(3656.18m);
    }
}
