using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jixiao.App.Demo;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

/// <summary>
/// 佐证材料 and 下达整改 on the pages, on both databases, posted as the browser does (htmx sends the token as a header;
/// without script the form carries it): the clerk uploads on his 整改 task and evaluation line and the marks follow,
/// finance sees the files and no forms, a forged post of another unit's clerk is 404 and finance's 403; finance makes a
/// 整改 task of a review finding, an evaluation finding and a red monitoring light; the 绩效评价报告 lists the files.
/// </summary>
public sealed partial class EvidencePageTests(SeededApps apps) : IClassFixture<SeededApps>
{
    [GeneratedRegex("\"RequestVerificationToken\": \"([^\"]+)\"")]
    private static partial Regex HeaderToken();

    private static async Task<string> PageAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    /// <summary>An upload as htmx sends it: multipart, the anti-forgery token as a header, HX-Request.</summary>
    private static async Task<HttpResponseMessage> HtmxUploadAsync(HttpClient client, string page, string url, MultipartFormDataContent form)
    {
        var token = HeaderToken().Match(await client.GetStringAsync(page)).Groups[1].Value;
        token.ShouldNotBeEmpty();
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
        request.Headers.Add("RequestVerificationToken", token);
        request.Headers.Add("HX-Request", "true");
        return await client.SendAsync(request);
    }

