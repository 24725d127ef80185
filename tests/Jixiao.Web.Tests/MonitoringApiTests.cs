using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jixiao.Data.Storing;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.App.Demo;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

/// <summary>
/// 运行监控 through /api/v1/monitoring, per role: finance (czj, admin) opens, the unit's clerk fills, lights and the red
/// list follow; other units' ids are 404, visible ones a role may not change are 403.
/// </summary>
public sealed class MonitoringApiTests(SeededApps apps) : IClassFixture<SeededApps>
{
    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// Makes the first <paramref name="count"/> projects of <paramref name="unit"/> approved projects of
    /// <paramref name="year"/> (a year no other test uses) with a budget of 100 万元 and a first indicator "≥1200人".
    /// </summary>
    private static async Task<List<(int ProjectId, int IndicatorId)>> ApproveAsync(TestApp app, string unit, int count, int year)
    {
        await using var db = app.NewDbContext();
        db.ActorOverride = "测试准备";
        var projects = await db.Projects.Include(p => p.Indicators).Where(p => p.Unit!.Name == unit && p.Indicators.Count > 0)
            .OrderBy(p => p.Id).Take(count).ToListAsync();
        foreach (var project in projects)
        {
            project.Status = ReviewStatus.Approved;
            project.FiscalYear = year;
            project.TotalFen = 100_000_000; // 100 万元
            var first = project.Indicators.OrderBy(i => i.Position).First();
            first.Name = "培训人数";
            first.AnnualText = "≥1200人";
            TargetColumns.SetAnnual(first, TargetParser.Parse("≥1200人"));
        }

        await db.SaveChangesAsync();
        return projects.Select(p => (p.Id, p.Indicators.OrderBy(i => i.Position).First().Id)).ToList();
    }

