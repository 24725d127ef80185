using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jixiao.App.Demo;
using Jixiao.Data.Entities;
using Jixiao.Domain.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

/// <summary>
/// 佐证材料 through the API, per role, on both databases: the police clerk (gaj) attaches files to a 整改 task, an
/// evaluation line and a 纠偏 answer, replaces and deletes them with reasons; finance (czj) and the expert see them but
/// may not change them (403); the 政法委 clerk (zfw) finds nothing — every forged id of an owner or a file is 404.
/// Downloads are attachments of the sniffed type with nosniff; every change is an audit line.
/// </summary>
public sealed partial class EvidenceApiTests(SeededApps apps) : IClassFixture<SeededApps>
{
    [GeneratedRegex(@"^佐证-\d{4}-(\d{4})$")]
    private static partial Regex NumberPattern();

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    private static async Task<int> PoliceProjectAsync(TestApp app, int nth)
    {
        await using var db = app.NewDbContext();
        return await db.Projects.Where(p => p.Unit!.Name == DemoSetup.PoliceUnit).OrderBy(p => p.Id).Skip(nth).Select(p => p.Id).FirstAsync();
    }

    internal static MultipartFormDataContent Form(byte[] content, string fileName, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return form;
    }

    /// <summary>A 整改 task issued by finance to the police unit on its <paramref name="nth"/> project.</summary>
    internal static async Task<int> TaskAsync(TestApp app, int nth)
    {
        var czj = await app.LoginAsync("czj");
        var created = await czj.PostAsJsonAsync("/api/v1/rectification", new
        {
            projectId = await PoliceProjectAsync(app, nth), source = "evaluation", findingCode = "EVA004", findingMessage = "未达目标而未说明偏差原因",
            findingWhere = "产出指标", reason = "评价发现",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await JsonOf(created)).GetProperty("id").GetInt32();
    }

    private static async Task<IReadOnlyList<AuditEntry>> AuditAsync(TestApp app, int evidenceId)
    {
        await using var db = app.NewDbContext();
        return await db.AuditLog.Where(a => a.Entity == "evidence" && a.EntityId == evidenceId).OrderBy(a => a.Id).ToListAsync();
    }

    private static IEnumerable<string> StoredFiles(TestApp app) =>
        Directory.Exists(app.EvidenceFolder) ? Directory.EnumerateFiles(app.EvidenceFolder, "*", SearchOption.AllDirectories) : [];

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_clerk_attaches_replaces_and_deletes_a_task_file_others_see_it_or_find_nothing_and_each_step_is_audited(string provider)
    {
        var app = apps.Get(provider);
        var taskId = await TaskAsync(app, 10);
        var gaj = await app.LoginAsync("gaj");
        var czj = await app.LoginAsync("czj");
        var zfw = await app.LoginAsync("zfw");
        var expert = await app.LoginAsync("zhuanjia");
        var upload = $"/api/v1/rectification/{taskId}/evidence";
        var pdf = EvidenceTestFiles.Pdf();

        (await czj.PostAsync(upload, Form(pdf, "验收报告.pdf"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "finance verifies, the unit supplies the evidence");
        (await expert.PostAsync(upload, Form(pdf, "验收报告.pdf"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await zfw.PostAsync(upload, Form(pdf, "验收报告.pdf"))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another unit's task is not there for its clerk");
        (await gaj.PostAsync("/api/v1/rectification/999999/evidence", Form(pdf, "验收报告.pdf"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var created = await gaj.PostAsync(upload, Form(pdf, "验收报告.pdf", ("note", "第三方验收报告")));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var file = await JsonOf(created);
        var id = file.GetProperty("id").GetInt32();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/evidence/{id}");
        var number = file.GetProperty("number").GetString()!;
        NumberPattern().IsMatch(number).ShouldBeTrue(number);
        file.GetProperty("fileName").GetString().ShouldBe("验收报告.pdf");
        file.GetProperty("fileType").GetString().ShouldBe("pdf");
        file.GetProperty("sizeBytes").GetInt64().ShouldBe(pdf.Length);
        file.GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)));
        file.GetProperty("taskId").GetInt32().ShouldBe(taskId);
        file.GetProperty("version").GetInt64().ShouldBe(1);

        var second = await JsonOf(await gaj.PostAsync(upload, Form(EvidenceTestFiles.Png(), "现场照片.png")));
        var secondNumber = second.GetProperty("number").GetString()!;
        int.Parse(NumberPattern().Match(secondNumber).Groups[1].Value).ShouldBe(int.Parse(NumberPattern().Match(number).Groups[1].Value) + 1,
            "numbered in the order of upload within the unit's year");

        // Seen by the unit and by finance, with the limits; the 政法委 clerk finds neither the task's files nor the file.
        var panel = await JsonOf(await czj.GetAsync(upload));
        panel.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("number").GetString()).ShouldBe([number, secondNumber]);
        panel.GetProperty("canChange").GetBoolean().ShouldBeFalse();
        panel.GetProperty("refusal").GetString()!.ShouldContain("责任单位的填报人");
        (await JsonOf(await gaj.GetAsync(upload))).GetProperty("canChange").GetBoolean().ShouldBeTrue();
        (await gaj.GetAsync(upload)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await zfw.GetAsync(upload)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreach (var forged in new[] { $"/api/v1/evidence/{id}", $"/api/v1/evidence/{id}/file" })
        {
            (await zfw.GetAsync(forged)).StatusCode.ShouldBe(HttpStatusCode.NotFound, forged);
        }

        (await zfw.PutAsync($"/api/v1/evidence/{id}/file", Form(pdf, "x.pdf", ("reason", "伪造"), ("version", "1")))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await zfw.SendAsync(Delete(id, "伪造", 1))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await czj.SendAsync(Delete(id, "财政删除", 1))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The download: an attachment of the sniffed type, the Chinese name in filename*, never to be sniffed or rendered.
        var download = await czj.GetAsync($"/api/v1/evidence/{id}/file");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("验收报告.pdf");
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        download.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("sandbox");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);

        // Replace: the same number, a new file; a stale version or no reason is refused.
        var docx = EvidenceTestFiles.Docx();
        (await gaj.PutAsync($"/api/v1/evidence/{id}/file", Form(docx, "措施说明.docx", ("reason", "换成盖章版"), ("version", "7")))).StatusCode
            .ShouldBe(HttpStatusCode.Conflict);
        (await gaj.PutAsync($"/api/v1/evidence/{id}/file", Form(docx, "措施说明.docx", ("version", "1")))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var replaced = await gaj.PutAsync($"/api/v1/evidence/{id}/file", Form(docx, "措施说明.docx", ("reason", "换成盖章版"), ("version", "1")));
        replaced.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await JsonOf(replaced);
        (after.GetProperty("number").GetString(), after.GetProperty("fileType").GetString(), after.GetProperty("fileName").GetString(), after.GetProperty("version").GetInt64())
            .ShouldBe((number, "docx", "措施说明.docx", 2L));
        (await (await gaj.GetAsync($"/api/v1/evidence/{id}/file")).Content.ReadAsByteArrayAsync()).ShouldBe(docx);

        // Delete: with a reason; the number stays taken, the file is gone from the list, the download and the disk.
        (await gaj.SendAsync(Delete(id, " ", 2))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await gaj.SendAsync(Delete(id, "上传错了", 2))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await gaj.GetAsync($"/api/v1/evidence/{id}/file")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await gaj.SendAsync(Delete(id, "再删", 3))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await JsonOf(await gaj.GetAsync(upload))).GetProperty("files").EnumerateArray().Select(f => f.GetProperty("number").GetString()).ShouldBe([secondNumber]);
        await using (var db = app.NewDbContext())
        {
            var row = await db.EvidenceFiles.SingleAsync(e => e.Id == id);
            (row.DeleteReason, row.DeletedBy).ShouldBe(("上传错了", "公安分局填报员"));
            StoredFiles(app).Select(Path.GetFileName).ShouldNotContain(row.StorageKey);
        }

        var audit = await AuditAsync(app, id);
        audit.Select(a => a.Field).ShouldBe(["created", "file", "deleted"]);
        audit[0].NewValue!.ShouldStartWith($"{number} 验收报告.pdf（PDF 文件，");
        audit[0].NewValue!.ShouldContain($"附于整改任务 {taskId}（EVA004）的整改措施");
        audit[0].Reason.ShouldBe("第三方验收报告");
        audit[1].OldValue!.ShouldStartWith("验收报告.pdf（PDF 文件");
        audit[1].NewValue!.ShouldStartWith("措施说明.docx（Word 文档");
        audit[1].Reason.ShouldBe("换成盖章版");
        (audit[2].NewValue, audit[2].Reason).ShouldBe(("已删除", "上传错了"));
        audit.ShouldAllBe(a => a.Actor == "公安分局填报员" && a.ProjectId == file.GetProperty("projectId").GetInt32());

        // Once the measures are submitted the files stand still until the reviewer sends them back.
        (await gaj.PutAsJsonAsync($"/api/v1/rectification/{taskId}/measures", new { measures = "已补充说明", version = 1L })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var frozen = await gaj.PostAsync(upload, Form(pdf, "补充.pdf"));
        frozen.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await JsonOf(frozen)).GetProperty("detail").GetString()!.ShouldContain("等待验收");
    }

    private static HttpRequestMessage Delete(int id, string reason, long version) =>
        new(HttpMethod.Delete, $"/api/v1/evidence/{id}") { Content = JsonContent.Create(new { reason, version }) };

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Evaluation_lines_take_files_from_the_evaluator_and_the_unit_and_a_scored_line_without_one_is_marked(string provider)
    {
        var app = apps.Get(provider);
        var projectId = await PoliceProjectAsync(app, 11);
        var gaj = await app.LoginAsync("gaj");
        var czj = await app.LoginAsync("czj");
        var zfw = await app.LoginAsync("zfw");
        var evaluation = await JsonOf(await gaj.PostAsJsonAsync($"/api/v1/projects/{projectId}/evaluations", new { kind = "self" }));
        var id = evaluation.GetProperty("id").GetInt32();
        var items = evaluation.GetProperty("scored").GetProperty("items").EnumerateArray().ToList();
        const int line = 0; // 预算执行率, on every 单位自评
        items[line].GetProperty("name").GetString().ShouldBe("预算执行率");
        (await gaj.PutAsJsonAsync($"/api/v1/evaluations/{id}/lines/{line}", new { actual = "96%", version = evaluation.GetProperty("version").GetInt64() }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var marks = await JsonOf(await gaj.GetAsync($"/api/v1/evaluations/{id}/evidence"));
        var mark = marks.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("line").GetInt32() == line);
        (mark.GetProperty("scored").GetBoolean(), mark.GetProperty("files").GetInt32(), mark.GetProperty("withoutEvidence").GetBoolean()).ShouldBe((true, 0, true));

        var url = $"/api/v1/evaluations/{id}/lines/{line}/evidence";
        (await czj.PostAsync(url, Form(EvidenceTestFiles.Pdf(), "a.pdf"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a reviewer does not score a 单位自评");
        (await zfw.PostAsync(url, Form(EvidenceTestFiles.Pdf(), "a.pdf"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await zfw.GetAsync($"/api/v1/evaluations/{id}/evidence")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await gaj.PostAsync($"/api/v1/evaluations/{id}/lines/999/evidence", Form(EvidenceTestFiles.Pdf(), "a.pdf"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await gaj.PostAsync(url, Form(EvidenceTestFiles.Pdf(), "a.pdf", ("subject", "照片")))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var created = await gaj.PostAsync(url, Form(EvidenceTestFiles.Png(), "台账截图.png"));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var file = await JsonOf(created);
        (file.GetProperty("line").GetInt32(), file.GetProperty("subject").GetString(), file.GetProperty("lineName").GetString())
            .ShouldBe((line, "actual", "预算执行率"));
        var deduction = await JsonOf(await gaj.PostAsync(url, Form(EvidenceTestFiles.Pdf(), "扣分依据.pdf", ("subject", "deduction"))));
        deduction.GetProperty("subjectText").GetString().ShouldBe("扣分依据");

        marks = await JsonOf(await czj.GetAsync($"/api/v1/evaluations/{id}/evidence"));
        marks.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("line").GetInt32() == line).GetProperty("withoutEvidence").GetBoolean().ShouldBeFalse();
        marks.GetProperty("panel").GetProperty("files").GetArrayLength().ShouldBe(2);
        (await czj.GetAsync($"/api/v1/evidence/{file.GetProperty("id").GetInt32()}/file")).StatusCode.ShouldBe(HttpStatusCode.OK, "the reviewer of the unit reads it");

        // A locked evaluation's files no longer change.
        await using (var db = app.NewDbContext())
        {
            db.ActorOverride = "测试准备";
            (await db.Evaluations.SingleAsync(e => e.Id == id)).Status = EvaluationStatus.Locked;
            await db.SaveChangesAsync();
        }

        var locked = await gaj.PostAsync(url, Form(EvidenceTestFiles.Pdf(), "b.pdf"));
        locked.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await JsonOf(locked)).GetProperty("detail").GetString()!.ShouldContain("已提交锁定");
        (await gaj.SendAsync(Delete(file.GetProperty("id").GetInt32(), "删", 1))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_correction_answer_takes_the_red_units_files_until_it_is_answered(string provider)
    {
        var app = apps.Get(provider);
        var projectId = await PoliceProjectAsync(app, 12);
        int correctionId;
        await using (var db = app.NewDbContext())
        {
            db.ActorOverride = "测试准备";
            var round = new MonitoringRoundEntity
            {
                FiscalYear = 2046, StartMonth = 1, EndMonth = 7, Kind = MonitoringRoundKind.MidYear, Deadline = new DateOnly(2046, 8, 15), OpenedById = "x",
                OpenedByName = "财政局审核员", OpenedAt = DateTimeOffset.UtcNow,
            };
            var entry = new MonitoringEntryEntity { Round = round, ProjectId = projectId, ExecutedFen = 10_000_000, Status = MonitoringEntryStatus.Submitted };
            var correction = new MonitoringCorrectionEntity
            {
                Round = round, Entry = entry, ProjectId = projectId, RedReason = "预算执行率 10%，低于序时进度", RequestedOn = new DateOnly(2046, 8, 20),
                Deadline = new DateOnly(2046, 9, 3), RequestedBy = "财政局审核员", RequestedAt = DateTimeOffset.UtcNow, Status = CorrectionStatus.Awaiting, Version = 1,
            };
            db.MonitoringCorrections.Add(correction);
            await db.SaveChangesAsync();
            correctionId = correction.Id;
        }

        var gaj = await app.LoginAsync("gaj");
        var url = $"/api/v1/monitoring/corrections/{correctionId}/evidence";
        (await (await app.LoginAsync("czj")).PostAsync(url, Form(EvidenceTestFiles.Pdf(), "a.pdf"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await app.LoginAsync("zfw")).PostAsync(url, Form(EvidenceTestFiles.Pdf(), "a.pdf"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var created = await gaj.PostAsync(url, Form(EvidenceTestFiles.Pdf(), "调剂申请.pdf"));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await JsonOf(created)).GetProperty("correctionId").GetInt32().ShouldBe(correctionId);
        (await JsonOf(await gaj.GetAsync(url))).GetProperty("files").GetArrayLength().ShouldBe(1);

        // The 纠偏 page: the clerk's row has the upload form, finance's shows the file only.
        var upload = $"/evidence?handler=Upload&owner=correction&id={correctionId}";
        var clerkPage = System.Net.WebUtility.HtmlDecode(await gaj.GetStringAsync("/monitoring/corrections"));
        clerkPage.ShouldContain($"id=\"evidence-correction-{correctionId}\"");
        clerkPage.ShouldContain(upload);
        clerkPage.ShouldContain("本纠偏事项合计不超过 200 MB");
        var financePage = System.Net.WebUtility.HtmlDecode(await (await app.LoginAsync("czj")).GetStringAsync("/monitoring/corrections"));
        financePage.ShouldContain("调剂申请.pdf");
        financePage.ShouldNotContain(upload);

        (await gaj.PostAsJsonAsync($"/api/v1/monitoring/corrections/{correctionId}/answer", new { version = 1L, decision = "continue", reason = "下半年集中支付" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gaj.PostAsync(url, Form(EvidenceTestFiles.Pdf(), "b.pdf"))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Hostile_files_are_refused_with_a_message_saying_what_they_are_and_nothing_is_kept(string provider)
    {
        var app = apps.Get(provider);
        var taskId = await TaskAsync(app, 13);
        var gaj = await app.LoginAsync("gaj");
        var url = $"/api/v1/rectification/{taskId}/evidence";
        async Task<string> Refused(HttpContent form, HttpStatusCode status)
        {
            var response = await gaj.PostAsync(url, form);
            response.StatusCode.ShouldBe(status);
            return (await JsonOf(response)).GetProperty("detail").GetString()!;
        }

        (await Refused(Form(EvidenceTestFiles.HtmlPage(), "验收报告.pdf"), HttpStatusCode.BadRequest)).ShouldSatisfyAllConditions(
            m => m.ShouldContain("“验收报告.pdf”的内容是网页（HTML"), m => m.ShouldContain("改扩展名没有用"));
        (await Refused(Form(EvidenceTestFiles.SvgWithScript(), "图.svg"), HttpStatusCode.BadRequest)).ShouldContain("SVG 图片");
        (await Refused(Form(EvidenceTestFiles.Svg(), "图.png"), HttpStatusCode.BadRequest)).ShouldContain("SVG 图片");
        (await Refused(Form(EvidenceTestFiles.ZipBombDocx(), "说明.docx"), HttpStatusCode.BadRequest)).ShouldContain("疑似压缩炸弹");
        (await Refused(Form(EvidenceTestFiles.Pdf(), "../../x.pdf"), HttpStatusCode.BadRequest)).ShouldContain("含有路径");
        (await Refused(Form(EvidenceTestFiles.Pdf(), "..\\..\\x.pdf"), HttpStatusCode.BadRequest)).ShouldContain("含有路径");
        (await Refused(Form([], "空.pdf"), HttpStatusCode.BadRequest)).ShouldContain("是空的");

        // 200 MB: refused by its declared length before a byte of it is read.
        var big = new StreamContent(new GeneratedStream(200L * 1024 * 1024));
        var bigForm = new MultipartFormDataContent { { big, "file", "扫描件.pdf" } };
        (await Refused(bigForm, HttpStatusCode.RequestEntityTooLarge)).ShouldContain("超过 20 MB");

        await using var db = app.NewDbContext();
        (await db.EvidenceFiles.CountAsync(e => e.RectificationTaskId == taskId)).ShouldBe(0);
        (await db.AuditLog.CountAsync(a => a.Entity == "evidence" && a.NewValue!.Contains($"整改任务 {taskId}（"))).ShouldBe(0);
        Directory.EnumerateFiles(Path.Combine(app.EvidenceFolder, "tmp")).ShouldBeEmpty("a refused upload leaves no temp file");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_limits_are_configured_a_file_streamed_past_one_is_cut_off_and_the_total_counts_every_file(string provider)
    {
        using var app = new TestApp(provider, seed: true, settings: new Dictionary<string, string>
        {
            ["Jixiao:Evidence:MaxFileMegabytes"] = "1", ["Jixiao:Evidence:MaxTotalMegabytes"] = "2",
        });
        var taskId = await TaskAsync(app, 0);
        var gaj = await app.LoginAsync("gaj");
        var url = $"/api/v1/rectification/{taskId}/evidence";
        byte[] Pdf(int kilobytes) => [.. EvidenceTestFiles.Pdf(), .. new byte[kilobytes * 1024 - EvidenceTestFiles.Pdf().Length]];

        // No declared length (chunked): the counting limit stops the copy one byte past 1 MB.
        var chunked = new MultipartFormDataContent { { new StreamContent(new GeneratedStream(1536 * 1024)), "file", "大.pdf" } };
        chunked.Headers.ContentLength = null;
        var refused = await gaj.SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = chunked, Headers = { TransferEncodingChunked = true } });
        refused.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await JsonOf(refused)).GetProperty("detail").GetString()!.ShouldContain("超过 1 MB");

        (await gaj.PostAsync(url, Form(Pdf(900), "一.pdf"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await gaj.PostAsync(url, Form(Pdf(900), "二.pdf"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var third = await gaj.PostAsync(url, Form(Pdf(900), "三.pdf"));
        third.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await JsonOf(third)).GetProperty("detail").GetString()!.ShouldContain("本整改任务的佐证材料合计不能超过 2 MB");
        var panel = await JsonOf(await gaj.GetAsync(url));
        panel.GetProperty("files").GetArrayLength().ShouldBe(2);
        panel.GetProperty("usedBytes").GetInt64().ShouldBe(1800 * 1024);
        Directory.EnumerateFiles(Path.Combine(app.EvidenceFolder, "tmp")).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_recheck_of_a_stored_self_evaluation_knows_its_files_and_the_district_rule_scores_a_line_without_any_zero(string provider)
    {
        var rules = System.Text.Json.Nodes.JsonNode.Parse(Jixiao.Domain.Data.EmbeddedData.Text("recheck-rules-10hao.json"))!;
        rules["name"] = "某区";
        rules["markDowns"]!["noEvidence"]!["enabled"] = true;
        var file = Path.Combine(Path.GetTempPath(), $"jixiao-recheck-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, rules.ToJsonString());
        try
        {
            using var app = new TestApp(provider, seed: true, settings: new Dictionary<string, string> { ["Jixiao:RecheckRules"] = file });
            var gaj = await app.LoginAsync("gaj");
            var projectId = await PoliceProjectAsync(app, 1);
            var evaluation = await JsonOf(await gaj.PostAsJsonAsync($"/api/v1/projects/{projectId}/evaluations", new { kind = "self" }));
            var id = evaluation.GetProperty("id").GetInt32();
            (await gaj.PutAsJsonAsync($"/api/v1/evaluations/{id}/lines/0", new { actual = "96%", version = evaluation.GetProperty("version").GetInt64() }))
                .StatusCode.ShouldBe(HttpStatusCode.OK);

            var before = await JsonOf(await gaj.GetAsync($"/api/v1/evaluations/{id}/recheck"));
            before.GetProperty("rules").GetString().ShouldBe("某区");
            var line = before.GetProperty("lines")[0];
            (line.GetProperty("statedScore").GetDecimal(), line.GetProperty("score").GetDecimal(), line.GetProperty("evidenceFiles").GetInt32()).ShouldBe((9.6m, 0m, 0));
            line.GetProperty("markDowns").ToString().ShouldContain("\"kind\":\"NoEvidence\"");

            (await gaj.PostAsync($"/api/v1/evaluations/{id}/lines/0/evidence", Form(EvidenceTestFiles.Pdf(), "决算报表.pdf"))).StatusCode.ShouldBe(HttpStatusCode.Created);
            line = (await JsonOf(await gaj.GetAsync($"/api/v1/evaluations/{id}/recheck"))).GetProperty("lines")[0];
            (line.GetProperty("score").GetDecimal(), line.GetProperty("evidenceFiles").GetInt32()).ShouldBe((9.6m, 1));
            line.GetProperty("markDowns").ToString().ShouldNotContain("NoEvidence");

            (await (await app.LoginAsync("zfw")).GetAsync($"/api/v1/evaluations/{id}/recheck")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            var czj = await app.LoginAsync("czj");
            var department = await JsonOf(await czj.PostAsJsonAsync($"/api/v1/projects/{projectId}/evaluations", new { kind = "department" }));
            (await czj.GetAsync($"/api/v1/evaluations/{department.GetProperty("id").GetInt32()}/recheck")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
