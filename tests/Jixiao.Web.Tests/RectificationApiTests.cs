using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jixiao.App.Demo;
using Jixiao.Data.Entities;
using Jixiao.Domain.Rectification;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

/// <summary>
/// 整改 through /api/v1/rectification, per role: finance (czj) issues a task from a finding and verifies, the police
/// clerk (gaj) submits the measures, the 政法委 clerk (zfw) finds nothing (404 for forged ids), the expert may not
/// verify; every step is an audit line with who and why.
/// </summary>
public sealed class RectificationApiTests(SeededApps apps) : IClassFixture<SeededApps>
{
    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    private static async Task<int> PoliceProjectAsync(TestApp app, int nth)
    {
        await using var db = app.NewDbContext();
        return await db.Projects.Where(p => p.Unit!.Name == DemoSetup.PoliceUnit).OrderBy(p => p.Id).Skip(nth).Select(p => p.Id).FirstAsync();
    }

    private static object Finding(int projectId, string reason = "评价发现指标未细化") => new
    {
        projectId, source = "evaluation", findingCode = "EVA031", findingMessage = "产出数量指标未量化", findingWhere = "产出指标·数量指标", reason,
    };

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Finance_issues_the_clerk_submits_finance_sends_back_then_accepts_and_each_step_is_audited(string provider)
    {
        var app = apps.Get(provider);
        var projectId = await PoliceProjectAsync(app, 3);
        var czj = await app.LoginAsync("czj");
        var gaj = await app.LoginAsync("gaj");
        var zfw = await app.LoginAsync("zfw");
        var zhuanjia = await app.LoginAsync("zhuanjia");

        (await gaj.PostAsJsonAsync("/api/v1/rectification", Finding(projectId))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await zfw.PostAsJsonAsync("/api/v1/rectification", Finding(projectId))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await czj.PostAsJsonAsync("/api/v1/rectification", Finding(projectId, reason: " "))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await czj.PostAsJsonAsync("/api/v1/rectification", new { projectId, source = "audit", findingCode = "X", findingMessage = "y", reason = "r" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await czj.PostAsJsonAsync("/api/v1/rectification", new { projectId, source = "review", findingCode = "REV012", findingMessage = "m", reason = "r", deadline = "2020-01-01" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var created = await czj.PostAsJsonAsync("/api/v1/rectification", Finding(projectId));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var task = await JsonOf(created);
        var id = task.GetProperty("id").GetInt32();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/rectification/{id}");
        task.GetProperty("status").GetString().ShouldBe("pending");
        task.GetProperty("statusText").GetString().ShouldBe("待整改");
        task.GetProperty("sourceText").GetString().ShouldBe("绩效评价");
        var issued = DateOnly.Parse(task.GetProperty("issuedOn").GetString()!);
        DateOnly.Parse(task.GetProperty("deadline").GetString()!).ShouldBe(issued.AddDays(30), "the default: measures within 30 days");
        DateOnly.Parse(task.GetProperty("feedbackDue").GetString()!).ShouldBe(issued.AddDays(20), "found today: fed back within 20 days");
        task.GetProperty("canVerify").GetBoolean().ShouldBeFalse();

        var clerkView = await JsonOf(await gaj.GetAsync($"/api/v1/rectification/{id}"));
        clerkView.GetProperty("canSubmit").GetBoolean().ShouldBeTrue();
        (await zfw.GetAsync($"/api/v1/rectification/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await JsonOf(await zfw.GetAsync("/api/v1/rectification"))).EnumerateArray().ShouldNotContain(t => t.GetProperty("id").GetInt32() == id);

        var measures = new { measures = "已将产出数量指标量化为“新建监控点 200 个”", version = 1L };
        (await czj.PutAsJsonAsync($"/api/v1/rectification/{id}/measures", measures)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await zfw.PutAsJsonAsync($"/api/v1/rectification/{id}/measures", measures)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await gaj.PutAsJsonAsync($"/api/v1/rectification/{id}/measures", measures with { measures = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await gaj.PutAsJsonAsync($"/api/v1/rectification/{id}/measures", measures with { version = 7L })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await czj.PutAsJsonAsync($"/api/v1/rectification/{id}/verification", new { accept = true, reason = "提前验收", version = 1L }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict, "nothing submitted yet");

        var submitted = await gaj.PutAsJsonAsync($"/api/v1/rectification/{id}/measures", measures);
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var afterSubmit = await JsonOf(submitted);
        afterSubmit.GetProperty("statusText").GetString().ShouldBe("整改中");
        afterSubmit.GetProperty("version").GetInt64().ShouldBe(2);

        (await zhuanjia.PutAsJsonAsync($"/api/v1/rectification/{id}/verification", new { accept = true, reason = "可以", version = 2L }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await czj.PutAsJsonAsync($"/api/v1/rectification/{id}/verification", new { accept = false, reason = "", version = 2L }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var sentBack = await JsonOf(await czj.PutAsJsonAsync($"/api/v1/rectification/{id}/verification",
            new { accept = false, reason = "未附监控点清单", version = 2L }));
        sentBack.GetProperty("status").GetString().ShouldBe("pending");
        sentBack.GetProperty("returnReason").GetString().ShouldBe("未附监控点清单");

        (await gaj.PutAsJsonAsync($"/api/v1/rectification/{id}/measures", new { measures = "补充监控点清单（200 个点位）", version = 3L }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var accepted = await czj.PutAsJsonAsync($"/api/v1/rectification/{id}/verification", new { accept = true, reason = "措施已落实", version = 4L });
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonOf(accepted)).GetProperty("statusText").GetString().ShouldBe("已整改");
        (await czj.PutAsJsonAsync($"/api/v1/rectification/{id}/verification", new { accept = false, reason = "重开", version = 5L }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict, "已整改 is final");

        await using var db = app.NewDbContext();
        var audit = await db.AuditLog.Where(a => a.Entity == "rectification" && a.EntityId == id).OrderBy(a => a.Id).ToListAsync();
        audit.Select(a => (a.Field, a.OldValue, a.NewValue, a.Reason)).Skip(1).ShouldBe(
        [
            ("status", "待整改", "整改中", "责任单位提交整改措施"),
            ("measures", null, "已将产出数量指标量化为“新建监控点 200 个”", "责任单位提交整改措施"),
            ("status", "整改中", "待整改", "未附监控点清单"),
            ("status", "待整改", "整改中", "责任单位提交整改措施"),
            ("measures", "已将产出数量指标量化为“新建监控点 200 个”", "补充监控点清单（200 个点位）", "责任单位提交整改措施"),
            ("status", "整改中", "已整改", "措施已落实"),
        ]);
        audit[0].Field.ShouldBe("created");
        audit[0].NewValue!.ShouldStartWith("待整改：绩效评价 EVA031 产出数量指标未量化；整改期限 ");
        audit[0].Reason.ShouldBe("评价发现指标未细化");
        audit.ShouldAllBe(a => a.ProjectId == projectId);
        audit.Select(a => a.Actor).Distinct().Count().ShouldBe(2, "finance and the clerk, each by name");
        var stored = await db.RectificationTasks.SingleAsync(t => t.Id == id);
        stored.Status.ShouldBe(RectificationStatus.Accepted);
        stored.VerifiedBy.ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_task_past_its_deadline_is_listed_first_as_overdue_and_the_ledger_downloads(string provider)
    {
        var app = apps.Get(provider);
        var projectId = await PoliceProjectAsync(app, 4);
        int overdueId;
        await using (var db = app.NewDbContext())
        {
            db.ActorOverride = "测试准备";
            var unitId = await db.Projects.Where(p => p.Id == projectId).Select(p => p.UnitId).SingleAsync();
            var overdue = new RectificationTaskEntity
            {
                ProjectId = projectId, UnitId = unitId, Source = RectificationSource.Monitoring, FindingCode = "红灯", FindingMessage = "预算执行率低于序时进度",
                FindingWhere = "7 月", FoundOn = new DateOnly(2025, 7, 31), IssuedOn = new DateOnly(2025, 8, 5), Deadline = new DateOnly(2025, 9, 4),
                Status = RectificationStatus.Pending, CreatedBy = "测试", CreatedAt = DateTimeOffset.UtcNow, Version = 1,
            };
            db.RectificationTasks.Add(overdue);
            await db.SaveChangesAsync();
            overdueId = overdue.Id;
        }

        var czj = await app.LoginAsync("czj");
        (await czj.PostAsJsonAsync("/api/v1/rectification", Finding(projectId))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var tasks = (await JsonOf(await czj.GetAsync($"/api/v1/rectification?projectId={projectId}"))).EnumerateArray().ToList();
        tasks.Count.ShouldBe(2);
        tasks[0].GetProperty("id").GetInt32().ShouldBe(overdueId);
        tasks[0].GetProperty("overdue").GetBoolean().ShouldBeTrue();
        tasks[0].GetProperty("statusText").GetString().ShouldBe("逾期");
        tasks[1].GetProperty("overdue").GetBoolean().ShouldBeFalse();
        (await JsonOf(await czj.GetAsync($"/api/v1/rectification?projectId={projectId}&status=overdue"))).EnumerateArray()
            .Select(t => t.GetProperty("id").GetInt32()).ShouldBe([overdueId]);

        var gaj = await app.LoginAsync("gaj");
        (await gaj.PutAsJsonAsync($"/api/v1/rectification/{overdueId}/measures", new { measures = "已调整支付计划", version = 1L }))
            .StatusCode.ShouldBe(HttpStatusCode.OK, "a late unit may still submit; it is no longer overdue then");
        (await JsonOf(await gaj.GetAsync($"/api/v1/rectification/{overdueId}"))).GetProperty("overdue").GetBoolean().ShouldBeFalse();

        var book = await czj.GetAsync($"/api/v1/rectification/ledger.xlsx?projectId={projectId}");
        book.StatusCode.ShouldBe(HttpStatusCode.OK);
        book.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await book.Content.ReadAsByteArrayAsync()), false);
        var strings = workbook.WorkbookPart!.SharedStringTablePart!.SharedStringTable.InnerText;
        strings.ShouldContain("整改台账");
        strings.ShouldContain("预算执行率低于序时进度");
        strings.ShouldContain("产出数量指标未量化");
        strings.ShouldContain("整改中");
        strings.ShouldContain("district choice");

        var zfwBook = await (await app.LoginAsync("zfw")).GetAsync("/api/v1/rectification/ledger.xlsx");
        using var other = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await zfwBook.Content.ReadAsByteArrayAsync()), false);
        other.WorkbookPart!.SharedStringTablePart!.SharedStringTable.InnerText.ShouldNotContain("预算执行率低于序时进度");
    }
}
