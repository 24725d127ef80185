using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jixiao.App.Demo;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Jixiao.Web.Tests;

/// <summary>
/// A page of another site cannot use the user's cookie to change anything through the API: a state-changing call with a
/// foreign Origin (or Referer) answers 403, one with neither needs the X-Jixiao-Client header; the app's own origin
/// passes. Over HTTPS the cookies are Secure and the answer carries HSTS.
/// </summary>
public sealed class CrossSiteTests
{
    private const string Evil = "https://evil.example";

    private static HttpRequestMessage Post(string url, HttpContent? content, string? origin = null, string? referer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (referer is not null)
        {
            request.Headers.Referrer = new Uri(referer);
        }

        return request;
    }

    private static MultipartFormDataContent SeedUpload()
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(File.ReadAllBytes(DemoSetup.SeedFiles[1])), "file", "003_3854a258b9068c95.txt");
        return form;
    }

    /// <summary>A browser's session: a cookie jar and no X-Jixiao-Client header (a browser sends Origin instead).</summary>
    private static async Task<HttpClient> BrowserAsync(TestApp app, string userName)
    {
        var client = await app.LoginAsync(userName);
        client.DefaultRequestHeaders.Remove("X-Jixiao-Client");
        return client;
    }

    private static async Task<string> RefusalAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        problem.GetProperty("title").GetString().ShouldBe("没有权限");
        return problem.GetProperty("detail").GetString()!;
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_foreign_origin_cannot_upload_confirm_or_log_out(string provider)
    {
        using var app = new TestApp(provider, seed: false);
        var admin = await BrowserAsync(app, "admin");

        (await RefusalAsync(await admin.SendAsync(Post("/api/v1/imports", SeedUpload(), origin: Evil))))
            .ShouldBe("已拒绝来自其他网站（https://evil.example）的请求：修改数据的请求只能从本系统的页面发出。");
        await using (var db = app.NewDbContext())
        {
            db.ImportBatches.Count().ShouldBe(0);
        }

        // the app's own origin passes: the upload is stored, and a foreign confirm of it is refused
        var upload = await admin.SendAsync(Post("/api/v1/imports", SeedUpload(), origin: "http://localhost"));
        upload.StatusCode.ShouldBe(HttpStatusCode.OK);
        var id = JsonSerializer.Deserialize<JsonElement>(await upload.Content.ReadAsStringAsync()).GetProperty("id").GetInt32();
        await RefusalAsync(await admin.SendAsync(Post($"/api/v1/imports/{id}/confirm", null, origin: Evil)));
        await RefusalAsync(await admin.SendAsync(Post($"/api/v1/imports/{id}/confirm", null, referer: Evil + "/page.html")));
        await RefusalAsync(await admin.SendAsync(Post($"/api/v1/imports/{id}/confirm", null, origin: "null")));
        await RefusalAsync(await admin.SendAsync(Post("/api/v1/auth/logout", null, origin: Evil)));

        (await admin.GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK); // still logged in
        var preview = JsonSerializer.Deserialize<JsonElement>(await admin.GetStringAsync($"/api/v1/imports/{id}"));
        preview.GetProperty("status").GetString().ShouldNotBe("confirmed");
        (await admin.SendAsync(Post($"/api/v1/imports/{id}/confirm", null, referer: "http://localhost/imports/" + id))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.SendAsync(Post("/api/v1/auth/logout", null, origin: "http://localhost"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_call_without_origin_or_referer_needs_the_client_header_and_reads_need_nothing(string provider)
    {
        using var app = new TestApp(provider, seed: false);
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        anonymous.DefaultRequestHeaders.Remove("X-Jixiao-Client");

        var bare = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { userName = "gaj", password = DemoSetup.Password });
        (await RefusalAsync(bare)).ShouldContain("X-Jixiao-Client");
        (await anonymous.GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized); // not logged in by it

        using var scripted = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { userName = "gaj", password = DemoSetup.Password }) };
        scripted.Headers.Add("X-Jixiao-Client", "script");
        (await anonymous.SendAsync(scripted)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        read.Headers.Add("Origin", Evil);
        (await anonymous.SendAsync(read)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RefusalAsync(await anonymous.PutAsJsonAsync("/api/v1/indicators/1/targets", new { periodTarget = "x", annualTarget = "x", version = 0 })))
            .ShouldContain("X-Jixiao-Client");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Over_https_the_cookies_are_secure_and_the_answer_carries_hsts(string provider)
    {
        using var app = new TestApp(provider, seed: false);
        async Task<(IReadOnlyList<string> Cookies, bool Hsts)> LoginOverAsync(string scheme)
        {
            var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri($"{scheme}://jixiao.example/") });
            var page = await client.GetAsync("/login");
            var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "gaj", password = DemoSetup.Password });
            login.StatusCode.ShouldBe(HttpStatusCode.OK);
            var cookies = page.Headers.GetValues("Set-Cookie").Concat(login.Headers.GetValues("Set-Cookie")).ToList();
            return (cookies, login.Headers.Contains("Strict-Transport-Security"));
        }

        var https = await LoginOverAsync("https");
        https.Cookies.ShouldContain(c => c.StartsWith("jixiao.auth=", StringComparison.Ordinal));
        https.Cookies.ShouldContain(c => c.StartsWith("jixiao.af=", StringComparison.Ordinal));
        https.Cookies.ShouldAllBe(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        https.Hsts.ShouldBeTrue();

        var http = await LoginOverAsync("http");
        http.Cookies.ShouldAllBe(c => !c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        http.Hsts.ShouldBeFalse();

        // behind a TLS-terminating proxy (trusted): X-Forwarded-Proto https counts as HTTPS
        var proxied = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("http://jixiao.example/") });
        proxied.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var behind = await proxied.PostAsJsonAsync("/api/v1/auth/login", new { userName = "gaj", password = DemoSetup.Password });
        behind.Headers.GetValues("Set-Cookie").ShouldAllBe(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        behind.Headers.Contains("Strict-Transport-Security").ShouldBeTrue();
    }
}
