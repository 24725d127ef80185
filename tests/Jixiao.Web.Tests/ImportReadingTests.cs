using System.Net;
using System.Text;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>
/// Uploads go through the reader of every kind: a single-project 申报表 that the old importer could not read is
/// stored; a self-evaluation is shown with its kind and its recheck findings and cannot be stored as targets.
/// The documents are written here (they reproduce real layouts, not real documents).
/// </summary>
public sealed class ImportReadingTests(SeededApps apps) : IClassFixture<SeededApps>
{
    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    private static async Task<JsonElement> UploadAsync(HttpClient client, string text, string name)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", name);
        var upload = await client.PostAsync("/api/v1/imports", form);
        upload.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await JsonOf(upload);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_single_project_form_is_read_and_stored_with_its_indicators(string provider)
    {
        var admin = await apps.Get(provider).LoginAsync("admin");
        var name = $"社区警务室改造工程{provider}";
        var preview = await UploadAsync(admin, $"""
            2025年项目支出绩效目标申报表 | |||
            项目名称 | {name} | ||
            主管部门 | 广州市公安局 | 实施单位 | 广州市公安局白云区分局 |
            资金情况(万元) | 年度资金总额: | 36.5 | |
            一级指标 | 二级指标 | 三级指标 | 年度指标值 |
            产出指标 | 数量指标 | 改造警务室数量 | ≥3个 |
            质量指标 | 验收合格率 | 100% |
            满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% |
            填表人: | 张三 | 联系电话: | 12345 |
            """, "申报表.txt");

        preview.GetProperty("kind").GetString().ShouldBe("targets");
        preview.GetProperty("projects").GetInt32().ShouldBe(1);
        preview.GetProperty("indicators").GetInt32().ShouldBe(3);
        preview.GetProperty("canConfirm").GetBoolean().ShouldBeTrue(preview.GetProperty("blocker").ToString());
        (await admin.PostAsync($"/api/v1/imports/{preview.GetProperty("id").GetInt32()}/confirm", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var page = await JsonOf(await admin.GetAsync($"/api/v1/projects?q={Uri.EscapeDataString(name)}"));
        var project = page.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);
        project.GetProperty("fiscalYear").GetInt32().ShouldBe(2025);
        project.GetProperty("totalFen").GetInt64().ShouldBe(36_500_000L);
        project.GetProperty("indicatorCount").GetInt32().ShouldBe(3);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_self_evaluation_shows_its_kind_and_findings_and_cannot_be_stored_as_targets(string provider)
    {
        var admin = await apps.Get(provider).LoginAsync("admin");
        var preview = await UploadAsync(admin, """
            项目支出绩效自评表
            项目名称 | 化肥减量项目 |
            预算执行情况(万元) (20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率) |
            年度财政资金总额 | 278.4449 | 30.00 | 10.77% | 2.16 |
            一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 |
            产出指标 | 数量指标 | 示范区面积 | ≥200亩 | 200亩 | 15 |
            """, "自评表.txt");

        preview.GetProperty("kind").GetString().ShouldBe("self-evaluation");
        preview.GetProperty("canConfirm").GetBoolean().ShouldBeFalse();
        preview.GetProperty("diagnostics").EnumerateArray().ShouldContain(d => d.GetProperty("code").GetString() == "RDG010");
        preview.GetProperty("findings").EnumerateArray().ShouldContain(f => f.GetProperty("check").GetString() == "execution-score");
        var confirm = await admin.PostAsync($"/api/v1/imports/{preview.GetProperty("id").GetInt32()}/confirm", null);
        confirm.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var page = await admin.GetAsync($"/imports/{preview.GetProperty("id").GetInt32()}");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        html.ShouldContain("绩效自评表");
        html.ShouldContain("复核发现");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_confirmed_import_is_undone_whole_with_a_reason_by_its_uploader_and_audited(string provider)
    {
        var app = apps.Get(provider);
        var admin = await app.LoginAsync("admin");
        var name = $"误导入测试项目{provider}";
        var preview = await UploadAsync(admin, $"""
            项目名称 | {name} |
            实施单位 | 广州市公安局白云区分局 |
            资金情况(万元) | 年度资金总额: | 8 |
            一级指标 | 二级指标 | 三级指标 | 年度指标值 |
            产出指标 | 数量指标 | 培训人次 | ≥100人次 |
            填表人: | 李四 |
            """, "误导入.txt");
        var id = preview.GetProperty("id").GetInt32();
        (await admin.PostAsync($"/api/v1/imports/{id}/confirm", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        async Task<int> CountAsync() => (await JsonOf(await admin.GetAsync($"/api/v1/projects?q={Uri.EscapeDataString(name)}"))).GetProperty("total").GetInt32();
        (await CountAsync()).ShouldBe(1);

        var other = await app.LoginAsync("zfw");
        (await other.PostAsJsonAsync($"/api/v1/imports/{id}/undo", new { reason = "不是我的" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.PostAsJsonAsync($"/api/v1/imports/{id}/undo", new { reason = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CountAsync()).ShouldBe(1);

        var undone = await admin.PostAsJsonAsync($"/api/v1/imports/{id}/undo", new { reason = "导入了错误的文件" });
        undone.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonOf(undone)).GetProperty("status").GetString().ShouldBe("undone");
        (await CountAsync()).ShouldBe(0);
        (await admin.PostAsJsonAsync($"/api/v1/imports/{id}/undo", new { reason = "再来一次" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Jixiao.Data.JixiaoDbContext>();
        var audit = db.AuditLog.Where(a => a.Entity == "import" && a.EntityId == id).OrderBy(a => a.Id).ToList();
        audit.Last().ShouldSatisfyAllConditions(
            a => a.NewValue.ShouldBe("已撤销"), a => a.Reason!.ShouldStartWith("导入了错误的文件"), a => a.Reason!.ShouldContain("删除 1 个项目"));
    }
}
