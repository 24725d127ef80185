using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using static Jixiao.Web.Tests.Rechecks.RecheckFiles;

namespace Jixiao.Web.Tests.Rechecks;

/// <summary>
/// /api/v1/rechecks per role: the reviewer (czj) uploads a zip of Chinese-Windows names, the host's worker rechecks it,
/// the reviewer lists, sorts and filters the result, overrides a line (audited; total and grade follow) and downloads
/// both files; the admin sees every batch; a clerk (gaj) and the expert are refused (403); another's batch and forged
/// evaluation ids are not found (404).
/// </summary>
public sealed class RecheckApiTests
{
    static RecheckApiTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    private static MultipartFormDataContent Form(params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }

        return form;
    }

    /// <summary>Waits (polling the API) until the host's worker has ended every file of the batch.</summary>
    private static async Task<JsonElement> FinishedAsync(HttpClient client, int id)
    {
        for (var i = 0; i < 600; i++)
        {
            var progress = await JsonOf(await client.GetAsync($"/api/v1/rechecks/{id}/progress"));
            if (progress.GetProperty("progress").GetProperty("finished").GetBoolean())
            {
                return progress;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Batch {id} did not finish in a minute.");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_reviewer_uploads_a_zip_the_worker_rechecks_it_and_the_reviewer_overrides_a_line(string provider)
    {
        using var app = new TestApp(provider, seed: false, settings: new Dictionary<string, string> { ["Jixiao:Recheck:PollSeconds"] = "0.2" });
        var czj = await app.LoginAsync("czj");
        var zip = RecheckUploadsTests.Zip(Encoding.GetEncoding("GB18030"),
            ("隆阳区/12-自评表.txt", Corpus("12-self-evaluation.txt")), ("村级补助/14-自评表.txt", Corpus("14-self-evaluation.txt")),
            ("内层.zip", RecheckUploadsTests.Zip(null, ("x.txt", Corpus("16-self-evaluation.txt")))), ("../外面.txt", Corpus("16-self-evaluation.txt")));

        var created = await czj.PostAsync("/api/v1/rechecks", Form(("各单位自评.zip", zip), ("坏文件.txt", Encoding.UTF8.GetBytes("这不是自评表\n"))));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await JsonOf(created)).GetProperty("id").GetInt32();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/rechecks/{id}");
        var finished = await FinishedAsync(czj, id);
        finished.GetProperty("progress").GetProperty("done").GetInt32().ShouldBe(2);
        finished.GetProperty("progress").GetProperty("failed").GetInt32().ShouldBe(1);

        var batch = await JsonOf(await czj.GetAsync($"/api/v1/rechecks/{id}"));
        batch.GetProperty("files").EnumerateArray().Select(f => (f.GetProperty("fileName").GetString(), f.GetProperty("state").GetString())).ShouldBe(
            [("隆阳区/12-自评表.txt", "done"), ("村级补助/14-自评表.txt", "done"), ("坏文件.txt", "failed")]);
        var notes = batch.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        notes.ShouldContain("“各单位自评.zip：内层.zip”：压缩包中的压缩包不展开，请解压后单独上传，未复核。");
        notes.ShouldContain(n => n.StartsWith("“各单位自评.zip：../外面.txt”：路径不安全", StringComparison.Ordinal));
        var rows = batch.GetProperty("rows").EnumerateArray().ToList();
        rows.Select(r => (r.GetProperty("unit").GetString(), r.GetProperty("total").GetDecimal(), r.GetProperty("gradeChange").GetString()))
            .ShouldBe([("隆阳区土壤肥料工作站", 59m, "中 → 差"), (rows[1].GetProperty("unit").GetString(), 76m, "中（不变）")]);
        rows[0].GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("check").GetString()).ShouldContain("execution-score");

        var sorted = await JsonOf(await czj.GetAsync($"/api/v1/rechecks/{id}?sort=total&desc=true"));
        sorted.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("total").GetDecimal()).ShouldBe([76m, 59m]);
        var filtered = await JsonOf(await czj.GetAsync($"/api/v1/rechecks/{id}?q={Uri.EscapeDataString("隆阳")}"));
        filtered.GetProperty("rows").GetArrayLength().ShouldBe(1);
        var changed = await JsonOf(await czj.GetAsync($"/api/v1/rechecks/{id}?changed=true"));
        changed.GetProperty("rows").EnumerateArray().Single().GetProperty("total").GetDecimal().ShouldBe(59m);

        // 14: the 效益 line "对保障村(社区)两委机构正常运行的影响程度" is held at 8 of 10 ("效果明显"); the reviewer puts 6.
        var evaluationId = rows[1].GetProperty("id").GetInt32();
        var url = $"/api/v1/rechecks/{id}/evaluations/{evaluationId}";
        var evaluation = await JsonOf(await czj.GetAsync(url));
        var line = evaluation.GetProperty("lines").EnumerateArray().First(l => l.GetProperty("name").GetString() == "对保障村(社区)两委机构正常运行的影响程度");
        var n = line.GetProperty("line").GetInt32();
        line.GetProperty("score").GetDecimal().ShouldBe(8);
        evaluation.GetProperty("version").GetInt64().ShouldBe(1);

        (await czj.PutAsJsonAsync($"{url}/lines/{n}", new { score = 6, reason = "", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await czj.PutAsJsonAsync($"{url}/lines/{n}", new { score = 11, reason = "多给", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await czj.PutAsJsonAsync($"{url}/lines/999", new { score = 1, reason = "x", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await czj.PutAsJsonAsync($"{url}/lines/{n}", new { score = 6, reason = "x", version = 7 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await JsonOf(await czj.PutAsJsonAsync($"{url}/lines/{n}", new { score = 11, reason = "多给", version = 1 }));
        problem.GetProperty("detail").GetString().ShouldBe($"第 {n + 1} 行“对保障村(社区)两委机构正常运行的影响程度”：复核得分 11 不在 0–10 分之间（该行分值 10 分）。");

        var overridden = await czj.PutAsJsonAsync($"{url}/lines/{n}", new { score = 6, reason = "抽查两委会议记录不全", version = 1 });
        overridden.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await JsonOf(overridden);
        after.GetProperty("total").GetDecimal().ShouldBe(74);
        after.GetProperty("ruleTotal").GetDecimal().ShouldBe(76);
        after.GetProperty("version").GetInt64().ShouldBe(2);
        var decided = after.GetProperty("lines")[n];
        (decided.GetProperty("score").GetDecimal(), decided.GetProperty("ruleScore").GetDecimal()).ShouldBe((6m, 8m));
        decided.GetProperty("decision").GetProperty("reason").GetString().ShouldBe("抽查两委会议记录不全");
        var accepted = await JsonOf(await czj.PutAsJsonAsync($"{url}/lines/0", new { score = (decimal?)null, reason = (string?)null, version = 2 }));
        accepted.GetProperty("lines")[0].GetProperty("decision").GetProperty("accepted").GetBoolean().ShouldBeTrue();
        accepted.GetProperty("total").GetDecimal().ShouldBe(74);
        (await JsonOf(await czj.GetAsync($"/api/v1/rechecks/{id}"))).GetProperty("rows")[1].GetProperty("total").GetDecimal().ShouldBe(74, "the list follows");

        await using (var db = app.NewDbContext())
        {
            var audit = await db.AuditLog.Where(a => a.Entity == "recheck" && a.EntityId == evaluationId).OrderBy(a => a.Id).ToListAsync();
            audit.Select(a => (a.Field, a.OldValue, a.NewValue, a.Reason)).ShouldBe(
            [
                ("line", $"第 {n + 1} 行“对保障村(社区)两委机构正常运行的影响程度”：复核 8 分（未确认）", $"第 {n + 1} 行“对保障村(社区)两委机构正常运行的影响程度”：改为 6 分", "抽查两委会议记录不全"),
                ("total", "76 分 / 中", "74 分 / 中", "抽查两委会议记录不全"),
                ("line", $"第 1 行“{FirstName(accepted)}”：复核 {Points(accepted.GetProperty("lines")[0].GetProperty("ruleScore").GetDecimal())} 分（未确认）",
                    $"第 1 行“{FirstName(accepted)}”：确认复核 {Points(accepted.GetProperty("lines")[0].GetProperty("ruleScore").GetDecimal())} 分", "复核人确认复核得分"),
            ]);
            audit.ShouldAllBe(a => a.Actor == "财政局审核员");
            (await db.AuditLog.CountAsync(a => a.Entity == "recheckBatch" && a.EntityId == id && a.Field == "created")).ShouldBe(1);
        }

        var xlsx = await czj.GetAsync($"/api/v1/rechecks/{id}/workbook.xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            workbook.WorkbookPart!.Workbook!.Sheets!.ChildElements.Count.ShouldBe(3, "汇总 and one sheet per evaluation");
        }

        var docx = await czj.GetAsync($"/api/v1/rechecks/{id}/report.docx");
        docx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var report = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var text = report.MainDocumentPart!.Document!.Body!.InnerText;
            text.ShouldContain("自评复核报告");
            text.ShouldContain("预算执行率得分有误");
            text.ShouldContain("抽查两委会议记录不全");
            text.ShouldContain("坏文件.txt");
        }

        // Other roles and owners.
        var gaj = await app.LoginAsync("gaj");
        var zhuanjia = await app.LoginAsync("zhuanjia");
        var admin = await app.LoginAsync("admin");
        (await gaj.GetAsync("/api/v1/rechecks")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await gaj.GetAsync($"/api/v1/rechecks/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await gaj.PostAsync("/api/v1/rechecks", Form(("16.txt", Corpus("16-self-evaluation.txt"))))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await zhuanjia.PutAsJsonAsync($"{url}/lines/{n}", new { score = 1, reason = "x", version = 3 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await zhuanjia.GetAsync($"/api/v1/rechecks/{id}/report.docx")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await JsonOf(await admin.GetAsync("/api/v1/rechecks"))).EnumerateArray().ShouldContain(b => b.GetProperty("id").GetInt32() == id);
        (await admin.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var mine = await admin.PostAsync("/api/v1/rechecks", Form(("16.txt", Corpus("16-self-evaluation.txt"))));
        var adminBatch = (await JsonOf(mine)).GetProperty("id").GetInt32();
        await FinishedAsync(admin, adminBatch);
        var adminEvaluation = (await JsonOf(await admin.GetAsync($"/api/v1/rechecks/{adminBatch}"))).GetProperty("rows")[0].GetProperty("id").GetInt32();
        (await JsonOf(await czj.GetAsync("/api/v1/rechecks"))).EnumerateArray().ShouldNotContain(b => b.GetProperty("id").GetInt32() == adminBatch);
        (await czj.GetAsync($"/api/v1/rechecks/{adminBatch}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await czj.GetAsync($"/api/v1/rechecks/{adminBatch}/workbook.xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await czj.GetAsync($"/api/v1/rechecks/{adminBatch}/evaluations/{adminEvaluation}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await czj.PutAsJsonAsync($"/api/v1/rechecks/{adminBatch}/evaluations/{adminEvaluation}/lines/0", new { score = 1, reason = "伪造", version = 1 }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // an evaluation of another batch under one's own batch's id
        (await czj.GetAsync($"/api/v1/rechecks/{id}/evaluations/{adminEvaluation}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await czj.PutAsJsonAsync($"/api/v1/rechecks/{id}/evaluations/{adminEvaluation}/lines/0", new { score = 1, reason = "伪造", version = 1 }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await czj.GetAsync("/api/v1/rechecks/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using (var db = app.NewDbContext())
        {
            (await db.RecheckLineDecisions.CountAsync(d => d.EvaluationId == adminEvaluation)).ShouldBe(0);
        }

        static string FirstName(JsonElement evaluation) => evaluation.GetProperty("lines")[0].GetProperty("name").GetString()!;
        static string Points(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task An_upload_the_limits_refuse_says_why_and_stores_nothing()
    {
        using var app = new TestApp("sqlite", seed: false, settings: new Dictionary<string, string>
        {
            ["Jixiao:Recheck:MaxFiles"] = "2", ["Jixiao:Recheck:Workers"] = "0",
        });
        var czj = await app.LoginAsync("czj");

        var tooMany = await czj.PostAsync("/api/v1/rechecks", Form(("a.zip", RecheckUploadsTests.Zip(null, ("1.txt", [1]), ("2.txt", [2]), ("3.txt", [3])))));
        tooMany.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(tooMany)).GetProperty("detail").GetString().ShouldBe("文件太多：每个复核批次最多 2 个文件（压缩包内的文件逐个计数），请分批上传。");
        var broken = await czj.PostAsync("/api/v1/rechecks", Form(("坏.zip", [0x50, 0x4B, 3, 4])));
        (await JsonOf(broken)).GetProperty("detail").GetString()!.ShouldStartWith("压缩包“坏.zip”已损坏");
        var nothing = await czj.PostAsync("/api/v1/rechecks", Form(("空.txt", [])));
        (await JsonOf(nothing)).GetProperty("detail").GetString().ShouldBe("没有可复核的文件。“空.txt”：空文件，未复核。");
        (await czj.PostAsync("/api/v1/rechecks", new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        await using var db = app.NewDbContext();
        (await db.RecheckBatches.CountAsync()).ShouldBe(0);
        (await db.RecheckJobs.CountAsync()).ShouldBe(0);
    }
}