    private static async Task<int> PoliceProjectAsync(TestApp app, int nth)
    {
        await using var db = app.NewDbContext();
        return await db.Projects.Where(p => p.Unit!.Name == DemoSetup.PoliceUnit).OrderBy(p => p.Id).Skip(nth).Select(p => p.Id).FirstAsync();
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_clerk_uploads_on_his_task_finance_sees_the_file_without_forms_and_forged_posts_are_refused(string provider)
    {
        var app = apps.Get(provider);
        var taskId = await EvidenceApiTests.TaskAsync(app, 20);
        var gaj = await app.LoginAsync("gaj");
        var czj = await app.LoginAsync("czj");
        var zfw = await app.LoginAsync("zfw");
        var upload = $"/evidence?handler=Upload&owner=rectification&id={taskId}";

        var page = await PageAsync(gaj, "/rectification");
        page.ShouldContain($"id=\"evidence-rectification-{taskId}\"");
        page.ShouldContain($"hx-post=\"{upload}\"");
        page.ShouldContain("单个不超过 20 MB，本整改任务合计不超过 200 MB（已用 1 KB）");
        page.ShouldContain("data-max-bytes=\"20971520\"");

        var done = await HtmxUploadAsync(gaj, "/rectification", upload, EvidenceApiTests.Form(EvidenceTestFiles.Pdf(), "整改报告.pdf", ("note", "盖章版")));
        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        done.Headers.GetValues("HX-Redirect").Single().ShouldBe($"/rectification#task-{taskId}");
        done.Headers.GetValues("HX-Refresh").Single().ShouldBe("true", "the page the form is on is loaded again at the task");
        var alerts = await PageForms.AlertsAsync(gaj, "/rectification");
        alerts.ShouldHaveSingleItem().ShouldStartWith("已上传佐证材料 佐证-");
        var number = Regex.Match(alerts[0], @"佐证-\d{4}-\d{4}").Value;

        // A refusal comes back the same way, as the page's error.
        await HtmxUploadAsync(gaj, "/rectification", upload, EvidenceApiTests.Form(EvidenceTestFiles.SvgWithScript(), "图.png"));
        (await PageForms.AlertsAsync(gaj, "/rectification")).ShouldHaveSingleItem().ShouldContain("SVG 图片");

        var finance = await PageAsync(czj, "/rectification");
        finance.ShouldContain(number);
        finance.ShouldContain("整改报告.pdf");
        finance.ShouldNotContain(upload, Case.Sensitive, "finance verifies; it does not upload");
        (await PageAsync(zfw, "/rectification")).ShouldNotContain(number);

        // Forged posts with a valid token of the forger's own session: another unit's clerk finds nothing, finance may not.
        (await HtmxUploadAsync(zfw, "/rectification", upload, EvidenceApiTests.Form(EvidenceTestFiles.Pdf(), "x.pdf"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await HtmxUploadAsync(czj, "/rectification", upload, EvidenceApiTests.Form(EvidenceTestFiles.Pdf(), "x.pdf"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        int id;
        await using (var db = app.NewDbContext())
        {
            id = await db.EvidenceFiles.Where(e => e.Number == number && e.RectificationTaskId == taskId).Select(e => e.Id).SingleAsync();
        }

        KeyValuePair<string, string>[] Delete(string reason) =>
            [new("id", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("version", "1"), new("reason", reason)];
        (await PageForms.PostAsync(zfw, "/evidence?handler=Delete", Delete("伪造"), "/rectification")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PageForms.PostAsync(czj, "/evidence?handler=Delete", Delete("财政删"), "/rectification")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Without script the form posts its own token; the replacement keeps the number.
        var token = await PageForms.TokenAsync(gaj, "/rectification");
        var replace = EvidenceApiTests.Form(EvidenceTestFiles.Docx(), "整改报告（盖章）.docx", ("version", "1"), ("reason", "换成盖章扫描件"), ("__RequestVerificationToken", token));
        var replaced = await gaj.PostAsync($"/evidence?handler=Replace&id={id}", replace);
        replaced.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        replaced.Headers.Location!.ToString().ShouldBe($"/rectification#task-{taskId}");
        (await PageForms.AlertsAsync(gaj, "/rectification")).ShouldHaveSingleItem().ShouldBe($"已替换佐证材料 {number} 的文件：整改报告（盖章）.docx。");

        (await PageForms.PostAsync(gaj, "/evidence?handler=Delete", [new("id", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("version", "2"), new("reason", "重复上传")], "/rectification"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PageForms.AlertsAsync(gaj, "/rectification")).ShouldHaveSingleItem().ShouldBe($"已删除佐证材料 {number}。");
        (await PageAsync(gaj, "/rectification")).ShouldNotContain(number);

        var history = await PageAsync(czj, $"/projects/{await PoliceProjectAsync(app, 20)}");
        history.ShouldContain($"佐证材料·上传：<strong>{number} 整改报告.pdf（PDF 文件");
        history.ShouldContain("佐证材料·删除：");
        history.ShouldContain("意见：重复上传");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_scored_line_without_evidence_is_marked_until_a_file_is_attached_and_the_report_lists_the_files(string provider)
    {
        var app = apps.Get(provider);
        var projectId = await PoliceProjectAsync(app, 21);
        var gaj = await app.LoginAsync("gaj");
        var evaluation = await JsonOf(await gaj.PostAsJsonAsync($"/api/v1/projects/{projectId}/evaluations", new { kind = "self" }));
        var id = evaluation.GetProperty("id").GetInt32();
        var url = $"/evaluations/{id}";
        Regex.Count(await PageAsync(gaj, url), "无佐证").ShouldBe(0, "nothing is scored yet");

        (await gaj.PutAsJsonAsync($"/api/v1/evaluations/{id}/lines/0", new { actual = "96%", version = evaluation.GetProperty("version").GetInt64() }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PageAsync(gaj, url);
        var line0 = page[page.IndexOf("id=\"evidence-line-0\"", StringComparison.Ordinal)..page.IndexOf("id=\"line-1\"", StringComparison.Ordinal)];
        line0.ShouldContain("no-evidence\" title=\"已评分但没有上传佐证材料\">无佐证</span>");
        line0.ShouldContain("本评价合计不超过 200 MB");

        var done = await HtmxUploadAsync(gaj, url, $"/evidence?handler=Upload&owner=evaluationLine&id={id}&line=0",
            EvidenceApiTests.Form(EvidenceTestFiles.Pdf(), "决算报表.pdf"));
        done.Headers.GetValues("HX-Redirect").Single().ShouldBe($"/evaluations/{id}#line-0");
        page = await PageAsync(gaj, url);
        line0 = page[page.IndexOf("id=\"evidence-line-0\"", StringComparison.Ordinal)..page.IndexOf("id=\"line-1\"", StringComparison.Ordinal)];
        line0.ShouldNotContain("无佐证");
        line0.ShouldContain("决算报表.pdf");
        var number = Regex.Match(line0, @"佐证-\d{4}-\d{4}").Value;
        number.ShouldNotBeEmpty();

        // A line edit swaps the sheet in again: the files stay on it.
        var version = (await JsonOf(await gaj.GetAsync($"/api/v1/evaluations/{id}"))).GetProperty("version").GetInt64();
        var swapped = await PageForms.PostAsync(gaj, $"{url}?handler=Line&line=0",
            [new("actual", "98%"), new("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("changeReason", "按决算更正")], url);
        swapped.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await swapped.Content.ReadAsStringAsync()).ShouldContain(number);

        // The report's annex lists the files of the evaluation with their numbers.
        await using (var db = app.NewDbContext())
        {
            db.ActorOverride = "测试准备";
            var stored = await db.Evaluations.SingleAsync(e => e.Id == id);
            var sheet = Jixiao.Domain.Evaluations.EvaluationSheetJson.Read(stored.SheetJson, "x.json").Sheet!;
            // every other line met, so the report can be written
            var lines = sheet.Indicators.Select((l, i) => i == 0 || l.Target is null ? l : l with
            {
                Actual = new Jixiao.Domain.Evaluations.ActualValue.Measured(Jixiao.Domain.Evaluations.MeasuredValue.Parse(l.Target.Text)),
                Rating = l.Method == Jixiao.Domain.Evaluations.ScoringMethod.Qualitative ? Jixiao.Domain.Evaluations.QualitativeRating.Achieved : l.Rating,
            }).ToList();
            stored.SheetJson = Jixiao.Domain.Evaluations.EvaluationSheetJson.Write(sheet with { Indicators = lines });
            await db.SaveChangesAsync();
        }

        var report = await gaj.GetAsync($"/api/v1/evaluations/{id}/report.docx");
        report.StatusCode.ShouldBe(HttpStatusCode.OK, await report.Content.ReadAsStringAsync());
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await report.Content.ReadAsByteArrayAsync()), false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        text.ShouldContain("佐证材料目录");
        text.ShouldContain(number);
        text.ShouldContain("决算报表.pdf");
        text.ShouldContain("实际完成值");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Finance_issues_a_task_from_a_review_finding_and_from_an_evaluation_finding_and_the_clerk_gets_no_such_form(string provider)
    {
        var app = apps.Get(provider);
        var projectId = await PoliceProjectAsync(app, 22);
        var czj = await app.LoginAsync("czj");
        var gaj = await app.LoginAsync("gaj");

        var review = await PageAsync(czj, $"/projects/{projectId}");
        review.ShouldContain("<details class=\"rectify");
        (await PageAsync(gaj, $"/projects/{projectId}")).ShouldNotContain("<details class=\"rectify");
        var form = Regex.Match(review, "<form method=\"post\" action=\"/rectification\\?handler=Create\".*?</form>", RegexOptions.Singleline).Value;
        string Field(string name) => Regex.Match(form, $"name=\"{name}\" value=\"([^\"]*)\"").Groups[1].Value;
        Field("source").ShouldBe("review");
        var code = Field("findingCode");
        code.ShouldStartWith("REV");
        var created = await PageForms.PostAsync(czj, "/rectification?handler=Create",
            [new("projectId", Field("projectId")), new("source", "review"), new("findingCode", code), new("findingMessage", Field("findingMessage")),
                new("findingWhere", Field("findingWhere")), new("reason", "目标审核意见须整改")], $"/projects/{projectId}");
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        created.Headers.Location!.ToString().ShouldStartWith("/rectification#task-");

        var evaluation = await JsonOf(await gaj.PostAsJsonAsync($"/api/v1/projects/{projectId}/evaluations", new { kind = "self" }));
        var sheet = await PageAsync(czj, $"/evaluations/{evaluation.GetProperty("id").GetInt32()}");
        var evaluationForm = Regex.Match(sheet, "<form method=\"post\" action=\"/rectification\\?handler=Create\".*?</form>", RegexOptions.Singleline).Value;
        evaluationForm.ShouldContain("name=\"source\" value=\"evaluation\"");
        evaluationForm.ShouldContain("name=\"findingCode\" value=\"EVA");
        (await PageAsync(gaj, $"/evaluations/{evaluation.GetProperty("id").GetInt32()}")).ShouldNotContain("handler=Create");

        await using var db = app.NewDbContext();
        var task = await db.RectificationTasks.OrderByDescending(t => t.Id).FirstAsync(t => t.ProjectId == projectId);
        (task.Source, task.FindingCode).ShouldBe((Jixiao.Domain.Rectification.RectificationSource.Review, code));
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_red_project_on_the_monitoring_round_page_offers_finance_a_rectification_task(string provider)
    {
        var app = apps.Get(provider);
        const int year = 2047;
        int projectId;
        await using (var db = app.NewDbContext())
        {
            db.ActorOverride = "测试准备";
            var project = await db.Projects.Where(p => p.Unit!.Name == DemoSetup.PoliceUnit).OrderBy(p => p.Id).Skip(23).FirstAsync();
            project.Status = Jixiao.Domain.Reviews.ReviewStatus.Approved;
            project.FiscalYear = year;
            project.TotalFen = 100_000_000;
            await db.SaveChangesAsync();
            projectId = project.Id;
        }

        var czj = await app.LoginAsync("czj");
        var round = await JsonOf(await czj.PostAsJsonAsync("/api/v1/monitoring/rounds", new { fiscalYear = year, deadline = $"{year}-08-15" }));
        var roundId = round.GetProperty("round").GetProperty("id").GetInt32();
        var entryId = round.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("projectId").GetInt32() == projectId).GetProperty("entryId").GetInt32();
        var gaj = await app.LoginAsync("gaj");
        (await gaj.PutAsJsonAsync($"/api/v1/monitoring/entries/{entryId}", new { version = 0L, executedFen = 10_000_000L })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var page = await PageAsync(czj, $"/monitoring/{roundId}");
        var form = Regex.Match(page, "<form method=\"post\" action=\"/rectification\\?handler=Create\".*?</form>", RegexOptions.Singleline).Value;
        form.ShouldContain($"name=\"projectId\" value=\"{projectId}\"");
        form.ShouldContain("name=\"findingCode\" value=\"红灯\"");
        form.ShouldContain("name=\"findingMessage\" value=\"运行监控红灯。预算执行：");
        form.ShouldContain($"name=\"findingWhere\" value=\"{year} 年 1–7月 运行监控\"");
        (await PageAsync(gaj, $"/monitoring/{roundId}")).ShouldNotContain("handler=Create");
    }
}
