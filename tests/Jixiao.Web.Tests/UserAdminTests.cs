using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jixiao.App.Demo;

namespace Jixiao.Web.Tests;

/// <summary>
/// 用户管理 on /admin/users/{id} and /api/v1/users: the admin changes a user's role and units, sets a new password,
/// unlocks, disables and enables — each with a reason in the audit log; an admin cannot demote or disable themselves;
/// other roles get 403 even with a valid anti-forgery token.
/// </summary>
public sealed class UserAdminTests(SeededApps apps) : IClassFixture<SeededApps>
{
    private static readonly string[] NotAdmins = ["gaj", "czj", "zhuanjia"];

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    private static async Task<Dictionary<string, int>> UnitIdsAsync(HttpClient admin) =>
        (await JsonOf(await admin.GetAsync("/api/v1/units"))).EnumerateArray()
            .ToDictionary(u => u.GetProperty("name").GetString()!, u => u.GetProperty("id").GetInt32());

    /// <summary>A new clerk of 政法委 made through the API: (id, version).</summary>
    private static async Task<(string Id, string Version)> NewClerkAsync(HttpClient admin, string userName, string password = "start2026pw")
    {
        var units = await UnitIdsAsync(admin);
        var created = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName, displayName = "测试用户" + userName, password, role = App.Auth.Roles.Filler, unitIds = new[] { units["中共广州市白云区委政法委员会"] },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var user = await JsonOf(created);
        return (user.GetProperty("id").GetString()!, user.GetProperty("version").GetString()!);
    }

    private static async Task<JsonElement> UserAsync(HttpClient admin, string id) => await JsonOf(await admin.GetAsync($"/api/v1/users/{id}"));

