using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Jixiao.App.Imports;
using Jixiao.App.Rechecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using static Jixiao.Web.Tests.Rechecks.RecheckFiles;

namespace Jixiao.Web.Tests.Rechecks;

/// <summary>
/// 自评复核 in a real browser (Debian's Chromium, headless): the reviewer (czj) opens 自评复核 from the navigation,
/// uploads three self-evaluations and a file that is none, sees the batch's progress while it waits for a worker, and —
/// the worker having run — the page reloads by itself with the result: every project with 自评 and 复核 totals and the
/// grade change, sortable by a column, filterable by check; the file not rechecked with its reason. The reviewer opens a
/// project, overrides one line with a reason, sees the total and grade follow and the 修改记录, and downloads the 自评复核表
/// and the 复核报告 with the override in both. Screenshots: screenshots/recheck-*.png in the test output folder.
/// </summary>
public sealed class RecheckBrowserTests
{

    [Fact]
    public async Task A_reviewer_uploads_follows_the_progress_reads_the_result_overrides_a_line_and_downloads_both_files()
    {
        // No worker of the host's own: the test runs one when it has seen the progress, so the waiting state is seen for sure.
        await using var session = await BrowserSession.StartAsync(
            new TestApp("sqlite", seed: false, kestrel: true, settings: new Dictionary<string, string> { ["Jixiao:Recheck:Workers"] = "0" }));
        var (app, baseUrl) = (session.App, session.BaseUrl);
        var page = await session.LoginAsync("czj");

        await page.ClickAsync("a.nav-link:has-text('自评复核')");
        await page.WaitForURLAsync(baseUrl + "/rechecks");
        await page.SetInputFilesAsync("#files", new[]
        {
            new FilePayload { Name = "12-化肥减量增效.txt", MimeType = "text/plain", Buffer = Corpus("12-self-evaluation.txt") },
            new FilePayload { Name = "14-村级补助.txt", MimeType = "text/plain", Buffer = Corpus("14-self-evaluation.txt") },
            new FilePayload { Name = "16-水旱灾害防御.txt", MimeType = "text/plain", Buffer = Corpus("16-self-evaluation.txt") },
            new FilePayload { Name = "说明.txt", MimeType = "text/plain", Buffer = "请查收各单位自评表。\n"u8.ToArray() },
        });
        await page.ClickAsync("#recheck-upload button[type=submit]");
        await page.WaitForURLAsync(new Regex("/rechecks/\\d+$"));
        var batchUrl = page.Url;

        // Waiting for a worker: the progress card polls.
        (await page.GetAttributeAsync("#recheck-progress", "data-finished")).ShouldBe("false");
        (await page.TextContentAsync("#recheck-count"))!.Trim().ShouldBe("0 / 4");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.Shots, "recheck-progress.png"), FullPage = true });

        using (var reader = new ImportReader(new ImportReadLimits()))
        {
            var worker = new RecheckWorker(() => app.NewDbContext(), reader, TimeProvider.System, new RecheckWorkerOptions(), NullLogger<RecheckWorker>.Instance, "browser-test");
            while (await worker.RunOnceAsync(CancellationToken.None) != RecheckStep.Idle)
            {
            }
        }

        // The next poll sees the batch finished and reloads the page with the result.
        await page.WaitForSelectorAsync("#recheck-progress[data-finished=true]", new PageWaitForSelectorOptions { Timeout = 30_000 });
        var rows = page.Locator("#recheck-rows tbody tr");
        (await rows.CountAsync()).ShouldBe(3);
        var first = await rows.Nth(0).InnerTextAsync();
        first.ShouldContain("隆阳区土壤肥料工作站");
        first.ShouldContain("59");
        first.ShouldContain("中 → 差");
        first.ShouldContain("预算执行率得分有误");
        (await page.TextContentAsync("#recheck-files"))!.ShouldContain("说明.txt");
        (await page.TextContentAsync("#recheck-files"))!.ShouldContain("没有读到任何项目");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.Shots, "recheck-result.png"), FullPage = true });

        await page.ClickAsync("#recheck-rows th a:has-text('复核总分')");
        await page.WaitForURLAsync(new Regex("sort=total"));
        (await page.Locator("#recheck-rows td.total").AllTextContentsAsync()).Select(t => t.Trim()).ShouldBe(["59", "76", "100"]);
        await page.ClickAsync("#recheck-rows th a:has-text('复核总分')");
        await page.WaitForURLAsync(new Regex("desc=true"));
        (await page.Locator("#recheck-rows td.total").AllTextContentsAsync()).Select(t => t.Trim()).ShouldBe(["100", "76", "59"]);
        var withSum = await page.Locator("#recheck-rows tbody tr", new PageLocatorOptions { HasText = "合计与各项之和不符" }).CountAsync();
        withSum.ShouldBeInRange(1, 2, "14 has the reader's sum findings, 16 none");
        await page.SelectOptionAsync("#recheck-filter select[name=check]", "sum");
        await page.ClickAsync("#recheck-filter button[type=submit]");
        await page.WaitForURLAsync(new Regex("check=sum"));
        (await page.Locator("#recheck-rows tbody tr").CountAsync()).ShouldBe(withSum);
        (await page.TextContentAsync("#recheck-rows tbody"))!.ShouldContain("村级补助及运转经费");

        // 14: override the 效益 line held at 8 of 10 ("效果明显") to 6.
        await page.GotoAsync(batchUrl);
        await page.ClickAsync("#recheck-rows a:has-text('村级补助及运转经费')");
        await page.WaitForURLAsync(new Regex("/evaluations/\\d+$"));
        (await page.TextContentAsync("#recheck-total"))!.ShouldContain("76");
        var line = page.Locator("#recheck-lines tr", new PageLocatorOptions { HasText = "对保障村(社区)两委机构正常运行的影响程度" });
        (await line.Locator("td.score").TextContentAsync())!.Trim().ShouldBe("8");
        await line.Locator("details.decision-form summary").ClickAsync();
        await line.Locator("input[name=score]").FillAsync("6");
        await line.Locator("input[name=reason]").FillAsync("抽查两委会议记录不全");
        await line.Locator("button:has-text('改为此分')").ClickAsync();
        await page.WaitForSelectorAsync("#decision-message");
        (await page.TextContentAsync("#decision-message"))!.ShouldContain("改为 6 分");
        (await page.TextContentAsync("#recheck-total"))!.ShouldContain("74");
        line = page.Locator("#recheck-lines tr", new PageLocatorOptions { HasText = "对保障村(社区)两委机构正常运行的影响程度" });
        (await line.Locator("td.score").InnerTextAsync()).ShouldContain("按规则 8");
        (await line.Locator("td.decision").InnerTextAsync()).ShouldContain("已调整为 6 分：抽查两委会议记录不全");
        var history = await page.TextContentAsync("#recheck-history") ?? "";
        history.ShouldContain("改为 6 分");
        history.ShouldContain("76 分 / 中");
        history.ShouldContain("74 分 / 中");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.Shots, "recheck-override.png"), FullPage = true });

        // A reason is required: the same form without one is refused with the line named.
        line = page.Locator("#recheck-lines tr", new PageLocatorOptions { HasText = "对保障村(社区)两委机构正常运行的影响程度" });
        await line.Locator("details.decision-form summary").ClickAsync();
        await line.Locator("input[name=score]").FillAsync("5");
        await line.Locator("button:has-text('改为此分')").ClickAsync();
        await page.WaitForSelectorAsync("#decision-error");
        (await page.TextContentAsync("#decision-error"))!.ShouldContain("调整复核得分须填写理由");
        (await page.TextContentAsync("#recheck-total"))!.ShouldContain("74");

        await page.GotoAsync(batchUrl);
        (await page.Locator("#recheck-rows tr", new PageLocatorOptions { HasText = "村级补助及运转经费" }).InnerTextAsync()).ShouldContain("74");
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[data-download]:has-text('自评复核表 .xlsx')"));
        xlsx.SuggestedFilename.ShouldEndWith(".xlsx");
        var xlsxPath = Path.Combine(BrowserSession.Shots, "recheck.xlsx");
        await xlsx.SaveAsAsync(xlsxPath);
        using (var workbook = SpreadsheetDocument.Open(xlsxPath, false))
        {
            var part = workbook.WorkbookPart!;
            var strings = part.SharedStringTablePart?.SharedStringTable.InnerText ?? "";
            var cells = string.Concat(part.WorksheetParts.Select(w => w.Worksheet.InnerText));
            (strings + cells).ShouldContain("复核人改为 6 分（原复核 8 分）：抽查两委会议记录不全");
            (strings + cells).ShouldContain("说明.txt");
        }

        var docx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[data-download]:has-text('复核报告 .docx')"));
        var docxPath = Path.Combine(BrowserSession.Shots, "recheck-report.docx");
        await docx.SaveAsAsync(docxPath);
        using (var report = WordprocessingDocument.Open(docxPath, false))
        {
            var text = report.MainDocumentPart!.Document!.Body!.InnerText;
            text.ShouldContain("复核范围");
            text.ShouldContain("复核方法");
            text.ShouldContain("等级发生变化的自评");
            text.ShouldContain("隆阳区土壤肥料工作站");
            text.ShouldContain("抽查两委会议记录不全");
        }

        await using var db = app.NewDbContext();
        (await db.RecheckLineDecisions.CountAsync()).ShouldBe(1);
        session.Errors.ShouldBeEmpty();
    }
}
