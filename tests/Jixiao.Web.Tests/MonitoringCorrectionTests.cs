using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jixiao.App.Demo;
using Jixiao.Data.Storing;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

/// <summary>
/// 纠偏 through /api/v1/monitoring/corrections and the queue page, per role on both databases: finance (czj, admin)
/// asks the red projects, the unit's clerk answers 继续 / 调剂 / 取消 for its own units only, finance pauses the funds;
/// overdue answers come first; every step is in the project's history.
/// </summary>
public sealed class MonitoringCorrectionTests(SeededApps apps) : IClassFixture<SeededApps>
{
    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// A round of <paramref name="year"/> (no other test uses it) with two 公安分局 projects and one 政法委 project, all
    /// approved with a budget of 100 万元; the clerks fill the first police project and the 政法委 one red (10 万元 by
    /// July) and the second police project green. Returns the round and the project ids.
    /// </summary>
    private static async Task<(int RoundId, int PoliceRed, int PoliceGreen, int PoliticsRed)> RoundWithRedAsync(TestApp app, int year)
    {
        int[] police, politics;
        await using (var db = app.NewDbContext())
        {
            db.ActorOverride = "测试准备";
            async Task<int[]> Approve(string unit, int count, int skip)
            {
                var projects = await db.Projects.Include(p => p.Indicators).Where(p => p.Unit!.Name == unit && p.Indicators.Count > 0)
                    .OrderBy(p => p.Id).Skip(skip).Take(count).ToListAsync();
                foreach (var project in projects)
                {
                    project.Status = ReviewStatus.Approved;
                    project.FiscalYear = year;
                    project.TotalFen = 100_000_000;
                    var first = project.Indicators.OrderBy(i => i.Position).First();
                    first.AnnualText = "≥1200人";
                    TargetColumns.SetAnnual(first, TargetParser.Parse("≥1200人"));
                }

                return projects.Select(p => p.Id).ToArray();
            }

            // Each year its own projects, so the tests of this class do not share one.
            police = await Approve(DemoSetup.PoliceUnit, 2, 2 * (year % 10));
            politics = await Approve(DemoSetup.PoliticsUnit, 1, year % 10);
            await db.SaveChangesAsync();
        }

        var czj = await app.LoginAsync("czj");
        var round = await JsonOf(await czj.PostAsJsonAsync("/api/v1/monitoring/rounds", new { fiscalYear = year, deadline = $"{year}-08-15" }));
        var roundId = round.GetProperty("round").GetProperty("id").GetInt32();
        var entries = round.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("projectId").GetInt32(), e => e.GetProperty("entryId").GetInt32());
        async Task Fill(HttpClient clerk, int projectId, long executedFen) =>
            (await clerk.PutAsJsonAsync($"/api/v1/monitoring/entries/{entries[projectId]}", new { version = 0L, executedFen }))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
        var gaj = await app.LoginAsync("gaj");
        await Fill(gaj, police[0], 10_000_000);
        await Fill(gaj, police[1], 70_000_000);
        await Fill(await app.LoginAsync("zfw"), politics[0], 10_000_000);
        return (roundId, police[0], police[1], politics[0]);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Finance_asks_the_red_projects_the_unit_answers_its_own_and_finance_pauses_the_funds(string provider)
    {
        var app = apps.Get(provider);
        var (roundId, policeRed, policeGreen, politicsRed) = await RoundWithRedAsync(app, 2041);
        var czj = await app.LoginAsync("czj");
        var gaj = await app.LoginAsync("gaj");
        var zfw = await app.LoginAsync("zfw");
        var expert = await app.LoginAsync("zhuanjia");
        var ask = $"/api/v1/monitoring/rounds/{roundId}/corrections";

        // Clerks and experts do not ask; a round outside the clerk's scope is not found.
        (await gaj.PostAsync(ask, null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await expert.PostAsync(ask, null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await czj.PostAsync("/api/v1/monitoring/rounds/999999/corrections", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var made = await JsonOf(await czj.PostAsync(ask, null));
        made.GetProperty("created").GetInt32().ShouldBe(2);
        var corrections = made.GetProperty("corrections").EnumerateArray().ToDictionary(c => c.GetProperty("projectId").GetInt32());
        corrections.Keys.Order().ShouldBe(new[] { policeRed, politicsRed }.Order(), "only the red projects are asked, not the green one");
        corrections.ShouldNotContainKey(policeGreen);
        var police = corrections[policeRed];
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var requestedOn = DateOnly.Parse(police.GetProperty("requestedOn").GetString()!, CultureInfo.InvariantCulture);
        requestedOn.ShouldBe(today);
        DateOnly.Parse(police.GetProperty("deadline").GetString()!, CultureInfo.InvariantCulture)
            .ShouldBe(MonitoringRules.Default.Correction.Calendar.AddWorkingDays(today, 10));
        police.GetProperty("statusText").GetString().ShouldBe("待答复");
        police.GetProperty("redReason").GetString()!.ShouldStartWith("预算执行：执行 10 ÷ 预算 100 万元 = 10%");
        (await JsonOf(await czj.PostAsync(ask, null))).GetProperty("created").GetInt32().ShouldBe(0, "a project is asked once per round");

        // Each clerk sees and answers its own unit's request only; another unit's id is not found.
        var policeId = police.GetProperty("id").GetInt32();
        var politicsId = corrections[politicsRed].GetProperty("id").GetInt32();
        (await JsonOf(await gaj.GetAsync($"/api/v1/monitoring/corrections?roundId={roundId}"))).EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ShouldBe([policeId]);
        (await gaj.GetAsync($"/api/v1/monitoring/corrections/{politicsId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var answer = $"/api/v1/monitoring/corrections/{policeId}/answer";
        (await gaj.PostAsJsonAsync($"/api/v1/monitoring/corrections/{politicsId}/answer", new { decision = "continue", reason = "伪造", version = 1L }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await czj.PostAsJsonAsync(answer, new { decision = "continue", reason = "代答", version = 1L })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await expert.PostAsJsonAsync(answer, new { decision = "continue", reason = "代答", version = 1L })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await czj.GetAsync($"/api/v1/monitoring/corrections/{policeId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var noAmount = await gaj.PostAsJsonAsync(answer, new { decision = "adjust", reason = "支付进度滞后", version = 1L });
        noAmount.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(noAmount)).GetProperty("detail").GetString().ShouldBe("调剂须填写调剂金额（大于 0）。");
        (await gaj.PostAsJsonAsync(answer, new { decision = "adjust", adjustFen = 100_000_001L, reason = "全部调走", version = 1L }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await gaj.PostAsJsonAsync(answer, new { decision = "pause", reason = "？", version = 1L })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await gaj.PostAsJsonAsync(answer, new { decision = "adjust", adjustFen = 30_000_000L, reason = "支付进度滞后", version = 7L }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var answered = await gaj.PostAsJsonAsync(answer, new { decision = "adjust", adjustFen = 30_000_000L, reason = "设备采购推迟到明年，调剂 30 万元", version = 1L });
        answered.StatusCode.ShouldBe(HttpStatusCode.OK);
        var row = await JsonOf(answered);
        (row.GetProperty("status").GetString(), row.GetProperty("decision").GetString(), row.GetProperty("adjustFen").GetInt64(), row.GetProperty("answeredBy").GetString())
            .ShouldBe(("answered", "adjust", 30_000_000L, "公安分局填报员"));
        row.GetProperty("version").GetInt64().ShouldBe(2);
        (await gaj.PostAsJsonAsync(answer, new { decision = "cancel", reason = "改主意", version = 2L })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Finance marks the funds; the clerk may not.
        var funds = $"/api/v1/monitoring/corrections/{policeId}/funds";
        (await gaj.PostAsJsonAsync(funds, new { pause = true, reason = "自停", version = 2L })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await czj.PostAsJsonAsync(funds, new { pause = true, reason = "", version = 2L })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var paused = await JsonOf(await czj.PostAsJsonAsync(funds, new { pause = true, reason = "调剂到位前暂停拨付", version = 2L }));
        paused.GetProperty("fundsPaused").GetBoolean().ShouldBeTrue();
        (await czj.PostAsJsonAsync(funds, new { pause = true, reason = "再停", version = 3L })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await JsonOf(await czj.GetAsync($"/api/v1/monitoring/corrections?roundId={roundId}&status=paused"))).EnumerateArray().Select(c => c.GetProperty("id").GetInt32())
            .ShouldBe([policeId]);
        (await JsonOf(await czj.PostAsJsonAsync(funds, new { pause = false, reason = "已完成调剂", version = 3L }))).GetProperty("fundsPaused").GetBoolean().ShouldBeFalse();

        // Every step is in the project's history, through the one audit log.
        var history = (await JsonOf(await gaj.GetAsync($"/api/v1/projects/{policeRed}/history"))).EnumerateArray()
            .Where(h => h.GetProperty("entity").GetString() == "monitoringCorrection")
            .Select(h => (h.GetProperty("field").GetString(), h.GetProperty("newValue").GetString(), h.GetProperty("actor").GetString())).ToList();
        history.ShouldContain(("created", $"待答复：答复期限 {police.GetProperty("deadline").GetString()}（10 个工作日）", "财政局审核员"));
        history.ShouldContain(("status", "已答复", "公安分局填报员"));
        history.ShouldContain(("decision", "调剂", "公安分局填报员"));
        history.ShouldContain(("adjust", "300000.00 元", "公安分局填报员"));
        history.ShouldContain(("fundsPaused", "暂停拨付", "财政局审核员"));
        history.ShouldContain(("fundsPaused", "正常拨付", "财政局审核员"));
        await using var db = app.NewDbContext();
        (await db.AuditLog.Where(a => a.Entity == "monitoringCorrection" && a.EntityId == policeId && a.Field == "decision").Select(a => a.Reason).SingleAsync())
            .ShouldBe("设备采购推迟到明年，调剂 30 万元");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Overdue_answers_come_first_highlighted_and_a_late_answer_stays_marked(string provider)
    {
        var app = apps.Get(provider);
        var (roundId, policeRed, _, politicsRed) = await RoundWithRedAsync(app, 2042);
        var czj = await app.LoginAsync("czj");
        (await czj.PostAsync($"/api/v1/monitoring/rounds/{roundId}/corrections", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        int lateId;
        await using (var db = app.NewDbContext())
        {
            var late = await db.MonitoringCorrections.SingleAsync(c => c.RoundId == roundId && c.ProjectId == politicsRed);
            late.Deadline = new DateOnly(2026, 1, 30);
            await db.SaveChangesAsync();
            lateId = late.Id;
        }

        var queue = (await JsonOf(await czj.GetAsync($"/api/v1/monitoring/corrections?roundId={roundId}"))).EnumerateArray().ToList();
        queue.Select(c => c.GetProperty("projectId").GetInt32()).ShouldBe([politicsRed, policeRed]);
        (queue[0].GetProperty("overdue").GetBoolean(), queue[0].GetProperty("statusText").GetString()).ShouldBe((true, "逾期未答复"));
        (queue[1].GetProperty("overdue").GetBoolean(), queue[1].GetProperty("statusText").GetString()).ShouldBe((false, "待答复"));
        (await JsonOf(await czj.GetAsync($"/api/v1/monitoring/corrections?roundId={roundId}&status=overdue"))).EnumerateArray()
            .Select(c => c.GetProperty("id").GetInt32()).ShouldBe([lateId]);

        // The queue page highlights it for finance, with the pause form; the clerk of the other unit does not see it.
        var page = WebUtility.HtmlDecode(await czj.GetStringAsync($"/monitoring/corrections?roundId={roundId}"));
        page.ShouldContain($"<tr id=\"correction-{lateId}\" class=\"table-danger overdue\">");
        page.IndexOf($"correction-{lateId}", StringComparison.Ordinal).ShouldBeLessThan(page.IndexOf("class=\"\">", StringComparison.Ordinal));
        page.ShouldContain("其中逾期未答复 1 项");
        page.ShouldContain("暂停拨付</button>");
        page.ShouldNotContain("name=\"decision\"", Case.Sensitive, "finance does not answer for the unit");
        var gaj = await app.LoginAsync("gaj");
        (await gaj.GetStringAsync($"/monitoring/corrections?roundId={roundId}")).ShouldNotContain($"correction-{lateId}");

        // The 政法委 clerk answers late on the page: taken, and marked 逾期答复.
        var zfw = await app.LoginAsync("zfw");
        var url = $"/monitoring/corrections?roundId={roundId}";
        string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
        (await PageForms.PostAsync(gaj, "/monitoring/corrections?handler=Answer",
            [new("correctionId", Id(lateId)), new("version", "1"), new("decision", "continue"), new("reason", "伪造")], tokenPage: url))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PageForms.PostAsync(zfw, "/monitoring/corrections?handler=Answer",
            [new("correctionId", Id(lateId)), new("version", "2"), new("decision", "cancel"), new("reason", "政策调整，项目不再实施")], tokenPage: url))
            .StatusCode.ShouldBe(HttpStatusCode.Found);
        (await PageForms.AlertsAsync(zfw, url)).ShouldBe(["已答复纠偏意见。"]);
        var done = await JsonOf(await zfw.GetAsync($"/api/v1/monitoring/corrections/{lateId}"));
        (done.GetProperty("statusText").GetString(), done.GetProperty("answeredLate").GetBoolean(), done.GetProperty("decisionText").GetString())
            .ShouldBe(("逾期答复", true, "取消"));
        WebUtility.HtmlDecode(await czj.GetStringAsync(url)).ShouldContain($"<tr id=\"correction-{lateId}\" class=\"table-warning late\">");

        // The round page offers 下达纠偏 to finance, not to the clerk.
        (await czj.GetStringAsync($"/monitoring/{roundId}")).ShouldContain("id=\"request-corrections\"");
        (await zfw.GetStringAsync($"/monitoring/{roundId}")).ShouldNotContain("id=\"request-corrections\"");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_department_reviewer_asks_and_pauses_for_the_units_it_oversees_only(string provider)
    {
        var app = apps.Get(provider);
        var (roundId, policeRed, _, politicsRed) = await RoundWithRedAsync(app, 2043);
        var admin = await app.LoginAsync("admin");
        var units = (await JsonOf(await admin.GetAsync("/api/v1/units"))).EnumerateArray()
            .ToDictionary(u => u.GetProperty("name").GetString()!, u => u.GetProperty("id").GetInt32());
        var userName = "jp" + provider[..2];
        (await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName, displayName = "政法委主管部门", password = "jixiao2026x", role = App.Auth.Roles.Reviewer, unitIds = new[] { units[DemoSetup.PoliticsUnit] },
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var department = await app.LoginAsync(userName, "jixiao2026x");

        var made = await JsonOf(await department.PostAsync($"/api/v1/monitoring/rounds/{roundId}/corrections", null));
        made.GetProperty("created").GetInt32().ShouldBe(1);
        made.GetProperty("corrections").EnumerateArray().Select(c => c.GetProperty("projectId").GetInt32()).ShouldBe([politicsRed]);

        // Finance then asks the rest; the department does not see the police request, so it cannot pause it.
        var czj = await app.LoginAsync("czj");
        var all = await JsonOf(await czj.PostAsync($"/api/v1/monitoring/rounds/{roundId}/corrections", null));
        all.GetProperty("created").GetInt32().ShouldBe(1);
        var police = all.GetProperty("corrections").EnumerateArray().Single(c => c.GetProperty("projectId").GetInt32() == policeRed).GetProperty("id").GetInt32();
        var politics = all.GetProperty("corrections").EnumerateArray().Single(c => c.GetProperty("projectId").GetInt32() == politicsRed);
        politics.GetProperty("requestedBy").GetString().ShouldBe("政法委主管部门");
        (await department.PostAsJsonAsync($"/api/v1/monitoring/corrections/{police}/funds", new { pause = true, reason = "越权", version = 1L }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await department.PostAsJsonAsync($"/api/v1/monitoring/corrections/{politics.GetProperty("id").GetInt32()}/funds", new { pause = true, reason = "待答复前暂停", version = 1L }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await department.PostAsJsonAsync($"/api/v1/monitoring/corrections/{politics.GetProperty("id").GetInt32()}/answer", new { decision = "continue", reason = "代答", version = 2L }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a reviewer does not answer for the unit");
    }
}
