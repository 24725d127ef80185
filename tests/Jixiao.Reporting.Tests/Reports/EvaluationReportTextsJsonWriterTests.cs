using Jixiao.Domain.Projects;
using Jixiao.Reporting.Reports;

namespace Jixiao.Reporting.Tests.Reports;

/// <summary>The web app stores report texts as written by <see cref="EvaluationReportTextsJsonWriter"/>: it must read back unchanged.</summary>
public sealed class EvaluationReportTextsJsonWriterTests
{
    [Fact]
    public void The_texts_of_seed_report_004_read_back_unchanged_after_writing()
    {
        var file = Path.Combine(TestFiles.RepoRoot, "samples", "reports", "004-xueliang-2020.report.json");
        var original = EvaluationReportTextsJson.Read(File.ReadAllText(file)).Texts;
        var json = EvaluationReportTextsJsonWriter.Write(original);
        var read = EvaluationReportTextsJson.Read(json);

        read.Diagnostics.ShouldBeEmpty();
        EvaluationReportTextsJsonWriter.Write(read.Texts).ShouldBe(json);
        json.ShouldContain("探头监控在线率有待提升"); // Chinese as is, not \u escapes
        read.Texts.Background.ShouldBe(original.Background);
        read.Texts.Purpose.ShouldBe(original.Purpose);
        read.Texts.Problems.Select(p => (p.Title, p.Body)).ShouldBe(original.Problems.Select(p => (p.Title, p.Body)));
        read.Texts.Suggestions.Count.ShouldBe(2);
        read.Texts.Funds!.Spent.ShouldBe(3656.18m);
        read.Texts.Funds.Received.ShouldBe(4000m);
        read.Texts.Funds.Unit.ShouldBe(MoneyUnit.WanYuan);
        read.Texts.Experience.ShouldBeEmpty();
    }

    [Fact]
    public void Empty_fields_are_left_out_and_untitled_items_date_and_fund_sources_survive()
    {
        var texts = new EvaluationReportTexts
        {
            Other = "无。",
            Suggestions = [new TextItem(null, "按月核对发放进度。"), new TextItem("加强管理", "第一段\n第二段")],
            Date = new DateOnly(2021, 3, 15),
            Funds = new ReportFunds(100m, 95.5m, MoneyUnit.Yuan, Sources: [new ReportFundSource("本年财政拨款", 80m, 100m, 95.5m)]),
        };
        var json = EvaluationReportTextsJsonWriter.Write(texts);
        json.ShouldNotContain("background");
        var read = EvaluationReportTextsJson.Read(json);
        read.Diagnostics.ShouldBeEmpty();
        read.Texts.Other.ShouldBe("无。");
        read.Texts.Suggestions.Select(s => (s.Title, s.Body)).ShouldBe([(null, "按月核对发放进度。"), ("加强管理", "第一段\n第二段")]);
        read.Texts.Date.ShouldBe(new DateOnly(2021, 3, 15));
        read.Texts.Funds!.Unit.ShouldBe(MoneyUnit.Yuan);
        read.Texts.Funds.Sources!.Single().ShouldBe(new ReportFundSource("本年财政拨款", 80m, 100m, 95.5m));
        EvaluationReportTextsJsonWriter.Write(EvaluationReportTexts.Empty).Replace(" ", "", StringComparison.Ordinal).ShouldBe("{}");
    }
}
