using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jixiao.App.Demo;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Jixiao.Web.Tests;

/// <summary>
/// Two app instances on one database hold no state of their own: a login cookie and an anti-forgery token issued by
/// one are accepted by the other (data-protection keys live in the database), and data written by one is read by the other.
/// </summary>
public sealed partial class TwoInstanceTests
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_cookie_from_one_instance_is_accepted_by_the_other(string provider)
    {
        using var first = new TestApp(provider, seed: true);
        using var second = new TestApp(first);
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false };
        var a = first.CreateClient(options);
        var b = second.CreateClient(options);

        var login = await a.PostAsJsonAsync("/api/v1/auth/login", new { userName = "gaj", password = DemoSetup.Password });
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cookie = Cookies(login);

        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        me.Headers.Add("Cookie", cookie);
        var meResponse = await b.SendAsync(me);
        meResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonSerializer.Deserialize<JsonElement>(await meResponse.Content.ReadAsStringAsync()).GetProperty("displayName").GetString().ShouldBe("公安分局填报员");

        // An anti-forgery token from the first instance's form is valid on the second.
        var form = await a.GetAsync("/login");
        var token = TokenField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        token.ShouldNotBeEmpty();
        using var post = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = "czj",
                ["password"] = DemoSetup.Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", Cookies(form));
        var posted = await b.SendAsync(post);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        posted.Headers.Location!.ToString().ShouldBe("/");

        // The key ring both used is the one in the database, not a per-machine folder.
        await using var db = first.NewDbContext();
        var keys = db.DataProtectionKeys.Select(k => k.Xml).ToList();
        keys.Count.ShouldBe(1);
        keys[0].ShouldContain("<key id=");
    }
}
