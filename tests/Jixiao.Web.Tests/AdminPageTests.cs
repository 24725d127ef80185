using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Jixiao.Web.Tests;

/// <summary>用户与单位 (/admin/users): only 管理员; creating a user applies the password policy; a disabled user cannot log in.</summary>
public sealed partial class AdminPageTests(SeededApps apps) : IClassFixture<SeededApps>
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static async Task<string> TokenAsync(HttpClient client) =>
        TokenPattern().Match(await client.GetStringAsync("/admin/users")).Groups[1].Value;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await TokenAsync(client);
        return await client.PostAsync($"/admin/users?handler={handler}",
            new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Only_the_admin_opens_the_user_page_which_lists_users_roles_and_units(string provider)
    {
        var app = apps.Get(provider);
        var admin = await app.LoginAsync("admin");
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/users"));
        page.ShouldContain("<code>gaj</code>");
        page.ShouldContain("广州市公安局白云区分局");
        page.ShouldContain(App.Auth.Roles.Reviewer);
        foreach (var user in new[] { "gaj", "czj", "zhuanjia" })
        {
            var client = await app.LoginAsync(user);
            var response = await client.GetAsync("/admin/users");
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, user);
            response.Headers.Location!.ToString().ShouldContain("/denied", Case.Insensitive);
        }
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_admin_creates_a_clerk_for_a_unit_who_then_sees_only_that_unit_and_disabling_them_stops_their_login(string provider)
    {
        var app = apps.Get(provider);
        var admin = await app.LoginAsync("admin");
        var units = await admin.GetFromJsonAsync<List<UnitView>>("/api/v1/units");
        var zfwUnit = units!.First(u => u.Name == "中共广州市白云区委政法委员会");

        KeyValuePair<string, string>[] Fields(string password) =>
        [
            new("userName", "xinren"), new("displayName", "新填报人"), new("password", password), new("role", App.Auth.Roles.Filler),
            new("unitIds", zfwUnit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];

        var weak = await PostAsync(admin, "Create", Fields("short1"));
        weak.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/users")).ShouldContain("密码至少需要 10 个字符。");
        app.NewDbContext().Users.Any(u => u.UserName == "xinren").ShouldBeFalse();

        (await PostAsync(admin, "Create", Fields("baiyun2026pw"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var clerk = await app.LoginAsync("xinren", "baiyun2026pw");
        var seen = await clerk.GetFromJsonAsync<List<UnitView>>("/api/v1/units");
        seen!.Select(u => u.Name).ShouldBe(["中共广州市白云区委政法委员会"]);

        await using var db = app.NewDbContext();
        var id = db.Users.Single(u => u.UserName == "xinren").Id;
        (await PageForms.PostAsync(admin, $"/admin/users/{id}?handler=Disable", [new("enable", "false"), new("reason", "测试停用")]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var login = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { userName = "xinren", password = "baiyun2026pw" });
        login.StatusCode.ShouldBe((HttpStatusCode)423);
        WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/users")).ShouldContain("已停用");
    }

    private sealed record UnitView(int Id, string Name);
}
