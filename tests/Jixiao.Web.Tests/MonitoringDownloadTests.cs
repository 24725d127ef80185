using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jixiao.App.Demo;
using Jixiao.Data.Storing;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.Import.Reading.Formats;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

/// <summary>
/// The 监控表, 汇总表 and 监控报告 downloads per role on both databases, opened by the reader (text of every cell): a
/// clerk gets its own unit's and 404 for the other unit's, finance both units', the expert (linked to the bureau) not the
/// 政法委's; an unknown format is 404.
/// </summary>
public sealed class MonitoringDownloadTests(SeededApps apps) : IClassFixture<SeededApps>
{
    private static string Text(byte[] bytes, string name)
    {
        using var stream = new MemoryStream(bytes);
        var read = FormatReader.Read(stream, name);
        read.Diagnostics.ShouldNotContain(d => d.Severity == Jixiao.Domain.Diagnostics.Severity.Error);
        return string.Concat(read.Grids.SelectMany(g => g.Cells).Select(c => c.Text));
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Each_role_downloads_the_documents_of_the_units_it_sees_and_they_open(string provider)
    {
        var app = apps.Get(provider);
        (int Id, string Name, int UnitId) police, politics;
        await using (var db = app.NewDbContext())
        {
            db.ActorOverride = "测试准备";
            async Task<(int, string, int)> Approve(string unit)
            {
                var project = await db.Projects.Include(p => p.Indicators).Where(p => p.Unit!.Name == unit && p.Indicators.Count > 0).OrderBy(p => p.Id).FirstAsync();
                project.Status = ReviewStatus.Approved;
                project.FiscalYear = 2048;
                project.TotalFen = 100_000_000;
                var first = project.Indicators.OrderBy(i => i.Position).First();
                first.AnnualText = "≥1200人";
                TargetColumns.SetAnnual(first, TargetParser.Parse("≥1200人"));
                return (project.Id, project.Name, project.UnitId);
            }

            police = await Approve(DemoSetup.PoliceUnit);
            politics = await Approve(DemoSetup.PoliticsUnit);
            await db.SaveChangesAsync();
        }

        var czj = await app.LoginAsync("czj");
        var gaj = await app.LoginAsync("gaj");
        var expert = await app.LoginAsync("zhuanjia");
        var round = JsonSerializer.Deserialize<JsonElement>(await (await czj.PostAsJsonAsync("/api/v1/monitoring/rounds",
            new { fiscalYear = 2048, deadline = "2048-08-15" })).Content.ReadAsStringAsync());
        var roundId = round.GetProperty("round").GetProperty("id").GetInt32();
        var entries = round.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("projectId").GetInt32(), e => e.GetProperty("entryId").GetInt32());
        (await gaj.PutAsJsonAsync($"/api/v1/monitoring/entries/{entries[police.Id]}", new { version = 0L, executedFen = 10_000_000L, narrative = "招标推迟到8月。" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var sheet = await gaj.GetAsync($"/api/v1/monitoring/entries/{entries[police.Id]}/sheet.xlsx");
        sheet.StatusCode.ShouldBe(HttpStatusCode.OK);
        sheet.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var sheetText = Text(await sheet.Content.ReadAsByteArrayAsync(), "sheet.xlsx");
        sheetText.ShouldContain("项目支出绩效目标执行监控表");
        sheetText.ShouldContain(police.Name);
        sheetText.ShouldContain("招标推迟到8月。");
        sheetText.ShouldContain("红灯");
        var docx = await gaj.GetAsync($"/api/v1/monitoring/entries/{entries[police.Id]}/sheet.docx");
        Text(await docx.Content.ReadAsByteArrayAsync(), "sheet.docx").ShouldContain("（2048年1–7月）");
        (await gaj.GetAsync($"/api/v1/monitoring/entries/{entries[politics.Id]}/sheet.xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await gaj.GetAsync($"/api/v1/monitoring/entries/{entries[police.Id]}/sheet.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await expert.GetAsync($"/api/v1/monitoring/entries/{entries[politics.Id]}/sheet.xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound,
            "the expert is linked to the bureau only");

        var unitUrl = $"/api/v1/monitoring/rounds/{roundId}/units";
        (await gaj.GetAsync($"{unitUrl}/{politics.UnitId}/summary.xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await gaj.GetAsync($"{unitUrl}/{politics.UnitId}/report.docx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var summary = Text(await czj.GetByteArrayAsync($"{unitUrl}/{politics.UnitId}/summary.xlsx"), "summary.xlsx");
        summary.ShouldContain("项目支出绩效目标执行监控汇总表");
        summary.ShouldContain(politics.Name);
        summary.ShouldNotContain(police.Name);
        Text(await czj.GetByteArrayAsync($"{unitUrl}/{police.UnitId}/summary.docx"), "summary.docx").ShouldContain(police.Name);
        var report = Text(await gaj.GetByteArrayAsync($"{unitUrl}/{police.UnitId}/report.docx"), "report.docx");
        report.ShouldContain("项目支出绩效运行监控报告");
        report.ShouldContain("项目预警灯：红灯1个");
        report.ShouldContain("红灯项目1个，尚未下达纠偏。");

        var page = WebUtility.HtmlDecode(await czj.GetStringAsync($"/monitoring/{roundId}"));
        page.ShouldContain($"href=\"/api/v1/monitoring/rounds/{roundId}/units/{politics.UnitId}/report.docx\"");
        page.ShouldContain($"href=\"/api/v1/monitoring/entries/{entries[police.Id]}/sheet.xlsx\"");
    }
}
