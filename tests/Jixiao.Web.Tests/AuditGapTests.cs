using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jixiao.App.Demo;

namespace Jixiao.Web.Tests;

/// <summary>
/// What the audit log keeps besides edits: every upload and every discarded upload; and a correction of a line that was
/// already scored says why (the reason is in its audit line), while the first entry of a line needs none.
/// </summary>
public sealed class AuditGapTests(SeededApps apps) : IClassFixture<SeededApps>
{
    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task An_upload_and_its_discarding_are_audit_lines_of_the_import(string provider)
    {
        var app = apps.Get(provider);
        var zfw = await app.LoginAsync("zfw");
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(DemoSetup.SeedFiles[1])), "file", "003_3854a258b9068c95.txt");
        var upload = await zfw.PostAsync("/api/v1/imports", form);
        upload.StatusCode.ShouldBe(HttpStatusCode.OK);
        var id = (await JsonOf(upload)).GetProperty("id").GetInt32();

        (await PageForms.PostAsync(zfw, $"/imports/{id}?handler=Discard", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await using var db = app.NewDbContext();
        var lines = db.AuditLog.Where(a => a.Entity == "import" && a.EntityId == id).OrderBy(a => a.Id).ToList();
        lines.Select(a => (a.Field, a.OldValue, a.NewValue, a.Actor)).ShouldBe(
        [
            ("created", null, "待确认", "政法委填报员"),
            ("status", "待确认", "已放弃", "政法委填报员"),
        ]);
        lines[0].Reason!.ShouldStartWith("上传 003_3854a258b9068c95.txt（");
        lines[0].Reason!.ShouldEndWith(" 字节）");
        lines[1].Reason.ShouldBe("003_3854a258b9068c95.txt：放弃，未导入任何项目");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Changing_a_scored_line_needs_a_reason_that_its_audit_line_keeps(string provider)
    {
        var app = apps.Get(provider);
        var gaj = await app.LoginAsync("gaj");
        var page = await JsonOf(await gaj.GetAsync($"/api/v1/projects?q={Uri.EscapeDataString("公安执法办案费")}"));
        var projectId = page.GetProperty("items").EnumerateArray().First(p => p.GetProperty("name").GetString() == "公安执法办案费").GetProperty("id").GetInt32();
        var created = await JsonOf(await gaj.PostAsJsonAsync($"/api/v1/projects/{projectId}/evaluations", new { kind = "self" }));
        var id = created.GetProperty("id").GetInt32();
        var version = created.GetProperty("version").GetInt64();

        // the first entry of 预算执行率 (line 0) needs no reason
        var first = await gaj.PutAsJsonAsync($"/api/v1/evaluations/{id}/lines/0", new { actual = "95%", version });
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        version = (await JsonOf(first)).GetProperty("version").GetInt64();

        var unexplained = await gaj.PutAsJsonAsync($"/api/v1/evaluations/{id}/lines/0", new { actual = "91%", version, reason = "资金拨付延迟" });
        unexplained.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(unexplained)).GetProperty("detail").GetString().ShouldBe("“预算执行率”已填写过结果，修改其实际完成值或得分须填写修改原因，它将记入审计日志。");

        var explained = await gaj.PutAsJsonAsync($"/api/v1/evaluations/{id}/lines/0", new { actual = "91%", version, changeReason = "按财务决算数更正" });
        explained.StatusCode.ShouldBe(HttpStatusCode.OK);
        version = (await JsonOf(explained)).GetProperty("version").GetInt64();
        // the same value again changes nothing and needs nothing
        (await gaj.PutAsJsonAsync($"/api/v1/evaluations/{id}/lines/0", new { actual = "91%", version })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var db = app.NewDbContext();
        var actuals = db.AuditLog.Where(a => a.Entity == "evaluation" && a.EntityId == id && a.Field == "actual").OrderBy(a => a.Id).ToList();
        actuals.Count.ShouldBe(2);
        actuals[1].NewValue!.ShouldStartWith("预算执行率：实际 91%");
        actuals[1].Reason.ShouldBe("按财务决算数更正");

        // on the page: the scored line offers the box, and leaving it empty gets the same words
        var sheet = WebUtility.HtmlDecode(await gaj.GetStringAsync($"/evaluations/{id}"));
        sheet.ShouldContain("name=\"changeReason\"");
        var refused = await PageForms.PostAsync(gaj, $"/evaluations/{id}?handler=Line&line=0",
            [new("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("actual", "90%"), new("changeReason", "")]);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).ShouldBe("“预算执行率”已填写过结果，修改其实际完成值或得分须填写修改原因，它将记入审计日志。");
    }
}
