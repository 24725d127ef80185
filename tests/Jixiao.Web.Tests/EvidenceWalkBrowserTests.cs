using System.Text.RegularExpressions;
using Jixiao.App.Demo;
using Jixiao.Data.Entities;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Rectification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Jixiao.Web.Tests;

/// <summary>
/// The walk of issue 19 in a real browser (Debian's Chromium, headless): the police clerk attaches a 佐证材料 file to a
/// line of his 单位自评 (the line's 无佐证 mark goes) and locks it at 中; finance opens 结果应用, sees the advice to cut
/// 10 % and the RES101 finding, decides with a reason and issues a 整改 task from the finding; the clerk attaches his
/// evidence (a photographed, stamped form) to the task and submits his measures; finance downloads both files (the PDF is
/// rendered to PNG to be looked at) and accepts. Screenshots of every
/// step: screenshots/walk-*.png in the test output folder and /tmp/jixiao-walk/.
/// </summary>
public sealed class EvidenceWalkBrowserTests
{
    private const long Wan = 1_000_000; // 1 万元 in 分
    private const int Year = 2053;
    private const string Copies = "/tmp/jixiao-walk";

    /// <summary>
    /// A police project of <see cref="Year"/> (100 万元) with a 单位自评 of four lines the clerk has filled — 预算执行率 80 %
    /// (8 of 10), 60 of 100 people trained (30 of 50), 90 % of a 95 % target (28.42 of 30), satisfaction 85 % of 90 % (9.44
    /// of 10): 75.86, 中 — still open; and next year's project of the same name asking 105 万元.
    /// </summary>
    private static async Task<(int ProjectId, string Name, int EvaluationId)> EvaluatedProjectAsync(TestApp app)
    {
        await using var db = app.NewDbContext();
        db.ActorOverride = "测试准备";
        var project = await db.Projects.Where(p => p.Unit!.Name == DemoSetup.PoliceUnit).OrderBy(p => p.Id).Skip(3).FirstAsync();
        project.FiscalYear = Year;
        project.TotalFen = 100 * Wan;
        db.Projects.Add(new ProjectEntity
        {
            UnitId = project.UnitId, Name = project.Name, FiscalYear = Year + 1, TotalFen = 105 * Wan, SourceMoneyUnit = "万元", Goal = "下年目标",
        });
        const string sheet = """
            {
              "project": "P", "year": 2053, "kind": "单位自评",
              "indicators": [
                { "level1": "预算执行率", "level2": "预算执行率", "name": "预算执行率", "weight": 10, "method": "proportional", "target": "100%", "actual": "80%", "reason": "年底集中支付未完成" },
                { "level1": "产出指标", "level2": "数量指标", "name": "培训人数", "weight": 50, "method": "proportional", "target": "≥100人", "actual": "60人", "reason": "疫情停训两月" },
                { "level1": "效益指标", "level2": "社会效益指标", "name": "案件破案率", "weight": 30, "method": "proportional", "target": "≥95%", "actual": "90%", "reason": "跨区案件移交" },
                { "level1": "满意度指标", "level2": "服务对象满意度指标", "name": "群众满意度", "weight": 10, "method": "proportional", "target": "≥90%", "actual": "85%", "reason": "回访样本少" }
              ]
            }
            """;
        var evaluation = new EvaluationEntity
        {
            ProjectId = project.Id, Kind = EvaluationKind.SelfEvaluation, SheetJson = sheet.Replace("\"P\"", System.Text.Json.JsonSerializer.Serialize(project.Name), StringComparison.Ordinal),
            Total = 75.86m, Grade = "中", CreatedBy = "公安分局填报员", CreatedAt = DateTimeOffset.UtcNow, Version = 1,
        };
        db.Evaluations.Add(evaluation);
        await db.SaveChangesAsync();
        return (project.Id, project.Name, evaluation.Id);
    }

