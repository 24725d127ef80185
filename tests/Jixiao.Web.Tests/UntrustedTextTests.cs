using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Jixiao.Web.Tests;

/// <summary>
/// What users type comes back as text, never as markup or a file system's special characters: the evaluation editor's
/// messages quote the input encoded (htmx inserts them as HTML), and a download's name drops the characters a file name
/// must not carry (a unit or project name is written by whoever imports a table).
/// </summary>
public sealed class UntrustedTextTests(SeededApps apps) : IClassFixture<SeededApps>
{
    private const string Markup = "<img src=x onerror=alert(1)>";

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    private static async Task<int> ProjectIdAsync(HttpClient client, string name)
    {
        var page = await JsonOf(await client.GetAsync($"/api/v1/projects?q={Uri.EscapeDataString(name)}"));
        return page.GetProperty("items").EnumerateArray().First(p => p.GetProperty("name").GetString() == name).GetProperty("id").GetInt32();
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_evaluation_editor_shows_a_refused_input_as_text_not_markup(string provider)
    {
        var app = apps.Get(provider);
        var gaj = await app.LoginAsync("gaj");
        var created = await JsonOf(await gaj.PostAsJsonAsync($"/api/v1/projects/{await ProjectIdAsync(gaj, "公安工作补贴")}/evaluations", new { kind = "self" }));
        var id = created.GetProperty("id").GetInt32();
        var version = created.GetProperty("version").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        foreach (var (field, value) in new[] { ("deductions", Markup), ("rating", Markup) })
        {
            var response = await PageForms.PostAsync(gaj, $"/evaluations/{id}?handler=Line&line=0", [new("version", version), new(field, value)]);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Headers.GetValues("HX-Retarget").Single().ShouldBe("#evaluation-error");
            var body = await response.Content.ReadAsStringAsync();
            body.ShouldNotContain("<img", customMessage: field);
            body.ShouldContain("&lt;img src=x onerror=alert(1)&gt;", customMessage: field);
        }
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_download_name_keeps_the_chinese_and_drops_markup_and_path_characters(string provider)
    {
        var app = apps.Get(provider);
        var admin = await app.LoginAsync("admin");
        var unit = await admin.PostAsJsonAsync("/api/v1/units", new { name = "测试<script>alert(1)</script>单位:a/b\\c|d?e*\"f\"", department = "测试部门" });
        unit.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await JsonOf(unit)).GetProperty("id").GetInt32();

        var response = await admin.GetAsync($"/api/v1/units/{id}/target-table.xlsx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var disposition = response.Content.Headers.ContentDisposition!;
        disposition.FileNameStar.ShouldBe("测试scriptalert(1)script单位abcdef-项目支出绩效目标表.xlsx");
        var header = response.Content.Headers.GetValues("Content-Disposition").Single();
        header.ShouldContain("filename*=UTF-8''");
        foreach (var bad in new[] { "<", ">", "%3C", "%3E", "%2F", "%5C", "%7C", "%3F", "%2A", "%22" })
        {
            header.ShouldNotContain(bad, Case.Insensitive, bad);
        }
    }
}
