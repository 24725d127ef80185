using System.Net;
using System.Text.Json;
using Jixiao.App.Downloads;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>
/// The 审核意见表 of a unit or of everything visible is bounded and rationed (issue #14, item 10): a scope larger than
/// Jixiao:Downloads:WorkbookProjects is asked to download by unit; a user makes one at a time and a handful per ten
/// minutes, answered 429 with Retry-After beyond that. One project's workbook is never held back.
/// </summary>
public sealed class WorkbookLimitsTests
{
    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_workbook_of_more_projects_than_the_bound_is_refused_with_what_to_do_instead(string provider)
    {
        using var app = new TestApp(provider, seed: true, settings: new Dictionary<string, string> { ["Jixiao:Downloads:WorkbookProjects"] = "20" });
        var admin = await app.LoginAsync("admin");

        var all = await admin.GetAsync("/api/v1/reviews/workbook");

        all.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var detail = (await JsonOf(all)).GetProperty("detail").GetString()!;
        detail.ShouldContain("一份审核意见表最多 20 个项目");
        detail.ShouldContain("按单位下载");
        var units = (await JsonOf(await admin.GetAsync("/api/v1/units"))).EnumerateArray().ToList();
        var small = units.First(u => u.GetProperty("projectCount").GetInt32() is > 0 and <= 20).GetProperty("id").GetInt32();
        (await admin.GetAsync($"/api/v1/units/{small}/review/workbook")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var project = (await JsonOf(await admin.GetAsync("/api/v1/projects?pageSize=1"))).GetProperty("items")[0].GetProperty("id").GetInt32();
        (await admin.GetAsync($"/api/v1/projects/{project}/review/workbook")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_user_makes_one_workbook_at_a_time_and_a_few_in_ten_minutes(string provider)
    {
        using var app = new TestApp(provider, seed: true, settings: new Dictionary<string, string> { ["Jixiao:Downloads:WorkbooksPerWindow"] = "3" });
        var gate = app.Services.GetRequiredService<WorkbookGate>();
        var gaj = await app.LoginAsync("gaj");
        var userId = (await JsonOf(await gaj.GetAsync("/api/v1/auth/me"))).GetProperty("userName").GetString();
        using (var db = app.NewDbContext())
        {
            userId = db.Users.Single(u => u.UserName == userId).Id;
        }

        // The user's workbook still being made (held here): the next one waits.
        var (lease, _) = gate.Enter(userId);
        var busy = await gaj.GetAsync("/api/v1/reviews/workbook");
        busy.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        busy.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(10));
        (await JsonOf(busy)).GetProperty("detail").GetString()!.ShouldContain("还在生成中");
        var project = (await JsonOf(await gaj.GetAsync("/api/v1/projects?pageSize=1"))).GetProperty("items")[0].GetProperty("id").GetInt32();
        (await gaj.GetAsync($"/api/v1/projects/{project}/review/workbook")).StatusCode.ShouldBe(HttpStatusCode.OK);
        lease!.Dispose();

        // The held one counted as the first of three in the window.
        (await gaj.GetAsync("/api/v1/reviews/workbook")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gaj.GetAsync("/api/v1/reviews/workbook")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var rationed = await gaj.GetAsync("/api/v1/reviews/workbook");
        rationed.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        rationed.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThan(TimeSpan.FromMinutes(9));
        (await JsonOf(rationed)).GetProperty("detail").GetString()!.ShouldContain("10 分钟内最多生成 3 份");

        // Another user is not rationed by this one.
        var admin = await app.LoginAsync("admin");
        (await admin.GetAsync("/api/v1/reviews/workbook")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
