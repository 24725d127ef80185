using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jixiao.App.Demo;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

/// <summary>
/// The unit's clerk edits what reviewers read of a project (项目编码, 年度目标, 实施期目标, 政策依据, 测算依据, 本年金额, 项目总金额)
/// and each indicator's 指标解释, through PUT /api/v1/projects/{id}/fields, PUT /api/v1/indicators/{id}/targets and the
/// project page, on both databases: where and while the 指标值 are editable, each change an audit line old → new.
/// </summary>
public sealed class ProjectFieldsTests(SeededApps apps) : IClassFixture<SeededApps>
{
    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    /// <summary>The <paramref name="nth"/> police project (a draft); each test takes its own, the app is shared.</summary>
    private static async Task<int> PoliceProjectAsync(TestApp app, int nth)
    {
        await using var db = app.NewDbContext();
        return await db.Projects.Where(p => p.Unit!.Name == DemoSetup.PoliceUnit && p.Indicators.Count > 0).OrderBy(p => p.Id).Skip(nth).Select(p => p.Id).FirstAsync();
    }

    private static object Fields(JsonElement project, string? code = "P-2024-001", long? totalFen = 12_500_000, long? periodTotalFen = 37_500_000,
        string? policyBasis = "《广州市公安局白云区分局枪支弹药管理规定》（白公〔2023〕5号）", long? version = null) => new
    {
        code,
        goal = project.GetProperty("goal").GetString(),
        periodGoal = "三年内完成全部枪库的规范化改造。",
        policyBasis,
        costBasis = "改造面积 120 平方米 × 1,041.67 元/平方米 = 12.5 万元，依据《广州市建设工程造价标准》",
        totalFen,
        periodTotalFen,
        version = version ?? project.GetProperty("version").GetInt64(),
        reason = "按初审意见补充政策依据和测算依据",
    };

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_clerk_edits_the_fields_and_each_change_is_an_audit_line_old_to_new(string provider)
    {
        var app = apps.Get(provider);
        var id = await PoliceProjectAsync(app, 0);
        var gaj = await app.LoginAsync("gaj");
        var before = await JsonOf(await gaj.GetAsync($"/api/v1/projects/{id}"));
        before.GetProperty("code").ValueKind.ShouldBe(JsonValueKind.Null, "the seed tables have no 项目编码");
        var oldTotal = before.GetProperty("amounts").GetProperty("totalFen").GetInt64();

        var saved = await gaj.PutAsJsonAsync($"/api/v1/projects/{id}/fields", Fields(before));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var after = await JsonOf(saved);
        after.GetProperty("code").GetString().ShouldBe("P-2024-001");
        after.GetProperty("policyBasis").GetString().ShouldBe("《广州市公安局白云区分局枪支弹药管理规定》（白公〔2023〕5号）");
        after.GetProperty("periodGoal").GetString().ShouldBe("三年内完成全部枪库的规范化改造。");
        after.GetProperty("amounts").GetProperty("totalFen").GetInt64().ShouldBe(12_500_000L);
        after.GetProperty("amounts").GetProperty("periodTotalFen").GetInt64().ShouldBe(37_500_000L);
        after.GetProperty("version").GetInt64().ShouldBe(before.GetProperty("version").GetInt64() + 1);

        var history = (await JsonOf(await gaj.GetAsync($"/api/v1/projects/{id}/history"))).EnumerateArray()
            .Where(h => h.GetProperty("entity").GetString() == "project").ToList();
        history.Select(h => (h.GetProperty("field").GetString(), h.GetProperty("oldValue").ValueKind == JsonValueKind.Null ? null : h.GetProperty("oldValue").GetString(),
                h.GetProperty("newValue").GetString())).OrderBy(x => x.Item1, StringComparer.Ordinal)
            .ShouldBe(new (string?, string?, string?)[]
            {
                ("code", null, "P-2024-001"),
                ("costBasis", null, "改造面积 120 平方米 × 1,041.67 元/平方米 = 12.5 万元，依据《广州市建设工程造价标准》"),
                ("periodGoal", null, "三年内完成全部枪库的规范化改造。"),
                ("periodTotal", null, "37.50 万元"),
                ("policyBasis", null, "《广州市公安局白云区分局枪支弹药管理规定》（白公〔2023〕5号）"),
                ("total", (oldTotal / 1_000_000m).ToString("0.00####", System.Globalization.CultureInfo.InvariantCulture) + " 万元", "12.50 万元"),
            }.OrderBy(x => x.Item1, StringComparer.Ordinal));
        history.ShouldAllBe(h => h.GetProperty("reason").GetString() == "按初审意见补充政策依据和测算依据" && h.GetProperty("actor").GetString() != "");

        // The page shows them.
        var page = WebUtility.HtmlDecode(await gaj.GetStringAsync($"/projects/{id}"));
        page.ShouldContain("P-2024-001");
        page.ShouldContain("《广州市公安局白云区分局枪支弹药管理规定》（白公〔2023〕5号）");
        page.ShouldContain("37.50 万元");

        // Clearing a field is a change too; the same values again change nothing.
        var cleared = await gaj.PutAsJsonAsync($"/api/v1/projects/{id}/fields", Fields(after, code: null));
        cleared.StatusCode.ShouldBe(HttpStatusCode.OK);
        var same = await JsonOf(cleared);
        same.GetProperty("code").ValueKind.ShouldBe(JsonValueKind.Null);
        (await JsonOf(await gaj.PutAsJsonAsync($"/api/v1/projects/{id}/fields", Fields(same, code: null)))).GetProperty("version").GetInt64()
            .ShouldBe(same.GetProperty("version").GetInt64());
        await using var db = app.NewDbContext();
        (await db.AuditLog.CountAsync(a => a.Entity == "project" && a.EntityId == id && a.Field == "code")).ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Only_the_units_clerk_edits_while_the_targets_are_editable_and_bad_input_says_where(string provider)
    {
        var app = apps.Get(provider);
        var id = await PoliceProjectAsync(app, 1);
        var gaj = await app.LoginAsync("gaj");
        var project = await JsonOf(await gaj.GetAsync($"/api/v1/projects/{id}"));
        async Task<(HttpStatusCode, string)> PutAsync(HttpClient client, int projectId, object body)
        {
            var response = await client.PutAsJsonAsync($"/api/v1/projects/{projectId}/fields", body);
            return (response.StatusCode, (await JsonOf(response)).GetProperty("detail").GetString()!);
        }

        (await PutAsync(await app.LoginAsync("zfw"), id, Fields(project))).Item1.ShouldBe(HttpStatusCode.NotFound, "another unit's clerk does not see it");
        (await PutAsync(gaj, 999_999, Fields(project))).Item1.ShouldBe(HttpStatusCode.NotFound);
        (await PutAsync(await app.LoginAsync("czj"), id, Fields(project))).ShouldBe((HttpStatusCode.Forbidden, "只有本单位的填报人可以修改项目信息。"));
        (await PutAsync(gaj, id, Fields(project, version: 99))).Item1.ShouldBe(HttpStatusCode.Conflict);
        (await PutAsync(gaj, id, Fields(project, totalFen: -1))).ShouldBe((HttpStatusCode.BadRequest, "本年金额不能为负数。"));
        (await PutAsync(gaj, id, Fields(project, code: new string('1', 101)))).ShouldBe((HttpStatusCode.BadRequest, "项目编码过长（101 个字符，最多 100 个），请精简后再保存。"));

        // The page's form takes 万元 as typed and says which field is wrong, keeping what was typed.
        var form = new Dictionary<string, string>
        {
            ["code"] = "P-2024-002", ["total"] = "12.3456789", ["periodTotal"] = "", ["goal"] = project.GetProperty("goal").GetString()!, ["periodGoal"] = "",
            ["policyBasis"] = "《已填写的政策依据》", ["costBasis"] = "", ["version"] = project.GetProperty("version").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["reason"] = "",
        };
        var refused = await PageForms.PostAsync(gaj, $"/projects/{id}?handler=Fields", form, $"/projects/{id}");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        html.ShouldContain("本年金额“12.3456789”精确到分以下：万元最多六位小数。");
        html.ShouldContain("《已填写的政策依据》");
        form["total"] = "一百";
        WebUtility.HtmlDecode(await (await PageForms.PostAsync(gaj, $"/projects/{id}?handler=Fields", form, $"/projects/{id}")).Content.ReadAsStringAsync())
            .ShouldContain("本年金额“一百”不是有效的金额：请填写以万元为单位的非负数字，如 12.5。");
        form["total"] = "1,234.5";
        var saved = await PageForms.PostAsync(gaj, $"/projects/{id}?handler=Fields", form, $"/projects/{id}");
        saved.Headers.GetValues("HX-Redirect").Single().ShouldBe($"/projects/{id}");
        (await JsonOf(await gaj.GetAsync($"/api/v1/projects/{id}"))).GetProperty("amounts").GetProperty("totalFen").GetInt64().ShouldBe(1_234_500_000L);

        // Submitted, the fields are locked like the targets.
        (await gaj.PostAsJsonAsync($"/api/v1/projects/{id}/review/submit", new { comment = "请审核", confirm = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var submitted = await JsonOf(await gaj.GetAsync($"/api/v1/projects/{id}"));
        (await PutAsync(gaj, id, Fields(submitted))).Item1.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task An_indicators_explanation_is_edited_with_its_targets_and_audited(string provider)
    {
        var app = apps.Get(provider);
        var id = await PoliceProjectAsync(app, 2);
        var gaj = await app.LoginAsync("gaj");
        var indicator = (await JsonOf(await gaj.GetAsync($"/api/v1/projects/{id}/indicators")))[0];
        indicator.GetProperty("explanation").ValueKind.ShouldBe(JsonValueKind.Null);
        string? Target(string name) => indicator.GetProperty(name).ValueKind == JsonValueKind.Null ? null : indicator.GetProperty(name).GetProperty("text").GetString();

        var put = await gaj.PutAsJsonAsync($"/api/v1/indicators/{indicator.GetProperty("id").GetInt32()}/targets", new
        {
            periodTarget = Target("periodTarget"), annualTarget = Target("annualTarget"), version = indicator.GetProperty("version").GetInt64(),
            reason = "补充指标解释", explanation = "验收合格的改造项目数 ÷ 改造项目总数，以验收报告为准",
        });
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var edited = await JsonOf(put);
        edited.GetProperty("explanation").GetString().ShouldBe("验收合格的改造项目数 ÷ 改造项目总数，以验收报告为准");

        // A caller that sends only the targets leaves the explanation as it is.
        var again = await JsonOf(await gaj.PutAsJsonAsync($"/api/v1/indicators/{indicator.GetProperty("id").GetInt32()}/targets", new
        {
            periodTarget = Target("periodTarget"), annualTarget = "≥99%", version = edited.GetProperty("version").GetInt64(),
        }));
        again.GetProperty("explanation").GetString().ShouldBe("验收合格的改造项目数 ÷ 改造项目总数，以验收报告为准");

        var history = (await JsonOf(await gaj.GetAsync($"/api/v1/projects/{id}/history"))).EnumerateArray()
            .Where(h => h.GetProperty("field").GetString() == "explanation").ToList();
        history.Count.ShouldBe(1);
        history[0].GetProperty("newValue").GetString().ShouldBe("验收合格的改造项目数 ÷ 改造项目总数，以验收报告为准");
        history[0].GetProperty("reason").GetString().ShouldBe("补充指标解释");
        WebUtility.HtmlDecode(await gaj.GetStringAsync($"/projects/{id}")).ShouldContain("验收合格的改造项目数 ÷ 改造项目总数，以验收报告为准");
    }
}
