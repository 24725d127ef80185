using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jixiao.App.Demo;
using Microsoft.Playwright;

namespace Jixiao.Web.Tests;

/// <summary>
/// 纠偏 and 载入监控表 in a real browser (Debian's Chromium, headless): finance opens a 1–7月 round; the police clerk
/// fills two projects through the API and the third by uploading a filled 监控表 on the round page; one is red;
/// finance asks it on the round page; the clerk answers 调剂 on the queue; finance sees the answer and pauses the funds.
/// Screenshots: screenshots/monitoring-load-preview.png, screenshots/monitoring-home.png (the clerk's 首页 warning) and
/// screenshots/monitoring-corrections.png.
/// </summary>
public sealed class MonitoringCorrectionBrowserTests
{
    [Fact]
    public async Task The_clerk_loads_a_table_and_answers_the_red_project_and_finance_sees_the_answered_queue()
    {
        await using var session = await BrowserSession.StartAsync();
        var baseUrl = session.BaseUrl;
        var police = await MonitoringBrowserTests.ApprovedPoliceProjectsAsync(session.App, 3, "培训人数");
        var czj = await session.LoginAsync("czj");
        var opened = await czj.APIRequest.PostAsync(baseUrl + "/api/v1/monitoring/rounds",
            new APIRequestContextOptions { DataObject = new { fiscalYear = 2024, deadline = "2024-08-15" }, Headers = session.SameSite });
        opened.Status.ShouldBe(201);
        var round = JsonSerializer.Deserialize<JsonElement>(await opened.TextAsync());
        var roundId = round.GetProperty("round").GetProperty("id").GetInt32();
        var entries = round.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("projectId").GetInt32(), e => e.GetProperty("entryId").GetInt32());

        var gaj = await session.LoginAsync("gaj");
        foreach (var (project, indicator, executedFen) in new[] { (police[0].Project, police[0].Indicator, 70_000_000L), (police[1].Project, police[1].Indicator, 10_000_000L) })
        {
            (await gaj.APIRequest.PutAsync($"{baseUrl}/api/v1/monitoring/entries/{entries[project]}", new APIRequestContextOptions
            {
                DataObject = new { version = 0, executedFen, indicators = new[] { new { indicatorId = indicator, progress = "700人", likelihood = "有可能" } } },
                Headers = session.SameSite,
            })).Status.ShouldBe(200);
        }

        // The third project comes from a filled 监控表 uploaded on the round page: previewed, then confirmed.
        var table = $"""
            项目支出绩效目标执行监控表
            （2024年1-7月）
            | 项目名称 | {police[2].Name} |
            | 主管部门 | 广州市白云区委政法委 | 实施单位 | {DemoSetup.PoliceUnit} |
            | 项目资金（万元） | 年初预算数 | 全年预算数(A) | 执行数(B) | 执行率 |
            | 年度资金总额 | 100 | 100 | 60 | 60% |
            | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 偏差原因 |
            | 产出指标 | 数量指标 | 培训人数 | ≥1200人 | 700人 | |
            填报人：张三

            """;
        await gaj.GotoAsync($"{baseUrl}/monitoring/{roundId}");
        await gaj.SetInputFilesAsync("#load-form input[type=file]", new FilePayload { Name = "公安分局监控表.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(table) });
        await gaj.ClickAsync("#load-form button[type=submit]");
        await gaj.WaitForSelectorAsync("#load-preview");
        (await gaj.Locator("#load-preview tr.matched").CountAsync()).ShouldBe(1);
        await gaj.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.Shots, "monitoring-load-preview.png"), FullPage = true });
        await gaj.ClickAsync("#load-confirm button");
        await gaj.WaitForURLAsync(new Regex($"/monitoring/{roundId}$"));
        (await gaj.TextContentAsync(".alert-success"))!.ShouldContain("已载入 公安分局监控表.txt：1 个项目");
        (await gaj.Locator("#project-lights .badge.text-bg-danger").CountAsync()).ShouldBe(1);
        (await gaj.Locator("#project-lights .badge.text-bg-success").CountAsync()).ShouldBe(2, "70 and 60 万元 by July are green");
        (await gaj.Locator("#request-corrections").CountAsync()).ShouldBe(0, "the clerk does not ask for 纠偏");

        // Finance asks the red project on the round page and lands on the round's queue.
        await czj.GotoAsync($"{baseUrl}/monitoring/{roundId}");
        await czj.ClickAsync("#request-corrections button");
        await czj.WaitForURLAsync(new Regex("/monitoring/corrections"));
        (await czj.TextContentAsync(".alert-success"))!.ShouldContain("已对 1 个红灯项目下达纠偏。");
        (await czj.Locator("#corrections tbody tr").CountAsync()).ShouldBe(1);
        (await czj.TextContentAsync("#corrections tbody tr"))!.ShouldContain("待答复");

        // The clerk's 首页 warns of the red project and the 纠偏 it owes, and leads to the queue.
        await gaj.GotoAsync($"{baseUrl}/");
        (await gaj.TextContentAsync("#monitoring-alerts"))!.ShouldContain("红灯项目 1 个");
        (await gaj.TextContentAsync("#monitoring-alert-awaiting"))!.ShouldContain("1 项纠偏待您答复");
        await gaj.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.Shots, "monitoring-home.png") });

        // The clerk answers 调剂 of 30 万元 on the queue.
        await gaj.GotoAsync($"{baseUrl}/monitoring/corrections");
        await gaj.SelectOptionAsync("form.answer select[name=decision]", "adjust");
        await gaj.FillAsync("form.answer input[name=adjustYuan]", "300000");
        await gaj.FillAsync("form.answer textarea[name=reason]", "设备采购推迟到明年，调剂 30 万元用于运维。");
        await gaj.ClickAsync("form.answer button[type=submit]");
        await gaj.WaitForSelectorAsync(".alert-success");
        (await gaj.TextContentAsync(".decision")).ShouldBe("调剂");
        (await gaj.Locator("form.funds").CountAsync()).ShouldBe(0, "the clerk does not pause funds");

        // Finance sees the answered queue and pauses the funds.
        await czj.GotoAsync($"{baseUrl}/monitoring/corrections?status=answered");
        var answered = czj.Locator("#corrections tbody tr");
        (await answered.CountAsync()).ShouldBe(1);
        var text = (await answered.TextContentAsync())!;
        text.ShouldContain("已答复");
        text.ShouldContain("调剂：30.00 万元");
        await czj.FillAsync("form.funds input[name=reason]", "调剂到位前暂停拨付。");
        await czj.ClickAsync("form.funds button[type=submit]");
        await czj.WaitForSelectorAsync(".funds-paused");
        (await czj.TextContentAsync(".alert-success"))!.ShouldContain("已标记暂停拨付。");
        await czj.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.Shots, "monitoring-corrections.png"), FullPage = true });
        session.Errors.ShouldBeEmpty();
    }
}