    private static object Fill(long version, long? executedFen, int indicatorId, string? progress, bool submit = false, string? cause = null) => new
    {
        version, executedFen, expectedAnnualFen = 100_000_000L, narrative = "按计划推进。", submit,
        indicators = new[] { new { indicatorId, progress, expectedAnnual = "1200人", deviationCause = cause, likelihood = "有可能", correction = (string?)null } },
    };

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Finance_opens_a_round_the_clerk_fills_it_and_the_lights_and_red_list_follow(string provider)
    {
        var app = apps.Get(provider);
        var police = await ApproveAsync(app, DemoSetup.PoliceUnit, 3, 2031);
        var politics = await ApproveAsync(app, DemoSetup.PoliticsUnit, 1, 2031);
        var czj = await app.LoginAsync("czj");
        var gaj = await app.LoginAsync("gaj");
        var zfw = await app.LoginAsync("zfw");
        var expert = await app.LoginAsync("zhuanjia");

        var request = new { fiscalYear = 2031, deadline = "2031-08-15" };
        (await gaj.PostAsJsonAsync("/api/v1/monitoring/rounds", request)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await expert.PostAsJsonAsync("/api/v1/monitoring/rounds", request)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await czj.PostAsJsonAsync("/api/v1/monitoring/rounds", new { fiscalYear = 2031, startMonth = 8, endMonth = 7, deadline = "2031-08-15" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var created = await czj.PostAsJsonAsync("/api/v1/monitoring/rounds", request);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var round = await JsonOf(created);
        var roundId = round.GetProperty("round").GetProperty("id").GetInt32();
        round.GetProperty("round").GetProperty("months").GetString().ShouldBe("1–7月");
        round.GetProperty("round").GetProperty("kind").GetString().ShouldBe("midYear");
        round.GetProperty("entries").GetArrayLength().ShouldBe(4);

        // Each unit sees its own entries only; another unit's entry is not found, for reading and for writing.
        var gajRound = await JsonOf(await gaj.GetAsync($"/api/v1/monitoring/rounds/{roundId}"));
        var gajEntries = gajRound.GetProperty("entries").EnumerateArray().ToList();
        gajEntries.Select(e => e.GetProperty("projectId").GetInt32()).Order().ShouldBe(police.Select(p => p.ProjectId).Order());
        gajRound.GetProperty("canFillAny").GetBoolean().ShouldBeTrue();
        var zfwEntry = (await JsonOf(await zfw.GetAsync($"/api/v1/monitoring/rounds/{roundId}"))).GetProperty("entries")[0].GetProperty("entryId").GetInt32();
        (await gaj.GetAsync($"/api/v1/monitoring/entries/{zfwEntry}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await gaj.PutAsJsonAsync($"/api/v1/monitoring/entries/{zfwEntry}", Fill(0, 1, politics[0].IndicatorId, "1人"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await gaj.GetAsync("/api/v1/monitoring/rounds/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        int EntryOf(int projectId) => gajEntries.Single(e => e.GetProperty("projectId").GetInt32() == projectId).GetProperty("entryId").GetInt32();
        var (green, red, submitted) = (EntryOf(police[0].ProjectId), EntryOf(police[1].ProjectId), EntryOf(police[2].ProjectId));

        // Those who see the entry but are not its unit's clerk may not fill it.
        var entry = await JsonOf(await expert.GetAsync($"/api/v1/monitoring/entries/{green}"));
        entry.GetProperty("canEdit").GetBoolean().ShouldBeFalse();
        entry.GetProperty("deviationCauses").EnumerateArray().Select(c => c.GetString()).ShouldBe(["经费保障", "制度保障", "人员保障", "硬件条件保障", "其他"]);
        (await expert.PutAsJsonAsync($"/api/v1/monitoring/entries/{green}", Fill(0, 1, police[0].IndicatorId, "1人"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await czj.PutAsJsonAsync($"/api/v1/monitoring/entries/{green}", Fill(0, 1, police[0].IndicatorId, "1人"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // 70 万元 of 100 by July: 70 × 12 ÷ 700 = 1.2 → green; 700 人 of 1200: 700 × 12 ÷ 8400 = 1 → green.
        var saved = await gaj.PutAsJsonAsync($"/api/v1/monitoring/entries/{green}", Fill(0, 70_000_000, police[0].IndicatorId, "700人"));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var savedEntry = await JsonOf(saved);
        savedEntry.GetProperty("version").GetInt64().ShouldBe(1);
        savedEntry.GetProperty("status").GetString().ShouldBe("draft");
        (await gaj.PutAsJsonAsync($"/api/v1/monitoring/entries/{green}", Fill(0, 70_000_000, police[0].IndicatorId, "700人"))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var badCause = await gaj.PutAsJsonAsync($"/api/v1/monitoring/entries/{green}", Fill(1, 70_000_000, police[0].IndicatorId, "700人", cause: "天气"));
        badCause.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(badCause)).GetProperty("detail").GetString().ShouldBe("指标“培训人数”的偏差原因“天气”不在本地区的分类中（经费保障、制度保障、人员保障、硬件条件保障、其他）。");
        var otherIndicator = await gaj.PutAsJsonAsync($"/api/v1/monitoring/entries/{green}", Fill(1, 70_000_000, politics[0].IndicatorId, "700人"));
        otherIndicator.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // 10 万元 by July: 10 × 12 ÷ 700 = 0.17 → red, whatever the indicator says.
        (await gaj.PutAsJsonAsync($"/api/v1/monitoring/entries/{red}", Fill(0, 10_000_000, police[1].IndicatorId, "700人", cause: "经费保障")))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        // Exactly 35 of 100 by July is 0.6: yellow, not red. Submitted, it cannot change any more.
        (await gaj.PutAsJsonAsync($"/api/v1/monitoring/entries/{submitted}", Fill(0, null, police[2].IndicatorId, "700人", submit: true)))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var handedIn = await JsonOf(await gaj.PutAsJsonAsync($"/api/v1/monitoring/entries/{submitted}", Fill(0, 35_000_000, police[2].IndicatorId, "700人", submit: true)));
        handedIn.GetProperty("status").GetString().ShouldBe("submitted");
        handedIn.GetProperty("submittedBy").GetString().ShouldBe("公安分局填报员");
        (await gaj.PutAsJsonAsync($"/api/v1/monitoring/entries/{submitted}", Fill(1, 35_000_000, police[2].IndicatorId, "700人")))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var lights = await JsonOf(await czj.GetAsync($"/api/v1/monitoring/rounds/{roundId}/lights"));
        var byProject = lights.GetProperty("projects").EnumerateArray().ToDictionary(p => p.GetProperty("projectId").GetInt32(), p => p.GetProperty("lights"));
        byProject[police[0].ProjectId].GetProperty("light").GetString().ShouldBe("green");
        byProject[police[0].ProjectId].GetProperty("budget").GetProperty("ratio").GetDecimal().ShouldBe(1.2m);
        byProject[police[1].ProjectId].GetProperty("light").GetString().ShouldBe("red");
        byProject[police[2].ProjectId].GetProperty("light").GetString().ShouldBe("yellow");
        byProject[police[2].ProjectId].GetProperty("budget").GetProperty("ratio").GetDecimal().ShouldBe(0.6m);
        byProject[politics[0].ProjectId].GetProperty("light").ValueKind.ShouldBe(JsonValueKind.Null);
        var policeUnit = lights.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitName").GetString() == DemoSetup.PoliceUnit);
        (policeUnit.GetProperty("red").GetInt32(), policeUnit.GetProperty("yellow").GetInt32(), policeUnit.GetProperty("green").GetInt32()).ShouldBe((1, 1, 1));
        policeUnit.GetProperty("executedFen").GetInt64().ShouldBe(115_000_000);
        lights.GetProperty("round").GetProperty("submitted").GetInt32().ShouldBe(1);

        var redList = await JsonOf(await czj.GetAsync($"/api/v1/monitoring/rounds/{roundId}/red"));
        redList.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("projectId").GetInt32()).ShouldBe([police[1].ProjectId]);
        // The other unit's clerk sees its own project's lights only, and no red.
        var zfwLights = await JsonOf(await zfw.GetAsync($"/api/v1/monitoring/rounds/{roundId}/lights"));
        zfwLights.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("projectId").GetInt32()).ShouldBe([politics[0].ProjectId]);
        (await JsonOf(await zfw.GetAsync($"/api/v1/monitoring/rounds/{roundId}/red"))).GetProperty("projects").GetArrayLength().ShouldBe(0);

        // Every filled field is in the project's history.
        var history = await JsonOf(await gaj.GetAsync($"/api/v1/projects/{police[0].ProjectId}/history"));
        var monitoring = history.EnumerateArray().Where(h => h.GetProperty("entity").GetString()!.StartsWith("monitoring", StringComparison.Ordinal))
            .Select(h => (h.GetProperty("field").GetString(), h.GetProperty("newValue").GetString(), h.GetProperty("actor").GetString())).ToList();
        monitoring.ShouldContain(("executed", "700000.00 元", "公安分局填报员"));
        monitoring.ShouldContain(("progress", "700人", "公安分局填报员"));
        monitoring.ShouldContain(("status", "填报中", "公安分局填报员"));
        await using var db = app.NewDbContext();
        (await db.AuditLog.CountAsync(a => a.Entity == "monitoringRound" && a.EntityId == roundId && a.Field == "created" && a.Actor == "财政局审核员")).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_department_reviewer_opens_rounds_for_its_own_units_only(string provider)
    {
        var app = apps.Get(provider);
        var politics = await ApproveAsync(app, DemoSetup.PoliticsUnit, 2, 2032);
        await ApproveAsync(app, DemoSetup.PoliceUnit, 1, 2032);
        var admin = await app.LoginAsync("admin");
        var units = (await JsonOf(await admin.GetAsync("/api/v1/units"))).EnumerateArray()
            .ToDictionary(u => u.GetProperty("name").GetString()!, u => u.GetProperty("id").GetInt32());
        var userName = "bm" + provider[..2];
        (await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName, displayName = "政法委主管部门", password = "jixiao2026x", role = App.Auth.Roles.Reviewer, unitIds = new[] { units[DemoSetup.PoliticsUnit] },
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var department = await app.LoginAsync(userName, "jixiao2026x");

        // A unit it does not oversee is not found (nothing leaks about it); without units it gets its own.
        (await department.PostAsJsonAsync("/api/v1/monitoring/rounds", new { fiscalYear = 2032, deadline = "2032-07-10", unitIds = new[] { units[DemoSetup.PoliceUnit] } }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await department.PostAsJsonAsync("/api/v1/monitoring/rounds", new { fiscalYear = 2099, deadline = "2099-07-10" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var created = await JsonOf(await department.PostAsJsonAsync("/api/v1/monitoring/rounds",
            new { fiscalYear = 2032, startMonth = 1, endMonth = 6, deadline = "2032-07-10" }));
        created.GetProperty("round").GetProperty("kind").GetString().ShouldBe("halfYear");
        created.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("projectId").GetInt32()).Order().ShouldBe(politics.Select(p => p.ProjectId).Order());
        var roundId = created.GetProperty("round").GetProperty("id").GetInt32();

        // 公安分局 has no project in it: its clerk does not see the round at all.
        var gaj = await app.LoginAsync("gaj");
        (await gaj.GetAsync($"/api/v1/monitoring/rounds/{roundId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await gaj.GetAsync($"/api/v1/monitoring/rounds/{roundId}/lights")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await JsonOf(await gaj.GetAsync("/api/v1/monitoring/rounds"))).EnumerateArray().ShouldNotContain(r => r.GetProperty("id").GetInt32() == roundId);
        var listed = (await JsonOf(await department.GetAsync("/api/v1/monitoring/rounds"))).EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == roundId);
        listed.GetProperty("projects").GetInt32().ShouldBe(2);
        listed.GetProperty("openedBy").GetString().ShouldBe("政法委主管部门");

        // Only the opener (or an admin) ends the round; afterwards nothing can be filled, the lights stay readable.
        var zfw = await app.LoginAsync("zfw");
        var entry = created.GetProperty("entries")[0].GetProperty("entryId").GetInt32();
        var czj = await app.LoginAsync("czj");
        (await czj.PostAsync($"/api/v1/monitoring/rounds/{roundId}/close", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await zfw.PostAsync($"/api/v1/monitoring/rounds/{roundId}/close", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await gaj.PostAsync($"/api/v1/monitoring/rounds/{roundId}/close", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var closed = await department.PostAsync($"/api/v1/monitoring/rounds/{roundId}/close", null);
        closed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonOf(closed)).GetProperty("round").GetProperty("status").GetString().ShouldBe("closed");
        (await department.PostAsync($"/api/v1/monitoring/rounds/{roundId}/close", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var late = await zfw.PutAsJsonAsync($"/api/v1/monitoring/entries/{entry}", Fill(0, 1, politics[0].IndicatorId, "1人"));
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await JsonOf(late)).GetProperty("detail").GetString().ShouldBe("该轮监控已结束，不能再填写。");
        (await JsonOf(await zfw.GetAsync($"/api/v1/monitoring/entries/{entry}"))).GetProperty("canEdit").GetBoolean().ShouldBeFalse();
        (await zfw.GetAsync($"/api/v1/monitoring/rounds/{roundId}/lights")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_monitoring_page_lists_rounds_and_shows_a_rounds_lights_by_unit_and_project(string provider)
    {
        var app = apps.Get(provider);
        var police = await ApproveAsync(app, DemoSetup.PoliceUnit, 2, 2033);
        var politics = await ApproveAsync(app, DemoSetup.PoliticsUnit, 1, 2033);
        var admin = await app.LoginAsync("admin");
        var round = await JsonOf(await admin.PostAsJsonAsync("/api/v1/monitoring/rounds", new { fiscalYear = 2033, deadline = "2033-08-15" }));
        var roundId = round.GetProperty("round").GetProperty("id").GetInt32();
        var gaj = await app.LoginAsync("gaj");
        var entries = round.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("projectId").GetInt32(), e => e.GetProperty("entryId").GetInt32());
        (await gaj.PutAsJsonAsync($"/api/v1/monitoring/entries/{entries[police[0].ProjectId]}", Fill(0, 10_000_000, police[0].IndicatorId, "700人")))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var list = WebUtility.HtmlDecode(await gaj.GetStringAsync("/monitoring"));
        list.ShouldContain($"href=\"/monitoring/{roundId}\"");
        list.ShouldContain("年中监控");
        list.ShouldContain("href=\"/monitoring\"><i class=\"bi bi-stoplights\"></i> 运行监控");

        var page = WebUtility.HtmlDecode(await gaj.GetStringAsync($"/monitoring/{roundId}"));
        page.ShouldContain("2033 年 1–7月");
        page.ShouldContain($"<td>{DemoSetup.PoliceUnit}</td><td class=\"text-end\">2</td><td class=\"text-end\">1</td>");
        page.ShouldContain("<span class=\"badge text-bg-danger\">红灯</span>");
        page.ShouldContain("预算执行：执行 10 ÷ 预算 100 万元 = 10%");
        page.ShouldNotContain(DemoSetup.PoliticsUnit);
        WebUtility.HtmlDecode(await admin.GetStringAsync($"/monitoring/{roundId}")).ShouldContain(DemoSetup.PoliticsUnit);

        // A round without the clerk's units is not found on the page either.
        var politicsOnly = await JsonOf(await admin.PostAsJsonAsync("/api/v1/monitoring/rounds",
            new { fiscalYear = 2033, endMonth = 6, deadline = "2033-07-15", unitIds = new[] { (await app.NewDbContext().Projects.FindAsync(politics[0].ProjectId))!.UnitId } }));
        var hidden = politicsOnly.GetProperty("round").GetProperty("id").GetInt32();
        (await gaj.GetAsync($"/monitoring/{hidden}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await gaj.GetStringAsync("/monitoring")).ShouldNotContain($"href=\"/monitoring/{hidden}\"");
    }
}