    private static async Task<List<(string Field, string? Old, string? New, string? Reason, string Actor)>> AuditAsync(TestApp app, string userName)
    {
        await using var db = app.NewDbContext();
        var prefix = userName + "：";
        return db.AuditLog.Where(a => a.Entity == "user").OrderBy(a => a.Id).ToList()
            .Where(a => (a.NewValue ?? a.OldValue ?? "").StartsWith(prefix, StringComparison.Ordinal))
            .Select(a => (a.Field, a.OldValue, a.NewValue, a.Reason, a.Actor)).ToList();
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_admin_page_changes_role_and_units_with_a_reason_and_the_user_then_sees_the_new_scope(string provider)
    {
        var app = apps.Get(provider);
        var admin = await app.LoginAsync("admin");
        var (id, version) = await NewClerkAsync(admin, "bianji");
        var units = await UnitIdsAsync(admin);
        var page = $"/admin/users/{id}";
        var zfw = units["中共广州市白云区委政法委员会"].ToString(System.Globalization.CultureInfo.InvariantCulture);
        var grid = units["广州市白云区网格化服务管理中心"].ToString(System.Globalization.CultureInfo.InvariantCulture);
        KeyValuePair<string, string>[] Edit(string role, string reason, string v, params string[] unitIds) =>
            [new("displayName", "边辑"), new("role", role), new("reason", reason), new("version", v), .. unitIds.Select(u => new KeyValuePair<string, string>("unitIds", u))];

        // no reason: refused with the reason why, nothing changed
        (await PageForms.PostAsync(admin, page + "?handler=Edit", Edit(App.Auth.Roles.Reviewer, "", version, zfw, grid))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PageForms.AlertsAsync(admin, page)).ShouldBe(["请填写修改原因，它将记入审计日志。"]);
        // a reviewer without units
        (await PageForms.PostAsync(admin, page + "?handler=Edit", Edit(App.Auth.Roles.Reviewer, "岗位调整", version))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PageForms.AlertsAsync(admin, page)).ShouldBe([$"{App.Auth.Roles.Reviewer}必须关联至少一个单位。"]);
        (await UserAsync(admin, id)).GetProperty("roles")[0].GetString().ShouldBe(App.Auth.Roles.Filler);

        (await PageForms.PostAsync(admin, page + "?handler=Edit", Edit(App.Auth.Roles.Reviewer, "岗位调整，改为审核人", version, zfw, grid)))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PageForms.AlertsAsync(admin, page)).ShouldBe(["已保存用户 bianji 的姓名、角色和单位。"]);
        var user = await UserAsync(admin, id);
        user.GetProperty("displayName").GetString().ShouldBe("边辑");
        user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe([App.Auth.Roles.Reviewer]);
        user.GetProperty("units").EnumerateArray().Select(r => r.GetString()).ShouldBe(["中共广州市白云区委政法委员会", "广州市白云区网格化服务管理中心"]);

        // a form read before the change is stale now
        (await PageForms.PostAsync(admin, page + "?handler=Edit", Edit(App.Auth.Roles.Expert, "再次调整", version, zfw))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PageForms.AlertsAsync(admin, page)).Single().ShouldContain("已被他人修改");

        // logged in again, the user is a reviewer of both units
        var reviewer = await app.LoginAsync("bianji", "start2026pw");
        var me = await JsonOf(await reviewer.GetAsync("/api/v1/auth/me"));
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe([App.Auth.Roles.Reviewer]);
        (await JsonOf(await reviewer.GetAsync("/api/v1/units"))).GetArrayLength().ShouldBe(2);

        var audit = await AuditAsync(app, "bianji");
        audit.ShouldContain(("role", $"bianji：{App.Auth.Roles.Filler}", $"bianji：{App.Auth.Roles.Reviewer}", "岗位调整，改为审核人", "系统管理员"));
        audit.ShouldContain(("units", "bianji：中共广州市白云区委政法委员会", "bianji：中共广州市白云区委政法委员会、广州市白云区网格化服务管理中心", "岗位调整，改为审核人", "系统管理员"));
        audit.ShouldContain(("displayName", "bianji：测试用户bianji", "bianji：边辑", "岗位调整，改为审核人", "系统管理员"));
        var shown = WebUtility.HtmlDecode(await admin.GetStringAsync(page));
        shown.ShouldContain("岗位调整，改为审核人");
        shown.ShouldContain(App.Auth.Roles.Filler);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_new_password_set_by_the_admin_must_pass_the_policy_and_replaces_the_old_one(string provider)
    {
        var app = apps.Get(provider);
        var admin = await app.LoginAsync("admin");
        var (id, _) = await NewClerkAsync(admin, "chongshe");
        var page = $"/admin/users/{id}";
        string stamp;
        await using (var db = app.NewDbContext())
        {
            stamp = db.Users.Single(u => u.Id == id).SecurityStamp!;
        }

        async Task<IReadOnlyList<string>> ResetAsync(string password, string confirm, string reason)
        {
            (await PageForms.PostAsync(admin, page + "?handler=Password",
                [new("password", password), new("confirmPassword", confirm), new("reason", reason)])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            return await PageForms.AlertsAsync(admin, page);
        }

        (await ResetAsync("short1", "short1", "忘记密码")).ShouldBe(["密码至少需要 10 个字符。"]);
        (await ResetAsync("onlyletters", "onlyletters", "忘记密码")).ShouldBe(["密码须包含小写字母、大写字母、数字、符号中的至少两类。"]);
        (await ResetAsync("xinmima2026a", "xinmima2026b", "忘记密码")).ShouldBe(["两次输入的新密码不一致。"]);
        (await ResetAsync("xinmima2026a", "xinmima2026a", " ")).ShouldBe(["请填写修改原因，它将记入审计日志。"]);
        (await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { userName = "chongshe", password = "start2026pw" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // locked out after guessing (the guesser's address waits): the new password ends that too
        var guesser = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await guesser.PostAsJsonAsync("/api/v1/auth/login", new { userName = "chongshe", password = "guess-2026-" + i });
        }

        (await guesser.PostAsJsonAsync("/api/v1/auth/login", new { userName = "chongshe", password = "start2026pw" })).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await ResetAsync("xinmima2026a", "xinmima2026a", "本人忘记密码")).Single().ShouldStartWith("已为 chongshe 设置新密码");
        (await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { userName = "chongshe", password = "start2026pw" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var clerk = await app.LoginAsync("chongshe", "xinmima2026a");
        (await clerk.GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var db = app.NewDbContext())
        {
            db.Users.Single(u => u.Id == id).SecurityStamp.ShouldNotBe(stamp);
        }

        var line = (await AuditAsync(app, "chongshe")).Single(a => a.Field == "password");
        line.ShouldBe(("password", null, "chongshe：管理员重设密码（并解除锁定）", "本人忘记密码", "系统管理员"));
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_user_locked_out_by_failed_logins_is_unlocked_by_the_admin_and_logs_in_again(string provider)
    {
        var app = apps.Get(provider);
        var admin = await app.LoginAsync("admin");
        var (id, _) = await NewClerkAsync(admin, "suoding");
        var page = $"/admin/users/{id}";

        // not locked: nothing to unlock
        (await admin.PostAsJsonAsync($"/api/v1/users/{id}/unlock", new { reason = "试试" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var anonymous = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { userName = "suoding", password = "wrong-password-1" });
        }

        var locked = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { userName = "suoding", password = "start2026pw" });
        locked.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await JsonOf(locked)).GetProperty("detail").GetString().ShouldBe("登录失败次数过多，请 1 分钟后再试，或请管理员解锁。");
        (await UserAsync(admin, id)).GetProperty("state").GetString().ShouldBe("lockedOut");
        var shown = WebUtility.HtmlDecode(await admin.GetStringAsync(page));
        shown.ShouldContain("已锁定");
        shown.ShouldContain("解锁");

        (await PageForms.PostAsync(admin, page + "?handler=Unlock", [new("reason", "已电话核实为本人")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PageForms.AlertsAsync(admin, page)).ShouldBe(["已解锁用户 suoding，可以重新登录。"]);
        (await UserAsync(admin, id)).GetProperty("state").GetString().ShouldBe("active");
        (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { userName = "suoding", password = "start2026pw" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var line = (await AuditAsync(app, "suoding")).Single(a => a.Field == "lockout");
        line.Old!.ShouldStartWith("suoding：锁定至 ");
        line.Old.ShouldEndWith("（登录失败次数过多）");
        line.New.ShouldBe("suoding：已解锁");
        line.Reason.ShouldBe("已电话核实为本人");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Disabling_with_a_reason_stops_the_login_and_enabling_restores_it(string provider)
    {
        var app = apps.Get(provider);
        var admin = await app.LoginAsync("admin");
        var (id, _) = await NewClerkAsync(admin, "tingyong");
        var page = $"/admin/users/{id}";

        (await PageForms.PostAsync(admin, page + "?handler=Disable", [new("enable", "false"), new("reason", "")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PageForms.AlertsAsync(admin, page)).ShouldBe(["请填写修改原因，它将记入审计日志。"]);
        (await PageForms.PostAsync(admin, page + "?handler=Disable", [new("enable", "false"), new("reason", "调离本岗位")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var refused = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { userName = "tingyong", password = "start2026pw" });
        refused.StatusCode.ShouldBe((HttpStatusCode)423);
        (await JsonOf(refused)).GetProperty("detail").GetString().ShouldBe("该账户已停用，请联系管理员。");
        WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/users")).ShouldContain("已停用");
        // a disabled account is enabled, not unlocked
        (await admin.PostAsJsonAsync($"/api/v1/users/{id}/unlock", new { reason = "试试" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (await PageForms.PostAsync(admin, page + "?handler=Disable", [new("enable", "true"), new("reason", "回到本岗位")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { userName = "tingyong", password = "start2026pw" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AuditAsync(app, "tingyong")).Where(a => a.Field == "status").Select(a => (a.Old, a.New, a.Reason)).ShouldBe(
        [
            ("tingyong：正常", "tingyong：已停用", "调离本岗位"),
            ("tingyong：已停用", "tingyong：正常", "回到本岗位"),
        ]);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_admin_cannot_remove_their_own_admin_role_disable_themselves_or_reset_their_own_password_here(string provider)
    {
        var app = apps.Get(provider);
        var admin = await app.LoginAsync("admin");
        var self = await JsonOf(await admin.GetAsync("/api/v1/users"));
        var me = self.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "admin");
        var id = me.GetProperty("id").GetString()!;
        var version = me.GetProperty("version").GetString()!;

        var demote = await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { role = App.Auth.Roles.Expert, unitIds = Array.Empty<int>(), reason = "试试", version });
        demote.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(demote)).GetProperty("detail").GetString().ShouldBe("不能取消自己的管理员角色：请由另一位管理员修改。");
        (await PageForms.PostAsync(admin, $"/admin/users/{id}?handler=Disable", [new("enable", "false"), new("reason", "试试")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PageForms.AlertsAsync(admin, $"/admin/users/{id}")).ShouldBe(["不能停用自己的账户。"]);
        (await admin.PostAsJsonAsync($"/api/v1/users/{id}/password", new { password = "another2026pw", reason = "试试" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var after = await UserAsync(admin, id);
        after.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe([App.Auth.Roles.Admin]);
        after.GetProperty("state").GetString().ShouldBe("active");
        (await app.LoginAsync("admin")).ShouldNotBeNull(); // the demo password still works
        (await AuditAsync(app, "admin")).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Other_roles_are_refused_by_the_user_pages_and_api_even_with_a_valid_anti_forgery_token(string provider)
    {
        var app = apps.Get(provider);
        var admin = await app.LoginAsync("admin");
        var (id, version) = await NewClerkAsync(admin, "weizao");
        foreach (var name in NotAdmins)
        {
            var client = await app.LoginAsync(name);
            var open = await client.GetAsync($"/admin/users/{id}");
            open.StatusCode.ShouldBe(HttpStatusCode.Redirect, name);
            open.Headers.Location!.ToString().ShouldContain("/denied", Case.Insensitive);
            // a token from a page they may open (修改密码) does not make a forged post pass
            foreach (var (handler, fields) in new (string, KeyValuePair<string, string>[])[]
            {
                ("Edit", [new("role", App.Auth.Roles.Admin), new("reason", "x"), new("version", version)]),
                ("Password", [new("password", "forged2026pw"), new("confirmPassword", "forged2026pw"), new("reason", "x")]),
                ("Unlock", [new("reason", "x")]),
                ("Disable", [new("enable", "false"), new("reason", "x")]),
            })
            {
                (await PageForms.PostAsync(client, $"/admin/users/{id}?handler={handler}", fields, tokenPage: "/account/password"))
                    .StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{name} {handler}");
            }

            (await client.GetAsync("/api/v1/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, name);
            (await client.PutAsJsonAsync($"/api/v1/users/{id}", new { role = App.Auth.Roles.Admin, reason = "x", version })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, name);
            (await client.PostAsJsonAsync($"/api/v1/users/{id}/password", new { password = "forged2026pw", reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, name);
            (await client.PostAsJsonAsync("/api/v1/users", new { userName = "x", displayName = "x", password = "forged2026pw", role = App.Auth.Roles.Admin }))
                .StatusCode.ShouldBe(HttpStatusCode.Forbidden, name);
        }

        (await app.CreateClient().GetAsync("/api/v1/users")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        // the admin's own post without the token is refused too
        (await admin.PostAsync($"/admin/users/{id}?handler=Unlock", new FormUrlEncodedContent([new("reason", "x")]))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var user = await UserAsync(admin, id);
        user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe([App.Auth.Roles.Filler]);
        user.GetProperty("version").GetString().ShouldBe(version);
        (await app.LoginAsync("weizao", "start2026pw")).ShouldNotBeNull();
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Every_user_changes_their_own_password_with_the_current_one_and_clear_messages(string provider)
    {
        var app = apps.Get(provider);
        foreach (var name in NotAdmins.Append("admin"))
        {
            var client = await app.LoginAsync(name);
            var page = WebUtility.HtmlDecode(await client.GetStringAsync("/account/password"));
            page.ShouldContain("修改我的密码", customMessage: name);
        }

        var admin = await app.LoginAsync("admin");
        await NewClerkAsync(admin, "gaimima");
        var clerk = await app.LoginAsync("gaimima", "start2026pw");

        async Task<string> ChangeAsync(string current, string @new, string confirm)
        {
            var response = await PageForms.PostAsync(clerk, "/account/password",
                [new("currentPassword", current), new("newPassword", @new), new("confirmPassword", confirm)]);
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                return (await PageForms.AlertsAsync(clerk, "/account/password")).Single();
            }

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            return System.Text.RegularExpressions.Regex.Match(html, "id=\"password-error\">([^<]*)<").Groups[1].Value;
        }

        (await ChangeAsync("wrong-current1", "Xiugai-2027", "Xiugai-2027")).ShouldBe("当前密码不正确。");
        await using (var db = app.NewDbContext())
        {
            // a wrong guess counts as a failed login of the name from this address
            db.AuditLog.Where(a => a.Entity == "login" && a.Field == "failed").Select(a => a.NewValue).ToList().ShouldContain("gaimima：修改密码时当前密码错误");
        }

        (await ChangeAsync("start2026pw", "Xiugai-2027", "Xiugai-2028")).ShouldBe("两次输入的新密码不一致。");
        (await ChangeAsync("start2026pw", "gaimima", "gaimima")).ShouldBe("密码至少需要 10 个字符。 密码须包含小写字母、大写字母、数字、符号中的至少两类。 密码不能包含登录名。");
        (await ChangeAsync("start2026pw", "start2026pw", "start2026pw")).ShouldBe("新密码不能与当前密码相同。");
        (await ChangeAsync("", "Xiugai-2027", "Xiugai-2027")).ShouldBe("请输入当前密码。");
        (await ChangeAsync("start2026pw", "Xiugai-2027", "Xiugai-2027")).ShouldBe("密码已修改。您在其他地方已登录的会话将在 1 分钟内失效。");
        (await clerk.GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK); // this session stays
        (await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { userName = "gaimima", password = "start2026pw" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var again = await app.LoginAsync("gaimima", "Xiugai-2027");

        // the API: the same rules
        var wrong = await again.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "start2026pw", newPassword = "Xiugai-2029" });
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(wrong)).GetProperty("detail").GetString().ShouldBe("当前密码不正确。");
        (await again.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "Xiugai-2027", newPassword = "Xiugai-2029" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.LoginAsync("gaimima", "Xiugai-2029")).ShouldNotBeNull();
        (await app.CreateClient().PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "x", newPassword = "y" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await AuditAsync(app, "gaimima")).Where(a => a.Field == "password").Select(a => (a.New, a.Actor)).ShouldBe(
            [("gaimima：本人修改密码", "测试用户gaimima"), ("gaimima：本人修改密码", "测试用户gaimima")]);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_admin_assigns_a_department_evaluation_to_an_expert_and_takes_it_back_with_reasons(string provider)
    {
        var app = apps.Get(provider);
        var admin = await app.LoginAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "pingshen", displayName = "评审专家李工", password = "Pingjia-2026", role = App.Auth.Roles.Expert });
        var expertId = (await JsonOf(created)).GetProperty("id").GetString()!;
        var projects = await JsonOf(await admin.GetAsync($"/api/v1/projects?q={Uri.EscapeDataString("辅警服装培训费")}"));
        var projectId = projects.GetProperty("items")[0].GetProperty("id").GetInt32();
        var evaluation = await JsonOf(await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/evaluations", new { kind = "department" }));
        var evaluationId = evaluation.GetProperty("id").GetInt32();
        var page = $"/admin/users/{expertId}";
        var expert = await app.LoginAsync("pingshen", "Pingjia-2026");
        (await expert.GetAsync($"/api/v1/evaluations/{evaluationId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        WebUtility.HtmlDecode(await admin.GetStringAsync(page)).ShouldContain("指派的评价（0）");
        (await PageForms.PostAsync(admin, page + "?handler=Assign", [new("evaluationId", $"{evaluationId}"), new("assign", "true"), new("reason", "")]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PageForms.AlertsAsync(admin, page)).ShouldBe(["请填写修改原因，它将记入审计日志。"]);
        (await PageForms.PostAsync(admin, page + "?handler=Assign", [new("evaluationId", $"{evaluationId}"), new("assign", "true"), new("reason", "专业对口")]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PageForms.AlertsAsync(admin, page)).ShouldBe(["已将“辅警服装培训费”的部门评价指派给该专家。"]);
        WebUtility.HtmlDecode(await admin.GetStringAsync(page)).ShouldContain("指派的评价（1）");

        // the expert now scores it
        var mine = await JsonOf(await expert.GetAsync($"/api/v1/evaluations/{evaluationId}"));
        mine.GetProperty("canEdit").GetBoolean().ShouldBeTrue();
        (await expert.PutAsJsonAsync($"/api/v1/evaluations/{evaluationId}/lines/0", new { deductions = "扣1分：未提供可行性研究报告", version = mine.GetProperty("version").GetInt64() }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        (await PageForms.PostAsync(admin, page + "?handler=Assign", [new("evaluationId", $"{evaluationId}"), new("assign", "false"), new("reason", "改由他人评价")]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await expert.GetAsync($"/api/v1/evaluations/{evaluationId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var history = (await JsonOf(await admin.GetAsync($"/api/v1/projects/{projectId}/history"))).EnumerateArray()
            .Where(h => h.GetProperty("field").GetString() == "expert" && h.GetProperty("entityId").GetInt32() == evaluationId)
            .Select(h => (h.GetProperty("oldValue").GetString(), h.GetProperty("newValue").GetString(), h.GetProperty("reason").GetString())).ToList();
        history.ShouldBe([("评审专家李工（pingshen）", "（未指派）", "改由他人评价"), ("（未指派）", "评审专家李工（pingshen）", "专业对口")]);

        // the API: admin only, experts only, no 单位自评, nothing once locked
        var gaj = await app.LoginAsync("gaj");
        (await gaj.PutAsJsonAsync($"/api/v1/evaluations/{evaluationId}/expert", new { expertId, reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = app.NewDbContext();
        var gajId = db.Users.Single(u => u.UserName == "gaj").Id;
        var notExpert = await admin.PutAsJsonAsync($"/api/v1/evaluations/{evaluationId}/expert", new { expertId = gajId, reason = "x" });
        notExpert.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(notExpert)).GetProperty("detail").GetString().ShouldBe("所选用户不是评价专家。");
        var assigned = await admin.PutAsJsonAsync($"/api/v1/evaluations/{evaluationId}/expert", new { expertId, reason = "重新指派" });
        assigned.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonOf(assigned)).GetProperty("expertId").GetString().ShouldBe(expertId);
        var self = await JsonOf(await gaj.PostAsJsonAsync($"/api/v1/projects/{projectId}/evaluations", new { kind = "self" }));
        (await admin.PutAsJsonAsync($"/api/v1/evaluations/{self.GetProperty("id").GetInt32()}/expert", new { expertId, reason = "x" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PutAsJsonAsync("/api/v1/evaluations/999999/expert", new { expertId, reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_users_api_creates_edits_and_resets_with_the_pages_rules(string provider)
    {
        var app = apps.Get(provider);
        var admin = await app.LoginAsync("admin");
        var units = await UnitIdsAsync(admin);

        var weak = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "apiuser", displayName = "接口用户", password = "short", role = App.Auth.Roles.Expert });
        weak.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(weak)).GetProperty("detail").GetString()!.ShouldContain("密码至少需要 10 个字符。");
        (await admin.PostAsJsonAsync("/api/v1/users", new { userName = "apiuser", displayName = "接口用户", password = "api2026user", role = "超级用户" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "apiuser", displayName = "接口用户", password = "api2026user", role = App.Auth.Roles.Expert });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var user = await JsonOf(created);
        var id = user.GetProperty("id").GetString()!;
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/users/{id}");
        user.GetProperty("state").GetString().ShouldBe("active");
        user.GetProperty("stateName").GetString().ShouldBe("正常");
        (await admin.PostAsJsonAsync("/api/v1/users", new { userName = "apiuser", displayName = "重复", password = "api2026user", role = App.Auth.Roles.Expert }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var police = units["广州市公安局白云区分局"];
        var edit = await admin.PutAsJsonAsync($"/api/v1/users/{id}",
            new { role = App.Auth.Roles.Expert, unitIds = new[] { police }, reason = "可阅读公安分局的项目", version = user.GetProperty("version").GetString() });
        edit.StatusCode.ShouldBe(HttpStatusCode.OK);
        var edited = await JsonOf(edit);
        edited.GetProperty("unitIds").EnumerateArray().Select(u => u.GetInt32()).ShouldBe([police]);
        edited.GetProperty("displayName").GetString().ShouldBe("接口用户"); // not sent: kept
        (await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { role = App.Auth.Roles.Expert, unitIds = new[] { 999_999 }, reason = "x", version = edited.GetProperty("version").GetString() }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { role = App.Auth.Roles.Expert, reason = "x", version = user.GetProperty("version").GetString() }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PutAsJsonAsync("/api/v1/users/no-such-user", new { role = App.Auth.Roles.Expert, reason = "x", version = "v" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync("/api/v1/users/no-such-user")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var expert = await app.LoginAsync("apiuser", "api2026user");
        (await JsonOf(await expert.GetAsync("/api/v1/units"))).EnumerateArray().Select(u => u.GetProperty("id").GetInt32()).ShouldBe([police]);

        (await admin.PostAsJsonAsync($"/api/v1/users/{id}/password", new { password = "api2026reset" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync($"/api/v1/users/{id}/password", new { password = "api2026reset", reason = "交接" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.LoginAsync("apiuser", "api2026reset")).ShouldNotBeNull();
        (await admin.PostAsJsonAsync($"/api/v1/users/{id}/disable", new { reason = "离职" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsJsonAsync($"/api/v1/users/{id}/disable", new { reason = "离职" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await UserAsync(admin, id)).GetProperty("state").GetString().ShouldBe("disabled");
        (await admin.PostAsJsonAsync($"/api/v1/users/{id}/enable", new { reason = "返聘" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await AuditAsync(app, "apiuser")).Select(a => a.Field).ShouldBe(["created", "units", "password", "status", "status"]);
    }
}

/// <summary>
/// Sessions end when the security stamp changes: on an app that checks the stamp on every request (instead of once a
/// minute), a password set by the admin or a disabling logs the user's open session out at once, while a user who
/// changes their own password stays logged in.
/// </summary>
public sealed class SessionEndTests
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_admins_password_reset_and_disabling_end_open_sessions_but_an_own_change_keeps_the_current_one(string provider)
    {
        using var app = new TestApp(provider, seed: false, stampCheckEveryRequest: true);
        var admin = await app.LoginAsync("admin");
        var expert = await app.LoginAsync("zhuanjia");
        var elsewhere = await app.LoginAsync("zhuanjia");
        (await expert.GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // an own change: this session stays, the other one ends
        (await expert.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = DemoSetup.Password, newPassword = "Pingjia-2027" }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await expert.GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await elsewhere.GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // the admin sets a new one: the session ends
        var id = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/users")).EnumerateArray()
            .Single(u => u.GetProperty("userName").GetString() == "zhuanjia").GetProperty("id").GetString();
        (await admin.PostAsJsonAsync($"/api/v1/users/{id}/password", new { password = "Pingjia-2028", reason = "交接" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await expert.GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var again = await app.LoginAsync("zhuanjia", "Pingjia-2028");
        (await admin.PostAsJsonAsync($"/api/v1/users/{id}/disable", new { reason = "停用" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
