using Jixiao.Data.Entities;
using Jixiao.Domain.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data.Tests;

/// <summary>Migration 0005: an evaluation keeps its report texts (Chinese JSON, unchanged), under the evaluation's version.</summary>
public sealed class ReportTextsStoreTests
{
    private const string Texts = """{"background": "推动“雪亮工程”建设工作是事关国家安全的重要举措。", "problems": [{"title": "探头监控在线率有待提升", "body": "一期故障率为16.38%。"}]}""";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_evaluation_keeps_its_report_texts_and_a_stale_writer_gets_a_conflict(string provider)
    {
        using var database = TestDatabase.Create(provider);
        int id;
        await using (var db = database.NewContext("评价专家"))
        {
            var unit = new UnitEntity { Name = "南昌市公安局新建分局" };
            var project = new ProjectEntity { Name = "2020年“雪亮工程”建设项目", SourceMoneyUnit = "万元", Goal = "建成监控系统。", Source = "004.txt", Unit = unit };
            var evaluation = new EvaluationEntity { Project = project, Kind = EvaluationKind.DepartmentEvaluation, SheetJson = "{}", CreatedBy = "评价专家" };
            db.Evaluations.Add(evaluation);
            await db.SaveChangesAsync();
            id = evaluation.Id;
            evaluation.ReportTextsJson.ShouldBeNull();
        }

        await using var first = database.NewContext("甲");
        await using var second = database.NewContext("乙");
        var mine = await first.Evaluations.SingleAsync(e => e.Id == id);
        var theirs = await second.Evaluations.SingleAsync(e => e.Id == id);
        var before = mine.Version;
        mine.ReportTextsJson = Texts;
        await first.SaveChangesAsync();
        mine.Version.ShouldBe(before + 1);

        theirs.ReportTextsJson = "{}";
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = database.NewContext();
        (await check.Evaluations.SingleAsync(e => e.Id == id)).ReportTextsJson.ShouldBe(Texts);
    }
}
