using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jixiao.App.Demo;
using Jixiao.Data.Entities;
using Jixiao.Domain.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

/// <summary>
/// 结果应用 through /api/v1/result-use, per role: finance (czj) sees the advice and decides, the unit's clerk only reads,
/// another unit's clerk finds nothing (404 for a forged id); every change is an audit line with its reason.
/// </summary>
public sealed class ResultUseApiTests(SeededApps apps) : IClassFixture<SeededApps>
{
    private const long Wan = 1_000_000; // 1 万元 in 分

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// The <paramref name="nth"/> police project, made a project of <paramref name="year"/> (100 万元) with a locked 中 evaluation, and next
    /// year's project of the same name asking 105 万元. Tests that decide use a project of their own: the app is shared.
    /// </summary>
    private static async Task<int> GradedProjectAsync(TestApp app, int year, int nth = 0)
    {
        await using var db = app.NewDbContext();
        db.ActorOverride = "测试准备";
        var project = await db.Projects.Where(p => p.Unit!.Name == DemoSetup.PoliceUnit).OrderBy(p => p.Id).Skip(nth).FirstAsync();
        project.FiscalYear = year;
        project.TotalFen = 100 * Wan;
        db.Projects.Add(new ProjectEntity
        {
            UnitId = project.UnitId, Name = project.Name, FiscalYear = year + 1, TotalFen = 105 * Wan, SourceMoneyUnit = "万元", Goal = "下年目标",
        });
        db.Evaluations.Add(new EvaluationEntity
        {
            ProjectId = project.Id, Kind = EvaluationKind.DepartmentEvaluation, SheetJson = "{}", Total = 72m, Grade = "中",
            Status = EvaluationStatus.Locked, CreatedBy = "测试",
        });
        await db.SaveChangesAsync();
        return project.Id;
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Finance_sees_the_advice_and_decides_the_clerk_reads_and_other_units_find_nothing(string provider)
    {
        var app = apps.Get(provider);
        var id = await GradedProjectAsync(app, 2041);
        var czj = await app.LoginAsync("czj");
        var gaj = await app.LoginAsync("gaj");
        var zfw = await app.LoginAsync("zfw");

        var row = (await JsonOf(await czj.GetAsync("/api/v1/result-use/2041"))).GetProperty("rows").EnumerateArray().Single();
        row.GetProperty("projectId").GetInt32().ShouldBe(id);
        row.GetProperty("grade").GetString().ShouldBe("中");
        row.GetProperty("requestFen").GetInt64().ShouldBe(105 * Wan);
        row.GetProperty("requestSource").GetString().ShouldBe("matched");
        row.GetProperty("advisedAction").GetString().ShouldBe("cut");
        row.GetProperty("advisedFen").GetInt64().ShouldBe(90 * Wan);
        row.GetProperty("finding").GetString()!.ShouldContain("不低于本年预算 100.00 万元");
        row.GetProperty("canDecide").GetBoolean().ShouldBeTrue();

        var clerkRow = (await JsonOf(await gaj.GetAsync("/api/v1/result-use/2041"))).GetProperty("rows").EnumerateArray().Single();
        clerkRow.GetProperty("canDecide").GetBoolean().ShouldBeFalse();
        (await JsonOf(await zfw.GetAsync("/api/v1/result-use/2041"))).GetProperty("rows").GetArrayLength().ShouldBe(0);

        var decision = new { action = "cut", amountFen = 90 * Wan, reason = "评价为中，按规则压减 10%", version = 0L };
        (await gaj.PutAsJsonAsync($"/api/v1/result-use/projects/{id}/decision", decision)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await zfw.PutAsJsonAsync($"/api/v1/result-use/projects/{id}/decision", decision)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await czj.PutAsJsonAsync($"/api/v1/result-use/projects/{id}/decision", decision with { reason = " " })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await czj.PutAsJsonAsync($"/api/v1/result-use/projects/{id}/decision", decision with { action = "halve" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await czj.PutAsJsonAsync($"/api/v1/result-use/projects/{id}/decision", decision with { version = 3L })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var decided = await czj.PutAsJsonAsync($"/api/v1/result-use/projects/{id}/decision", decision);
        decided.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await JsonOf(decided);
        after.GetProperty("decidedAction").GetString().ShouldBe("cut");
        after.GetProperty("decidedFen").GetInt64().ShouldBe(90 * Wan);
        after.GetProperty("decidedBy").GetString().ShouldNotBeNullOrEmpty();
        (await czj.PutAsJsonAsync($"/api/v1/result-use/projects/{id}/decision", decision)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "version 0 is stale now");

        var requested = await czj.PutAsJsonAsync($"/api/v1/result-use/projects/{id}/request",
            new { requestFen = 80 * Wan, oneOff = false, reason = "单位已调减申请", version = after.GetProperty("version").GetInt64() });
        requested.StatusCode.ShouldBe(HttpStatusCode.OK);
        var lowered = await JsonOf(requested);
        lowered.GetProperty("requestSource").GetString().ShouldBe("entered");
        lowered.GetProperty("advisedFen").GetInt64().ShouldBe(80 * Wan);
        lowered.GetProperty("finding").ValueKind.ShouldBe(JsonValueKind.Null);

        await using var db = app.NewDbContext();
        var audit = await db.AuditLog.Where(a => a.Entity == "resultUse" && a.EntityId == id).OrderBy(a => a.Id).ToListAsync();
        audit.Select(a => (a.Field, a.OldValue, a.NewValue)).ShouldBe(
        [
            ("decision", "（未决定）", "压减：90.00 万元"),
            ("request", "（未填）", "80.00 万元"),
        ]);
        audit[0].Reason.ShouldBe("评价为中，按规则压减 10%");
        audit[1].Reason.ShouldBe("单位已调减申请");
        audit.ShouldAllBe(a => a.ProjectId == id);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Next_years_request_is_read_from_the_project_with_the_same_code_when_it_was_renamed(string provider)
    {
        var app = apps.Get(provider);
        var id = await GradedProjectAsync(app, 2047, nth: 4);
        int renamed;
        await using (var db = app.NewDbContext())
        {
            db.ActorOverride = "测试准备";
            var project = await db.Projects.SingleAsync(p => p.Id == id);
            project.Code = "440111-2047-004";
            // Next year's table: the same 项目库 code under a new name (and the same-named row of GradedProjectAsync asks 105 万元).
            var next = new ProjectEntity
            {
                UnitId = project.UnitId, Name = project.Name + "（2048年续建）", Code = "440111-2047-004", FiscalYear = 2048, TotalFen = 120 * Wan,
                SourceMoneyUnit = "万元", Goal = "下年目标",
            };
            db.Projects.Add(next);
            await db.SaveChangesAsync();
            renamed = next.Id;
        }

        var czj = await app.LoginAsync("czj");
        var row = (await JsonOf(await czj.GetAsync("/api/v1/result-use/2047"))).GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("projectId").GetInt32() == id);
        row.GetProperty("requestSource").GetString().ShouldBe("matched");
        row.GetProperty("matchedProjectId").GetInt32().ShouldBe(renamed, "the code wins over the name");
        row.GetProperty("requestFen").GetInt64().ShouldBe(120 * Wan);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_project_without_a_locked_grade_cannot_be_decided_and_the_year_downloads_as_xlsx(string provider)
    {
        var app = apps.Get(provider);
        var id = await GradedProjectAsync(app, 2043);
        int ungraded;
        await using (var db = app.NewDbContext())
        {
            ungraded = await db.Projects.Where(p => p.Unit!.Name == DemoSetup.PoliceUnit && p.Id != id).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        }

        var czj = await app.LoginAsync("czj");
        (await czj.PutAsJsonAsync($"/api/v1/result-use/projects/{ungraded}/decision",
            new { action = "cut", amountFen = 1L, reason = "试", version = 0L })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await czj.PutAsJsonAsync("/api/v1/result-use/projects/999999/decision",
            new { action = "cut", amountFen = 1L, reason = "试", version = 0L })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var book = await czj.GetAsync("/api/v1/result-use/2043/workbook.xlsx");
        book.StatusCode.ShouldBe(HttpStatusCode.OK);
        book.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await book.Content.ReadAsByteArrayAsync()), false);
        var strings = workbook.WorkbookPart!.SharedStringTablePart!.SharedStringTable.InnerText;
        strings.ShouldContain("2043 年度绩效评价结果应用情况表");
        strings.ShouldContain("控制新增，压减 10%");
        strings.ShouldContain("财预〔2020〕10号");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_report_docx_holds_the_decisions_in_the_readers_scope_only(string provider)
    {
        var app = apps.Get(provider);
        var id = await GradedProjectAsync(app, 2045, nth: 2);
        string name;
        await using (var db = app.NewDbContext())
        {
            name = await db.Projects.Where(p => p.Id == id).Select(p => p.Name).SingleAsync();
        }

        var czj = await app.LoginAsync("czj");
        (await czj.PutAsJsonAsync($"/api/v1/result-use/projects/{id}/decision",
            new { action = "cut", amountFen = 90 * Wan, reason = "评价为中，按规则压减", version = 0L })).StatusCode.ShouldBe(HttpStatusCode.OK);

        static async Task<string> ReportTextAsync(HttpClient client)
        {
            var response = await client.GetAsync("/api/v1/result-use/2045/report.docx");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
            return document.MainDocumentPart!.Document!.Body!.InnerText;
        }

        var finance = await ReportTextAsync(czj);
        finance.ShouldContain("2045年度绩效评价结果应用情况");
        finance.ShouldContain("共1个，涉及1个单位；评价等级“中”1个。均已作出结果应用决定；1个项目的下年申请不低于本年预算");
        finance.ShouldContain("（一）压减（1个项目）");
        finance.ShouldContain(name);
        finance.ShouldContain("压减，下年安排 90.00 万元");
        finance.ShouldContain("评价为中，按规则压减");
        finance.ShouldContain("持续性项目评价为“中”：控制新增，压减 10%");

        var other = await ReportTextAsync(await app.LoginAsync("zfw"));
        other.ShouldContain("2045年度在本范围内没有已锁定并评定等级的绩效评价项目");
        other.ShouldNotContain(name);
    }
}
