using System.Text.Json;
using Jixiao.App.Demo;

namespace Jixiao.Web.Tests;

/// <summary>`jixiao demo`'s data: the seed reports' evaluation sheets become locked 部门评价 with their real totals.</summary>
public sealed class DemoSetupTests
{
    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_seed_report_evaluations_load_with_their_totals_and_are_visible_by_scope(string provider)
    {
        using var app = new TestApp(provider, seed: true);
        await DemoSetup.LoadReportEvaluationsAsync(app.Services);
        await DemoSetup.LoadReportEvaluationsAsync(app.Services); // idempotent

        var admin = await app.LoginAsync("admin");
        var all = (await JsonOf(await admin.GetAsync("/api/v1/evaluations"))).EnumerateArray().ToList();
        all.Count.ShouldBe(4);
        all.ShouldAllBe(e => e.GetProperty("status").GetString() == "locked");
        var xueliang = all.Single(e => e.GetProperty("projectName").GetString()!.Contains("雪亮工程"));
        // Seed 004: 5+5+8+5+4.57+6+6+5+8.5+9+10+8+8+5 = 93.07 → 优.
        xueliang.GetProperty("total").GetDecimal().ShouldBe(93.07m);
        xueliang.GetProperty("grade").GetString().ShouldBe("优");

        // The expert sees the four assigned to them, the police clerk the three on the police unit, the 政法委 clerk none.
        (await JsonOf(await (await app.LoginAsync("zhuanjia")).GetAsync("/api/v1/evaluations"))).GetArrayLength().ShouldBe(4);
        (await JsonOf(await (await app.LoginAsync("gaj")).GetAsync("/api/v1/evaluations"))).GetArrayLength().ShouldBe(3);
        (await JsonOf(await (await app.LoginAsync("zfw")).GetAsync("/api/v1/evaluations"))).GetArrayLength().ShouldBe(0);
        (await JsonOf(await (await app.LoginAsync("czj")).GetAsync("/api/v1/units"))).GetArrayLength().ShouldBe(4);
    }
}
