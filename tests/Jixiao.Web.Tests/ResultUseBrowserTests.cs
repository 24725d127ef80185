using System.Text.RegularExpressions;
using Jixiao.App.Demo;
using Jixiao.Data.Entities;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.ResultUse;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Jixiao.Web.Tests;

/// <summary>
/// 结果应用 in a real browser (Debian's Chromium, headless): finance (czj) opens the page from the navigation, sees a 中
/// project's advice to cut 10 % with the rule it cites and the RES101 finding, records a decision with a reason, sees it
/// saved and in the 修改记录, and downloads the 结果应用情况 .docx with it. The police clerk sees the row but no form and
/// is refused a forged post (403); the 政法委's clerk sees nothing of it and a forged post is 404; neither changes it.
/// Screenshots: screenshots/result-use.png in the test output folder and /tmp/resultuse.png.
/// </summary>
public sealed class ResultUseBrowserTests
{
    private const long Wan = 1_000_000; // 1 万元 in 分
    private const int Year = 2051;

    /// <summary>A police project of <see cref="Year"/> (100 万元) with a locked evaluation of 72.5 / 中, and next year's project of the same name asking 105 万元.</summary>
    private static async Task<(int Id, string Name)> GradedProjectAsync(TestApp app)
    {
        await using var db = app.NewDbContext();
        db.ActorOverride = "测试准备";
        var project = await db.Projects.Where(p => p.Unit!.Name == DemoSetup.PoliceUnit).OrderBy(p => p.Id).FirstAsync();
        project.FiscalYear = Year;
        project.TotalFen = 100 * Wan;
        db.Projects.Add(new ProjectEntity
        {
            UnitId = project.UnitId, Name = project.Name, FiscalYear = Year + 1, TotalFen = 105 * Wan, SourceMoneyUnit = "万元", Goal = "下年目标",
        });
        db.Evaluations.Add(new EvaluationEntity
        {
            ProjectId = project.Id, Kind = EvaluationKind.DepartmentEvaluation, SheetJson = "{}", Total = 72.5m, Grade = "中",
            Status = EvaluationStatus.Locked, CreatedBy = "测试",
        });
        await db.SaveChangesAsync();
        return (project.Id, project.Name);
    }

