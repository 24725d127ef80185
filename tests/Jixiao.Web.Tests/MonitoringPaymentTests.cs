using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jixiao.App.Demo;
using Jixiao.Data.Entities;
using Jixiao.Data.Storing;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.Reporting.TargetTables;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

/// <summary>
/// 载入支付数据 through POST /api/v1/monitoring/rounds/{id}/payments and the round page, per role on both databases: a
/// GBK CSV of the 国库 payments summed by 项目编码 into 1–7月 执行数 (an August payment left out, a 合计 row skipped), the
/// clerk only for its own unit (the other unit's code is listed as unmatched), finance for all from a workbook; a submitted
/// entry keeps the unit's figure; a bad amount stops the load; every changed 执行数 is an audit line naming the file.
/// </summary>
public sealed class MonitoringPaymentTests(SeededApps apps) : IClassFixture<SeededApps>
{
    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    private static MultipartFormDataContent Upload(byte[] bytes, string name, bool confirm)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } };
        if (confirm)
        {
            form.Add(new StringContent("true"), "confirm");
        }

        return form;
    }

    private static byte[] Gbk(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030").GetBytes(text);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Payments_are_summed_by_code_into_the_execution_of_the_projects_the_loader_may_fill_or_review(string provider)
    {
        var app = apps.Get(provider);
        int[] police, politics;
        await using (var db = app.NewDbContext())
        {
            db.ActorOverride = "测试准备";
            async Task<int[]> Approve(string unit, int count, string prefix)
            {
                var projects = await db.Projects.Include(p => p.Indicators).Where(p => p.Unit!.Name == unit && p.Indicators.Count > 0)
                    .OrderBy(p => p.Id).Take(count).ToListAsync();
                var n = 0;
                foreach (var project in projects)
                {
                    project.Status = ReviewStatus.Approved;
                    project.FiscalYear = 2047;
                    project.TotalFen = 100_000_000;
                    project.Code = $"{prefix}-{++n:000}";
                    var first = project.Indicators.OrderBy(i => i.Position).First();
                    first.AnnualText = "≥1200人";
                    TargetColumns.SetAnnual(first, TargetParser.Parse("≥1200人"));
                }

                return projects.Select(p => p.Id).ToArray();
            }

            police = await Approve(DemoSetup.PoliceUnit, 3, "440111-GA");
            politics = await Approve(DemoSetup.PoliticsUnit, 1, "440111-ZF");
            await db.SaveChangesAsync();
        }

        var czj = await app.LoginAsync("czj");
        var gaj = await app.LoginAsync("gaj");
        var expert = await app.LoginAsync("zhuanjia");
        var round = await JsonOf(await czj.PostAsJsonAsync("/api/v1/monitoring/rounds", new { fiscalYear = 2047, deadline = "2047-08-15" }));
        var roundId = round.GetProperty("round").GetProperty("id").GetInt32();
        var entries = round.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("projectId").GetInt32(), e => e.GetProperty("entryId").GetInt32());
        (await gaj.PutAsJsonAsync($"/api/v1/monitoring/entries/{entries[police[2]]}", new { version = 0L, executedFen = 50_000_000L, submit = true }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var csv = Gbk("""
            预算单位,项目编码,项目名称,支付金额（元）,支付日期
            广州市公安局白云区分局,440111-GA-001,第一个项目,"120,000.50",2047-03-02
            广州市公安局白云区分局,440111-GA-001,第一个项目,79999.50,2047/7/31
            广州市公安局白云区分局,440111-GA-001,第一个项目,-10000.00,2047-06-30
            广州市公安局白云区分局,440111-GA-002,第二个项目,300000,2047-08-01
            广州市公安局白云区分局,440111-GA-003,第三个项目,450000,2047-05-20
            白云区委政法委,440111-ZF-001,政法委项目,250000,2047-04-10
            其他单位,999999-XX-001,别的项目,88,2047-01-05
            合计,,,"1,278,088.00",
            """);
        var url = $"/api/v1/monitoring/rounds/{roundId}/payments";
        (await expert.PostAsync(url, Upload(csv, "支付明细.csv", false))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await gaj.PostAsync("/api/v1/monitoring/rounds/999999/payments", Upload(csv, "支付明细.csv", false))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var preview = await JsonOf(await gaj.PostAsync(url, Upload(csv, "支付明细.csv", false)));
        preview.GetProperty("lines").GetInt32().ShouldBe(7);
        preview.GetProperty("outsideMonths").GetInt32().ShouldBe(1, "the August payment is not 1–7月");
        preview.GetProperty("canConfirm").GetBoolean().ShouldBeTrue();
        var matched = preview.GetProperty("matched").EnumerateArray().ToDictionary(m => m.GetProperty("projectId").GetInt32());
        matched.Keys.Order().ShouldBe(new[] { police[0], police[2] }.Order(), "the clerk's own unit only; the second project's one payment is in August");
        matched[police[0]].GetProperty("newFen").GetInt64().ShouldBe(19_000_000L, "120,000.50 + 79,999.50 − 10,000 元");
        matched[police[0]].GetProperty("lines").GetInt32().ShouldBe(3);
        matched[police[2]].GetProperty("changes").GetBoolean().ShouldBeFalse();
        matched[police[2]].GetProperty("note").GetString().ShouldBe("监控表已提交，执行数未更新：单位填报 500,000.00 元，支付数据 450,000.00 元。");
        preview.GetProperty("unmatched").EnumerateArray().Select(u => u.GetProperty("code").GetString())
            .ShouldBe(["440111-ZF-001", "999999-XX-001"], "another unit's code is not the clerk's: listed, not loaded");
        preview.GetProperty("unpaid").EnumerateArray().Select(u => u.GetProperty("entryId").GetInt32()).ShouldBe([entries[police[1]]]);
        preview.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ShouldBe(["PAY003"], "the 合计 row has no code");

        (await gaj.PostAsync(url, Upload(csv, "支付明细.csv", true))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var db = app.NewDbContext())
        {
            var stored = await db.MonitoringEntries.Where(e => e.RoundId == roundId).ToDictionaryAsync(e => e.ProjectId);
            (stored[police[0]].ExecutedFen, stored[police[0]].Status).ShouldBe((19_000_000L, MonitoringEntryStatus.Draft));
            stored[police[1]].ExecutedFen.ShouldBeNull();
            (stored[police[2]].ExecutedFen, stored[police[2]].Status).ShouldBe((50_000_000L, MonitoringEntryStatus.Submitted));
            stored[politics[0]].ExecutedFen.ShouldBeNull("the clerk of the bureau does not load the 政法委's figure");
            var audit = await db.AuditLog.Where(a => a.Entity == "monitoring" && a.EntityId == stored[police[0]].Id && a.Field == "executed").SingleAsync();
            (audit.OldValue, audit.NewValue, audit.Reason, audit.Actor, audit.ProjectId).ShouldBe((null, "190000.00 元", "载入支付数据 支付明细.csv", "公安分局填报员", police[0]));
            (await db.AuditLog.CountAsync(a => a.Entity == "monitoringRound" && a.EntityId == roundId && a.Field == "paymentsLoaded")).ShouldBe(1);
        }

        // Finance loads the treasury's workbook in 万元 for every unit it oversees.
        using var workbook = new MemoryStream();
        XlsxGrid.Write(workbook, [new XlsxSheet("支付", [
            ["国库集中支付明细（2047年1–7月）", null, null],
            ["项目编码", "项目名称", "实际支付金额（万元）"],
            ["440111-GA-002", "第二个项目", 61.5m],
            ["440111-ZF-001", "政法委项目", "25.25"],
        ])]);
        var financePreview = await JsonOf(await czj.PostAsync(url, Upload(workbook.ToArray(), "支付.xlsx", false)));
        financePreview.GetProperty("inWanYuan").GetBoolean().ShouldBeTrue();
        financePreview.GetProperty("matched").EnumerateArray().Select(m => (m.GetProperty("projectId").GetInt32(), m.GetProperty("newFen").GetInt64()))
            .OrderBy(m => m.Item1).ShouldBe(new[] { (police[1], 61_500_000L), (politics[0], 25_250_000L) }.OrderBy(m => m.Item1));
        (await czj.PostAsync(url, Upload(workbook.ToArray(), "支付.xlsx", true))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var db = app.NewDbContext())
        {
            (await db.MonitoringEntries.SingleAsync(e => e.RoundId == roundId && e.ProjectId == politics[0])).ExecutedFen.ShouldBe(25_250_000L);
        }

        // A payment whose amount is not a number stops the whole load: nothing is written.
        var bad = Gbk("项目编码,支付金额\n440111-GA-001,1000\n440111-GA-003,一万\n");
        var refused = await gaj.PostAsync(url, Upload(bad, "坏.csv", true));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(refused)).GetProperty("detail").GetString()!.ShouldContain("PAY002 第3行项目编码 440111-GA-003 的支付金额“一万”不是数字。");
        await using (var db = app.NewDbContext())
        {
            (await db.MonitoringEntries.SingleAsync(e => e.RoundId == roundId && e.ProjectId == police[0])).ExecutedFen.ShouldBe(19_000_000L);
        }

        // The page: preview, then confirm.
        var roundPage = $"/monitoring/{roundId}";
        var form = Upload(csv, "支付明细.csv", false);
        form.Add(new StringContent(await PageForms.TokenAsync(czj, roundPage)), "__RequestVerificationToken");
        var page = await czj.PostAsync($"{roundPage}?handler=Payments", form);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        html.ShouldContain("支付明细.csv：7 行支付（金额单位：元），匹配本轮项目 3 个，未匹配的项目编码 1 个，本轮未见支付的项目 1 个；1 行支付日期不在 2047 年 1–7月，未计入。");
        var content = System.Text.RegularExpressions.Regex.Match(html, "name=\"content\" value=\"([^\"]+)\"").Groups[1].Value;
        content.ShouldNotBeEmpty();
        (await PageForms.PostAsync(czj, $"{roundPage}?handler=PaymentsConfirm", [new("content", content), new("fileName", "支付明细.csv")], tokenPage: roundPage))
            .StatusCode.ShouldBe(HttpStatusCode.Found);
        (await PageForms.AlertsAsync(czj, roundPage)).ShouldBe(["已载入 支付明细.csv：1 个项目的 1–7月执行数已按支付数据更新。"]);
        await using (var db = app.NewDbContext())
        {
            (await db.MonitoringEntries.SingleAsync(e => e.RoundId == roundId && e.ProjectId == politics[0])).ExecutedFen.ShouldBe(25_000_000L);
        }

        (await czj.PostAsync($"/api/v1/monitoring/rounds/{roundId}/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var closed = await czj.PostAsync(url, Upload(csv, "支付明细.csv", true));
        closed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(closed)).GetProperty("detail").GetString()!.ShouldContain("该轮监控已结束，不能再载入。");
    }
}
