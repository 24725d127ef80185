using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jixiao.App.Demo;
using Jixiao.App.Reviews;
using Jixiao.Reporting.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

/// <summary>
/// The review rules chosen in the web app (docs/review.md, "审核口径 in the web app"), on both databases: a reviewer
/// chooses for the units they oversee (an admin also for the whole district) the product's rules, 宝安's 审核口径 or an
/// uploaded one (validated, with a Chinese reason when it cannot be used); the project's 初审 and its 意见 follow the
/// choice; every switch is an audit line; forged ids find nothing, other roles are refused.
/// </summary>
public sealed class RulebookChoiceTests(SeededApps apps) : IClassFixture<SeededApps>
{
    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    private static string BaoanJson => Path.Combine(BaoanApps.Root, "src", "Jixiao.Domain", "Data", "review-rulebook-baoan.json");

    private static async Task<int> UnitIdAsync(HttpClient client, string name) =>
        (await JsonOf(await client.GetAsync("/api/v1/units"))).EnumerateArray().First(u => u.GetProperty("name").GetString() == name).GetProperty("id").GetInt32();

    private static async Task<long> VersionAsync(HttpClient client, int? unitId, int? year)
    {
        var choice = (await JsonOf(await client.GetAsync("/api/v1/review-rulebooks"))).GetProperty("choices").EnumerateArray()
            .SingleOrDefault(c => (c.GetProperty("unitId").ValueKind == JsonValueKind.Null ? null : (int?)c.GetProperty("unitId").GetInt32()) == unitId
                && (c.GetProperty("fiscalYear").ValueKind == JsonValueKind.Null ? null : (int?)c.GetProperty("fiscalYear").GetInt32()) == year);
        return choice.ValueKind == JsonValueKind.Object ? choice.GetProperty("version").GetInt64() : 0;
    }

