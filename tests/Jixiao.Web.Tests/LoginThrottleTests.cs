using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jixiao.Data.Entities;
using Jixiao.App.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>
/// Logins tell nothing about which names exist and let nobody lock anyone out: an unknown name gets the answer and the
/// password check of a wrong password; failures make the failing address wait (429, Retry-After), not the account, so its
/// owner logs in from elsewhere; failures and waits are audit lines.
/// </summary>
public sealed class LoginThrottleTests
{
    private const string Login = "/api/v1/auth/login";

    /// <summary>A client that comes from <paramref name="address"/> (through the trusted proxy's X-Forwarded-For).</summary>
    private static HttpClient From(WebApplicationFactory<Program> app, string address)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    /// <summary>What the caller learns: status, title, detail and Retry-After (the trace id differs by request and tells nothing).</summary>
    private static async Task<(HttpStatusCode Status, string? Title, string? Detail, bool RetryAfter)> AnswerAsync(HttpResponseMessage response)
    {
        var json = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.GetProperty("title").GetString(), json.GetProperty("detail").GetString(), response.Headers.RetryAfter is not null);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task An_unknown_name_and_a_wrong_password_get_the_same_answer_every_time(string provider)
    {
        using var app = new TestApp(provider, seed: false);
        var real = From(app, "10.1.0.1");
        var unknown = From(app, "10.1.0.2");
        for (var i = 1; i <= 7; i++)
        {
            var toReal = await AnswerAsync(await real.PostAsJsonAsync(Login, new { userName = "czj", password = $"wrong-password-{i}" }));
            var toUnknown = await AnswerAsync(await unknown.PostAsJsonAsync(Login, new { userName = "nobody-here", password = $"wrong-password-{i}" }));
            toUnknown.ShouldBe(toReal, $"attempt {i}");
            toReal.Status.ShouldBe(i <= 5 ? HttpStatusCode.Unauthorized : HttpStatusCode.TooManyRequests, $"attempt {i}");
        }

        (await From(app, "10.1.0.3").PostAsJsonAsync(Login, new { userName = "czj", password = DemoSetup.Password })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task An_unknown_name_costs_the_same_password_check_as_a_known_one(string provider)
    {
        using var app = new TestApp(provider, seed: false);
        var hasher = new CountingHasher();
        using var counted = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<JixiaoUser>>(hasher)));
        var client = From(counted, "10.4.0.1");

        (await client.PostAsJsonAsync(Login, new { userName = "czj", password = "wrong-password-1" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        hasher.Verified.ShouldBe(1);
        (await client.PostAsJsonAsync(Login, new { userName = "nobody-here", password = "wrong-password-1" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        hasher.Verified.ShouldBe(2); // a hash was checked for the unknown name too: its answer takes as long
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Failures_from_one_address_make_it_wait_but_the_admin_logs_in_from_another_and_both_are_audited(string provider)
    {
        using var app = new TestApp(provider, seed: false);
        var attacker = From(app, "10.2.0.1");
        for (var i = 1; i <= 5; i++)
        {
            (await attacker.PostAsJsonAsync(Login, new { userName = "admin", password = $"guess-{i}-secret" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var refused = await attacker.PostAsJsonAsync(Login, new { userName = "admin", password = DemoSetup.Password });
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
        var problem = JsonSerializer.Deserialize<JsonElement>(await refused.Content.ReadAsStringAsync());
        problem.GetProperty("title").GetString().ShouldBe("请求过于频繁");
        problem.GetProperty("detail").GetString().ShouldBe("登录失败次数过多，请 1 分钟后再试，或请管理员解锁。");

        (await From(app, "10.2.0.2").PostAsJsonAsync(Login, new { userName = "admin", password = DemoSetup.Password })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var db = app.NewDbContext();
        var lines = db.AuditLog.Where(a => a.Entity == "login").OrderBy(a => a.Id).ToList();
        lines.Take(5).ShouldAllBe(a => a.Field == "failed" && a.NewValue == "admin：登录密码错误" && a.Reason == "来自 10.2.0.1" && a.Actor == "（未登录）");
        lines.Select(a => a.Field).ShouldBe(["failed", "failed", "failed", "failed", "failed", "throttled"]);
        lines[5].NewValue!.ShouldStartWith("admin：暂停登录至 ");
        lines[5].Reason.ShouldBe("来自 10.2.0.1：该账户登录失败 5 次");
        lines.ShouldAllBe(a => !(a.NewValue + a.Reason).Contains("secret")); // never the password typed
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task An_address_failing_for_many_names_waits_for_every_name_and_others_do_not(string provider)
    {
        using var app = new TestApp(provider, seed: false);
        var sprayer = From(app, "10.3.0.1");
        for (var i = 1; i <= 20; i++)
        {
            (await sprayer.PostAsJsonAsync(Login, new { userName = $"guess{i}", password = DemoSetup.Password })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        (await sprayer.PostAsJsonAsync(Login, new { userName = "gaj", password = DemoSetup.Password })).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await From(app, "10.3.0.2").PostAsJsonAsync(Login, new { userName = "gaj", password = DemoSetup.Password })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = app.NewDbContext();
        db.AuditLog.Where(a => a.Entity == "login" && a.Field == "throttled").Select(a => a.Reason).ToList().ShouldBe(["来自 10.3.0.1：该地址登录失败 20 次"]);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_login_page_answers_a_waiting_address_with_429_and_the_same_words(string provider)
    {
        using var app = new TestApp(provider, seed: false);
        var client = From(app, "10.5.0.1");
        async Task<HttpResponseMessage> PostAsync(string password) =>
            await PageForms.PostAsync(client, "/login", [new("userName", "nobody-here"), new("password", password)]);

        var first = await PostAsync("wrong-password-1");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync()).ShouldContain("用户名或密码错误。");
        for (var i = 2; i <= 5; i++)
        {
            await PostAsync($"wrong-password-{i}");
        }

        var waiting = await PostAsync("wrong-password-6");
        waiting.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        waiting.Headers.RetryAfter.ShouldNotBeNull();
        WebUtility.HtmlDecode(await waiting.Content.ReadAsStringAsync()).ShouldContain("登录失败次数过多，请 1 分钟后再试，或请管理员解锁。");
    }

    private sealed class CountingHasher : IPasswordHasher<JixiaoUser>
    {
        private readonly PasswordHasher<JixiaoUser> _inner = new();
        private int _verified;

        public int Verified => _verified;

        public string HashPassword(JixiaoUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(JixiaoUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verified);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
