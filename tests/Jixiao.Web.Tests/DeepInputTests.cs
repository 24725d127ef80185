using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

/// <summary>
/// Input built to exhaust the stack or the store: a formula of tens of thousands of nested brackets is refused in
/// Chinese when entered, and one already stored shows an error on its line when the evaluation is opened; the
/// server answers the next request either way.
/// </summary>
public sealed class DeepInputTests(SeededApps apps) : IClassFixture<SeededApps>
{
    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    private static string Nested(int depth) => new string('(', depth) + "实际支出" + new string(')', depth) + " / 预算资金 * 100";

    /// <summary>The demo expert's 部门评价 of a police project: (evaluation id, version).</summary>
    private static async Task<(int Id, long Version)> DepartmentEvaluationAsync(TestApp app, string projectName)
    {
        var admin = await app.LoginAsync("admin");
        var page = await JsonOf(await admin.GetAsync($"/api/v1/projects?q={Uri.EscapeDataString(projectName)}"));
        var projectId = page.GetProperty("items").EnumerateArray().First(p => p.GetProperty("name").GetString() == projectName).GetProperty("id").GetInt32();
        await using var db = app.NewDbContext();
        var expertId = db.Users.Single(u => u.UserName == "zhuanjia").Id;
        var created = await JsonOf(await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/evaluations", new { kind = "department", expertId }));
        return (created.GetProperty("id").GetInt32(), created.GetProperty("version").GetInt64());
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_formula_of_32000_nested_brackets_is_refused_in_Chinese_and_the_server_lives_on(string provider)
    {
        var app = apps.Get(provider);
        var (id, version) = await DepartmentEvaluationAsync(app, "辅警服装培训费");
        var expert = await app.LoginAsync("zhuanjia");

        var deep = await expert.PutAsJsonAsync($"/api/v1/evaluations/{id}/lines/6",
            new { formula = Nested(32_000), inputs = "实际支出=90；预算资金=100", formulaReason = "改口径", version });
        var nested = await expert.PutAsJsonAsync($"/api/v1/evaluations/{id}/lines/6",
            new { formula = Nested(70), inputs = "实际支出=90；预算资金=100", formulaReason = "改口径", version });
        var longReason = await expert.PutAsJsonAsync($"/api/v1/evaluations/{id}/lines/6", new { reason = new string('理', 1_000_000), version });

        deep.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(deep)).GetProperty("detail").GetString().ShouldBe($"计算公式过长（{Nested(32_000).Length} 个字符，最多 1000 个），请精简后再保存。");
        nested.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(nested)).GetProperty("detail").GetString()!.ShouldContain("第 65 个字符处：括号、正负号或函数嵌套超过 64 层。");
        longReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(longReason)).GetProperty("detail").GetString().ShouldBe("原因过长（1000000 个字符，最多 4000 个），请精简后再保存。");
        (await JsonOf(await expert.GetAsync($"/api/v1/evaluations/{id}"))).GetProperty("version").GetInt64().ShouldBe(version);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_stored_formula_of_24000_nested_brackets_shows_an_error_on_its_line_when_the_evaluation_is_opened(string provider)
    {
        var app = apps.Get(provider);
        var (id, _) = await DepartmentEvaluationAsync(app, "辅警服装培训费");
        await using (var db = app.NewDbContext())
        {
            // as an older version (or a direct write) left it: the sheet's line 6 computes its actual from the deep formula
            var evaluation = await db.Evaluations.SingleAsync(e => e.Id == id);
            var root = System.Text.Json.Nodes.JsonNode.Parse(evaluation.SheetJson)!;
            root["indicators"]![6]!["actual"] = new System.Text.Json.Nodes.JsonObject
            {
                ["formula"] = Nested(24_000),
                ["inputs"] = new System.Text.Json.Nodes.JsonObject { ["实际支出"] = "90", ["预算资金"] = "100" },
            };
            evaluation.SheetJson = root.ToJsonString();
            await db.SaveChangesAsync();
        }

        var expert = await app.LoginAsync("zhuanjia");
        var opened = await expert.GetAsync($"/api/v1/evaluations/{id}");
        var page = await expert.GetAsync($"/evaluations/{id}");

        opened.StatusCode.ShouldBe(HttpStatusCode.OK);
        var finding = (await JsonOf(opened)).GetProperty("scored").GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("message").GetString()!.Contains("公式过长", StringComparison.Ordinal));
        finding.GetProperty("code").GetString().ShouldBe("EVA010");
        finding.GetProperty("message").GetString()!.ShouldEndWith($"…”有误：公式过长（{Nested(24_000).Length} 个字符，最多 1000 个）。");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()).ShouldContain($"公式过长（{Nested(24_000).Length} 个字符，最多 1000 个）");
        (await expert.GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
