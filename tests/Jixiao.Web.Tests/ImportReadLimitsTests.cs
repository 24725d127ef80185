using System.Net;
using System.Text;
using System.Text.Json;
using Jixiao.App.Common;
using Jixiao.App.Imports;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>
/// Reading an upload costs the server once (issue #14, item 2): the upload, every preview and the confirmation use one
/// reading; a read runs within a time budget and off the request threads; a user reads at most two files at once.
/// Reads are counted (<see cref="ImportReader.Reads"/>), never timed.
/// </summary>
public sealed class ImportReadLimitsTests
{
    private static string Form(string projectName) => $"""
        2025年项目支出绩效目标申报表 | |||
        项目名称 | {projectName} | ||
        主管部门 | 广州市公安局 | 实施单位 | 广州市公安局白云区分局 |
        资金情况(万元) | 年度资金总额: | 36.5 | |
        一级指标 | 二级指标 | 三级指标 | 年度指标值 |
        产出指标 | 数量指标 | 改造警务室数量 | ≥3个 |
        质量指标 | 验收合格率 | 100% |
        满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% |
        """;

    private static MultipartFormDataContent Upload(string text, string name)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", name);
        return form;
    }

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        // Waits for the other requests to reach the reader; bounded so that a broken limiter fails instead of hanging.
        for (var i = 0; i < 600 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        condition().ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_file_is_read_once_for_its_upload_previews_and_confirmation(string provider)
    {
        using var app = new TestApp(provider, seed: false);
        var reader = app.Services.GetRequiredService<ImportReader>();
        var admin = await app.LoginAsync("admin");
        var before = reader.Reads;

        var upload = await admin.PostAsync("/api/v1/imports", Upload(Form("警务室改造一次读取"), "一次读取.txt"));
        upload.StatusCode.ShouldBe(HttpStatusCode.OK);
        var id = (await JsonOf(upload)).GetProperty("id").GetInt32();
        (await admin.GetAsync($"/api/v1/imports/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync($"/imports/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Task.WhenAll(admin.GetAsync($"/api/v1/imports/{id}"), admin.GetAsync($"/api/v1/imports/{id}"));
        var confirmed = await admin.PostAsync($"/api/v1/imports/{id}/confirm", null);
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonOf(confirmed)).GetProperty("status").GetString().ShouldBe("confirmed");

        (reader.Reads - before).ShouldBe(1);
        using var db = app.NewDbContext();
        db.Projects.Count(p => p.Name == "警务室改造一次读取").ShouldBe(1);
    }

    [Fact]
    public async Task Two_requests_for_a_file_being_read_wait_for_the_same_read()
    {
        using var reader = new ImportReader(new ImportReadLimits { Global = 4 });
        using var release = new ManualResetEventSlim();
        reader.BeforeRead = _ => release.Wait(TimeSpan.FromSeconds(30));
        var bytes = Encoding.UTF8.GetBytes(Form("同时预览"));

        var first = reader.ReadAsync(bytes, "同时.txt", null, "u1");
        var second = reader.ReadAsync(bytes, "同时.txt", null, "u2");
        release.Set();
        var (a, b) = (await first, await second);

        reader.Reads.ShouldBe(1);
        a.Refused.ShouldBeNull();
        b.Reading.ShouldBeSameAs(a.Reading);
    }

    [Fact]
    public async Task Kept_readings_are_bounded_and_the_least_recently_used_goes_first()
    {
        using var reader = new ImportReader(new ImportReadLimits { CacheEntries = 2, Global = 4 });
        byte[] File(string name) => Encoding.UTF8.GetBytes(Form(name));
        await reader.ReadAsync(File("甲"), "甲.txt", null, "u");
        await reader.ReadAsync(File("乙"), "乙.txt", null, "u");
        await reader.ReadAsync(File("甲"), "甲.txt", null, "u");
        await reader.ReadAsync(File("丙"), "丙.txt", null, "u");
        reader.Reads.ShouldBe(3);

        await reader.ReadAsync(File("甲"), "甲.txt", null, "u");
        reader.Reads.ShouldBe(3);
        await reader.ReadAsync(File("乙"), "乙.txt", null, "u");
        reader.Reads.ShouldBe(4);
        // The same bytes under another 预算年度 read differently: another reading.
        await reader.ReadAsync(File("乙"), "乙.txt", 2024, "u");
        reader.Reads.ShouldBe(5);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_read_past_its_budget_says_the_file_took_too_long_and_stores_nothing_while_the_server_answers(string provider)
    {
        using var app = new TestApp(provider, seed: false, settings: new Dictionary<string, string> { ["Jixiao:Import:ReadSeconds"] = "1" });
        var reader = app.Services.GetRequiredService<ImportReader>();
        var admin = await app.LoginAsync("admin");
        using var release = new ManualResetEventSlim();
        // A read that never ends by itself: it stops only when the budget cancels it, or when the test lets it go.
        reader.BeforeRead = token => WaitHandle.WaitAny([token.WaitHandle, release.WaitHandle], TimeSpan.FromSeconds(60));

        var upload = admin.PostAsync("/api/v1/imports", Upload(Form("读取超时"), "超时.txt"));
        await WaitUntilAsync(() => reader.Running == 1);
        (await admin.GetAsync("/api/v1/units")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await upload;

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await JsonOf(refused);
        problem.GetProperty("title").GetString().ShouldBe("文件读取超时");
        problem.GetProperty("detail").GetString()!.ShouldContain("超过 1 秒");
        problem.GetProperty("detail").GetString()!.ShouldContain("没有导入任何内容");
        // The upload page says the same, and stores nothing either.
        var token = await PageForms.TokenAsync(admin, "/imports");
        using var pageForm = Upload(Form("读取超时上传页"), "超时上传页.txt");
        pageForm.Add(new StringContent(token), "__RequestVerificationToken");
        var uploadPage = await admin.PostAsync("/imports?handler=Upload", pageForm);
        uploadPage.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await uploadPage.Content.ReadAsStringAsync()).ShouldContain("已停止读取，没有导入任何内容");
        using (var db = app.NewDbContext())
        {
            db.ImportBatches.Count().ShouldBe(0);
        }

        // A stored batch whose reading is gone (a restart) and now runs too long: the page says so too.
        release.Set();
        reader.BeforeRead = null;
        var stored = await admin.PostAsync("/api/v1/imports", Upload(Form("读取超时页面"), "超时页面.txt"));
        stored.StatusCode.ShouldBe(HttpStatusCode.OK);
        var id = (await JsonOf(stored)).GetProperty("id").GetInt32();
        reader.Forget(Encoding.UTF8.GetBytes(Form("读取超时页面")));
        using var never = new ManualResetEventSlim();
        reader.BeforeRead = token => WaitHandle.WaitAny([token.WaitHandle, never.WaitHandle], TimeSpan.FromSeconds(60));
        var page = await admin.GetAsync($"/imports/{id}");
        page.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        html.ShouldContain("preview-problem");
        html.ShouldContain("没有导入任何内容");
        // Remembered: the same bytes answer at once, without another read.
        var reads = reader.Reads;
        (await admin.GetAsync($"/api/v1/imports/{id}")).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        reader.Reads.ShouldBe(reads);
        never.Set();
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_user_reading_two_files_gets_429_with_Retry_After_for_a_third(string provider)
    {
        using var app = new TestApp(provider, seed: false, settings: new Dictionary<string, string> { ["Jixiao:Import:Reads"] = "8" });
        var reader = app.Services.GetRequiredService<ImportReader>();
        var zfw = await app.LoginAsync("zfw");
        var admin = await app.LoginAsync("admin");
        using var release = new ManualResetEventSlim();
        reader.BeforeRead = _ => release.Wait(TimeSpan.FromSeconds(60));

        var one = zfw.PostAsync("/api/v1/imports", Upload(Form("并发一"), "并发一.txt"));
        var two = zfw.PostAsync("/api/v1/imports", Upload(Form("并发二"), "并发二.txt"));
        await WaitUntilAsync(() => reader.Running == 2);
        var third = await zfw.PostAsync("/api/v1/imports", Upload(Form("并发三"), "并发三.txt"));

        third.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        third.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(10));
        var problem = await JsonOf(third);
        problem.GetProperty("detail").GetString()!.ShouldContain("每人最多同时读取 2 个");
        problem.GetProperty("retryAfterSeconds").GetInt32().ShouldBe(10);

        // Another user is not held up by this one's reads.
        var other = admin.PostAsync("/api/v1/imports", Upload(Form("并发他人"), "并发他人.txt"));
        await WaitUntilAsync(() => reader.Running == 3);
        release.Set();
        (await one).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await two).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await other).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await zfw.PostAsync("/api/v1/imports", Upload(Form("并发三"), "并发三.txt"))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_server_reads_no_more_files_at_once_than_its_global_limit()
    {
        using var reader = new ImportReader(new ImportReadLimits { Global = 1 });
        using var release = new ManualResetEventSlim();
        reader.BeforeRead = _ => release.Wait(TimeSpan.FromSeconds(30));

        var first = reader.ReadAsync(Encoding.UTF8.GetBytes(Form("全局一")), "全局一.txt", null, "u1");
        var (refused, reading) = await reader.ReadAsync(Encoding.UTF8.GetBytes(Form("全局二")), "全局二.txt", null, "u2");
        release.Set();

        reading.ShouldBeNull();
        refused.ShouldBeOfType<Outcome.Busy>().Message.ShouldContain("服务器正在读取其他用户上传的文件");
        (await first).Reading.ShouldNotBeNull();
    }
}
