using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jixiao.App.Demo;
using Jixiao.Data.Entities;
using Jixiao.Data.Storing;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

/// <summary>
/// 载入监控表 through POST /api/v1/monitoring/rounds/{id}/load and the round page, on both databases: a filled 监控表
/// read by the reader is matched to the round's projects by name, previewed, and loaded whole or not at all, by the
/// unit's clerk only; other units' projects do not match.
/// </summary>
public sealed partial class MonitoringLoadTests(SeededApps apps) : IClassFixture<SeededApps>
{
    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    /// <summary>A filled 1–7月 监控表 of one project in the central layout, as a unit sends it (text).</summary>
    private static string Table(string project, string unit, decimal executedWanYuan, string indicator, string progress, string cause) => $"""
        项目支出绩效目标执行监控表
        （2044年1-7月）
        | 项目名称 | {project} |
        | 主管部门 | 广州市白云区委政法委 | 实施单位 | {unit} |
        | 项目资金（万元） | 年初预算数 | 全年预算数(A) | 执行数(B) | 执行率 |
        | 年度资金总额 | 100 | 100 | {executedWanYuan.ToString(CultureInfo.InvariantCulture)} | 10% |
        | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 偏差原因 |
        | 产出指标 | 数量指标 | {indicator} | ≥1200人 | {progress} | {cause} |
        填报人：张三

        """;

