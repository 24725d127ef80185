using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jixiao.App.Demo;
using Jixiao.Reporting.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Jixiao.Web.Tests;

/// <summary>
/// The district rulebook in a real browser (Debian's Chromium, headless): the reviewer (czj) sees a police project under
/// the product's rules, switches the unit to 宝安's 审核口径 on the 审核 page and sees the district's 意见 on the project,
/// uploads the district's rulebook with its wording changed and sees the new 意见, and downloads the unit's 初审表; the
/// clerk (gaj) then writes the 政策依据 on the project page and the 初审 no longer asks for it. Screenshots:
/// screenshots/rulebook-*.png in the test output folder and /tmp/rulebook-*.png.
/// </summary>
public sealed class RulebookBrowserTests
{

    [Fact]
    public async Task A_reviewer_switches_the_rulebook_and_sees_the_opinions_change_and_the_clerk_answers_one()
    {
        await using var session = await BrowserSession.StartAsync();
        var (app, baseUrl) = (session.App, session.BaseUrl);
        int id;
        await using (var db = app.NewDbContext())
        {
            id = await db.Projects.Where(p => p.Unit!.Name == DemoSetup.PoliceUnit && p.Indicators.Count > 0).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        }

        async Task ShotAsync(IPage page, string name)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.Shots, $"rulebook-{name}.png"), FullPage = true });
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = $"/tmp/rulebook-{name}.png", FullPage = true });
        }

        const string BaoanOpinion = "政策依据表述过于简单，请描述项目的立项依据及相关文件";
        const string OwnOpinion = "请写明立项所依据的文件全称（《……》）及文号。";

        var czj = await session.LoginAsync("czj");
        await czj.GotoAsync($"{baseUrl}/projects/{id}");
        (await czj.TextContentAsync("#rulebook-in-force"))!.ShouldContain("内置审核规则");
        (await czj.Locator("#initial-review").CountAsync()).ShouldBe(0, "under the product's rules the system's 预审 stands alone");

        // To the 审核 page from the project, the unit chosen already; 宝安's 审核口径 with a reason.
        await czj.ClickAsync("#rulebook-in-force a:has-text('选择审核口径')");
        await czj.WaitForURLAsync(new Regex("/reviews\\?unitId="));
        (await czj.Locator("#rulebook-unit option:checked").TextContentAsync()).ShouldBe(DemoSetup.PoliceUnit);
        await czj.SelectOptionAsync("#rulebook-choice", "baoan");
        await czj.FillAsync("#rulebook-reason", "按宝安区审核口径试行初审");
        await czj.ClickAsync("#rulebook-save");
        await czj.WaitForSelectorAsync(".alert-success, #rulebook-error");
        (await czj.TextContentAsync(".alert-success"))!.ShouldContain("审核口径已更换为“xx区xx局2023年绩效目标审核口径”");
        (await czj.TextContentAsync("#rulebook-choices"))!.ShouldContain($"{DemoSetup.PoliceUnit}·所有年度");

        await czj.GotoAsync($"{baseUrl}/projects/{id}");
        (await czj.TextContentAsync("#rulebook-title"))!.ShouldBe("xx区xx局2023年绩效目标审核口径");
        var completeness = czj.Locator("#initial-review td[data-aspect=completeness]");
        (await completeness.TextContentAsync())!.ShouldContain(BaoanOpinion);
        (await czj.TextContentAsync("#initial-summary"))!.ShouldContain("政策依据不规范");
        await ShotAsync(czj, "baoan");

        // The district's own wording, uploaded as the product's JSON: the 意见 on the project changes with it.
        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(BaoanApps.Root, "src", "Jixiao.Domain", "Data", "review-rulebook-baoan.json")))!;
        json["title"] = "白云区2024年绩效目标审核口径";
        json["items"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "0")!["opinion"] = OwnOpinion;
        var file = Path.Combine(Path.GetTempPath(), $"白云区审核口径-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json.ToJsonString());
        try
        {
            await czj.GotoAsync($"{baseUrl}/reviews?unitId={await UnitIdAsync(app)}#rulebooks");
            await czj.SelectOptionAsync("#rulebook-choice", "file");
            await czj.SetInputFilesAsync("#rulebook-file", file);
            await czj.FillAsync("#rulebook-reason", "改用本区的审核意见表述");
            await czj.ClickAsync("#rulebook-save");
            await czj.WaitForSelectorAsync(".alert-success, #rulebook-error");
            (await czj.TextContentAsync(".alert-success"))!.ShouldContain("白云区2024年绩效目标审核口径");
        }
        finally
        {
            File.Delete(file);
        }

        await czj.GotoAsync($"{baseUrl}/projects/{id}");
        (await czj.TextContentAsync("#rulebook-title"))!.ShouldStartWith("白云区2024年绩效目标审核口径");
        var changed = (await completeness.TextContentAsync())!;
        changed.ShouldContain(OwnOpinion);
        changed.ShouldNotContain(BaoanOpinion);
        await ShotAsync(czj, "own-wording");

        // The unit's 初审表 from the 审核 page, in the reviewer's columns.
        await czj.GotoAsync($"{baseUrl}/reviews");
        var download = await czj.RunAndWaitForDownloadAsync(() => czj.ClickAsync($"a[data-download]:has-text('{DemoSetup.PoliceUnit} 初审表 .xlsx')"));
        download.SuggestedFilename.ShouldBe($"{DemoSetup.PoliceUnit}-初审表.xlsx");
        var sheetPath = Path.Combine(BrowserSession.Shots, "rulebook-initial-review.xlsx");
        await download.SaveAsAsync(sheetPath);
        var rows = ReviewerFieldsTests.SheetRows(await File.ReadAllBytesAsync(sheetPath), InitialReviewWorkbookWriter.ResultsSheet);
        rows[0].ShouldBe(InitialReviewWorkbookWriter.ResultColumns);
        rows.ShouldContain(r => r.Count > 3 && r[3].StartsWith("1. " + OwnOpinion, StringComparison.Ordinal));
        (await czj.TextContentAsync("#rulebook-history"))!.ShouldContain("改用本区的审核意见表述");

        // The clerk answers: a 政策依据 that names its document. The 初审 stops asking for it.
        var gaj = await session.LoginAsync("gaj");
        await gaj.GotoAsync($"{baseUrl}/projects/{id}");
        await gaj.ClickAsync("#project-fields button:has-text('修改项目信息')");
        await gaj.FillAsync("#field-policy-basis-input", "为贯彻落实《广州市公安局白云区分局枪支弹药管理规定》，设立本项目。");
        await gaj.FillAsync("#field-code", "440111-2024-001");
        await gaj.FillAsync("#field-reason", "按初审意见补充政策依据");
        await gaj.ClickAsync("#save-fields");
        await gaj.WaitForSelectorAsync(".alert-success:has-text('项目信息已保存')");
        (await gaj.TextContentAsync("#field-policy-basis"))!.ShouldBe("为贯彻落实《广州市公安局白云区分局枪支弹药管理规定》，设立本项目。");
        (await gaj.TextContentAsync("#field-code-text"))!.ShouldBe("440111-2024-001");
        var answered = (await gaj.Locator("#initial-review td[data-aspect=completeness]").TextContentAsync())!;
        answered.ShouldNotContain(OwnOpinion);
        (await gaj.TextContentAsync("#initial-summary"))!.ShouldNotContain("政策依据不规范");
        (await gaj.TextContentAsync("#history"))!.ShouldContain("政策依据");
        await ShotAsync(gaj, "answered");

        session.Errors.ShouldBeEmpty();
    }

    private static async Task<int> UnitIdAsync(TestApp app)
    {
        await using var db = app.NewDbContext();
        return await db.Units.Where(u => u.Name == DemoSetup.PoliceUnit).Select(u => u.Id).SingleAsync();
    }
}
