using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Jixiao.Web.Tests;

/// <summary>
/// Review with the system's errors in view (issue 14): the queue shows each project's score and error count; submitting
/// or approving a project with open errors answers 409 with a Chinese warning until the user confirms; a project that is
/// not there, or not the user's, is a Chinese 404 page.
/// </summary>
public sealed class ReviewConfirmationTests
{
    private const string PoliceUnit = "广州市公安局白云区分局";

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    /// <summary>The first police project of a single name whose review has errors: (id, name, score, errors).</summary>
    private static async Task<(int Id, string Name, int Score, int Errors)> ProjectWithErrorsAsync(TestApp app, HttpClient client)
    {
        await using var db = app.NewDbContext();
        var candidates = db.Projects.Where(p => p.Unit!.Name == PoliceUnit).OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).ToList();
        foreach (var p in candidates.Where(p => candidates.Count(c => c.Name == p.Name) == 1))
        {
            var review = await JsonOf(await client.GetAsync($"/api/v1/projects/{p.Id}/findings"));
            var errors = review.GetProperty("findings").EnumerateArray().Count(f => f.GetProperty("severity").GetString() == "error");
            if (errors > 0)
            {
                return (p.Id, p.Name, review.GetProperty("score").GetInt32(), errors);
            }
        }

        throw new InvalidOperationException("No police project of the seed has an error finding.");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Submitting_or_approving_with_open_errors_asks_for_confirmation(string provider)
    {
        using var app = new TestApp(provider, seed: true);
        var gaj = await app.LoginAsync("gaj");
        var czj = await app.LoginAsync("czj");
        var (id, _, _, errors) = await ProjectWithErrorsAsync(app, gaj);

        var refused = await gaj.PostAsJsonAsync($"/api/v1/projects/{id}/review/submit", new { comment = "请审核" });
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var detail = (await JsonOf(refused)).GetProperty("detail").GetString()!;
        detail.ShouldStartWith($"系统预审还有 {errors} 个错误");
        detail.ShouldContain("确认");
        (await JsonOf(await gaj.GetAsync($"/api/v1/projects/{id}"))).GetProperty("status").GetString().ShouldBe("draft");

        (await gaj.PostAsJsonAsync($"/api/v1/projects/{id}/review/submit", new { comment = "请审核", confirm = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var notApproved = await czj.PostAsJsonAsync($"/api/v1/projects/{id}/review/approve", new { comment = "同意" });
        notApproved.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await JsonOf(notApproved)).GetProperty("detail").GetString()!.ShouldStartWith($"系统预审还有 {errors} 个错误");
        (await JsonOf(await czj.GetAsync($"/api/v1/projects/{id}"))).GetProperty("status").GetString().ShouldBe("submitted");
        // returning needs no confirmation: it is what the errors ask for
        (await czj.PostAsJsonAsync($"/api/v1/projects/{id}/review/return", new { comment = "请修改系统提示的错误" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await gaj.PostAsJsonAsync($"/api/v1/projects/{id}/review/submit", new { confirm = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await czj.PostAsJsonAsync($"/api/v1/projects/{id}/review/approve", new { comment = "同意", confirm = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await JsonOf(await czj.GetAsync($"/api/v1/projects/{id}"))).GetProperty("status").GetString().ShouldBe("approved");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_page_warns_of_open_errors_and_the_queue_shows_score_and_errors(string provider)
    {
        using var app = new TestApp(provider, seed: true);
        var gaj = await app.LoginAsync("gaj");
        var (id, name, score, errors) = await ProjectWithErrorsAsync(app, gaj);

        var page = WebUtility.HtmlDecode(await gaj.GetStringAsync($"/projects/{id}"));
        page.ShouldContain($"系统预审还有 {errors} 个错误");
        page.ShouldContain("name=\"confirm\"");

        // the form without the box ticked: refused with the warning, nothing changes
        var refused = await PageForms.PostAsync(gaj, $"/projects/{id}?handler=Submit", new Dictionary<string, string> { ["comment"] = "" });
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await gaj.GetStringAsync($"/projects/{id}")).ShouldContain($"role=\"alert\">系统预审还有 {errors} 个错误（");
        (await JsonOf(await gaj.GetAsync($"/api/v1/projects/{id}"))).GetProperty("status").GetString().ShouldBe("draft");
        (await PageForms.PostAsync(gaj, $"/projects/{id}?handler=Submit",
            new Dictionary<string, string> { ["comment"] = "", ["confirm"] = "true" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await JsonOf(await gaj.GetAsync($"/api/v1/projects/{id}"))).GetProperty("status").GetString().ShouldBe("submitted");

        var czj = await app.LoginAsync("czj");
        var queue = WebUtility.HtmlDecode(await czj.GetStringAsync("/reviews"));
        queue.ShouldContain("<th class=\"text-center\">预审得分</th>");
        queue.ShouldContain("<th class=\"text-center\">错误</th>");
        var row = queue[queue.IndexOf($">{name}</a>", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        row.ShouldContain($"<td class=\"text-center\">{score}</td>");
        row.ShouldContain($"<td class=\"text-center text-danger\">{errors}</td>");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task An_unknown_or_foreign_id_is_a_Chinese_404_page(string provider)
    {
        using var app = new TestApp(provider, seed: true);
        int foreign, ownProject;
        await using (var db = app.NewDbContext())
        {
            foreign = db.Projects.Where(p => p.Unit!.Name != PoliceUnit).OrderBy(p => p.Id).Select(p => p.Id).First();
            ownProject = db.Projects.Where(p => p.Unit!.Name == PoliceUnit).OrderBy(p => p.Id).Select(p => p.Id).First();
        }

        var gaj = await app.LoginAsync("gaj");
        foreach (var url in new[] { $"/projects/{foreign}", "/projects/999999", "/evaluations/999999", "/no-such-page" })
        {
            var response = await gaj.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html", url);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            html.ShouldContain("找不到这个页面", customMessage: url);
            html.ShouldContain("<html lang=\"zh-CN\"", customMessage: url);
        }

        // a form posted to a foreign project (a valid token from the user's own page) gets the same page
                var posted = await PageForms.PostAsync(gaj, $"/projects/{foreign}?handler=Submit", new Dictionary<string, string> { ["comment"] = "" },
            tokenPage: $"/projects/{ownProject}");
        posted.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync()).ShouldContain("找不到这个页面");

        // the API keeps its ProblemDetails
        var api = await gaj.GetAsync("/api/v1/projects/999999");
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