    [Fact]
    public async Task Finance_decides_on_the_page_with_a_reason_and_clerks_cannot_change_it()
    {
        await using var session = await BrowserSession.StartAsync();
        var (app, baseUrl) = (session.App, session.BaseUrl);
        var (id, name) = await GradedProjectAsync(app);

        // A post of the decision form the way a forger would: the right fields and a valid token of the forger's own session.
        async Task<IAPIResponse> ForgedDecisionAsync(IPage page)
        {
            var token = await page.GetAttributeAsync("input[name=__RequestVerificationToken]", "value");
            token.ShouldNotBeNullOrEmpty();
            var form = page.Context.APIRequest.CreateFormData();
            form.Set("projectId", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            form.Set("version", "1");
            form.Set("action", "prioritize");
            form.Set("amountWanYuan", "200");
            form.Set("reason", "伪造的决定");
            form.Set("__RequestVerificationToken", token!);
            return await page.Context.APIRequest.PostAsync($"{baseUrl}/result-use?year={Year}&handler=Decide", new APIRequestContextOptions
            {
                Form = form, Headers = new Dictionary<string, string> { ["Origin"] = baseUrl }, MaxRedirects = 0,
            });
        }

        var czj = await session.LoginAsync("czj");
        await czj.ClickAsync("a.nav-link:has-text('结果应用')");
        await czj.WaitForURLAsync(baseUrl + "/result-use");
        (await czj.InputValueAsync("#year")).ShouldBe(Year.ToString(System.Globalization.CultureInfo.InvariantCulture), "the newest evaluated year comes first");
        var row = czj.Locator($"#project-{id}");
        var rowText = await row.InnerTextAsync();
        rowText.ShouldContain(name);
        rowText.ShouldContain("72.5 分");
        rowText.ShouldContain("控制新增，压减 10%");
        rowText.ShouldContain("建议安排 90.00 万元");
        rowText.ShouldContain("规则：持续性项目评价为“中”：控制新增，压减 10%");
        rowText.ShouldContain("RES101");
        rowText.ShouldContain("尚未决定");
        (await czj.TextContentAsync("#rule-source"))!.ShouldContain("财预〔2020〕10号");

        await row.Locator("details.decision-form summary").ClickAsync();
        (await row.Locator("select[name=action]").InputValueAsync()).ShouldBe("cut", "the form starts from the advice");
        (await row.Locator("input[name=amountWanYuan]").InputValueAsync()).ShouldBe("90.00");
        await row.Locator("input[name=amountWanYuan]").FillAsync("88");
        await row.Locator("details.decision-form textarea[name=reason]").FillAsync("评价为中，压减 12 万元，保留运维经费");
        await row.Locator("details.request-form summary").ClickAsync();
        await czj.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.Shots, "result-use-form.png"), FullPage = true });
        await row.Locator("details.decision-form button[type=submit]").ClickAsync();
        await czj.WaitForURLAsync(new Regex($"/result-use\\?year={Year}"));
        (await czj.TextContentAsync(".alert-success"))!.ShouldContain("已保存结果应用决定");
        var decided = await czj.Locator($"#project-{id} td.decision").InnerTextAsync();
        decided.ShouldContain("压减：88.00 万元");
        decided.ShouldContain("理由：评价为中，压减 12 万元，保留运维经费");
        var history = await czj.Locator("#result-use-history tbody").InnerTextAsync();
        history.ShouldContain("（未决定） → 压减：88.00 万元");
        history.ShouldContain("评价为中，压减 12 万元，保留运维经费");
        history.ShouldContain(name);
        await czj.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.Shots, "result-use.png"), FullPage = true });
        await czj.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/resultuse.png", FullPage = true });

        var docx = await czj.RunAndWaitForDownloadAsync(() => czj.ClickAsync("a[data-download]:has-text('结果应用情况 .docx')"));
        docx.SuggestedFilename.ShouldBe($"{Year}年度绩效评价结果应用情况.docx");
        var docxPath = Path.Combine(BrowserSession.Shots, "result-use.docx");
        await docx.SaveAsAsync(docxPath);
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docxPath, false))
        {
            var text = document.MainDocumentPart!.Document!.Body!.InnerText;
            text.ShouldContain($"{Year}年度绩效评价结果应用情况");
            text.ShouldContain("（一）压减（1个项目）");
            text.ShouldContain("压减，下年安排 88.00 万元");
            text.ShouldContain("评价为中，压减 12 万元，保留运维经费");
        }

        var gaj = await session.LoginAsync("gaj");
        await gaj.GotoAsync($"{baseUrl}/result-use?year={Year}");
        (await gaj.Locator($"#project-{id} td.decision").InnerTextAsync()).ShouldContain("压减：88.00 万元", Case.Sensitive, "the unit's clerk reads the decision");
        (await gaj.Locator("details.decision-form, details.request-form").CountAsync()).ShouldBe(0);
        (await ForgedDecisionAsync(gaj)).Status.ShouldBe(403);

        var zfw = await session.LoginAsync("zfw");
        await zfw.GotoAsync($"{baseUrl}/result-use?year={Year}");
        (await zfw.Locator($"#project-{id}").CountAsync()).ShouldBe(0);
        (await zfw.TextContentAsync("#result-use-rows tbody"))!.ShouldContain("没有已锁定并评定等级的评价");
        (await zfw.TextContentAsync("#result-use-history"))!.ShouldNotContain(name);
        (await ForgedDecisionAsync(zfw)).Status.ShouldBe(404);

        await using var db = app.NewDbContext();
        var use = await db.ResultUses.SingleAsync(r => r.ProjectId == id);
        (use.DecidedAction, use.DecidedFen, use.DecisionReason).ShouldBe((ResultAction.Cut, 88 * Wan, "评价为中，压减 12 万元，保留运维经费"));
        var audit = await db.AuditLog.Where(a => a.Entity == "resultUse" && a.EntityId == id).ToListAsync();
        audit.Select(a => (a.Field, a.OldValue, a.NewValue, a.Reason)).ShouldBe([("decision", "（未决定）", "压减：88.00 万元", "评价为中，压减 12 万元，保留运维经费")]);
        audit.Single().Actor.ShouldBe(use.DecidedBy);
        session.Errors.ShouldBeEmpty();
    }
}