    private static async Task<HttpResponseMessage> ChooseAsync(HttpClient client, int? unitId, int? year, string rulebook, string reason = "按宝安区审核口径初审",
        long? version = null) =>
        await client.PutAsJsonAsync("/api/v1/review-rulebooks/choice",
            new { unitId, fiscalYear = year, rulebook, reason, version = version ?? await VersionAsync(client, unitId, year) });

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int? unitId, int? year, byte[] content, string fileName, string reason = "上传本区审核口径")
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", fileName);
        if (unitId is { } u)
        {
            form.Add(new StringContent(u.ToString(System.Globalization.CultureInfo.InvariantCulture)), "unitId");
        }

        if (year is { } y)
        {
            form.Add(new StringContent(y.ToString(System.Globalization.CultureInfo.InvariantCulture)), "fiscalYear");
        }

        form.Add(new StringContent(reason), "reason");
        form.Add(new StringContent((await VersionAsync(client, unitId, year)).ToString(System.Globalization.CultureInfo.InvariantCulture)), "version");
        return await client.PostAsync("/api/v1/review-rulebooks/choice/upload", form);
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response) => (await JsonOf(response)).GetProperty("detail").GetString()!;

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_reviewer_switches_the_units_rulebook_and_the_initial_review_and_its_opinions_follow(string provider)
    {
        var app = apps.Get(provider);
        var czj = await app.LoginAsync("czj");
        var police = await UnitIdAsync(czj, DemoSetup.PoliceUnit);
        int projectId;
        await using (var db = app.NewDbContext())
        {
            projectId = await db.Projects.Where(p => p.UnitId == police && p.FiscalYear == null).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        }

        var initial = await JsonOf(await czj.GetAsync($"/api/v1/projects/{projectId}/initial-review"));
        initial.GetProperty("byRulebook").GetBoolean().ShouldBeFalse();
        initial.GetProperty("rulebook").GetString().ShouldBe("default");
        initial.GetProperty("completeness").ValueKind.ShouldBe(JsonValueKind.Null);

        (await ChooseAsync(czj, police, null, "baoan")).StatusCode.ShouldBe(HttpStatusCode.OK);
        initial = await JsonOf(await czj.GetAsync($"/api/v1/projects/{projectId}/initial-review"));
        initial.GetProperty("byRulebook").GetBoolean().ShouldBeTrue();
        initial.GetProperty("title").GetString().ShouldBe("xx区xx局2023年绩效目标审核口径");
        initial.GetProperty("scope").GetString().ShouldBe($"{DemoSetup.PoliceUnit}·所有年度");
        // Seed 002 states no 政策依据: the district's 意见 asks for it, in its own words.
        initial.GetProperty("completeness").GetString()!.ShouldStartWith("1. 政策依据表述过于简单，请描述项目的立项依据及相关文件");
        initial.GetProperty("summary").GetString()!.ShouldStartWith("1. 政策依据不规范\n2. 测算依据不规范");
        WebUtility.HtmlDecode(await czj.GetStringAsync($"/projects/{projectId}")).ShouldContain("政策依据表述过于简单，请描述项目的立项依据及相关文件");

        // An uploaded copy of the rulebook with the district's wording changed: the 意见 changes with it.
        var json = JsonNode.Parse(await File.ReadAllTextAsync(BaoanJson))!;
        json["title"] = "白云区2024年绩效目标审核口径";
        json["items"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "0")!["opinion"] = "请写明立项所依据的文件全称（《……》）及文号。";
        var upload = await UploadAsync(czj, police, null, Encoding.UTF8.GetBytes(json.ToJsonString()), "白云区审核口径.json");
        upload.StatusCode.ShouldBe(HttpStatusCode.OK, await upload.Content.ReadAsStringAsync());
        (await JsonOf(upload)).GetProperty("title").GetString().ShouldBe("白云区2024年绩效目标审核口径（白云区审核口径.json）");
        initial = await JsonOf(await czj.GetAsync($"/api/v1/projects/{projectId}/initial-review"));
        initial.GetProperty("completeness").GetString()!.ShouldStartWith("1. 请写明立项所依据的文件全称（《……》）及文号。\n2. 测算依据表述过于简单");

        // Back to the product's rules: no 初审, the system's 预审 alone.
        (await ChooseAsync(czj, police, null, "default", "恢复内置审核规则")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonOf(await czj.GetAsync($"/api/v1/projects/{projectId}/initial-review"))).GetProperty("byRulebook").GetBoolean().ShouldBeFalse();

        await using var check = app.NewDbContext();
        var choice = await check.RulebookChoices.SingleAsync(c => c.UnitId == police && c.FiscalYear == null);
        var audit = await check.AuditLog.Where(a => a.Entity == ChooseRulebook.Entity && a.EntityId == choice.Id).OrderBy(a => a.Id).ToListAsync();
        audit.Select(a => (a.Field, a.OldValue, a.NewValue, a.Reason, a.Actor)).ShouldBe(
        [
            ("rulebook", "（未选择）", $"xx区xx局2023年绩效目标审核口径［{DemoSetup.PoliceUnit}·所有年度］", "按宝安区审核口径初审", "财政局审核员"),
            ("rulebook", "xx区xx局2023年绩效目标审核口径", $"白云区2024年绩效目标审核口径（白云区审核口径.json）［{DemoSetup.PoliceUnit}·所有年度］", "上传本区审核口径", "财政局审核员"),
            ("rulebook", "白云区2024年绩效目标审核口径（白云区审核口径.json）", $"{RulebookFiles.DefaultTitle}［{DemoSetup.PoliceUnit}·所有年度］", "恢复内置审核规则", "财政局审核员"),
        ]);
        WebUtility.HtmlDecode(await czj.GetStringAsync("/reviews")).ShouldContain("恢复内置审核规则");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Only_reviewers_of_the_unit_and_admins_choose_and_forged_or_stale_choices_are_refused(string provider)
    {
        var app = apps.Get(provider);
        var czj = await app.LoginAsync("czj");
        var gaj = await app.LoginAsync("gaj");
        var zfw = await app.LoginAsync("zfw");
        var admin = await app.LoginAsync("admin");
        var politics = await UnitIdAsync(czj, DemoSetup.PoliticsUnit);
        var police = await UnitIdAsync(czj, DemoSetup.PoliceUnit);

        var refused = await ChooseAsync(gaj, police, 2030, "baoan");
        (refused.StatusCode, await DetailAsync(refused)).ShouldBe((HttpStatusCode.Forbidden, "只有该单位的审核人或管理员可以选择审核口径。"));
        (await ChooseAsync(zfw, police, 2030, "baoan")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another unit's clerk does not see the unit");
        (await ChooseAsync(czj, 999_999, 2030, "baoan")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var district = await ChooseAsync(czj, null, 2030, "baoan");
        (district.StatusCode, await DetailAsync(district)).ShouldBe((HttpStatusCode.Forbidden, "只有管理员可以为全区选择审核口径；审核人可以为其负责的单位选择。"));
        var noReason = await ChooseAsync(czj, politics, 2030, "baoan", reason: " ");
        (noReason.StatusCode, await DetailAsync(noReason)).ShouldBe((HttpStatusCode.BadRequest, "请填写更换审核口径的原因（记入审计日志）。"));
        var unknown = await ChooseAsync(czj, politics, 2030, "futian");
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await DetailAsync(unknown)).ShouldStartWith("审核口径“futian”不存在：可选 default（内置审核规则）、baoan（xx区xx局2023年绩效目标审核口径）");
        (await ChooseAsync(czj, politics, 1999, "baoan")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await ChooseAsync(czj, politics, 2030, "baoan")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await ChooseAsync(czj, politics, 2030, "default", version: 0);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict, "someone (here: the same reviewer) chose since version 0 was read");
        (await DetailAsync(stale)).ShouldContain("的审核口径已被他人更改（财政局审核员，");
        (await ChooseAsync(admin, null, 2030, "baoan", "全区统一口径")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Forged choice ids in the page form: a unit the user does not see is the Chinese 404 page, nothing changes.
        var before = await VersionAsync(czj, politics, 2030);
        var forged = await PageForms.PostAsync(zfw, "/reviews?handler=Rulebook",
            [new("unit", politics.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("year", "2030"), new("rulebook", "default"), new("reason", "伪造"),
             new("seen", "")], "/reviews");
        forged.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the 政法委's clerk sees the unit but may not choose");
        var hidden = await PageForms.PostAsync(zfw, "/reviews?handler=Rulebook",
            [new("unit", police.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("year", "2030"), new("rulebook", "default"), new("reason", "伪造"),
             new("seen", "")], "/reviews");
        hidden.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await VersionAsync(czj, politics, 2030)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task An_uploaded_rulebook_that_cannot_be_used_is_refused_with_the_reason_and_the_districts_workbook_is_taken_as_it_is(string provider)
    {
        var app = apps.Get(provider);
        var czj = await app.LoginAsync("czj");
        var grid = await UnitIdAsync(czj, DemoSetup.GridUnit);
        async Task<(HttpStatusCode, string)> RefusedAsync(byte[] content, string name)
        {
            var response = await UploadAsync(czj, grid, 2031, content, name);
            return (response.StatusCode, await DetailAsync(response));
        }

        (await RefusedAsync(Encoding.UTF8.GetBytes("{ \"items\": [ "), "口径.json"))
            .ShouldBe((HttpStatusCode.BadRequest, "审核口径文件“口径.json”不能使用：审核口径文件不是有效的 JSON（第 1 行）。"));
        (await RefusedAsync(Encoding.UTF8.GetBytes("{ \"rules\": [] }"), "规则.json"))
            .ShouldBe((HttpStatusCode.BadRequest, "审核口径文件“规则.json”不能使用：审核口径文件缺少“items”（审核细项列表）。"));
        var json = JsonNode.Parse(await File.ReadAllTextAsync(BaoanJson))!;
        json["items"]!.AsArray()[0]!["pattern"] = "《[";
        (await RefusedAsync(Encoding.UTF8.GetBytes(json.ToJsonString()), "坏口径.json")).Item2.ShouldStartWith("审核口径文件“坏口径.json”不能使用：审核细项 0（政策依据不规范）的正则表达式无法使用：");
        (await RefusedAsync(await File.ReadAllBytesAsync(BaoanApps.Export), "项目库导出.xlsx")).ShouldBe((HttpStatusCode.BadRequest,
            "审核口径文件“项目库导出.xlsx”不能使用：项目库导出.xlsx 中没有找到审核口径表（表头应有“审核对象”“审核要点”“审核细项”“审核意见表述”）。"));
        var damaged = (await File.ReadAllBytesAsync(Path.Combine(BaoanApps.Docs, "01-targets-baoan-review-rules.xlsx")))[..4000];
        var (status, message) = await RefusedAsync(damaged, "截断.xlsx");
        status.ShouldBe(HttpStatusCode.BadRequest);
        message.ShouldStartWith("审核口径文件“截断.xlsx”不能使用：");
        (await RefusedAsync([], "空.json")).ShouldBe((HttpStatusCode.BadRequest, "请选择审核口径文件（宝安格式的 .xlsx，或本产品的审核口径 JSON）。"));
        (await VersionAsync(czj, grid, 2031)).ShouldBe(0, "nothing refused was kept");

        var workbook = await UploadAsync(czj, grid, 2031, await File.ReadAllBytesAsync(Path.Combine(BaoanApps.Docs, "01-targets-baoan-review-rules.xlsx")), "审核口径.xlsx");
        workbook.StatusCode.ShouldBe(HttpStatusCode.OK, await workbook.Content.ReadAsStringAsync());
        var chosen = await JsonOf(workbook);
        chosen.GetProperty("rulebook").GetString().ShouldBe("file");
        chosen.GetProperty("fileName").GetString().ShouldBe("审核口径.xlsx");
        chosen.GetProperty("title").GetString()!.ShouldEndWith("（审核口径.xlsx）");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_year_takes_its_own_rulebook_and_the_units_initial_review_sheet_downloads_in_the_reviewers_columns(string provider)
    {
        var app = apps.Get(provider);
        var czj = await app.LoginAsync("czj");
        var politics2032 = await UnitIdAsync(czj, DemoSetup.PoliticsUnit);
        List<(int Id, string Name)> projects;
        await using (var db = app.NewDbContext())
        {
            db.ActorOverride = "测试准备";
            var stored = await db.Projects.Where(p => p.UnitId == politics2032).OrderBy(p => p.Id).ToListAsync();
            stored.Count.ShouldBeGreaterThan(1);
            stored[0].FiscalYear = 2032;
            await db.SaveChangesAsync();
            projects = stored.Select(p => (p.Id, p.Name)).ToList();
        }

        var none = await czj.GetAsync($"/api/v1/units/{politics2032}/review/initial.xlsx");
        none.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await DetailAsync(none)).ShouldContain("没有审核口径，因此没有初审表；请先在“审核”页为该单位选择审核口径");

        (await ChooseAsync(czj, politics2032, 2032, "baoan")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonOf(await czj.GetAsync($"/api/v1/projects/{projects[0].Id}/initial-review"))).GetProperty("byRulebook").GetBoolean().ShouldBeTrue();
        (await JsonOf(await czj.GetAsync($"/api/v1/projects/{projects[1].Id}/initial-review"))).GetProperty("byRulebook").GetBoolean()
            .ShouldBeFalse("a project without a year takes only the every-year choices");
        var mixed = await czj.GetAsync($"/api/v1/units/{politics2032}/review/initial.xlsx");
        mixed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await DetailAsync(mixed)).ShouldContain("的项目按年度使用不同的审核规则（");

        var sheet = await czj.GetAsync($"/api/v1/units/{politics2032}/review/initial.xlsx?year=2032");
        sheet.StatusCode.ShouldBe(HttpStatusCode.OK, await sheet.Content.ReadAsStringAsync());
        sheet.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"{DemoSetup.PoliticsUnit}-2032年度-初审表.xlsx");
        var bytes = await sheet.Content.ReadAsByteArrayAsync();
        var rows = ReviewerFieldsTests.SheetRows(bytes, InitialReviewWorkbookWriter.ResultsSheet);
        rows[0].ShouldBe(InitialReviewWorkbookWriter.ResultColumns);
        rows.Count.ShouldBe(2);
        rows[1][7].ShouldBe(projects[0].Name);
        rows[1][3].ShouldStartWith("1. 政策依据表述过于简单");
        rows[1][6].ShouldStartWith("1. 政策依据不规范\n2. 测算依据不规范");
        ReviewerFieldsTests.SheetRows(bytes, InitialReviewWorkbookWriter.RulebookSheet).Count.ShouldBe(1 + 26);

        (await (await app.LoginAsync("gaj")).GetAsync($"/api/v1/units/{politics2032}/review/initial.xlsx?year=2032")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await czj.GetAsync("/api/v1/units/999999/review/initial.xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
