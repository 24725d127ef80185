using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jixiao.App.Demo;
using Jixiao.Data.Storing;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

/// <summary>
/// The 首页's 运行监控 warning on both databases, per role and unit: each clerk sees its own unit's red projects and the
/// 纠偏 it owes, finance (czj) the red projects of the units it oversees and how many are not asked yet, the expert (linked to the
/// bureau for its evaluations) none;
/// a 纠偏 past its deadline and a round past its fill deadline are named as such.
/// </summary>
public sealed class MonitoringDashboardTests(SeededApps apps) : IClassFixture<SeededApps>
{
    private static async Task<string> PageAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_home_page_warns_each_role_of_its_own_units_red_projects_and_owed_corrections(string provider)
    {
        var app = apps.Get(provider);
        var czj = await app.LoginAsync("czj");
        var gaj = await app.LoginAsync("gaj");
        var zfw = await app.LoginAsync("zfw");
        var expert = await app.LoginAsync("zhuanjia");
        (await PageAsync(czj, "/")).ShouldNotContain("monitoring-alerts", Case.Sensitive, "no round yet: no warning");

        int[] police, politics;
        await using (var db = app.NewDbContext())
        {
            db.ActorOverride = "测试准备";
            async Task<int[]> Approve(string unit, int count)
            {
                var projects = await db.Projects.Include(p => p.Indicators).Where(p => p.Unit!.Name == unit && p.Indicators.Count > 0)
                    .OrderBy(p => p.Id).Take(count).ToListAsync();
                foreach (var project in projects)
                {
                    project.Status = ReviewStatus.Approved;
                    project.FiscalYear = 2046;
                    project.TotalFen = 100_000_000;
                    var first = project.Indicators.OrderBy(i => i.Position).First();
                    first.AnnualText = "≥1200人";
                    TargetColumns.SetAnnual(first, TargetParser.Parse("≥1200人"));
                }

                return projects.Select(p => p.Id).ToArray();
            }

            police = await Approve(DemoSetup.PoliceUnit, 3);
            politics = await Approve(DemoSetup.PoliticsUnit, 1);
            await db.SaveChangesAsync();
        }

        var round = await JsonOf(await czj.PostAsJsonAsync("/api/v1/monitoring/rounds", new { fiscalYear = 2046, deadline = "2046-08-15" }));
        var roundId = round.GetProperty("round").GetProperty("id").GetInt32();
        var entries = round.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("projectId").GetInt32(), e => e.GetProperty("entryId").GetInt32());
        async Task Fill(HttpClient clerk, int projectId, long executedFen, bool submit = false) =>
            (await clerk.PutAsJsonAsync($"/api/v1/monitoring/entries/{entries[projectId]}", new { version = 0L, executedFen, submit }))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
        await Fill(gaj, police[0], 10_000_000);
        await Fill(gaj, police[1], 12_000_000);
        await Fill(gaj, police[2], 70_000_000, submit: true);
        await Fill(zfw, politics[0], 10_000_000);

        var finance = await PageAsync(czj, "/");
        finance.ShouldContain("2046 年 1–7月 监控：");
        finance.ShouldContain("红灯项目 <strong>3</strong> 个");
        finance.ShouldContain("（其中 3 个尚未下达纠偏）");
        finance.ShouldContain($"href=\"/monitoring/{roundId}\"");
        var police0 = await PageAsync(gaj, "/");
        police0.ShouldContain("红灯项目 <strong>2</strong> 个", Case.Sensitive, "the bureau's clerk counts its own unit's red projects only");
        police0.ShouldNotContain("尚未下达纠偏", Case.Sensitive, "a clerk does not ask");
        (await PageAsync(zfw, "/")).ShouldContain("红灯项目 <strong>1</strong> 个");
        (await PageAsync(expert, "/")).ShouldNotContain("monitoring-alerts", Case.Sensitive, "the expert, though linked to the bureau for its evaluations, has no part in monitoring");

        (await czj.PostAsync($"/api/v1/monitoring/rounds/{roundId}/corrections", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var asked = await PageAsync(czj, "/");
        asked.ShouldNotContain("尚未下达纠偏");
        asked.ShouldContain("<strong>3</strong> 项纠偏待单位答复");
        (await PageAsync(gaj, "/")).ShouldContain("<strong>2</strong> 项纠偏待您答复");
        (await PageAsync(zfw, "/")).ShouldContain("<strong>1</strong> 项纠偏待您答复");

        // One police request's deadline passes and the round's fill deadline too: both are named.
        await using (var db = app.NewDbContext())
        {
            db.ActorOverride = "测试准备";
            var late = await db.MonitoringCorrections.SingleAsync(c => c.ProjectId == police[0]);
            late.Deadline = new DateOnly(2025, 1, 31);
            var r = await db.MonitoringRounds.SingleAsync(x => x.Id == roundId);
            r.Deadline = new DateOnly(2025, 1, 15);
            await db.SaveChangesAsync();
        }

        var overdue = await PageAsync(gaj, "/");
        overdue.ShouldContain("<strong>1</strong> 项纠偏已逾期，请尽快答复");
        overdue.ShouldContain("<strong>1</strong> 项纠偏待您答复");
        overdue.ShouldContain("填报期限 2025-01-15 已过，<strong>2</strong> 个项目的监控表尚未提交", Case.Sensitive, "the third police project was submitted");
        var financeOverdue = await PageAsync(czj, "/");
        financeOverdue.ShouldContain("<strong>1</strong> 项纠偏逾期未答复");
        financeOverdue.ShouldContain("href=\"/monitoring/corrections?status=overdue\"");
        financeOverdue.ShouldContain("<strong>3</strong> 个项目的监控表尚未提交");
        (await PageAsync(zfw, "/")).ShouldNotContain("monitoring-alert-overdue", Case.Sensitive, "the late request is the bureau's");

        (await czj.PostAsync($"/api/v1/monitoring/rounds/{roundId}/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var closed = await PageAsync(gaj, "/");
        closed.ShouldNotContain("monitoring-alert-round", Case.Sensitive, "a closed round no longer warns");
        closed.ShouldContain("项纠偏已逾期", Case.Sensitive, "but what is owed still is");
    }
}
