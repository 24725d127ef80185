using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Jixiao.Web.Tests;

/// <summary>评价 through the API: create from a project's targets, enter actuals, total and grade, roles, lock.</summary>
public sealed class EvaluationApiTests(SeededApps apps) : IClassFixture<SeededApps>
{
    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    private static async Task<int> ProjectIdAsync(HttpClient client, string name)
    {
        var page = await JsonOf(await client.GetAsync($"/api/v1/projects?q={Uri.EscapeDataString(name)}"));
        return page.GetProperty("items").EnumerateArray().First(p => p.GetProperty("name").GetString() == name).GetProperty("id").GetInt32();
    }

    /// <summary>Enters every line's target as its actual (达成 for qualitative lines); returns the last version.</summary>
    private static async Task<long> MeetEveryTargetAsync(HttpClient client, JsonElement evaluation)
    {
        var id = evaluation.GetProperty("id").GetInt32();
        var version = evaluation.GetProperty("version").GetInt64();
        var items = evaluation.GetProperty("scored").GetProperty("items").EnumerateArray().ToList();
        for (var line = 0; line < items.Count; line++)
        {
            var item = items[line];
            object body = item.GetProperty("method").GetString() == "qualitative"
                ? new { rating = "达成", version }
                : new { actual = item.GetProperty("target").GetString(), version };
            var saved = await client.PutAsJsonAsync($"/api/v1/evaluations/{id}/lines/{line}", body);
            saved.StatusCode.ShouldBe(HttpStatusCode.OK);
            version = (await JsonOf(saved)).GetProperty("version").GetInt64();
        }

        return version;
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_self_evaluation_from_the_targets_scores_100_when_every_target_is_met_and_less_when_one_is_missed(string provider)
    {
        var app = apps.Get(provider);
        var gaj = await app.LoginAsync("gaj");
        var projectId = await ProjectIdAsync(gaj, "公安工作补贴");
        var created = await gaj.PostAsJsonAsync($"/api/v1/projects/{projectId}/evaluations", new { kind = "self" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var evaluation = await JsonOf(created);
        var id = evaluation.GetProperty("id").GetInt32();
        evaluation.GetProperty("kind").GetString().ShouldBe("单位自评");
        var items = evaluation.GetProperty("scored").GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(4); // 预算执行率 + the project's three indicators
        items.Sum(i => i.GetProperty("weight").GetDecimal()).ShouldBe(100m);

        var version = await MeetEveryTargetAsync(gaj, evaluation);

        var full = await JsonOf(await gaj.GetAsync($"/api/v1/evaluations/{id}"));
        full.GetProperty("scored").GetProperty("total").GetDecimal().ShouldBe(100m);
        full.GetProperty("scored").GetProperty("grade").GetString().ShouldBe("优");

        // 预算执行率 91.4% of a 10-point line: 91.4 ÷ 100 × 10 = 9.14 (财预〔2020〕10号 proportional rule).
        // (a line already entered: the correction says why)
        var missed = await gaj.PutAsJsonAsync($"/api/v1/evaluations/{id}/lines/0", new { actual = "91.4%", version, changeReason = "按财务决算数更正" });
        var scored = (await JsonOf(missed)).GetProperty("scored");
        scored.GetProperty("items")[0].GetProperty("score").GetDecimal().ShouldBe(9.14m);
        scored.GetProperty("total").GetDecimal().ShouldBe(99.14m);
        scored.GetProperty("findings").EnumerateArray().ShouldContain(f => f.GetProperty("code").GetString() == "EVA004");
        await using (var db = app.NewDbContext())
        {
            // kept with the total and grade for the 首页's 预算执行率 chart
            (await db.Evaluations.SingleAsync(e => e.Id == id)).BudgetExecution.ShouldBe(91.4m);
        }

        // A stale version is refused.
        var stale = await gaj.PutAsJsonAsync($"/api/v1/evaluations/{id}/lines/0", new { actual = "50%", version });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var history = await JsonOf(await gaj.GetAsync($"/api/v1/projects/{projectId}/history"));
        var totals = history.EnumerateArray().Where(h => h.GetProperty("entity").GetString() == "evaluation" && h.GetProperty("field").GetString() == "total").ToList();
        totals[0].GetProperty("oldValue").GetString().ShouldBe("100 分（优）");
        totals[0].GetProperty("newValue").GetString().ShouldBe("99.14 分（优）");
        totals[0].GetProperty("reason").GetString().ShouldBe("按财务决算数更正");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Only_the_assigned_expert_scores_a_department_evaluation_and_others_cannot_see_it(string provider)
    {
        var app = apps.Get(provider);
        var czj = await app.LoginAsync("czj");
        var expert = await app.LoginAsync("zhuanjia");
        var expertId = (await JsonOf(await expert.GetAsync("/api/v1/auth/me"))).GetProperty("userName").GetString();
        expertId.ShouldBe("zhuanjia");
        await using var db = app.NewDbContext();
        var expertUserId = db.Users.Single(u => u.UserName == "zhuanjia").Id;

        var units = await JsonOf(await czj.GetAsync("/api/v1/units"));
        var politics = units.EnumerateArray().Single(u => u.GetProperty("name").GetString() == Jixiao.App.Demo.DemoSetup.PoliticsUnit).GetProperty("id").GetInt32();
        var projectId = (await JsonOf(await czj.GetAsync($"/api/v1/projects?unitId={politics}&pageSize=1"))).GetProperty("items")[0].GetProperty("id").GetInt32();
        var created = await czj.PostAsJsonAsync($"/api/v1/projects/{projectId}/evaluations", new { kind = "department", expertId = expertUserId });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var evaluation = await JsonOf(created);
        var id = evaluation.GetProperty("id").GetInt32();
        evaluation.GetProperty("kind").GetString().ShouldBe("部门评价");
        var version = evaluation.GetProperty("version").GetInt64();

        // The reviewer who started it reads it but does not score; the expert (whose own units do not include 政法委) scores.
        (await czj.PutAsJsonAsync($"/api/v1/evaluations/{id}/lines/0", new { actual = "100%", version })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await expert.GetAsync($"/api/v1/evaluations/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await expert.GetAsync($"/api/v1/projects/{projectId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var gaj = await app.LoginAsync("gaj");
        (await gaj.GetAsync($"/api/v1/evaluations/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await gaj.PutAsJsonAsync($"/api/v1/evaluations/{id}/lines/0", new { actual = "100%", version })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await gaj.PostAsync($"/api/v1/evaluations/{id}/lock", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A clerk cannot start a department evaluation.
        var zfw = await app.LoginAsync("zfw");
        (await zfw.PostAsJsonAsync($"/api/v1/projects/{projectId}/evaluations", new { kind = "department" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_locked_evaluation_cannot_change(string provider)
    {
        var app = apps.Get(provider);
        var zfw = await app.LoginAsync("zfw");
        var projectId = (await JsonOf(await zfw.GetAsync("/api/v1/projects?sort=amount&desc=true&pageSize=1"))).GetProperty("items")[0].GetProperty("id").GetInt32();
        var evaluation = await JsonOf(await zfw.PostAsJsonAsync($"/api/v1/projects/{projectId}/evaluations", new { kind = "self" }));
        var id = evaluation.GetProperty("id").GetInt32();
        var unscored = await zfw.PostAsync($"/api/v1/evaluations/{id}/lock", null);
        unscored.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(unscored)).GetProperty("detail").GetString()!.ShouldStartWith("评价表还有错误，不能提交");
        await MeetEveryTargetAsync(zfw, evaluation);
        (await zfw.PostAsync($"/api/v1/evaluations/{id}/lock", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var locked = await JsonOf(await zfw.GetAsync($"/api/v1/evaluations/{id}"));
        locked.GetProperty("status").GetString().ShouldBe("locked");
        locked.GetProperty("canEdit").GetBoolean().ShouldBeFalse();
        var edit = await zfw.PutAsJsonAsync($"/api/v1/evaluations/{id}/lines/0", new { actual = "100%", version = locked.GetProperty("version").GetInt64() });
        edit.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await JsonOf(edit)).GetProperty("detail").GetString().ShouldBe("该评价已提交锁定，不能再修改。");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_expert_enters_formula_inputs_a_series_and_deductions_with_reasons_and_the_total_follows(string provider)
    {
        var app = apps.Get(provider);
        var admin = await app.LoginAsync("admin");
        var projectId = await ProjectIdAsync(admin, "辅警服装培训费");
        await using var db = app.NewDbContext();
        var expertUserId = db.Users.Single(u => u.UserName == "zhuanjia").Id;
        var created = await JsonOf(await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/evaluations", new { kind = "department", expertId = expertUserId }));
        var id = created.GetProperty("id").GetInt32();
        var version = created.GetProperty("version").GetInt64();
        var expert = await app.LoginAsync("zhuanjia");

        async Task<JsonElement> PutAsync(int line, object body, HttpStatusCode expected = HttpStatusCode.OK)
        {
            var response = await expert.PutAsJsonAsync($"/api/v1/evaluations/{id}/lines/{line}", body);
            response.StatusCode.ShouldBe(expected);
            var json = await JsonOf(response);
            if (expected == HttpStatusCode.OK)
            {
                version = json.GetProperty("version").GetInt64();
            }

            return json;
        }

        decimal? ScoreOf(JsonElement evaluation, int line) =>
            evaluation.GetProperty("scored").GetProperty("items")[line].GetProperty("score") is { ValueKind: JsonValueKind.Number } n ? n.GetDecimal() : null;

        // 资金到位率 (4 points, target 100%) = 实际到位资金 / 预算资金 * 100: 95万元 of 100万元 → 95% → 3.8
        var funded = await PutAsync(6, new { inputs = "实际到位资金=95万元；预算资金=100万元", version });
        ScoreOf(funded, 6).ShouldBe(3.8m);
        funded.GetProperty("scored").GetProperty("items")[6].GetProperty("explanation").GetString()!.ShouldStartWith("资金到位率 95%");

        // a series of monthly scores through a formula of the line's own: avg = 97 → 8 × 97% = 7.76
        var series = await PutAsync(12, new { formula = "avg(月度达标率)", inputs = "月度达标率=[96, 98, 100, 94]", formulaReason = "按月度考核计算", version });
        ScoreOf(series, 12).ShouldBe(7.76m);

        // 立项依据充分性 (3 points, 扣分): two deductions with reasons → 3 − 1 − 0.5 = 1.5
        var deducted = await PutAsync(0, new { deductions = "扣1分：未提供可行性研究报告\n扣0.5分：立项依据未引用年度计划", version });
        ScoreOf(deducted, 0).ShouldBe(1.5m);

        // refused with a Chinese reason, nothing saved
        (await PutAsync(1, new { deductions = "扣1分", version }, HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!.ShouldContain("每项扣分都要写明理由");
        (await PutAsync(7, new { inputs = "实际支出 90万元", version }, HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!.ShouldContain("应写成 名称=值");
        (await PutAsync(13, new { inputs = "x=1", version }, HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!.ShouldContain("没有计算公式");
        (await PutAsync(0, new { deductions = "扣1分：重复提交", version = version - 1 }, HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("已被他人修改");

        var now = await JsonOf(await expert.GetAsync($"/api/v1/evaluations/{id}"));
        ScoreOf(now, 0).ShouldBe(1.5m);
        ScoreOf(now, 1).ShouldBe(3m); // the refused deduction was not saved: full marks

        // the audit log keeps the formula with its inputs and the reasons
        var history = (await JsonOf(await admin.GetAsync($"/api/v1/projects/{projectId}/history"))).EnumerateArray()
            .Select(h => h.GetProperty("newValue").GetString() + " " + h.GetProperty("reason").GetString()).ToList();
        history.ShouldContain(h => h.Contains("实际到位资金 / 预算资金 * 100（实际到位资金=95万元；预算资金=100万元）"));

        // unrated lines are errors of the sheet: no report yet
        (await expert.GetAsync($"/api/v1/evaluations/{id}/report.docx")).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // another unit's clerk cannot even see it
        var zfw = await app.LoginAsync("zfw");
        (await zfw.PutAsJsonAsync($"/api/v1/evaluations/{id}/lines/6", new { inputs = "实际到位资金=1；预算资金=1", version })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_clerk_cannot_hand_their_self_evaluation_to_an_expert_and_creation_is_audited(string provider)
    {
        var app = apps.Get(provider);
        var gaj = await app.LoginAsync("gaj");
        var projectId = await ProjectIdAsync(gaj, "辅警服装培训费");
        string expertId, clerkId;
        await using (var db = app.NewDbContext())
        {
            expertId = db.Users.Single(u => u.UserName == "zhuanjia").Id;
            clerkId = db.Users.Single(u => u.UserName == "zfw").Id;
        }

        var handed = await gaj.PostAsJsonAsync($"/api/v1/projects/{projectId}/evaluations", new { kind = "self", expertId });
        handed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(handed)).GetProperty("detail").GetString().ShouldBe("单位自评由本单位填报人评分，不指派评价专家。");
        var expert = await app.LoginAsync("zhuanjia");
        (await JsonOf(await expert.GetAsync("/api/v1/evaluations"))).EnumerateArray()
            .ShouldNotContain(e => e.GetProperty("projectId").GetInt32() == projectId && e.GetProperty("kind").GetString() == "单位自评");

        var admin = await app.LoginAsync("admin");
        var notExpert = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/evaluations", new { kind = "department", expertId = clerkId });
        notExpert.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(notExpert)).GetProperty("detail").GetString().ShouldBe("所选用户不是评价专家。");

        var self = await JsonOf(await gaj.PostAsJsonAsync($"/api/v1/projects/{projectId}/evaluations", new { kind = "self" }));
        var department = await JsonOf(await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/evaluations", new { kind = "department", expertId }));
        var history = (await JsonOf(await admin.GetAsync($"/api/v1/projects/{projectId}/history"))).EnumerateArray()
            .Where(h => h.GetProperty("entity").GetString() == "evaluation").ToList();
        var selfLines = history.Where(h => h.GetProperty("entityId").GetInt32() == self.GetProperty("id").GetInt32()).ToList();
        var departmentLines = history.Where(h => h.GetProperty("entityId").GetInt32() == department.GetProperty("id").GetInt32()).ToList();
        selfLines.Select(h => h.GetProperty("field").GetString()).ShouldBe(["created"]);
        selfLines[0].GetProperty("newValue").GetString()!.ShouldStartWith("单位自评（");
        selfLines[0].GetProperty("actor").GetString().ShouldNotBeNullOrEmpty();
        departmentLines.Select(h => h.GetProperty("field").GetString()).Order().ShouldBe(["created", "expert"]);
        departmentLines.Single(h => h.GetProperty("field").GetString() == "expert").GetProperty("newValue").GetString().ShouldBe("评价专家王工（zhuanjia）");
    }
}
