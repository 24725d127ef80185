using System.Text.Json;
using System.Text.RegularExpressions;
using Jixiao.Data.Storing;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.App.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Jixiao.Web.Tests;

/// <summary>
/// 运行监控 in a real browser (Debian's Chromium, headless): finance opens a 1–7月 round, the police clerk fills two
/// projects (one red), and the 运行监控 page shows the round's lights by unit and project. Screenshot:
/// screenshots/monitoring-round.png in the test output folder.
/// </summary>
public sealed class MonitoringBrowserTests
{
    /// <summary>
    /// The first <paramref name="count"/> police projects with indicators, made approved projects of 2024 with 100 万元
    /// whose first indicator's 年度指标值 is "≥1200人" (and its name <paramref name="indicatorName"/>, when given).
    /// </summary>
    internal static async Task<List<(int Project, string Name, int Indicator)>> ApprovedPoliceProjectsAsync(TestApp app, int count, string? indicatorName = null)
    {
        await using var db = app.NewDbContext();
        db.ActorOverride = "测试准备";
        var projects = await db.Projects.Include(p => p.Indicators).Where(p => p.Unit!.Name == DemoSetup.PoliceUnit && p.Indicators.Count > 0)
            .OrderBy(p => p.Id).Take(count).ToListAsync();
        foreach (var project in projects)
        {
            project.Status = ReviewStatus.Approved;
            project.FiscalYear = 2024;
            project.TotalFen = 100_000_000;
            var first = project.Indicators.OrderBy(i => i.Position).First();
            first.Name = indicatorName ?? first.Name;
            TargetColumns.SetAnnual(first, TargetParser.Parse("≥1200人"));
        }

        await db.SaveChangesAsync();
        return projects.Select(p => (p.Id, p.Name, p.Indicators.OrderBy(i => i.Position).First().Id)).ToList();
    }

    [Fact]
    public async Task Finance_opens_a_round_the_clerk_fills_it_and_the_page_shows_the_red_project()
    {
        await using var session = await BrowserSession.StartAsync();
        var baseUrl = session.BaseUrl;
        var police = await ApprovedPoliceProjectsAsync(session.App, 2);
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
            var filled = await gaj.APIRequest.PutAsync($"{baseUrl}/api/v1/monitoring/entries/{entries[project]}", new APIRequestContextOptions
            {
                DataObject = new { version = 0, executedFen, narrative = "按计划推进。", indicators = new[] { new { indicatorId = indicator, progress = "700人", likelihood = "有可能" } } },
                Headers = session.SameSite,
            });
            filled.Status.ShouldBe(200);
        }

        await czj.GotoAsync(baseUrl + "/monitoring");
        await czj.ClickAsync($"a[href='/monitoring/{roundId}']");
        await czj.WaitForURLAsync(new Regex($"/monitoring/{roundId}$"));
        (await czj.Locator("#project-lights .badge.text-bg-danger").CountAsync()).ShouldBe(1);
        (await czj.Locator("#project-lights .badge.text-bg-success").CountAsync()).ShouldBe(1);
        (await czj.TextContentAsync("#unit-lights tbody"))!.ShouldContain(DemoSetup.PoliceUnit);
        await czj.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.Shots, "monitoring-round.png"), FullPage = true });
        session.Errors.ShouldBeEmpty();
    }
}
