using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Jixiao.Web.Tests;

/// <summary>
/// 修改公式 on the evaluation page (/evaluations/{id}?handler=Formula, htmx) and in the API (<c>formula</c> with
/// <c>formulaReason</c>): the formula is checked by the domain's formula parser, the change is audited with its
/// reason, the total follows, a locked evaluation and a line not scored from an actual value refuse it.
/// </summary>
public sealed class EvaluationFormulaTests(SeededApps apps) : IClassFixture<SeededApps>
{
    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    /// <summary>A 部门评价 of a police project assigned to the demo expert: (evaluation id, version, project id).</summary>
    private static async Task<(int Id, long Version, int ProjectId)> DepartmentEvaluationAsync(TestApp app, string projectName)
    {
        var admin = await app.LoginAsync("admin");
        var page = await JsonOf(await admin.GetAsync($"/api/v1/projects?q={Uri.EscapeDataString(projectName)}"));
        var projectId = page.GetProperty("items").EnumerateArray().First(p => p.GetProperty("name").GetString() == projectName).GetProperty("id").GetInt32();
        await using var db = app.NewDbContext();
        var expertId = db.Users.Single(u => u.UserName == "zhuanjia").Id;
        var created = await JsonOf(await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/evaluations", new { kind = "department", expertId }));
        return (created.GetProperty("id").GetInt32(), created.GetProperty("version").GetInt64(), projectId);
    }

    /// <summary>The police clerk's 单位自评 of a project with every target met, submitted and locked: its id.</summary>
    private static async Task<int> LockedSelfEvaluationAsync(TestApp app, string projectName)
    {
        var gaj = await app.LoginAsync("gaj");
        var page = await JsonOf(await gaj.GetAsync($"/api/v1/projects?q={Uri.EscapeDataString(projectName)}"));
        var projectId = page.GetProperty("items").EnumerateArray().First(p => p.GetProperty("name").GetString() == projectName).GetProperty("id").GetInt32();
        var evaluation = await JsonOf(await gaj.PostAsJsonAsync($"/api/v1/projects/{projectId}/evaluations", new { kind = "self" }));
        var id = evaluation.GetProperty("id").GetInt32();
        var version = evaluation.GetProperty("version").GetInt64();
        var items = evaluation.GetProperty("scored").GetProperty("items").EnumerateArray().ToList();
        for (var line = 0; line < items.Count; line++)
        {
            object body = items[line].GetProperty("method").GetString() == "qualitative"
                ? new { rating = "达成", version }
                : new { actual = items[line].GetProperty("target").GetString(), version };
            version = (await JsonOf(await gaj.PutAsJsonAsync($"/api/v1/evaluations/{id}/lines/{line}", body))).GetProperty("version").GetInt64();
        }

        (await gaj.PostAsync($"/api/v1/evaluations/{id}/lock", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        return id;
    }

    private static Task<HttpResponseMessage> PostFormulaAsync(HttpClient client, int id, int line, long version, string formula, string inputs, string reason) =>
        PageForms.PostAsync(client, $"/evaluations/{id}?handler=Formula&line={line}",
            [new("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("formula", formula), new("formulaInputs", inputs), new("formulaReason", reason)],
            tokenPage: $"/evaluations/{id}");

    /// <summary>An htmx refusal: the Chinese reason, retargeted to the message box of the line's formula editor.</summary>
    private static async Task<string> RefusalAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("HX-Retarget").Single().ShouldStartWith("#formula-error-");
        return await response.Content.ReadAsStringAsync();
    }

    private static decimal? ScoreOf(JsonElement evaluation, int line) =>
        evaluation.GetProperty("scored").GetProperty("items")[line].GetProperty("score") is { ValueKind: JsonValueKind.Number } n ? n.GetDecimal() : null;

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_expert_changes_a_formula_on_the_page_the_score_follows_and_the_change_is_audited_with_its_reason(string provider)
    {
        var app = apps.Get(provider);
        var (id, version, projectId) = await DepartmentEvaluationAsync(app, "辅警服装培训费");
        var expert = await app.LoginAsync("zhuanjia");
        WebUtility.HtmlDecode(await expert.GetStringAsync($"/evaluations/{id}")).ShouldContain("<code>实际到位资金 / 预算资金 * 100</code>");

        // 资金到位率 (4 points, target 100%) by a new formula: 实际支出 90万元 of 预算资金 100万元 → 90% → 3.6
        var saved = await PostFormulaAsync(expert, id, 6, version, "实际支出 / 预算资金 * 100", "实际支出=90万元；预算资金=100万元", "按实际支出口径计算到位率");
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        saved.Headers.Contains("HX-Retarget").ShouldBeFalse();
        var sheet = WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync());
        sheet.ShouldContain("<code>实际支出 / 预算资金 * 100</code>");
        sheet.ShouldContain("id=\"evaluation-total\"");

        var after = await JsonOf(await expert.GetAsync($"/api/v1/evaluations/{id}"));
        ScoreOf(after, 6).ShouldBe(3.6m);
        after.GetProperty("version").GetInt64().ShouldBe(version + 1);

        var history = (await JsonOf(await expert.GetAsync($"/api/v1/projects/{projectId}/history"))).EnumerateArray()
            .Where(h => h.GetProperty("field").GetString() == "formula" && h.GetProperty("entityId").GetInt32() == id).ToList();
        history.Count.ShouldBe(1);
        history[0].GetProperty("oldValue").GetString()!.ShouldEndWith("：实际到位资金 / 预算资金 * 100");
        history[0].GetProperty("newValue").GetString()!.ShouldEndWith("：实际支出 / 预算资金 * 100");
        history[0].GetProperty("reason").GetString().ShouldBe("按实际支出口径计算到位率");
        history[0].GetProperty("actor").GetString().ShouldBe("评价专家王工");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_bad_formula_a_missing_reason_or_a_line_without_actual_values_is_refused_in_Chinese_and_nothing_is_saved(string provider)
    {
        var app = apps.Get(provider);
        var (id, version, _) = await DepartmentEvaluationAsync(app, "辅警服装培训费");
        var expert = await app.LoginAsync("zhuanjia");
        var items = (await JsonOf(await expert.GetAsync($"/api/v1/evaluations/{id}"))).GetProperty("scored").GetProperty("items").EnumerateArray().ToList();
        var qualitative = items.FindIndex(i => i.GetProperty("method").GetString() == "qualitative");
        var deduction = items.FindIndex(i => i.GetProperty("method").GetString() == "deduction");
        qualitative.ShouldBeGreaterThanOrEqualTo(0);

        (await RefusalAsync(await PostFormulaAsync(expert, id, 6, version, "实际支出 / (预算资金", "实际支出=90；预算资金=100", "改口径")))
            .ShouldBe("公式“实际支出 / (预算资金”有误：第 8 个字符的左括号没有闭合。公式由名称、数字、+ - * / 和括号组成，一组数可用 avg、sum、min、max，如 avg(月度考核分)。");
        (await RefusalAsync(await PostFormulaAsync(expert, id, 6, version, "实际支出 预算资金", "实际支出=90；预算资金=100", "改口径")))
            .ShouldStartWith("公式“实际支出 预算资金”有误：第 6 个字符处：“预”前缺少运算符");
        (await RefusalAsync(await PostFormulaAsync(expert, id, 6, version, "median(月度考核分)", "月度考核分=[1, 2]", "改口径")))
            .ShouldContain("未知函数“median”（可用 avg、sum、min、max）");
        (await RefusalAsync(await PostFormulaAsync(expert, id, 6, version, "实际支出 / 预算资金 * 100", "实际支出=90；预算资金=100", " ")))
            .ShouldBe("修改计算公式须填写修改原因，它将记入审计日志。");
        (await RefusalAsync(await PostFormulaAsync(expert, id, qualitative, version, "a / b", "a=1；b=2", "改口径"))).ShouldContain("按定性评分，不使用实际完成值");
        (await RefusalAsync(await PostFormulaAsync(expert, id, deduction, version, "a / b", "a=1；b=2", "改口径"))).ShouldContain("按扣分评分");
        (await RefusalAsync(await PostFormulaAsync(expert, id, 6, version - 1, "实际支出 / 预算资金 * 100", "实际支出=90；预算资金=100", "改口径")))
            .ShouldContain("已被他人修改");

        // the API refuses the same way (400 with the same reason)
        var api = await expert.PutAsJsonAsync($"/api/v1/evaluations/{id}/lines/6",
            new { formula = "实际支出 / (预算资金", inputs = "实际支出=90；预算资金=100", formulaReason = "改口径", version });
        api.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(api)).GetProperty("detail").GetString()!.ShouldStartWith("公式“实际支出 / (预算资金”有误：第 8 个字符的左括号没有闭合。");
        var noReason = await expert.PutAsJsonAsync($"/api/v1/evaluations/{id}/lines/6", new { formula = "a / b * 100", inputs = "a=1；b=2", version });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var now = await JsonOf(await expert.GetAsync($"/api/v1/evaluations/{id}"));
        now.GetProperty("version").GetInt64().ShouldBe(version);
        await using var db = app.NewDbContext();
        db.AuditLog.Count(a => a.Entity == "evaluation" && a.EntityId == id && a.Field != "created" && a.Field != "expert").ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_locked_evaluation_keeps_its_formulas_and_only_the_assigned_expert_or_admin_may_change_them(string provider)
    {
        var app = apps.Get(provider);
        var expert = await app.LoginAsync("zhuanjia");
        var lockedId = await LockedSelfEvaluationAsync(app, "公安工作补贴");
        var gajForLocked = await app.LoginAsync("gaj");
        var lockedVersion = (await JsonOf(await gajForLocked.GetAsync($"/api/v1/evaluations/{lockedId}"))).GetProperty("version").GetInt64();
        (await RefusalAsync(await PostFormulaAsync(gajForLocked, lockedId, 0, lockedVersion, "a / b * 100", "a=1；b=2", "改口径")))
            .ShouldBe("该评价已提交锁定，不能再修改。");
        WebUtility.HtmlDecode(await gajForLocked.GetStringAsync($"/evaluations/{lockedId}")).ShouldNotContain("handler=Formula");

        var (id, version, _) = await DepartmentEvaluationAsync(app, "辅警服装培训费");
        WebUtility.HtmlDecode(await expert.GetStringAsync($"/evaluations/{id}")).ShouldContain("修改公式");
        // the police clerk sees the department evaluation of their unit but does not score it; the other unit's clerk does not see it
        var gaj = await app.LoginAsync("gaj");
        (await PostFormulaAsync(gaj, id, 6, version, "a / b * 100", "a=1；b=2", "改口径")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var zfw = await app.LoginAsync("zfw");
        var token = await PageForms.TokenAsync(zfw, "/evaluations");
        var forged = await zfw.PostAsync($"/evaluations/{id}?handler=Formula&line=6", new FormUrlEncodedContent(
            [new("version", "0"), new("formula", "a / b * 100"), new("formulaInputs", "a=1；b=2"), new("formulaReason", "x"), new("__RequestVerificationToken", token)]));
        forged.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var admin = await app.LoginAsync("admin");
        (await PostFormulaAsync(admin, id, 6, version, "a / b * 100", "a=1；b=2", "管理员更正口径")).Headers.Contains("HX-Retarget").ShouldBeFalse();
        (await JsonOf(await admin.GetAsync($"/api/v1/evaluations/{id}"))).GetProperty("version").GetInt64().ShouldBe(version + 1);
    }
}