    [Fact]
    public async Task Evaluation_result_use_rectification_and_evidence_walk_from_clerk_to_finance_and_back()
    {
        Directory.CreateDirectory(Copies);
        await using var session = await BrowserSession.StartAsync();
        var (app, baseUrl) = (session.App, session.BaseUrl);
        var (projectId, name, evaluationId) = await EvaluatedProjectAsync(app);
        var files = Path.Combine(Path.GetTempPath(), "jixiao-walk-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(files);
        var ledger = Path.Combine(files, "培训签到表.pdf");
        var photo = Path.Combine(files, "申请表盖章页.png");

        // The evidence itself, as a unit makes it: a sign-in sheet printed to PDF and a photographed form, drawn by the browser.
        await using (var maker = await session.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 800, Height = 500 } }))
        {
            var sheet = await maker.NewPageAsync();
            await sheet.SetContentAsync("<html><body style='font-family:\"Noto Sans CJK SC\"'><h2>2053年度民警业务培训签到表（第一、二期）</h2>"
                + "<table border='1' cellpadding='6' style='border-collapse:collapse'><tr><th>序号</th><th>姓名</th><th>单位</th><th>签到</th></tr>"
                + string.Concat(Enumerable.Range(1, 6).Select(i => $"<tr><td>{i}</td><td>学员{i}</td><td>白云区分局</td><td>已签</td></tr>"))
                + "</table><p>合计到训 60 人。</p></body></html>");
            await sheet.PdfAsync(new PagePdfOptions { Path = ledger, Format = "A4" });
            await sheet.SetContentAsync("<html><body style='font-family:\"Noto Sans CJK SC\";background:#fffdf5'><h2>2054年度项目支出预算调整申请表</h2>"
                + "<p>项目：分局新综合办证中心改造工程</p><p>原申请：105.00 万元　调整后：<b>90.00 万元</b></p>"
                + "<p style='color:#c00;border:3px solid #c00;border-radius:50%;width:160px;text-align:center;padding:30px 0'>广州市公安局<br>白云区分局<br>（盖章）</p></body></html>");
            await sheet.ScreenshotAsync(new PageScreenshotOptions { Path = photo });
        }

        async Task ShotAsync(IPage page, string step, string? selector = null)
        {
            var path = Path.Combine(BrowserSession.Shots, $"walk-{step}.png");
            if (selector is null)
            {
                // from the top: a page scrolled to an #anchor would show its fixed top bar halfway down a full-page shot
                await page.EvaluateAsync("() => window.scrollTo(0, 0)");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            }
            else
            {
                await page.Locator(selector).ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
            }

            File.Copy(path, Path.Combine(Copies, $"walk-{step}.png"), overwrite: true);
        }

        // 1. The clerk: the scored lines are marked 无佐证; he attaches the training sign-in sheet to 培训人数 and locks at 中.
        var gaj = await session.LoginAsync("gaj", acceptDialogs: true);
        await gaj.GotoAsync($"{baseUrl}/evaluations/{evaluationId}");
        (await gaj.Locator("#evaluation-grade").InnerTextAsync()).ShouldBe("中");
        (await gaj.Locator(".no-evidence").CountAsync()).ShouldBe(4, "every line is scored and none has a file");
        var line = gaj.Locator("#evidence-line-1");
        await line.Locator("details.evidence-upload summary").ClickAsync();
        (await line.Locator(".evidence-limits").InnerTextAsync()).ShouldContain("单个不超过 20 MB，本评价合计不超过 200 MB");
        await line.Locator("input[type=file]").SetInputFilesAsync(ledger);
        await line.Locator("input[name=note]").FillAsync("第一、二期培训签到表");
        await ShotAsync(gaj, "1-evaluation-upload");
        await line.Locator("button[type=submit]").ClickAsync();
        await gaj.WaitForURLAsync(new Regex($"/evaluations/{evaluationId}#line-1$"));
        var uploaded = await gaj.Locator(".alert-success").InnerTextAsync();
        uploaded.ShouldStartWith("已上传佐证材料 佐证-");
        var lineNumber = Regex.Match(uploaded, @"佐证-\d{4}-\d{4}").Value;
        (await gaj.Locator("#evidence-line-1").InnerTextAsync()).ShouldContain(lineNumber + " 培训签到表.pdf");
        (await gaj.Locator(".no-evidence").CountAsync()).ShouldBe(3, "the line with a file is no longer marked");
        (await gaj.Locator("#evidence-line-1 .no-evidence").CountAsync()).ShouldBe(0);
        await ShotAsync(gaj, "2-evaluation-evidence");
        await ShotAsync(gaj, "2b-evaluation-line", "#line-1");
        await gaj.ClickAsync("button:has-text('提交并锁定')");
        await gaj.WaitForSelectorAsync(".alert-success:has-text('评价已提交并锁定')");
        (await gaj.Locator("#evaluation").InnerTextAsync()).ShouldContain("已锁定");
        (await gaj.Locator("details.evidence-upload").CountAsync()).ShouldBe(0, "a locked evaluation's files no longer change");
        await ShotAsync(gaj, "3-evaluation-locked");

        // 2. Finance: 结果应用 advises the cut, finance decides with a reason and makes a 整改 task of RES101.
        var czj = await session.LoginAsync("czj", acceptDialogs: true);
        await czj.GotoAsync($"{baseUrl}/result-use?year={Year}");
        var row = czj.Locator($"#project-{projectId}");
        var rowText = await row.InnerTextAsync();
        rowText.ShouldContain("75.86 分");
        rowText.ShouldContain("控制新增，压减 10%");
        rowText.ShouldContain("RES101");
        await row.Locator("details.decision-form summary").ClickAsync();
        await row.Locator("details.decision-form textarea[name=reason]").FillAsync("自评为中，按规则压减 10%");
        await ShotAsync(czj, "4-result-use-decide");
        await row.Locator("details.decision-form button[type=submit]").ClickAsync();
        await czj.WaitForSelectorAsync(".alert-success:has-text('已保存结果应用决定')");
        (await czj.Locator($"#project-{projectId} td.decision").InnerTextAsync()).ShouldContain("压减：90.00 万元");
        row = czj.Locator($"#project-{projectId}");
        await row.Locator("details.rectify summary").ClickAsync();
        await row.Locator("details.rectify input[name=reason]").FillAsync("下年申请未压减，须说明并整改");
        await ShotAsync(czj, "5-result-use-rectify");
        await ShotAsync(czj, "5b-result-use-row", $"#project-{projectId}");
        await row.Locator("details.rectify button[type=submit]").ClickAsync();
        await czj.WaitForURLAsync(new Regex(@"/rectification#task-\d+$"));
        (await czj.Locator(".alert-success").InnerTextAsync()).ShouldContain("已下达整改任务");
        var taskId = int.Parse(Regex.Match(czj.Url, @"task-(\d+)$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var task = czj.Locator($"#task-{taskId}");
        (await task.InnerTextAsync()).ShouldContain("待整改");
        (await task.Locator("details.evidence-upload").CountAsync()).ShouldBe(0, "finance does not upload the unit's evidence");
        await ShotAsync(czj, "6-rectification-issued");

        // 3. The clerk attaches a photo to the task and submits the measures.
        await gaj.GotoAsync($"{baseUrl}/rectification");
        task = gaj.Locator($"#task-{taskId}");
        (await task.InnerTextAsync()).ShouldContain("RES101");
        await task.Locator("details.evidence-upload summary").ClickAsync();
        await task.Locator("details.evidence-upload input[type=file]").SetInputFilesAsync(photo);
        await task.Locator("details.evidence-upload input[name=note]").FillAsync("压减后的下年申请表盖章页");
        await task.Locator("details.evidence-upload button[type=submit]").ClickAsync();
        await gaj.WaitForURLAsync(new Regex($"/rectification#task-{taskId}$"));
        var taskUpload = await gaj.Locator(".alert-success").InnerTextAsync();
        taskUpload.ShouldContain("申请表盖章页.png");
        var taskNumber = Regex.Match(taskUpload, @"佐证-\d{4}-\d{4}").Value;
        taskNumber.ShouldNotBe(lineNumber);
        task = gaj.Locator($"#task-{taskId}");
        await task.Locator("textarea[name=measures]").FillAsync("已将下年申请由 105 万元调减为 90 万元，附盖章申请表");
        await ShotAsync(gaj, "7-rectification-measures");
        await ShotAsync(gaj, "7b-rectification-task", $"#task-{taskId}");
        await task.Locator("button:has-text('提交整改措施')").ClickAsync();
        await gaj.WaitForSelectorAsync(".alert-success:has-text('已提交整改措施')");
        task = gaj.Locator($"#task-{taskId}");
        (await task.InnerTextAsync()).ShouldContain("整改中");
        (await task.Locator("details.evidence-upload").CountAsync()).ShouldBe(0, "the files stand still while the reviewer verifies");
        await ShotAsync(gaj, "8-rectification-submitted");

        // 4. Finance downloads the photo, looks at it, and accepts.
        await czj.GotoAsync($"{baseUrl}/rectification");
        task = czj.Locator($"#task-{taskId}");
        var download = await czj.RunAndWaitForDownloadAsync(() => task.Locator("a[data-download]:has-text('申请表盖章页.png')").ClickAsync());
        download.SuggestedFilename.ShouldBe("申请表盖章页.png");
        var saved = Path.Combine(BrowserSession.Shots, "walk-downloaded-task.png");
        await download.SaveAsAsync(saved);
        (await File.ReadAllBytesAsync(saved)).ShouldBe(await File.ReadAllBytesAsync(photo));
        File.Copy(saved, Path.Combine(Copies, "walk-downloaded-task.png"), overwrite: true);
        await task.Locator("input[name=reason]").FillAsync("申请表已调减，照片与措施一致");
        await ShotAsync(czj, "9-rectification-verify");
        await ShotAsync(czj, "9b-rectification-task", $"#task-{taskId}");
        await task.Locator("button:has-text('验收通过')").ClickAsync();
        await czj.WaitForSelectorAsync(".alert-success:has-text('已验收')");
        (await czj.Locator($"#task-{taskId}").InnerTextAsync()).ShouldContain("已整改");
        await ShotAsync(czj, "10-rectification-accepted");

        // Finance reads the line's sign-in sheet from the locked evaluation too; its first page is rendered to look at.
        await czj.GotoAsync($"{baseUrl}/evaluations/{evaluationId}");
        var sheetDownload = await czj.RunAndWaitForDownloadAsync(() => czj.Locator("#evidence-line-1 a[data-download]").ClickAsync());
        sheetDownload.SuggestedFilename.ShouldBe("培训签到表.pdf");
        var pdf = Path.Combine(BrowserSession.Shots, "walk-downloaded-line.pdf");
        await sheetDownload.SaveAsAsync(pdf);
        (await File.ReadAllBytesAsync(pdf)).ShouldBe(await File.ReadAllBytesAsync(ledger));
        using (var render = System.Diagnostics.Process.Start("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, Path.Combine(Copies, "walk-downloaded-line")])!)
        {
            await render.WaitForExitAsync();
            render.ExitCode.ShouldBe(0);
        }

        // The 整改台账 lists the task's file by number.
        await czj.GotoAsync($"{baseUrl}/rectification");
        var book = await czj.RunAndWaitForDownloadAsync(() => czj.ClickAsync("a[data-download]:has-text('整改台账 .xlsx')"));
        var bookPath = Path.Combine(BrowserSession.Shots, "walk-ledger.xlsx");
        await book.SaveAsAsync(bookPath);
        using (var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(bookPath, false))
        {
            workbook.WorkbookPart!.SharedStringTablePart!.SharedStringTable.InnerText.ShouldContain($"{taskNumber} 申请表盖章页.png");
        }

        // Where else findings become tasks: the project's review findings (finance's view, to be looked at).
        await czj.GotoAsync($"{baseUrl}/projects/{projectId}");
        (await czj.Locator("details.rectify").CountAsync()).ShouldBeGreaterThan(0);
        await czj.Locator("details.rectify summary").First.ClickAsync();
        await ShotAsync(czj, "11-project-review-rectify", "#review-summary");
        await ShotAsync(czj, "12-project-indicators", ".indicator-table");

        await using var db = app.NewDbContext();
        (await db.RectificationTasks.SingleAsync(t => t.Id == taskId)).Status.ShouldBe(RectificationStatus.Accepted);
        (await db.Evaluations.SingleAsync(e => e.Id == evaluationId)).Status.ShouldBe(EvaluationStatus.Locked);
        var audit = await db.AuditLog.Where(a => a.Entity == "evidence" && a.ProjectId == projectId).OrderBy(a => a.Id).ToListAsync();
        audit.Select(a => (a.Field, a.Actor)).ShouldBe([("created", "公安分局填报员"), ("created", "公安分局填报员")]);
        audit[0].NewValue!.ShouldContain("附于单位自评第 2 行“培训人数”的实际完成值");
        audit[1].NewValue!.ShouldContain($"附于整改任务 {taskId}（RES101）的整改措施");
        session.Errors.ShouldBeEmpty();
        Directory.Delete(files, recursive: true);
    }
}
