using System.Net;
using System.Net.Http.Json;
using Jixiao.App.Demo;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Jixiao.Web.Tests;

/// <summary>
/// A session ends on the server: a login cookie copied before logout, before the user was disabled or before the admin
/// set a new password no longer works afterwards, at once (not after the minute of the claims refresh).
/// </summary>
public sealed class SessionTests
{
    /// <summary>Logs in without a cookie jar and returns the login cookie, as someone who copied it would hold it.</summary>
    private static async Task<string> LoginCookieAsync(TestApp app, string userName)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = DemoSetup.Password });
        login.EnsureSuccessStatusCode();
        return login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("jixiao.auth=", StringComparison.Ordinal)).Split(';')[0];
    }

    private static async Task<HttpStatusCode> WithCookieAsync(TestApp app, string cookie, HttpMethod method, string url, object? body = null)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_cookie_copied_before_logout_no_longer_works_after_it(string provider)
    {
        using var app = new TestApp(provider, seed: false);
        var cookie = await LoginCookieAsync(app, "gaj");
        var other = await LoginCookieAsync(app, "zfw");
        (await WithCookieAsync(app, cookie, HttpMethod.Get, "/api/v1/auth/me")).ShouldBe(HttpStatusCode.OK);

        (await WithCookieAsync(app, cookie, HttpMethod.Post, "/api/v1/auth/logout")).ShouldBe(HttpStatusCode.NoContent);

        (await WithCookieAsync(app, cookie, HttpMethod.Get, "/api/v1/auth/me")).ShouldBe(HttpStatusCode.Unauthorized);
        (await WithCookieAsync(app, cookie, HttpMethod.Get, "/api/v1/projects")).ShouldBe(HttpStatusCode.Unauthorized);
        (await WithCookieAsync(app, other, HttpMethod.Get, "/api/v1/auth/me")).ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Disabling_a_user_or_setting_their_password_ends_their_sessions_at_once(string provider)
    {
        using var app = new TestApp(provider, seed: false);
        var gaj = await LoginCookieAsync(app, "gaj");
        var zfw = await LoginCookieAsync(app, "zfw");
        (await WithCookieAsync(app, gaj, HttpMethod.Get, "/api/v1/auth/me")).ShouldBe(HttpStatusCode.OK);
        (await WithCookieAsync(app, zfw, HttpMethod.Get, "/api/v1/auth/me")).ShouldBe(HttpStatusCode.OK);
        string gajId, zfwId;
        await using (var db = app.NewDbContext())
        {
            gajId = db.Users.Single(u => u.UserName == "gaj").Id;
            zfwId = db.Users.Single(u => u.UserName == "zfw").Id;
        }

        var admin = await app.LoginAsync("admin");
        (await admin.PostAsJsonAsync($"/api/v1/users/{gajId}/disable", new { reason = "调离本岗位" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsJsonAsync($"/api/v1/users/{zfwId}/password", new { password = "Xinmima2027a", reason = "遗失密码" })).IsSuccessStatusCode.ShouldBeTrue();

        (await WithCookieAsync(app, gaj, HttpMethod.Get, "/api/v1/auth/me")).ShouldBe(HttpStatusCode.Unauthorized);
        (await WithCookieAsync(app, zfw, HttpMethod.Get, "/api/v1/auth/me")).ShouldBe(HttpStatusCode.Unauthorized);
        (await WithCookieAsync(app, zfw, HttpMethod.Get, "/projects")).ShouldBe(HttpStatusCode.Redirect);
    }
}
