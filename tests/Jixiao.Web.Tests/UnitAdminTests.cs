using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Jixiao.Web.Tests;

/// <summary>
/// 单位管理 on /admin/users, /admin/units/{id} and /api/v1/units: the admin creates a unit and corrects its name or
/// department with a reason, written to the audit log; names stay unique (an import finds its unit by name); a stale
/// form is refused; other roles get 403 even with a valid anti-forgery token; the 项目 list follows a rename at once.
/// </summary>
public sealed class UnitAdminTests(SeededApps apps) : IClassFixture<SeededApps>
{
    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    private static async Task<JsonElement> NewUnitAsync(HttpClient admin, string name, string? department = null)
    {
        var created = await admin.PostAsJsonAsync("/api/v1/units", new { name, department });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        created.Headers.Location!.ToString().ShouldStartWith("/api/v1/units/");
        return await JsonOf(created);
    }

    private static string Id(JsonElement unit) => unit.GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture);

    private static string Version(JsonElement unit) => unit.GetProperty("version").GetInt64().ToString(CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_admin_creates_a_unit_on_the_page_and_it_is_there_with_its_audit_line(string provider)
    {
        var app = apps.Get(provider);
        var admin = await app.LoginAsync("admin");

        (await PageForms.PostAsync(admin, "/admin/users?handler=CreateUnit", [new("unitName", "  "), new("unitDepartment", "")]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PageForms.AlertsAsync(admin, "/admin/users")).ShouldBe(["请填写单位名称。"]);

        (await PageForms.PostAsync(admin, "/admin/users?handler=CreateUnit",
            [new("unitName", " 广州市白云区禁毒委员会办公室 "), new("unitDepartment", "广州市公安局白云区分局")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PageForms.AlertsAsync(admin, "/admin/users")).ShouldBe(["已创建单位“广州市白云区禁毒委员会办公室”。"]);

        var units = (await JsonOf(await admin.GetAsync("/api/v1/units"))).EnumerateArray().ToList();
        var unit = units.Single(u => u.GetProperty("name").GetString() == "广州市白云区禁毒委员会办公室");
        unit.GetProperty("department").GetString().ShouldBe("广州市公安局白云区分局");
        unit.GetProperty("projectCount").GetInt32().ShouldBe(0);

        // the same name again is refused: an import would not know which unit a table belongs to
        (await PageForms.PostAsync(admin, "/admin/users?handler=CreateUnit", [new("unitName", "广州市白云区禁毒委员会办公室")]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PageForms.AlertsAsync(admin, "/admin/users")).Single().ShouldContain("已有名为“广州市白云区禁毒委员会办公室”的单位");

        var id = unit.GetProperty("id").GetInt32();
        var history = await JsonOf(await admin.GetAsync($"/api/v1/units/{id}/history"));
        history.GetArrayLength().ShouldBe(1);
        history[0].GetProperty("field").GetString().ShouldBe("created");
        history[0].GetProperty("newValue").GetString().ShouldBe("广州市白云区禁毒委员会办公室（部门：广州市公安局白云区分局）");
        history[0].GetProperty("actor").GetString().ShouldNotBeNullOrEmpty();
        WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/units/{id}")).ShouldContain("新建单位");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_unit_page_corrects_name_and_department_with_a_reason_and_refuses_a_stale_form(string provider)
    {
        var app = apps.Get(provider);
        var admin = await app.LoginAsync("admin");
        var unit = await NewUnitAsync(admin, "白云区综治中心（测试）");
        var other = await NewUnitAsync(admin, "白云区信访局（测试）");
        var page = $"/admin/units/{Id(unit)}";
        KeyValuePair<string, string>[] Edit(string name, string department, string reason, string version) =>
            [new("name", name), new("department", department), new("reason", reason), new("version", version)];

        (await PageForms.PostAsync(admin, page, Edit("白云区综治中心", "政法委", "", Version(unit)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PageForms.AlertsAsync(admin, page)).ShouldBe(["请填写修改原因，它将记入审计日志。"]);
        (await PageForms.PostAsync(admin, page, Edit("白云区信访局（测试）", "", "合并", Version(unit)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PageForms.AlertsAsync(admin, page)).Single().ShouldContain("已有名为“白云区信访局（测试）”的单位");
        (await PageForms.PostAsync(admin, page, Edit("白云区综治中心（测试）", "", "无变化", Version(unit)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PageForms.AlertsAsync(admin, page)).ShouldBe(["单位名称和部门都没有改变，没有可保存的修改。"]);

        (await PageForms.PostAsync(admin, page, Edit(" 白云区综治中心 ", "中共广州市白云区委政法委员会", "机构改革后更名", Version(unit))))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PageForms.AlertsAsync(admin, page)).ShouldBe(["已保存单位“白云区综治中心”。"]);
        var saved = await JsonOf(await admin.GetAsync($"/api/v1/units/{Id(unit)}"));
        saved.GetProperty("name").GetString().ShouldBe("白云区综治中心");
        saved.GetProperty("department").GetString().ShouldBe("中共广州市白云区委政法委员会");

        // the form read before the save is stale
        (await PageForms.PostAsync(admin, page, Edit("白云区综治中心2", "", "再改", Version(unit)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PageForms.AlertsAsync(admin, page)).Single().ShouldContain("已被他人修改");

        var history = (await JsonOf(await admin.GetAsync($"/api/v1/units/{Id(unit)}/history"))).EnumerateArray()
            .Select(l => (l.GetProperty("field").GetString(), l.GetProperty("oldValue").GetString(), l.GetProperty("newValue").GetString(),
                l.GetProperty("reason").GetString()))
            .ToList();
        history.ShouldBe([
            ("department", null, "中共广州市白云区委政法委员会", "机构改革后更名"),
            ("name", "白云区综治中心（测试）", "白云区综治中心", "机构改革后更名"),
            ("created", null, "白云区综治中心（测试）", null),
        ]);
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync(page));
        html.ShouldContain("机构改革后更名");
        html.ShouldContain("白云区综治中心（测试） → 白云区综治中心");
        (await JsonOf(await admin.GetAsync($"/api/v1/units/{Id(other)}"))).GetProperty("name").GetString().ShouldBe("白云区信访局（测试）");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_units_api_checks_names_versions_and_reasons(string provider)
    {
        var app = apps.Get(provider);
        var admin = await app.LoginAsync("admin");
        var unit = await NewUnitAsync(admin, "API测试单位");
        var url = $"/api/v1/units/{Id(unit)}";

        (await admin.PostAsJsonAsync("/api/v1/units", new { name = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync("/api/v1/units", new { name = new string('单', 201) })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync("/api/v1/units", new { name = "两行\n名称" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var duplicate = await admin.PostAsJsonAsync("/api/v1/units", new { name = "API测试单位" });
        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await JsonOf(duplicate)).GetProperty("detail").GetString()!.ShouldContain("名称不能重复");

        (await admin.PutAsJsonAsync(url, new { name = "API测试单位2", reason = "更正" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PutAsJsonAsync(url, new { name = "API测试单位2", version = unit.GetProperty("version").GetInt64() + 1, reason = "更正" }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PutAsJsonAsync(url, new { name = "API测试单位2", version = unit.GetProperty("version").GetInt64() })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PutAsJsonAsync("/api/v1/units/999999", new { name = "x", version = 0, reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync("/api/v1/units/999999/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var edited = await admin.PutAsJsonAsync(url, new { name = "API测试单位2", department = "  ", version = unit.GetProperty("version").GetInt64(), reason = "更正" });
        edited.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await JsonOf(edited);
        body.GetProperty("name").GetString().ShouldBe("API测试单位2");
        body.GetProperty("department").ValueKind.ShouldBe(JsonValueKind.Null);
        body.GetProperty("version").GetInt64().ShouldBe(unit.GetProperty("version").GetInt64() + 1);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Other_roles_are_refused_by_the_unit_pages_and_api_even_with_a_valid_anti_forgery_token(string provider)
    {
        var app = apps.Get(provider);
        var admin = await app.LoginAsync("admin");
        var unit = await NewUnitAsync(admin, "越权测试单位");
        foreach (var name in new[] { "gaj", "czj", "zhuanjia" })
        {
            var client = await app.LoginAsync(name);
            var open = await client.GetAsync($"/admin/units/{Id(unit)}");
            open.StatusCode.ShouldBe(HttpStatusCode.Redirect, name);
            open.Headers.Location!.ToString().ShouldContain("/denied", Case.Insensitive);
            (await PageForms.PostAsync(client, $"/admin/units/{Id(unit)}",
                [new("name", "伪造"), new("reason", "x"), new("version", Version(unit))], tokenPage: "/account/password"))
                .StatusCode.ShouldBe(HttpStatusCode.Forbidden, name);
            (await PageForms.PostAsync(client, "/admin/users?handler=CreateUnit", [new("unitName", "伪造单位")], tokenPage: "/account/password"))
                .StatusCode.ShouldBe(HttpStatusCode.Forbidden, name);
            (await client.PostAsJsonAsync("/api/v1/units", new { name = "伪造单位" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, name);
            (await client.PutAsJsonAsync($"/api/v1/units/{Id(unit)}", new { name = "伪造", reason = "x", version = unit.GetProperty("version").GetInt64() }))
                .StatusCode.ShouldBe(HttpStatusCode.Forbidden, name);
            (await client.GetAsync($"/api/v1/units/{Id(unit)}/history")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, name);
        }

        (await app.CreateClient().PostAsJsonAsync("/api/v1/units", new { name = "匿名" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await JsonOf(await admin.GetAsync($"/api/v1/units/{Id(unit)}"))).GetProperty("name").GetString().ShouldBe("越权测试单位");
        (await JsonOf(await admin.GetAsync("/api/v1/units"))).EnumerateArray().ShouldNotContain(u => u.GetProperty("name").GetString() == "伪造单位");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_renamed_unit_is_found_by_its_new_name_in_the_project_list_at_once(string provider)
    {
        using var app = new TestApp(provider, seed: true);
        var admin = await app.LoginAsync("admin");
        var unit = (await JsonOf(await admin.GetAsync("/api/v1/units"))).EnumerateArray().First(u => u.GetProperty("projectCount").GetInt32() > 0);
        var full = await JsonOf(await admin.GetAsync($"/api/v1/units/{Id(unit)}"));
        // read the lists first, so what the app keeps by change stamp is there to go stale
        (await JsonOf(await admin.GetAsync("/api/v1/projects?q=%E5%85%B3%E5%B1%B1%E5%8D%95%E4%BD%8D"))).GetProperty("total").GetInt32().ShouldBe(0);
        var before = await JsonOf(await admin.GetAsync($"/api/v1/projects?unitId={Id(unit)}&pageSize=200"));

        (await admin.PutAsJsonAsync($"/api/v1/units/{Id(unit)}", new { name = "关山单位", department = full.GetProperty("department").GetString(),
            version = full.GetProperty("version").GetInt64(), reason = "测试更名" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var found = await JsonOf(await admin.GetAsync("/api/v1/projects?q=%E5%85%B3%E5%B1%B1%E5%8D%95%E4%BD%8D&pageSize=200"));
        found.GetProperty("total").GetInt32().ShouldBe(unit.GetProperty("projectCount").GetInt32());
        found.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt32())
            .ShouldBe(before.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()));
        found.GetProperty("items").EnumerateArray().ShouldAllBe(p => p.GetProperty("unitName").GetString() == "关山单位");
        (await JsonOf(await admin.GetAsync("/api/v1/units"))).EnumerateArray().Count(u => u.GetProperty("name").GetString() == "关山单位").ShouldBe(1);
    }
}
