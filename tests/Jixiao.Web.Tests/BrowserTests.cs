using System.Text.RegularExpressions;
using Jixiao.App.Demo;
using Microsoft.Playwright;

namespace Jixiao.Web.Tests;

/// <summary>
/// The main flow in a real browser (Debian's Chromium, headless): an admin imports 002 and sees 55 projects, the
/// police clerk fixes a vague target with live parser feedback and submits, the finance reviewer approves.
/// Screenshots go to screenshots/ in the test output folder.
/// </summary>
public sealed class BrowserTests
{
    private static readonly string Shots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>A Chinese-locale page of the walk's size that collects console errors and accepts confirm dialogs.</summary>
    private static async Task<IPage> OpenPageAsync(IBrowser browser, List<string> errors)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        page.Console += (_, message) => { if (message.Type == "error") { errors.Add(message.Text); } };
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        return page;
    }

    private static async Task LoginAsync(IPage page, string baseUrl, string user, string password = DemoSetup.Password)
    {
        await page.GotoAsync(baseUrl + "/login");
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(baseUrl + "/");
    }

    private static async Task LogoutAsync(IPage page, string baseUrl)
    {
        await page.ClickAsync("button:has-text('退出')");
        await page.WaitForURLAsync(baseUrl + "/login");
    }

    /// <summary>The whole page, from the top (a page scrolled down would show its sticky bars halfway down the picture).</summary>
    private static async Task ShotAsync(IPage page, string name)
    {
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, name + ".png"), FullPage = true });
    }

    /// <summary>The window (not the whole page) with <paramref name="selector"/> scrolled to its middle, as the user sees it.</summary>
    private static async Task ViewShotAsync(IPage page, string selector, string name)
    {
        await page.EvalOnSelectorAsync(selector, "e => e.scrollIntoView({ block: 'center' })");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, name + ".png") });
    }

    /// <summary>Types the actual value of a line (or picks 达成 for a qualitative one) and waits for the rescored sheet.</summary>
    private static async Task FillActualAsync(IPage page, int line, string actual)
    {
        var row = page.Locator($"#line-{line}");
        var qualitative = await row.Locator("select[name=rating]").CountAsync() > 0;
        await page.RunAndWaitForResponseAsync(async () =>
        {
            if (qualitative)
            {
                await row.Locator("select[name=rating]").SelectOptionAsync("达成");
            }
            else
            {
                await row.Locator("input[name=actual]").FillAsync(actual);
                await row.Locator("input[name=actual]").DispatchEventAsync("change");
            }
        }, response => response.Url.Contains("handler=Line", StringComparison.Ordinal));

        // The swapped-in sheet shows what was entered.
        var selector = qualitative ? $"#line-{line} select[name=rating]" : $"#line-{line} input[name=actual]";
        var expected = qualitative ? "达成" : actual;
        await page.WaitForFunctionAsync("([s, v]) => document.querySelector(s) && document.querySelector(s).value === v", new object[] { selector, expected });
    }

    [Fact]
    public async Task Import_edit_a_vague_target_submit_approve_and_score_the_self_evaluation_in_the_browser()
    {
        Directory.CreateDirectory(Shots);
        using var app = new TestApp("sqlite", seed: false, kestrel: true);
        var baseUrl = app.BaseUrl;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchChromiumAsync(playwright);
        var errors = new List<string>();
        var page = await OpenPageAsync(browser, errors);

        // 1. The admin imports the police bureau's target table.
        await page.GotoAsync(baseUrl + "/login");
        await ShotAsync(page, "00-login");
        await LoginAsync(page, baseUrl, "admin");
        await page.GotoAsync(baseUrl + "/imports");
        await page.SetInputFilesAsync("#file", DemoSetup.SeedFiles[0]);
        await page.FillAsync("#fiscalYear", "2025"); // the table's title states no year
        await page.ClickAsync("button:has-text('上传并预览')");
        await page.WaitForURLAsync(new Regex("/imports/\\d+$"));
        (await page.TextContentAsync("#preview-project-count")).ShouldBe("55");
        (await page.TextContentAsync("#preview-year")).ShouldBe("2025 年");
        await ShotAsync(page, "01-import-preview");
        await page.ClickAsync("button:has-text('确认导入')");
        await page.Locator(".alert-success").WaitForAsync();
        (await page.TextContentAsync(".alert-success"))!.ShouldContain("新增 55 个项目");
        await app.LinkDemoUnitsAsync();

        await page.GotoAsync(baseUrl + "/projects");
        (await page.TextContentAsync("#results .card-header"))!.ShouldContain("共 55 个项目");
        await ShotAsync(page, "02-project-list");
        // the year filter (htmx swaps the table): every project is of 2025, none is graded yet
        await page.SelectOptionAsync("#year", "2025");
        await page.WaitForURLAsync(new Regex("year=2025"));
        (await page.TextContentAsync("#results .card-header"))!.ShouldContain("共 55 个项目");
        await page.SelectOptionAsync("#grade", "优");
        await page.WaitForURLAsync(new Regex("grade="));
        await page.Locator("#results .card-header:has-text('共 0 个项目')").WaitForAsync();
        await page.GotoAsync(baseUrl + "/projects");
        // the pager: page 3 of 3 holds the last 15 projects
        await page.Locator("#results .pagination").GetByRole(AriaRole.Link, new() { Name = "3", Exact = true }).ClickAsync();
        await page.Locator("#results .card-header:has-text('第 3 / 3 页')").WaitForAsync();
        (await page.Locator("#results tbody tr").CountAsync()).ShouldBe(15);
        await ShotAsync(page, "02b-project-list-page-3");
        await LogoutAsync(page, baseUrl);

        // 2. The police clerk sees the dashboard, finds the project, quantifies a vague target and submits.
        await LoginAsync(page, baseUrl, "gaj");
        await page.Locator("#chart-units canvas").WaitForAsync();
        await ShotAsync(page, "03-dashboard");
        await page.GotoAsync(baseUrl + "/projects");
        await page.FillAsync("#q", "执法办案");
        await page.Locator("#results a:has-text('公安执法办案费')").WaitForAsync();
        (await page.TextContentAsync("#results .card-header"))!.ShouldContain("共 1 个项目");
        await page.ClickAsync("#results a:has-text('公安执法办案费')");
        await page.WaitForURLAsync(new Regex("/projects/\\d+$"));

        var row = page.Locator("tr.indicator-row", new PageLocatorOptions { HasText = "刑事案件破案率" });
        (await row.TextContentAsync())!.ShouldContain("提高");
        // The review engine's finding sits under the indicator; its one-click suggestion opens the editor.
        (await row.Locator(".finding").First.TextContentAsync())!.ShouldContain("无法考核");
        await row.Locator("button:has-text('按建议修改')").First.ClickAsync();
        var editor = page.Locator("tr.editing");
        var annual = editor.Locator("input[name=annual]");
        await annual.FillAsync("");
        await annual.PressSequentiallyAsync("≥85%", new LocatorPressSequentiallyOptions { Delay = 30 });
        var preview = editor.Locator("[id^=annual-preview-] .target-parsed[data-kind=quantitative]");
        await preview.WaitForAsync();
        (await preview.TextContentAsync())!.ShouldContain("85");
        await ShotAsync(page, "04-edit-with-live-preview");
        await editor.Locator("input[name=reason]").FillAsync("目标值需量化");
        await editor.Locator("button:has-text('保存')").ClickAsync();
        var saved = page.Locator("tr.indicator-row", new PageLocatorOptions { HasText = "刑事案件破案率" });
        await saved.Locator("text=已保存").WaitForAsync();
        (await saved.TextContentAsync())!.ShouldContain("≥85%");
        (await saved.TextContentAsync())!.ShouldNotContain("“≥85%”，无法考核");

        // Open system errors are acknowledged before the step (the box is required while there are some).
        if (await page.Locator("#confirm-submit").CountAsync() > 0)
        {
            await page.CheckAsync("#confirm-submit");
        }

        await page.ClickAsync("button:has-text('提交审核')");
        await page.Locator(".alert-success").WaitForAsync();
        (await page.TextContentAsync("#project-status"))!.Trim().ShouldBe("已提交");
        (await page.Locator("tr.indicator-row button:has-text('修改')").CountAsync()).ShouldBe(0);
        var projectUrl = page.Url;
        await LogoutAsync(page, baseUrl);

        // 3. The finance reviewer finds it in the queue and approves.
        await LoginAsync(page, baseUrl, "czj");
        await page.GotoAsync(baseUrl + "/reviews");
        await ShotAsync(page, "04b-review-queue");
        await page.Locator("a:has-text('公安执法办案费')").First.ClickAsync();
        await page.WaitForURLAsync(projectUrl);
        await page.FillAsync("#review-comment", "目标已量化，同意。");
        if (await page.Locator("#confirm-approve").CountAsync() > 0)
        {
            await page.CheckAsync("#confirm-approve");
        }

        await page.ClickAsync("button:has-text('审核通过')");
        await page.Locator(".alert-success").WaitForAsync();
        (await page.TextContentAsync("#project-status"))!.Trim().ShouldBe("审核通过");
        var history = await page.TextContentAsync("#history") ?? "";
        history.ShouldContain("已提交 → 审核通过");
        history.ShouldContain("目标已量化，同意。");
        history.ShouldContain("“提高” → “≥85%”");
        await ShotAsync(page, "05-approved-with-history");
        await LogoutAsync(page, baseUrl);

        // 4. The clerk starts the self-evaluation from the targets and scores it; total and grade follow each entry.
        await LoginAsync(page, baseUrl, "gaj");
        await page.GotoAsync(projectUrl);
        await page.ClickAsync("button:has-text('按绩效目标发起单位自评')");
        await page.WaitForURLAsync(new Regex("/evaluations/\\d+$"));
        var lines = page.Locator("tr[id^=line-]");
        (await lines.CountAsync()).ShouldBe(4);
        await FillActualAsync(page, 0, "98%");
        await FillActualAsync(page, 1, "≥85%");
        await FillActualAsync(page, 2, "下降");
        await FillActualAsync(page, 3, "100%");
        (await page.TextContentAsync("#evaluation-grade"))!.Trim().ShouldNotBe("—");
        var total = decimal.Parse((await page.TextContentAsync("#evaluation-total"))!.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        // 预算执行率 98% of 10 points = 9.8; the three other lines are met in full (90): 99.8, 优.
        total.ShouldBe(99.8m);
        (await page.TextContentAsync("#evaluation-grade"))!.Trim().ShouldBe("优");
        await ShotAsync(page, "06-evaluation-scored");

        // 5. The scored evaluation's report downloads as .docx (stating the total and grade) and as PDF (spinner meanwhile).
        var docx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[data-download]:has-text('评价报告 .docx')"));
        docx.SuggestedFilename.ShouldEndWith("-绩效自评报告.docx");
        var docxPath = Path.Combine(Shots, "report.docx");
        await docx.SaveAsAsync(docxPath);
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docxPath, false))
        {
            var text = string.Concat(document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text));
            text.ShouldContain("99.8");
            text.ShouldContain("优");
        }

        var pdf = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[data-download]:has-text('评价报告 .pdf')"));
        pdf.SuggestedFilename.ShouldEndWith("-绩效自评报告.pdf");
        await pdf.SaveAsAsync(Path.Combine(Shots, "report.pdf"));
        new FileInfo(Path.Combine(Shots, "report.pdf")).Length.ShouldBeGreaterThan(1000);
        (await page.IsVisibleAsync("#download-error")).ShouldBeFalse();
        await ShotAsync(page, "06c-evaluation-downloads");

        await page.GotoAsync(baseUrl + "/evaluations");
        (await page.TextContentAsync("table"))!.ShouldContain("99.8");
        await ShotAsync(page, "06b-evaluation-list");
        await page.GotoAsync(baseUrl + "/");
        await page.Locator("#chart-grades canvas").WaitForAsync();
        await ShotAsync(page, "07-dashboard-with-grades");
        await LogoutAsync(page, baseUrl);

        // 6. An admin starts a 部门评价 (framework template) and enters formula inputs and a deduction with its reason.
        await LoginAsync(page, baseUrl, "admin");
        await page.GotoAsync(projectUrl);
        await page.ClickAsync("button:has-text('发起部门评价')");
        await page.WaitForURLAsync(new Regex("/evaluations/\\d+$"));
        async Task FillAsync(int line, string field, string text)
        {
            var box = page.Locator($"#line-{line} textarea[name={field}]");
            await page.RunAndWaitForResponseAsync(async () =>
            {
                await box.FillAsync(text);
                await box.DispatchEventAsync("change");
            }, response => response.Url.Contains("handler=Line", StringComparison.Ordinal));
            await page.WaitForFunctionAsync("([s, v]) => document.querySelector(s) && document.querySelector(s).value === v",
                new object[] { $"#line-{line} textarea[name={field}]", text });
        }

        // 资金到位率 (4 points) = 实际到位资金 / 预算资金 * 100 = 95% → 3.8; 立项依据充分性 (3 points) − 1 → 2
        await FillAsync(6, "inputs", "实际到位资金=95万元；预算资金=100万元");
        (await page.TextContentAsync("#line-6 td.fw-semibold"))!.Trim().ShouldBe("3.8");
        await FillAsync(0, "deductions", "扣1分：未提供可行性研究报告");
        (await page.TextContentAsync("#line-0 td.fw-semibold"))!.Trim().ShouldBe("2");
        await ShotAsync(page, "08-department-evaluation-formula-and-deduction");
        (await page.Locator("#line-0 input[name=actual]").CountAsync()).ShouldBe(0); // a 扣分 line has no actual value
        (await page.Locator("a[data-download]:has-text('评价报告')").CountAsync()).ShouldBe(0); // unrated lines: no report yet
        var sheet = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[data-download]:has-text('评价表 .xlsx')"));
        sheet.SuggestedFilename.ShouldEndWith("-部门评价评价表.xlsx");

        // 7. 用户与单位 (admin only)
        await page.ClickAsync("a.nav-link:has-text('用户与单位')");
        await page.WaitForURLAsync(baseUrl + "/admin/users");
        (await page.TextContentAsync("#users"))!.ShouldContain("zhuanjia");
        await ShotAsync(page, "09-admin-users");

        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Report_texts_a_formula_change_user_administration_and_an_own_password_change_in_the_browser()
    {
        Directory.CreateDirectory(Shots);
        using var app = new TestApp("sqlite", seed: true, kestrel: true);
        var baseUrl = app.BaseUrl;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchChromiumAsync(playwright);
        var errors = new List<string>();
        var page = await OpenPageAsync(browser, errors);

        // 1. The police clerk scores a self-evaluation, writes the report texts, saves, reloads: they are kept and printed.
        await LoginAsync(page, baseUrl, "gaj");
        await page.GotoAsync(baseUrl + "/projects?q=" + Uri.EscapeDataString("公安工作补贴"));
        await page.ClickAsync("#results a:has-text('公安工作补贴')");
        await page.WaitForURLAsync(new Regex("/projects/\\d+$"));
        var projectUrl = page.Url;
        await page.ClickAsync("button:has-text('按绩效目标发起单位自评')");
        await page.WaitForURLAsync(new Regex("/evaluations/\\d+$"));
        var lineCount = await page.Locator("tr[id^=line-]").CountAsync();
        for (var line = 0; line < lineCount; line++)
        {
            var target = (await page.Locator($"#line-{line} td").Nth(3).TextContentAsync())!.Trim();
            await FillActualAsync(page, line, line == 0 ? "100%" : target);
        }

        (await page.TextContentAsync("#evaluation-total"))!.Trim().ShouldBe("100");
        const string Background = "本项目保障白云区公安分局一线民警工作补贴按时足额发放。";
        const string Problem = "【补贴发放略有延迟】\n个别月份发放时间晚于计划约一周。";
        const string Suggestion = "按月核对发放进度。\n\n【加强台账管理】\n建立补贴发放台账，逐月对账。";
        await page.FillAsync("#texts-background", Background);
        await page.FillAsync("#texts-process", "成立评价工作小组，核查资料，逐项评分。");
        await page.FillAsync("#texts-problems", Problem);
        await page.FillAsync("#texts-suggestions", Suggestion);
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button:has-text('保存报告文字')"),
            response => response.Url.Contains("handler=Texts", StringComparison.Ordinal));
        await page.ReloadAsync();
        (await page.InputValueAsync("#texts-background")).ShouldBe(Background);
        (await page.InputValueAsync("#texts-problems")).ShouldBe(Problem);
        (await page.InputValueAsync("#texts-suggestions")).ShouldBe(Suggestion);
        await ShotAsync(page, "10-report-texts-saved");
        var docx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[data-download]:has-text('评价报告 .docx')"));
        var docxPath = Path.Combine(Shots, "report-with-texts.docx");
        await docx.SaveAsAsync(docxPath);
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docxPath, false))
        {
            var text = string.Concat(document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text));
            text.ShouldContain(Background);
            text.ShouldContain("补贴发放略有延迟");
            text.ShouldContain("建立补贴发放台账，逐月对账。");
        }

        // Locking makes the texts read-only.
        await page.ClickAsync("button:has-text('提交并锁定')");
        await page.Locator(".alert-success").WaitForAsync();
        (await page.TextContentAsync(".alert-success"))!.ShouldContain("评价已提交并锁定");
        (await page.GetAttributeAsync("#texts-background", "readonly")).ShouldNotBeNull();
        (await page.Locator("button:has-text('保存报告文字')").CountAsync()).ShouldBe(0);
        (await page.Locator("details.formula-editor").CountAsync()).ShouldBe(0);
        await LogoutAsync(page, baseUrl);

        // 2. The admin starts a 部门评价 and changes the formula of 资金到位率: a bad one is explained, a good one rescored.
        await LoginAsync(page, baseUrl, "admin");
        await page.GotoAsync(projectUrl);
        await page.ClickAsync("button:has-text('发起部门评价')");
        await page.WaitForURLAsync(new Regex("/evaluations/\\d+$"));
        // A deduction without its reason is refused above the sheet; the next edit clears that message.
        var deductions = page.Locator("#line-0 textarea[name=deductions]");
        await page.RunAndWaitForResponseAsync(async () =>
        {
            await deductions.FillAsync("扣1分");
            await deductions.DispatchEventAsync("change");
        }, response => response.Url.Contains("handler=Line", StringComparison.Ordinal));
        await page.Locator("#evaluation-error:has-text('没有写理由')").WaitForAsync();
        await page.ClickAsync("#line-6 summary:has-text('修改公式')");
        var formulaForm = page.Locator("#line-6 details.formula-editor form");
        await formulaForm.Locator("input[name=formula]").FillAsync("实际支出 / (预算资金");
        await formulaForm.Locator("textarea[name=formulaInputs]").FillAsync("实际支出=90万元；预算资金=100万元");
        await formulaForm.Locator("input[name=formulaReason]").FillAsync("按实际支出口径计算");
        await page.RunAndWaitForResponseAsync(() => formulaForm.Locator("button:has-text('保存公式')").ClickAsync(),
            response => response.Url.Contains("handler=Formula", StringComparison.Ordinal));
        await page.Locator("#formula-error-6:has-text('有误')").WaitForAsync();
        (await page.TextContentAsync("#formula-error-6"))!.ShouldContain("第 8 个字符的左括号没有闭合");
        (await page.TextContentAsync("#evaluation-error"))!.ShouldBeEmpty();
        await ViewShotAsync(page, "#line-6", "11-formula-error");
        var totalBefore = (await page.TextContentAsync("#evaluation-total"))!.Trim();
        await formulaForm.Locator("input[name=formula]").FillAsync("实际支出 / 预算资金 * 100");
        await page.RunAndWaitForResponseAsync(() => formulaForm.Locator("button:has-text('保存公式')").ClickAsync(),
            response => response.Url.Contains("handler=Formula", StringComparison.Ordinal));
        await page.Locator("#line-6 code:has-text('实际支出 / 预算资金 * 100')").WaitForAsync();
        (await page.TextContentAsync("#line-6 td.fw-semibold"))!.Trim().ShouldBe("3.6");
        (await page.TextContentAsync("#evaluation-total"))!.Trim().ShouldNotBe(totalBefore);
        await page.ClickAsync("#line-6 summary:has-text('修改公式')");
        await ViewShotAsync(page, "#line-6", "12-formula-changed");

        // 3. The admin moves zfw to one unit and sets a new password; zfw logs in with it and sees only that unit.
        await page.ClickAsync("a.nav-link:has-text('用户与单位')");
        await page.ClickAsync("a[aria-label='管理 zfw']");
        await page.WaitForURLAsync(new Regex("/admin/users/[^/]+$"));
        await page.Locator("label:has-text('广州市白云区网格化服务管理中心')").ClickAsync();
        await page.FillAsync("#edit-reason", "网格化中心另设填报人");
        await page.ClickAsync("#edit-form button:has-text('保存')");
        await page.Locator(".alert-success").WaitForAsync();
        (await page.TextContentAsync("#history"))!.ShouldContain("网格化中心另设填报人");
        await page.FillAsync("#new-password", "Baiyun2026new");
        await page.FillAsync("#confirm-password", "Baiyun2026neu");
        await page.FillAsync("#password-reason", "本人忘记密码");
        await page.ClickAsync("#password-form button:has-text('设置新密码')");
        (await page.Locator("#admin-error").TextContentAsync())!.ShouldBe("两次输入的新密码不一致。");
        await page.FillAsync("#new-password", "Baiyun2026new");
        await page.FillAsync("#confirm-password", "Baiyun2026new");
        await page.FillAsync("#password-reason", "本人忘记密码");
        await page.ClickAsync("#password-form button:has-text('设置新密码')");
        await page.Locator(".alert-success:has-text('设置新密码')").WaitForAsync();
        await ShotAsync(page, "13-admin-user-edited");
        // The department evaluation of step 2 goes to the demo expert.
        await page.GotoAsync(baseUrl + "/admin/users");
        await page.ClickAsync("a[aria-label='管理 zhuanjia']");
        await page.WaitForURLAsync(new Regex("/admin/users/[^/]+$"));
        await page.SelectOptionAsync("#assign-evaluation", new SelectOptionValue { Label = "公安工作补贴 · 部门评价 （未指派）" });
        await page.FillAsync("#assign-reason", "熟悉公安经费");
        await page.ClickAsync("#assign-form button:has-text('指派')");
        await page.Locator(".alert-success").WaitForAsync();
        (await page.TextContentAsync("#assigned-evaluations"))!.ShouldContain("公安工作补贴");
        await ShotAsync(page, "13b-expert-with-assigned-evaluation");
        await page.GotoAsync(baseUrl + "/admin/users");
        await ShotAsync(page, "14-admin-users-with-history");
        // A unit made before its first table, then its name corrected on its own page.
        await page.FillAsync("#unitName", "白云区禁毒办");
        await page.FillAsync("#unitDepartment", "广州市公安局白云区分局");
        await page.ClickAsync("#create-unit-form button:has-text('创建单位')");
        await page.Locator(".alert-success:has-text('已创建单位“白云区禁毒办”')").WaitForAsync();
        await page.ClickAsync("a[aria-label='编辑单位 白云区禁毒办']");
        await page.WaitForURLAsync(new Regex("/admin/units/[0-9]+$"));
        await page.FillAsync("#name", "广州市白云区禁毒委员会办公室");
        await page.FillAsync("#reason", "按目标表上的全称");
        await page.ClickAsync("#unit-form button:has-text('保存')");
        await page.Locator(".alert-success:has-text('已保存单位')").WaitForAsync();
        (await page.TextContentAsync("#unit-history"))!.ShouldContain("白云区禁毒办 → 广州市白云区禁毒委员会办公室");
        await ShotAsync(page, "14b-admin-unit-edited");
        await LogoutAsync(page, baseUrl);

        await page.GotoAsync(baseUrl + "/login");
        await page.FillAsync("#userName", "zfw");
        await page.FillAsync("#password", DemoSetup.Password);
        await page.ClickAsync("button[type=submit]");
        (await page.TextContentAsync(".alert-danger"))!.ShouldBe("用户名或密码错误。");
        await LoginAsync(page, baseUrl, "zfw", "Baiyun2026new");
        await page.GotoAsync(baseUrl + "/projects");
        (await page.TextContentAsync("#results .card-header"))!.ShouldContain("共 16 个项目");

        // 4. zfw changes their own password: a mismatch is explained, then it works and the next login needs it.
        await page.ClickAsync("a:has-text('修改密码')");
        await page.WaitForURLAsync(baseUrl + "/account/password");
        await page.FillAsync("#currentPassword", "Baiyun2026new");
        await page.FillAsync("#newPassword", "Baiyun2027own");
        await page.FillAsync("#confirmPassword", "Baiyun2027owm");
        await page.ClickAsync("#own-password-form button[type=submit]");
        (await page.TextContentAsync("#password-error"))!.ShouldBe("两次输入的新密码不一致。");
        await ShotAsync(page, "15-own-password-error");
        await page.FillAsync("#currentPassword", "Baiyun2026new");
        await page.FillAsync("#newPassword", "Baiyun2027own");
        await page.FillAsync("#confirmPassword", "Baiyun2027own");
        await page.ClickAsync("#own-password-form button[type=submit]");
        await page.Locator(".alert-success").WaitForAsync();
        await ShotAsync(page, "16-own-password-changed");
        await page.GotoAsync(baseUrl + "/projects");
        (await page.TextContentAsync("#results .card-header"))!.ShouldContain("共 16 个项目"); // still logged in
        await LogoutAsync(page, baseUrl);
        await LoginAsync(page, baseUrl, "zfw", "Baiyun2027own");

        errors.ShouldBeEmpty();
    }
}