    private static MultipartFormDataContent Upload(string text, string fileName, bool confirm)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(confirm ? "true" : "false"), "confirm");
        return form;
    }

    private static async Task<(int RoundId, ProjectEntity[] Police, ProjectEntity Politics)> RoundAsync(TestApp app, int year)
    {
        ProjectEntity[] police;
        ProjectEntity politics;
        await using (var db = app.NewDbContext())
        {
            db.ActorOverride = "测试准备";
            async Task<ProjectEntity[]> Approve(string unit, int count)
            {
                var projects = await db.Projects.Include(p => p.Indicators).Where(p => p.Unit!.Name == unit && p.Indicators.Count > 0)
                    .OrderBy(p => p.Id).Skip(2 * (year % 10)).Take(count).ToListAsync();
                foreach (var project in projects)
                {
                    project.Status = ReviewStatus.Approved;
                    project.FiscalYear = year;
                    project.TotalFen = 100_000_000;
                    var first = project.Indicators.OrderBy(i => i.Position).First();
                    first.Name = "培训人数";
                    first.AnnualText = "≥1200人";
                    TargetColumns.SetAnnual(first, TargetParser.Parse("≥1200人"));
                }

                return projects.ToArray();
            }

            police = await Approve(DemoSetup.PoliceUnit, 2);
            politics = (await Approve(DemoSetup.PoliticsUnit, 1))[0];
            await db.SaveChangesAsync();
        }

        var czj = await app.LoginAsync("czj");
        var round = await JsonOf(await czj.PostAsJsonAsync("/api/v1/monitoring/rounds", new { fiscalYear = year, deadline = $"{year}-08-15" }));
        return (round.GetProperty("round").GetProperty("id").GetInt32(), police, politics);
    }

    private static async Task<MonitoringEntryEntity> EntryAsync(TestApp app, int roundId, int projectId)
    {
        await using var db = app.NewDbContext();
        return await db.MonitoringEntries.Include(e => e.Indicators).ThenInclude(i => i.Indicator).AsNoTracking()
            .SingleAsync(e => e.RoundId == roundId && e.ProjectId == projectId);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_read_monitoring_table_is_previewed_then_loaded_whole_or_not_at_all(string provider)
    {
        var app = apps.Get(provider);
        var (roundId, police, politics) = await RoundAsync(app, 2044);
        var gaj = await app.LoginAsync("gaj");
        var czj = await app.LoginAsync("czj");
        var load = $"/api/v1/monitoring/rounds/{roundId}/load";
        var good = Table(police[0].Name, DemoSetup.PoliceUnit, 10, "培训人数", "600人", "经费保障");

        // Finance does not fill, so it does not load; a round the clerk does not see is not found.
        (await czj.PostAsync(load, Upload(good, "监控表.txt", false))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await gaj.PostAsync("/api/v1/monitoring/rounds/999999/load", Upload(good, "监控表.txt", false))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The preview says what matched and writes nothing.
        var preview = await JsonOf(await gaj.PostAsync(load, Upload(good, "监控表.txt", false)));
        preview.GetProperty("canConfirm").GetBoolean().ShouldBeTrue(string.Join("；", preview.GetProperty("problems").EnumerateArray().Select(p => p.GetString())));
        preview.GetProperty("loaded").GetBoolean().ShouldBeFalse();
        var project = preview.GetProperty("projects")[0];
        (project.GetProperty("projectId").GetInt32(), project.GetProperty("executedFen").GetInt64()).ShouldBe((police[0].Id, 10_000_000L));
        var indicatorId = police[0].Indicators.OrderBy(i => i.Position).First().Id;
        project.GetProperty("indicators")[0].GetProperty("indicatorId").GetInt32().ShouldBe(indicatorId);
        (await EntryAsync(app, roundId, police[0].Id)).ExecutedFen.ShouldBeNull();

        // One project of the file that is not the clerk's (政法委's, or none at all) stops the whole file.
        var mixed = good + Table(politics.Name, DemoSetup.PoliticsUnit, 20, "培训人数", "100人", "");
        var refused = await JsonOf(await gaj.PostAsync(load, Upload(mixed, "两个项目.txt", false)));
        refused.GetProperty("canConfirm").GetBoolean().ShouldBeFalse();
        refused.GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ShouldContain($"项目“{politics.Name}”：本轮中没有您可填写的同名项目。");
        refused.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("name").GetString() == politics.Name)
            .GetProperty("entryId").ValueKind.ShouldBe(JsonValueKind.Null, "another unit's project is not matched, and nothing about it leaks");
        var notLoaded = await gaj.PostAsync(load, Upload(mixed, "两个项目.txt", true));
        notLoaded.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(notLoaded)).GetProperty("detail").GetString()!.ShouldStartWith("监控表未载入：");
        (await EntryAsync(app, roundId, police[0].Id)).ExecutedFen.ShouldBeNull("whole or nothing: the matching project was not filled either");

        // An indicator with figures that matches none stops it too.
        var unknownIndicator = await JsonOf(await gaj.PostAsync(load, Upload(Table(police[0].Name, DemoSetup.PoliceUnit, 10, "新建点位", "40个", ""), "x.txt", false)));
        unknownIndicator.GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ShouldBe([$"项目“{police[0].Name}”的指标“新建点位”：项目中没有同名指标。"]);

        // Confirmed, the entry is filled (still a draft for the clerk to submit) and lit; every field is an audit line naming the file.
        var loaded = await gaj.PostAsync(load, Upload(good, "监控表.txt", true));
        loaded.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonOf(loaded)).GetProperty("loaded").GetBoolean().ShouldBeTrue();
        var entry = await EntryAsync(app, roundId, police[0].Id);
        (entry.ExecutedFen, entry.Status).ShouldBe((10_000_000L, MonitoringEntryStatus.Draft));
        var row = entry.Indicators.Single(i => i.IndicatorId == indicatorId);
        (row.Progress, row.DeviationCause).ShouldBe(("600人", "经费保障"));
        (await EntryAsync(app, roundId, police[1].Id)).ExecutedFen.ShouldBeNull();
        var lights = await JsonOf(await gaj.GetAsync($"/api/v1/monitoring/rounds/{roundId}/red"));
        lights.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("projectId").GetInt32()).ShouldBe([police[0].Id]);
        await using var db = app.NewDbContext();
        var audit = await db.AuditLog.Where(a => a.ProjectId == police[0].Id && a.Entity.StartsWith("monitoring")).ToListAsync();
        audit.ShouldContain(a => a.Field == "executed" && a.NewValue == "100000.00 元" && a.Reason == "载入监控表 监控表.txt" && a.Actor == "公安分局填报员");
        audit.ShouldContain(a => a.Field == "progress" && a.NewValue == "600人" && a.Reason == "载入监控表 监控表.txt");
        (await db.AuditLog.CountAsync(a => a.Entity == "monitoringRound" && a.EntityId == roundId && a.Field == "loaded")).ShouldBe(1);

        // A submitted entry cannot be loaded over.
        var version = (await JsonOf(await gaj.GetAsync($"/api/v1/monitoring/entries/{entry.Id}"))).GetProperty("version").GetInt64();
        (await gaj.PutAsJsonAsync($"/api/v1/monitoring/entries/{entry.Id}", new { version, executedFen = 10_000_000L, submit = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonOf(await gaj.PostAsync(load, Upload(good, "监控表.txt", false)))).GetProperty("problems").EnumerateArray().Select(p => p.GetString())
            .ShouldBe([$"项目“{police[0].Name}”：该项目的监控表已提交，不能再修改。"]);
    }

    [GeneratedRegex("name=\"content\" value=\"([^\"]+)\"")]
    private static partial Regex ContentField();

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_round_page_previews_an_uploaded_table_and_loads_it_on_confirm(string provider)
    {
        var app = apps.Get(provider);
        var (roundId, police, _) = await RoundAsync(app, 2045);
        var gaj = await app.LoginAsync("gaj");
        var url = $"/monitoring/{roundId}";
        var page = WebUtility.HtmlDecode(await gaj.GetStringAsync(url));
        page.ShouldContain("id=\"load-form\"");
        (await (await app.LoginAsync("czj")).GetStringAsync(url)).ShouldNotContain("id=\"load-form\"", Case.Sensitive, "finance does not fill");

        var token = await PageForms.TokenAsync(gaj, url);
        var form = Upload(Table(police[1].Name, DemoSetup.PoliceUnit, 80, "培训人数", "700人", ""), "页面上传.txt", false);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var previewed = await gaj.PostAsync($"{url}?handler=Load", form);
        previewed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var preview = WebUtility.HtmlDecode(await previewed.Content.ReadAsStringAsync());
        preview.ShouldContain("id=\"load-preview\"");
        preview.ShouldContain("<tr class=\"matched\">");
        preview.ShouldContain("确认载入");
        (await EntryAsync(app, roundId, police[1].Id)).ExecutedFen.ShouldBeNull();

        var content = ContentField().Match(preview).Groups[1].Value;
        (await PageForms.PostAsync(gaj, $"{url}?handler=LoadConfirm", [new("content", content), new("fileName", "页面上传.txt")], tokenPage: url))
            .StatusCode.ShouldBe(HttpStatusCode.Found);
        (await PageForms.AlertsAsync(gaj, url)).ShouldBe(["已载入 页面上传.txt：1 个项目的监控表（填报中，请核对后提交）。"]);
        (await EntryAsync(app, roundId, police[1].Id)).ExecutedFen.ShouldBe(80_000_000L);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_renamed_project_still_matches_by_its_code_and_a_code_the_round_lacks_falls_back_to_the_name(string provider)
    {
        var app = apps.Get(provider);
        var (roundId, police, _) = await RoundAsync(app, 2046);
        var oldName = police[0].Name;
        await using (var db = app.NewDbContext())
        {
            db.ActorOverride = "测试准备";
            var renamed = await db.Projects.SingleAsync(p => p.Id == police[0].Id);
            renamed.Code = "440111-2046-001";
            renamed.Name = oldName + "（2046年调整）";
            await db.SaveChangesAsync();
        }

        // The unit's 监控表 was written before the rename: the old name, and the 项目编码 of the 项目库.
        static string WithCode(string table, string code) => table.Replace("| 主管部门 |", $"| 项目编码 | {code} |\n| 主管部门 |", StringComparison.Ordinal);
        var gaj = await app.LoginAsync("gaj");
        var load = $"/api/v1/monitoring/rounds/{roundId}/load";
        var preview = await JsonOf(await gaj.PostAsync(load, Upload(WithCode(Table(oldName, DemoSetup.PoliceUnit, 12, "培训人数", "500人", ""), "440111-2046-001"),
            "改名前的监控表.txt", false)));
        preview.GetProperty("canConfirm").GetBoolean().ShouldBeTrue(string.Join("；", preview.GetProperty("problems").EnumerateArray().Select(p => p.GetString())));
        var project = preview.GetProperty("projects")[0];
        project.GetProperty("projectId").GetInt32().ShouldBe(police[0].Id);
        project.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ShouldContain($"按项目编码 440111-2046-001 匹配到项目“{oldName}（2046年调整）”（文件中的名称为“{oldName}”）。");

        // A code no project of the round has: the name decides, as before.
        var byName = await JsonOf(await gaj.PostAsync(load, Upload(WithCode(Table(police[1].Name, DemoSetup.PoliceUnit, 12, "培训人数", "500人", ""), "999-未入库"),
            "新编码.txt", false)));
        byName.GetProperty("projects")[0].GetProperty("projectId").GetInt32().ShouldBe(police[1].Id);
        byName.GetProperty("projects")[0].GetProperty("notes").EnumerateArray().ShouldNotContain(n => n.GetString()!.StartsWith("按项目编码", StringComparison.Ordinal));

        // Without the code the renamed project is not found by its old name.
        var lost = await JsonOf(await gaj.PostAsync(load, Upload(Table(oldName, DemoSetup.PoliceUnit, 12, "培训人数", "500人", ""), "无编码.txt", false)));
        lost.GetProperty("projects")[0].GetProperty("problem").GetString().ShouldBe("本轮中没有您可填写的同名项目。");
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_loading_and_the_correction_endpoints()
    {
        var paths = (await JsonOf(await apps.Get("sqlite").CreateClient().GetAsync("/openapi/v1.json"))).GetProperty("paths");
        foreach (var path in new[] { "/api/v1/monitoring/rounds/{id}/load", "/api/v1/monitoring/rounds/{id}/corrections", "/api/v1/monitoring/corrections",
                     "/api/v1/monitoring/corrections/{id}", "/api/v1/monitoring/corrections/{id}/answer", "/api/v1/monitoring/corrections/{id}/funds" })
        {
            paths.TryGetProperty(path, out _).ShouldBeTrue(path);
        }

        paths.GetProperty("/api/v1/monitoring/rounds/{id}/load").GetProperty("post").GetProperty("requestBody").GetProperty("content")
            .TryGetProperty("multipart/form-data", out _).ShouldBeTrue("the load takes the file as a form upload");
    }
}
