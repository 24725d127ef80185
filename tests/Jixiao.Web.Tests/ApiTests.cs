using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jixiao.App.Demo;

namespace Jixiao.Web.Tests;

/// <summary>
/// /api/v1 through the real host, per role, on the seed tables 002 (公安白云分局, 55 projects) and 003 (政法委 16 +
/// 网格化中心 2). Runs on SQLite and, with JIXIAO_TEST_PG, on PostgreSQL.
/// </summary>
public sealed class ApiTests(SeededApps apps) : IClassFixture<SeededApps>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync(), Json);

    private static async Task<int> ProjectIdAsync(HttpClient client, string name)
    {
        var page = await JsonOf(await client.GetAsync($"/api/v1/projects?q={Uri.EscapeDataString(name)}"));
        return page.GetProperty("items").EnumerateArray().First(p => p.GetProperty("name").GetString() == name).GetProperty("id").GetInt32();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return await JsonOf(response);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Anonymous_requests_get_a_Chinese_401_problem(string provider)
    {
        var client = apps.Get(provider).CreateClient();
        var problem = await ProblemAsync(await client.GetAsync("/api/v1/projects"), HttpStatusCode.Unauthorized);
        problem.GetProperty("title").GetString().ShouldBe("请先登录");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_wrong_password_is_refused_in_Chinese(string provider)
    {
        var client = apps.Get(provider).CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "czj", password = "wrong-password-1" });
        (await ProblemAsync(response, HttpStatusCode.Unauthorized)).GetProperty("detail").GetString().ShouldBe("用户名或密码错误。");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Logging_in_answers_what_me_answers_afterwards(string provider)
    {
        var client = apps.Get(provider).CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "czj", password = Jixiao.App.Demo.DemoSetup.Password });
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        var fromLogin = JsonSerializer.Deserialize<JsonElement>(await login.Content.ReadAsStringAsync());
        var me = JsonSerializer.Deserialize<JsonElement>(await client.GetStringAsync("/api/v1/auth/me"));

        fromLogin.GetProperty("unitIds").GetArrayLength().ShouldBeGreaterThan(1);
        fromLogin.GetProperty("unitIds").ToString().ShouldBe(me.GetProperty("unitIds").ToString());
        fromLogin.GetProperty("roles").ToString().ShouldBe(me.GetProperty("roles").ToString());
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Each_role_sees_exactly_the_units_and_projects_of_its_scope(string provider)
    {
        var app = apps.Get(provider);
        foreach (var (user, units, projects) in new[] { ("admin", 3, 73), ("czj", 3, 73), ("gaj", 1, 55), ("zfw", 2, 18), ("zhuanjia", 1, 55) })
        {
            var client = await app.LoginAsync(user);
            var unitList = await JsonOf(await client.GetAsync("/api/v1/units"));
            unitList.GetArrayLength().ShouldBe(units, user);
            var page = await JsonOf(await client.GetAsync("/api/v1/projects?pageSize=5"));
            page.GetProperty("total").GetInt32().ShouldBe(projects, user);
        }
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_seed_amounts_are_exact_in_fen(string provider)
    {
        var admin = await apps.Get(provider).LoginAsync("admin");
        var units = await JsonOf(await admin.GetAsync("/api/v1/units"));
        var police = units.EnumerateArray().Single(u => u.GetProperty("name").GetString() == DemoSetup.PoliceUnit);
        police.GetProperty("projectCount").GetInt32().ShouldBe(55);
        police.GetProperty("totalFen").GetInt64().ShouldBe(50_061_310_000L);
        var politics = units.EnumerateArray().Single(u => u.GetProperty("name").GetString() == DemoSetup.PoliticsUnit);
        politics.GetProperty("totalFen").GetInt64().ShouldBe(1_989_760_000L);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_forged_id_from_another_unit_finds_nothing_and_changes_nothing(string provider)
    {
        var app = apps.Get(provider);
        var zfw = await app.LoginAsync("zfw");
        var foreignId = (await JsonOf(await zfw.GetAsync("/api/v1/projects?pageSize=1"))).GetProperty("items")[0].GetProperty("id").GetInt32();
        var foreignProject = await JsonOf(await zfw.GetAsync($"/api/v1/projects/{foreignId}"));
        var foreignIndicator = foreignProject.GetProperty("indicators")[0];
        var foreignUnit = foreignProject.GetProperty("unitId").GetInt32();

        var gaj = await app.LoginAsync("gaj");
        foreach (var url in new[]
                 {
                     $"/api/v1/projects/{foreignId}", $"/api/v1/projects/{foreignId}/indicators", $"/api/v1/projects/{foreignId}/history",
                     $"/api/v1/indicators/{foreignIndicator.GetProperty("id").GetInt32()}", $"/api/v1/units/{foreignUnit}",
                 })
        {
            var problem = await ProblemAsync(await gaj.GetAsync(url), HttpStatusCode.NotFound);
            problem.GetProperty("detail").GetString()!.ShouldStartWith("找不到");
            problem.ToString().ShouldNotContain(foreignProject.GetProperty("name").GetString()!);
        }

        var edit = await gaj.PutAsJsonAsync($"/api/v1/indicators/{foreignIndicator.GetProperty("id").GetInt32()}/targets",
            new { periodTarget = "≥1%", annualTarget = "≥1%", version = foreignIndicator.GetProperty("version").GetInt64() });
        await ProblemAsync(edit, HttpStatusCode.NotFound);
        await ProblemAsync(await gaj.PostAsJsonAsync($"/api/v1/projects/{foreignId}/review/submit", new { }), HttpStatusCode.NotFound);

        var after = await JsonOf(await zfw.GetAsync($"/api/v1/indicators/{foreignIndicator.GetProperty("id").GetInt32()}"));
        after.GetProperty("annualTarget").GetProperty("text").GetString().ShouldBe(foreignIndicator.GetProperty("annualTarget").GetProperty("text").GetString());
        (await JsonOf(await zfw.GetAsync($"/api/v1/projects/{foreignId}"))).GetProperty("status").GetString().ShouldBe("draft");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Experts_and_reviewers_read_but_may_not_edit_targets(string provider)
    {
        var app = apps.Get(provider);
        foreach (var user in new[] { "zhuanjia", "czj" })
        {
            var client = await app.LoginAsync(user);
            var id = await ProjectIdAsync(client, "公安工作补贴");
            var indicator = (await JsonOf(await client.GetAsync($"/api/v1/projects/{id}"))).GetProperty("indicators")[0];
            var response = await client.PutAsJsonAsync($"/api/v1/indicators/{indicator.GetProperty("id").GetInt32()}/targets",
                new { periodTarget = "100%", annualTarget = "100%", version = indicator.GetProperty("version").GetInt64() });
            (await ProblemAsync(response, HttpStatusCode.Forbidden)).GetProperty("detail").GetString().ShouldBe("只有本单位的填报人可以修改指标值。");
            await ProblemAsync(await client.PostAsJsonAsync($"/api/v1/projects/{id}/review/submit", new { }), HttpStatusCode.Forbidden);
        }
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Editing_a_vague_target_stores_the_parsed_value_and_a_stale_version_gets_a_conflict(string provider)
    {
        var app = apps.Get(provider);
        var gaj = await app.LoginAsync("gaj");
        var id = await ProjectIdAsync(gaj, "公安执法办案费");
        var project = await JsonOf(await gaj.GetAsync($"/api/v1/projects/{id}"));
        var vague = project.GetProperty("indicators").EnumerateArray().First(i => i.GetProperty("name").GetString() == "刑事案件破案率");
        vague.GetProperty("annualTarget").GetProperty("kind").GetString().ShouldBe("qualitative");
        var indicatorId = vague.GetProperty("id").GetInt32();
        var version = vague.GetProperty("version").GetInt64();

        var saved = await gaj.PutAsJsonAsync($"/api/v1/indicators/{indicatorId}/targets",
            new { periodTarget = "≥85%", annualTarget = "≥80%", version, reason = "目标值需量化" });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var indicator = await JsonOf(saved);
        var annual = indicator.GetProperty("annualTarget");
        annual.GetProperty("text").GetString().ShouldBe("≥80%");
        annual.GetProperty("kind").GetString().ShouldBe("quantitative");
        annual.GetProperty("comparator").GetString().ShouldBe(">=");
        annual.GetProperty("value").GetDecimal().ShouldBe(80m);
        annual.GetProperty("unit").GetString().ShouldBe("%");
        annual.GetProperty("direction").GetString().ShouldBe("up");
        indicator.GetProperty("version").GetInt64().ShouldBe(version + 1);

        // A second editor who loaded the old version is refused, and the first edit stays.
        var stale = await gaj.PutAsJsonAsync($"/api/v1/indicators/{indicatorId}/targets",
            new { periodTarget = "≥50%", annualTarget = "≥50%", version });
        var conflict = await ProblemAsync(stale, HttpStatusCode.Conflict);
        conflict.GetProperty("detail").GetString()!.ShouldContain("已被公安分局填报员");
        conflict.GetProperty("detail").GetString()!.ShouldContain("您的修改未保存");
        (await JsonOf(await gaj.GetAsync($"/api/v1/indicators/{indicatorId}"))).GetProperty("annualTarget").GetProperty("text").GetString().ShouldBe("≥80%");

        var history = await JsonOf(await gaj.GetAsync($"/api/v1/projects/{id}/history"));
        var lines = history.EnumerateArray().Where(h => h.GetProperty("entityId").GetInt32() == indicatorId).ToList();
        lines.Select(h => h.GetProperty("field").GetString()).ShouldBe(["annualTarget", "periodTarget"], ignoreOrder: true);
        var annualLine = lines.Single(h => h.GetProperty("field").GetString() == "annualTarget");
        annualLine.GetProperty("oldValue").GetString().ShouldBe("提高");
        annualLine.GetProperty("newValue").GetString().ShouldBe("≥80%");
        annualLine.GetProperty("actor").GetString().ShouldBe("公安分局填报员");
        annualLine.GetProperty("reason").GetString().ShouldBe("目标值需量化");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_review_workflow_goes_draft_submitted_returned_submitted_approved_with_history(string provider)
    {
        var app = apps.Get(provider);
        var gaj = await app.LoginAsync("gaj");
        var czj = await app.LoginAsync("czj");
        var id = await ProjectIdAsync(gaj, "禁毒管理专项经费");

        // Reviewers cannot approve a draft.
        await ProblemAsync(await czj.PostAsJsonAsync($"/api/v1/projects/{id}/review/approve", new { }), HttpStatusCode.Conflict);
        // (the project has open system errors: the clerk confirms them, ReviewConfirmationTests)
        (await gaj.PostAsJsonAsync($"/api/v1/projects/{id}/review/submit", new { comment = "请审核", confirm = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // Submitted targets are locked for the clerk.
        var indicator = (await JsonOf(await gaj.GetAsync($"/api/v1/projects/{id}"))).GetProperty("indicators")[0];
        var locked = await gaj.PutAsJsonAsync($"/api/v1/indicators/{indicator.GetProperty("id").GetInt32()}/targets",
            new { periodTarget = "≥1次", annualTarget = "≥1次", version = indicator.GetProperty("version").GetInt64() });
        (await ProblemAsync(locked, HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("已提交");

        // A return needs a comment.
        (await ProblemAsync(await czj.PostAsJsonAsync($"/api/v1/projects/{id}/review/return", new { comment = " " }), HttpStatusCode.BadRequest))
            .GetProperty("detail").GetString().ShouldBe("退回时请填写退回意见，说明需要修改什么。");
        (await czj.PostAsJsonAsync($"/api/v1/projects/{id}/review/return", new { comment = "“提高”“增加”需量化" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await gaj.PostAsJsonAsync($"/api/v1/projects/{id}/review/submit", new { confirm = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        // The clerk cannot approve their own submission.
        await ProblemAsync(await gaj.PostAsJsonAsync($"/api/v1/projects/{id}/review/approve", new { }), HttpStatusCode.Forbidden);
        (await czj.PostAsJsonAsync($"/api/v1/projects/{id}/review/approve", new { comment = "同意", confirm = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await JsonOf(await gaj.GetAsync($"/api/v1/projects/{id}"))).GetProperty("statusName").GetString().ShouldBe("审核通过");
        var history = (await JsonOf(await czj.GetAsync($"/api/v1/projects/{id}/history"))).EnumerateArray()
            .Where(h => h.GetProperty("field").GetString() == "status").Reverse().ToList();
        history.Select(h => $"{h.GetProperty("oldValue").GetString()}→{h.GetProperty("newValue").GetString()}")
            .ShouldBe(["草稿→已提交", "已提交→退回", "退回→已提交", "已提交→审核通过"]);
        history[1].GetProperty("reason").GetString().ShouldBe("“提高”“增加”需量化");
        history[1].GetProperty("actor").GetString().ShouldBe("财政局审核员");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Project_list_filters_sorts_and_pages(string provider)
    {
        var admin = await apps.Get(provider).LoginAsync("admin");
        var largest = await JsonOf(await admin.GetAsync("/api/v1/projects?sort=amount&desc=true&pageSize=3"));
        largest.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString())
            .ShouldBe(["政府雇员工资经费", "公安执法办案费", "穗财政【2022】122号辅警补助经费"]);
        largest.GetProperty("items")[0].GetProperty("totalFen").GetInt64().ShouldBe(17_652_080_000L);

        var search = await JsonOf(await admin.GetAsync($"/api/v1/projects?q={Uri.EscapeDataString("网格")}&pageSize=50"));
        search.GetProperty("items").EnumerateArray().ShouldAllBe(p => p.GetProperty("name").GetString()!.Contains("网格") || p.GetProperty("unitName").GetString()!.Contains("网格"));

        var over1000 = await JsonOf(await admin.GetAsync("/api/v1/projects?minWanYuan=1000&pageSize=100"));
        over1000.GetProperty("items").EnumerateArray().ShouldAllBe(p => p.GetProperty("totalFen").GetInt64() >= 1_000_000_000L);

        var page2 = await JsonOf(await admin.GetAsync("/api/v1/projects?page=2&pageSize=10&sort=name"));
        page2.GetProperty("page").GetInt32().ShouldBe(2);
        page2.GetProperty("items").GetArrayLength().ShouldBe(10);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Review_findings_flag_a_vague_target_and_disappear_once_it_is_quantified(string provider)
    {
        var app = apps.Get(provider);
        var gaj = await app.LoginAsync("gaj");
        var id = await ProjectIdAsync(gaj, "正风反腐专项经费");
        static List<JsonElement> On(JsonElement review, string indicator) =>
            review.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("indicator").GetString() == indicator).ToList();

        var before = await JsonOf(await gaj.GetAsync($"/api/v1/projects/{id}/findings"));
        before.GetProperty("name").GetString().ShouldBe("正风反腐专项经费");
        var vague = On(before, "刑事案件破案率");
        vague.ShouldContain(f => f.GetProperty("rule").GetString()!.StartsWith("REV1"));
        vague.ShouldAllBe(f => f.GetProperty("suggestion").GetString()!.Length > 0);

        var indicator = (await JsonOf(await gaj.GetAsync($"/api/v1/projects/{id}"))).GetProperty("indicators").EnumerateArray()
            .Single(i => i.GetProperty("name").GetString() == "刑事案件破案率");
        (await gaj.PutAsJsonAsync($"/api/v1/indicators/{indicator.GetProperty("id").GetInt32()}/targets",
            new { periodTarget = "≥90%", annualTarget = "≥90%", version = indicator.GetProperty("version").GetInt64() })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var after = await JsonOf(await gaj.GetAsync($"/api/v1/projects/{id}/findings"));
        On(after, "刑事案件破案率").ShouldNotContain(f => f.GetProperty("rule").GetString()!.StartsWith("REV1"));
        after.GetProperty("findings").GetArrayLength().ShouldBeLessThan(before.GetProperty("findings").GetArrayLength());

        var zfw = await app.LoginAsync("zfw");
        await ProblemAsync(await zfw.GetAsync($"/api/v1/projects/{id}/findings"), HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Parse_endpoint_reads_a_target_like_the_cli(string provider)
    {
        var client = await apps.Get(provider).LoginAsync("gaj");
        var parsed = await JsonOf(await client.PostAsJsonAsync("/api/v1/targets/parse", new { text = "48小时内解决" }));
        parsed.GetProperty("kind").GetString().ShouldBe("quantitative");
        parsed.GetProperty("comparator").GetString().ShouldBe("<=");
        parsed.GetProperty("value").GetDecimal().ShouldBe(48m);
        parsed.GetProperty("unit").GetString().ShouldBe("小时");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Uploading_an_already_imported_table_previews_it_but_cannot_double_it(string provider)
    {
        var app = apps.Get(provider);
        var admin = await app.LoginAsync("admin");
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(DemoSetup.SeedFiles[1])), "file", "003_3854a258b9068c95.txt");
        var upload = await admin.PostAsync("/api/v1/imports", form);
        upload.StatusCode.ShouldBe(HttpStatusCode.OK);
        var preview = await JsonOf(upload);
        preview.GetProperty("projects").GetInt32().ShouldBe(18);
        preview.GetProperty("existingProjects").GetInt32().ShouldBe(18);
        preview.GetProperty("canConfirm").GetBoolean().ShouldBeFalse();

        var confirm = await admin.PostAsync($"/api/v1/imports/{preview.GetProperty("id").GetInt32()}/confirm", null);
        (await ProblemAsync(confirm, HttpStatusCode.BadRequest)).GetProperty("detail").GetString().ShouldBe("文件中的项目都已在系统中，没有可导入的新项目。");
        (await JsonOf(await admin.GetAsync("/api/v1/projects?pageSize=1"))).GetProperty("total").GetInt32().ShouldBe(73);

        // Another user cannot see the upload.
        var gaj = await app.LoginAsync("gaj");
        await ProblemAsync(await gaj.GetAsync($"/api/v1/imports/{preview.GetProperty("id").GetInt32()}"), HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_year_chosen_at_upload_goes_to_a_table_that_states_none_and_the_year_filter_finds_it(string provider)
    {
        using var app = new TestApp(provider, seed: false);
        var admin = await app.LoginAsync("admin");
        async Task<HttpResponseMessage> UploadAsync(string? year)
        {
            using var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(DemoSetup.SeedFiles[1])), "file", "003_3854a258b9068c95.txt");
            if (year is not null)
            {
                form.Add(new StringContent(year), "fiscalYear");
            }

            return await admin.PostAsync("/api/v1/imports", form);
        }

        foreach (var bad in new[] { "1800", "明年", "2025.5" })
        {
            (await ProblemAsync(await UploadAsync(bad), HttpStatusCode.BadRequest)).GetProperty("detail").GetString()
                .ShouldBe($"预算年度“{bad}”不是有效的年份：请填写 2000–2100 之间的四位年份，或留空（按文件写明的年度）。");
        }

        (await JsonOf(await UploadAsync(null))).GetProperty("fiscalYears").GetArrayLength().ShouldBe(0);
        var preview = await JsonOf(await UploadAsync("2025"));
        preview.GetProperty("fiscalYears").EnumerateArray().Select(y => y.GetInt32()).ShouldBe([2025]);
        (await admin.PostAsync($"/api/v1/imports/{preview.GetProperty("id").GetInt32()}/confirm", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var listed = await JsonOf(await admin.GetAsync("/api/v1/projects?year=2025&pageSize=200"));
        listed.GetProperty("total").GetInt32().ShouldBe(18);
        listed.GetProperty("items").EnumerateArray().ShouldAllBe(p => p.GetProperty("fiscalYear").GetInt32() == 2025);
        (await JsonOf(await admin.GetAsync("/api/v1/projects?year=2024"))).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_clerk_cannot_import_another_units_table(string provider)
    {
        var gaj = await apps.Get(provider).LoginAsync("gaj");
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(DemoSetup.SeedFiles[1])), "file", "003_3854a258b9068c95.txt");
        var preview = await JsonOf(await gaj.PostAsync("/api/v1/imports", form));
        preview.GetProperty("canConfirm").GetBoolean().ShouldBeFalse();
        preview.GetProperty("blocker").GetString()!.ShouldContain("不是您负责的单位");
        await ProblemAsync(await gaj.PostAsync($"/api/v1/imports/{preview.GetProperty("id").GetInt32()}/confirm", null), HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_OpenAPI_document_lists_the_endpoints(string provider)
    {
        var client = apps.Get(provider).CreateClient();
        var doc = await JsonOf(await client.GetAsync("/openapi/v1.json"));
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/projects", "/api/v1/projects/{id}", "/api/v1/indicators/{id}/targets", "/api/v1/units", "/api/v1/imports",
                     "/api/v1/projects/{id}/review/approve", "/api/v1/users", "/api/v1/users/{id}", "/api/v1/users/{id}/password", "/api/v1/users/{id}/unlock",
                     "/api/v1/users/{id}/disable", "/api/v1/users/{id}/enable", "/api/v1/auth/password", "/api/v1/units/{id}", "/api/v1/units/{id}/history" })
        {
            paths.TryGetProperty(path, out _).ShouldBeTrue(path);
        }
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Pages_send_security_headers_and_refuse_posts_without_an_antiforgery_token(string provider)
    {
        var app = apps.Get(provider);
        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await anonymous.GetAsync("/login");
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        login.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        login.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        login.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'");

        var redirect = await anonymous.GetAsync("/projects");
        redirect.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        redirect.Headers.Location!.ToString().ShouldContain("/login");

        var forged = await anonymous.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "admin", ["password"] = DemoSetup.Password }));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_forged_project_page_url_is_404_for_another_units_clerk(string provider)
    {
        var app = apps.Get(provider);
        var zfw = await app.LoginAsync("zfw");
        var foreignId = (await JsonOf(await zfw.GetAsync("/api/v1/projects?pageSize=1"))).GetProperty("items")[0].GetProperty("id").GetInt32();
        var gaj = await app.LoginAsync("gaj");
        (await gaj.GetAsync($"/projects/{foreignId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await zfw.GetAsync($"/projects/{foreignId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
