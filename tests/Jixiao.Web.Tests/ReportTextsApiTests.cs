using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;

namespace Jixiao.Web.Tests;

/// <summary>
/// 报告文字: the texts the evaluator writes (项目背景, 存在问题, 建议 …) are kept with the evaluation, edited under its
/// version, audited, refused once locked, hidden outside the user's scope, and printed in the report.
/// </summary>
public sealed partial class ReportTextsApiTests(SeededApps apps) : IClassFixture<SeededApps>
{
    private const string Background = "本项目用于保障白云区公安分局一线民警的工作补贴按时足额发放。";
    private const string Problem = "个别月份补贴发放时间晚于计划约一周。";

    /// <summary>The anti-forgery token htmx sends (the layout's <c>hx-headers</c> on body).</summary>
    [GeneratedRegex("\"RequestVerificationToken\": \"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    private static string DocxText(byte[] bytes)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return string.Concat(document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text));
    }

    /// <summary>A 单位自评 of the police clerk's project with every target met (so the report can be written): (id, version).</summary>
    private static async Task<(int Id, long Version, int ProjectId)> ScoredSelfEvaluationAsync(HttpClient gaj, string projectName)
    {
        var page = await JsonOf(await gaj.GetAsync($"/api/v1/projects?q={Uri.EscapeDataString(projectName)}"));
        var projectId = page.GetProperty("items").EnumerateArray().First(p => p.GetProperty("name").GetString() == projectName).GetProperty("id").GetInt32();
        var created = await gaj.PostAsJsonAsync($"/api/v1/projects/{projectId}/evaluations", new { kind = "self" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var evaluation = await JsonOf(created);
        var id = evaluation.GetProperty("id").GetInt32();
        var version = evaluation.GetProperty("version").GetInt64();
        var items = evaluation.GetProperty("scored").GetProperty("items").EnumerateArray().ToList();
        for (var line = 0; line < items.Count; line++)
        {
            object body = items[line].GetProperty("method").GetString() == "qualitative"
                ? new { rating = "达成", version }
                : new { actual = items[line].GetProperty("target").GetString(), version };
            var saved = await gaj.PutAsJsonAsync($"/api/v1/evaluations/{id}/lines/{line}", body);
            saved.StatusCode.ShouldBe(HttpStatusCode.OK);
            version = (await JsonOf(saved)).GetProperty("version").GetInt64();
        }

        return (id, version, projectId);
    }

    private static object Texts(long version) => new
    {
        version,
        texts = new
        {
            background = Background,
            process = "成立评价工作小组，核查资料，逐项评分。",
            problems = new object[] { new { title = "补贴发放略有延迟", body = Problem } },
            suggestions = new object[] { "按月核对发放进度。" },
            other = "无。",
        },
    };

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Texts_round_trip_are_audited_and_appear_in_the_downloaded_report(string provider)
    {
        var app = apps.Get(provider);
        var gaj = await app.LoginAsync("gaj");
        var (id, version, projectId) = await ScoredSelfEvaluationAsync(gaj, "公安工作补贴");

        var empty = await JsonOf(await gaj.GetAsync($"/api/v1/evaluations/{id}/report-texts"));
        empty.GetProperty("canEdit").GetBoolean().ShouldBeTrue();
        empty.GetProperty("texts").EnumerateObject().ShouldBeEmpty();
        empty.GetProperty("version").GetInt64().ShouldBe(version);

        var saved = await gaj.PutAsJsonAsync($"/api/v1/evaluations/{id}/report-texts", Texts(version));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var newVersion = (await JsonOf(saved)).GetProperty("version").GetInt64();
        newVersion.ShouldBeGreaterThan(version);

        var read = await JsonOf(await gaj.GetAsync($"/api/v1/evaluations/{id}/report-texts"));
        read.GetProperty("version").GetInt64().ShouldBe(newVersion);
        var texts = read.GetProperty("texts");
        texts.GetProperty("background").GetString().ShouldBe(Background);
        texts.GetProperty("process").GetString().ShouldBe("成立评价工作小组，核查资料，逐项评分。");
        texts.GetProperty("problems")[0].GetProperty("title").GetString().ShouldBe("补贴发放略有延迟");
        texts.GetProperty("problems")[0].GetProperty("body").GetString().ShouldBe(Problem);
        texts.GetProperty("suggestions")[0].GetString().ShouldBe("按月核对发放进度。");
        texts.GetProperty("other").GetString().ShouldBe("无。");

        // The audit log says who changed which section, from what to what.
        var history = await JsonOf(await gaj.GetAsync($"/api/v1/projects/{projectId}/history"));
        var background = history.EnumerateArray().Single(h => h.GetProperty("field").GetString() == "report.background" && h.GetProperty("entityId").GetInt32() == id);
        background.GetProperty("entity").GetString().ShouldBe("evaluation");
        background.GetProperty("actor").GetString().ShouldNotBeNullOrEmpty();
        background.GetProperty("oldValue").ValueKind.ShouldBe(JsonValueKind.Null);
        background.GetProperty("newValue").GetString().ShouldBe(Background);
        history.EnumerateArray().Single(h => h.GetProperty("field").GetString() == "report.problems" && h.GetProperty("entityId").GetInt32() == id)
            .GetProperty("newValue").GetString().ShouldBe($"【补贴发放略有延迟】\n{Problem}");

        // A second edit is audited old → new.
        var edited = await gaj.PutAsJsonAsync($"/api/v1/evaluations/{id}/report-texts", new { version = newVersion, texts = new { background = "新的背景。" } });
        edited.StatusCode.ShouldBe(HttpStatusCode.OK);
        history = await JsonOf(await gaj.GetAsync($"/api/v1/projects/{projectId}/history"));
        var changes = history.EnumerateArray().Where(h => h.GetProperty("field").GetString() == "report.background" && h.GetProperty("entityId").GetInt32() == id).ToList();
        changes.ShouldContain(h => h.GetProperty("oldValue").GetString() == Background && h.GetProperty("newValue").GetString() == "新的背景。");
        changes.ShouldContain(h => h.GetProperty("field").GetString() == "report.background");
        history.EnumerateArray().ShouldContain(h => h.GetProperty("field").GetString() == "report.other" && h.GetProperty("oldValue").GetString() == "无。"
            && h.GetProperty("newValue").ValueKind == JsonValueKind.Null);

        // The report prints the stored texts.
        var version3 = (await JsonOf(edited)).GetProperty("version").GetInt64();
        (await gaj.PutAsJsonAsync($"/api/v1/evaluations/{id}/report-texts", Texts(version3))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var docx = await gaj.GetAsync($"/api/v1/evaluations/{id}/report.docx");
        docx.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = DocxText(await docx.Content.ReadAsByteArrayAsync());
        text.ShouldContain(Background);
        text.ShouldContain(Problem);
        text.ShouldContain("按月核对发放进度。");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Another_units_clerk_gets_404_a_stale_version_409_bad_texts_400_and_a_locked_evaluation_refuses(string provider)
    {
        var app = apps.Get(provider);
        var gaj = await app.LoginAsync("gaj");
        var (id, version, _) = await ScoredSelfEvaluationAsync(gaj, "公安工作补贴");

        var zfw = await app.LoginAsync("zfw");
        (await zfw.GetAsync($"/api/v1/evaluations/{id}/report-texts")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await zfw.PutAsJsonAsync($"/api/v1/evaluations/{id}/report-texts", Texts(version))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await zfw.PutAsJsonAsync($"/api/v1/evaluations/{id}/report-texts", new { version, texts = new { nonsense = 1 } })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var unknown = await gaj.PutAsJsonAsync($"/api/v1/evaluations/{id}/report-texts", new { version, texts = new { backgroud = "拼错的字段" } });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(unknown)).GetProperty("detail").GetString()!.ShouldContain("backgroud");

        // A line saved since the texts were read makes their version stale.
        var line = await gaj.PutAsJsonAsync($"/api/v1/evaluations/{id}/lines/0", new { actual = "91.4%", version, changeReason = "按决算数更正" });
        line.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await gaj.PutAsJsonAsync($"/api/v1/evaluations/{id}/report-texts", Texts(version));
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await JsonOf(stale)).GetProperty("detail").GetString()!.ShouldContain("已被他人修改");
        (await JsonOf(await gaj.GetAsync($"/api/v1/evaluations/{id}/report-texts"))).GetProperty("texts").EnumerateObject().ShouldBeEmpty();

        var current = (await JsonOf(line)).GetProperty("version").GetInt64();
        (await gaj.PostAsync($"/api/v1/evaluations/{id}/lock", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var locked = await JsonOf(await gaj.GetAsync($"/api/v1/evaluations/{id}/report-texts"));
        locked.GetProperty("canEdit").GetBoolean().ShouldBeFalse();
        var refused = await gaj.PutAsJsonAsync($"/api/v1/evaluations/{id}/report-texts", Texts(locked.GetProperty("version").GetInt64()));
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await JsonOf(refused)).GetProperty("detail").GetString()!.ShouldContain("锁定");
        current.ShouldBeGreaterThan(version);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_demo_loads_the_texts_of_seed_report_004_and_its_report_prints_them(string provider)
    {
        // A fresh demo: the seed evaluations load only into a store without evaluations.
        using var app = new TestApp(provider, seed: true);
        await Jixiao.App.Demo.DemoSetup.LoadReportEvaluationsAsync(app.Services);
        var expert = await app.LoginAsync("zhuanjia");
        var xueliang = (await JsonOf(await expert.GetAsync("/api/v1/evaluations"))).EnumerateArray()
            .Single(e => e.GetProperty("projectName").GetString()!.Contains("雪亮工程")).GetProperty("id").GetInt32();

        var texts = (await JsonOf(await expert.GetAsync($"/api/v1/evaluations/{xueliang}/report-texts"))).GetProperty("texts");
        texts.GetProperty("unit").GetString().ShouldBe("新建公安分局");
        texts.GetProperty("background").GetString()!.ShouldStartWith("推动“雪亮工程”建设工作是事关国家安全");
        texts.GetProperty("problems").GetArrayLength().ShouldBe(2);
        texts.GetProperty("funds").GetProperty("spent").GetDecimal().ShouldBe(3656.18m);

        var text = DocxText(await (await expert.GetAsync($"/api/v1/evaluations/{xueliang}/report.docx")).Content.ReadAsByteArrayAsync());
        text.ShouldContain("探头监控在线率有待提升");
        text.ShouldContain("认真履行合同约定，按时支付相关费用");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_evaluation_page_saves_the_texts_form_refuses_a_stale_version_and_is_read_only_when_locked(string provider)
    {
        var app = apps.Get(provider);
        var gaj = await app.LoginAsync("gaj");
        var (id, version, _) = await ScoredSelfEvaluationAsync(gaj, "公安工作补贴");
        var raw = await gaj.GetStringAsync($"/evaluations/{id}");
        var page = WebUtility.HtmlDecode(raw);
        page.ShouldContain("评价报告文字");
        page.ShouldContain("保存报告文字");
        var token = TokenPattern().Match(raw).Groups[1].Value;
        token.ShouldNotBeNullOrEmpty();

        HttpRequestMessage Post(Dictionary<string, string> fields)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/evaluations/{id}?handler=Texts") { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Add("RequestVerificationToken", token);
            return request;
        }

        Dictionary<string, string> Form(long v) => new()
        {
            ["version"] = v.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["background"] = Background,
            ["problems"] = $"【补贴发放略有延迟】\r\n{Problem}\r\n\r\n第二个问题，没有标题。",
            ["other"] = "   ",
        };
        var saved = await gaj.SendAsync(Post(Form(version)));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync()).ShouldContain(Background);

        var texts = (await JsonOf(await gaj.GetAsync($"/api/v1/evaluations/{id}/report-texts"))).GetProperty("texts");
        texts.GetProperty("background").GetString().ShouldBe(Background);
        texts.GetProperty("problems")[0].GetProperty("title").GetString().ShouldBe("补贴发放略有延迟");
        texts.GetProperty("problems")[0].GetProperty("body").GetString().ShouldBe(Problem);
        texts.GetProperty("problems")[1].GetString().ShouldBe("第二个问题，没有标题。");
        texts.TryGetProperty("other", out _).ShouldBeFalse();

        var stale = await gaj.SendAsync(Post(Form(version)));
        stale.Headers.GetValues("HX-Retarget").Single().ShouldBe("#evaluation-error");
        (await stale.Content.ReadAsStringAsync()).ShouldContain("已被他人修改");

        (await gaj.PostAsync($"/api/v1/evaluations/{id}/lock", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var locked = WebUtility.HtmlDecode(await gaj.GetStringAsync($"/evaluations/{id}"));
        locked.ShouldContain("评价已锁定，报告文字只读。");
        locked.ShouldNotContain("保存报告文字");
        locked.ShouldContain(Background);
    }
}
