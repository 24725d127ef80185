using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>
/// Every failure answers in Chinese with a body: amounts too large for a decimal are a diagnostic of the upload, an
/// evaluation that no longer reads back is a ProblemDetails 500 without the .NET message, a body too large is 413 "文件或请求过大".
/// </summary>
public sealed class ErrorAnswerTests(SeededApps apps) : IClassFixture<SeededApps>
{
    private const string Huge = "99999999999999999999999999999999";

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    internal static string OverflowingTable(string amount) =>
        "项目名称\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标\n"
        + $"溢出测试经费\t{amount}\t{amount}\t\t\t完成培训。\t1、1-产出指标,11-数量指标,培训人次；实施周期指标值:≥100人次,年度指标值:≥100人次；\n";

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Amounts_too_large_for_a_decimal_are_reported_by_the_upload_api_and_page_not_failed(string provider)
    {
        var app = apps.Get(provider);
        var admin = await app.LoginAsync("admin");
        foreach (var amount in new[] { Huge, "9999999999999999999999999999" })
        {
            using var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(OverflowingTable(amount))), "file", "overflow.tsv");
            var upload = await admin.PostAsync("/api/v1/imports", form);

            upload.StatusCode.ShouldBe(HttpStatusCode.OK);
            var preview = await JsonOf(upload);
            preview.GetProperty("projects").GetInt32().ShouldBe(1);
            preview.GetProperty("diagnostics").EnumerateArray().Count(d => d.GetProperty("code").GetString() == "IMP011").ShouldBe(2);
        }

        var token = await PageForms.TokenAsync(admin, "/imports");
        using var pageForm = new MultipartFormDataContent();
        pageForm.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(OverflowingTable("9999999999999999999999999999"))), "file", "overflow.tsv");
        pageForm.Add(new StringContent(token), "__RequestVerificationToken");
        var page = await admin.PostAsync("/imports?handler=Upload", pageForm);
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetAsync(page.Headers.Location)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task An_evaluation_that_no_longer_reads_back_answers_a_chinese_problem_with_a_body(string provider)
    {
        var app = apps.Get(provider);
        var admin = await app.LoginAsync("admin");
        var projectId = (await JsonOf(await admin.GetAsync("/api/v1/projects?q=辅警服装培训费"))).GetProperty("items")[0].GetProperty("id").GetInt32();
        var created = await JsonOf(await admin.PostAsync($"/api/v1/projects/{projectId}/evaluations",
            new StringContent("""{"kind":"department"}""", Encoding.UTF8, "application/json")));
        var id = created.GetProperty("id").GetInt32();
        await using (var db = app.NewDbContext())
        {
            await db.Evaluations.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.SheetJson, "[1, 2"));
        }

        var response = await admin.GetAsync($"/api/v1/evaluations/{id}");

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await JsonOf(response);
        problem.GetProperty("title").GetString().ShouldBe("服务器错误");
        problem.GetProperty("detail").GetString().ShouldBe("服务器处理请求时出错，请稍后重试。如果问题持续，请联系系统管理员，并告知发生的时间。");
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("Exception");
    }

    [Fact]
    public async Task A_body_larger_than_the_server_takes_is_413_with_a_chinese_title_and_detail()
    {
        using var app = new TestApp("sqlite", seed: false, kestrel: true);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Add("X-Jixiao-Client", "tests"); // a script, not a browser: no Origin (CrossSiteRequests)
        (await client.PostAsync("/api/v1/auth/login",
            new StringContent("""{"userName":"admin","password":"jixiao2026"}""", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(new byte[31 * 1024 * 1024]), "file", "big.txt");
        // as browsers and curl do for a large body: the server answers before the body is sent
        client.DefaultRequestHeaders.ExpectContinue = true;

        var response = await client.PostAsync("/api/v1/imports", form);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var problem = await JsonOf(response);
        problem.GetProperty("title").GetString().ShouldBe("文件或请求过大");
        problem.GetProperty("detail").GetString().ShouldBe("上传的文件或请求过大：单个文件不能超过 20 MB。");
    }
}
