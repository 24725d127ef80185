using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Jixiao.Web.Tests;

/// <summary>The 项目 page's pager: <c>?page=N</c> shows page N, the same projects the API gives for that page.</summary>
public sealed partial class ProjectListPageTests(SeededApps apps) : IClassFixture<SeededApps>
{
    [GeneratedRegex("href=\"/projects/([0-9]+)\"")]
    private static partial Regex ProjectLink();

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Each_page_of_the_list_shows_its_own_projects(string provider)
    {
        var admin = await apps.Get(provider).LoginAsync("admin");
        foreach (var (query, page) in new[] { ("", 2), ("", 3), ("q=%E7%BB%8F%E8%B4%B9&sort=amount&desc=true&", 2) })
        {
            var html = WebUtility.HtmlDecode(await admin.GetStringAsync($"/projects?{query}page={page}"));
            var api = JsonSerializer.Deserialize<JsonElement>(await admin.GetStringAsync($"/api/v1/projects?{query}page={page}"));
            var pages = (api.GetProperty("total").GetInt32() + 19) / 20;
            pages.ShouldBeGreaterThanOrEqualTo(page, "the seeds fill the page asked for");
            html.ShouldContain($"第 {page} / {pages} 页");
            var shown = ProjectLink().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            shown.ShouldBe(api.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList(), $"{query}page={page}");
        }

        // no page, or one that is not a page, is the first
        WebUtility.HtmlDecode(await admin.GetStringAsync("/projects?page=0")).ShouldContain("第 1 / ");
    }
}
