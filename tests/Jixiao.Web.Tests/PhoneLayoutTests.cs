using Jixiao.App.Auth;
using Jixiao.App.Demo;
using Jixiao.App.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Jixiao.Web.Tests;

/// <summary>
/// The main pages on a phone (390 × 844, the width of a common phone) in Chromium: the sidebar collapses behind a 菜单
/// button, no page is wider than the screen, and no header or label breaks one character per line. Screenshots go to
/// screenshots/phone-*.png in the test output folder.
/// </summary>
public sealed class PhoneLayoutTests
{
    private const int Width = 390;
    private static readonly string Shots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    // Visible headers, labels, buttons and badges of at least 3 characters that take as many lines as characters.
    private const string BrokenLabels = """
        () => [...document.querySelectorAll('th, label, .btn, .badge, .stat-label, .card-header, .nav-link, h1, h2')]
          .filter(e => e.offsetParent !== null)
          .map(e => {
            const text = (e.innerText || '').trim();
            const lineHeight = parseFloat(getComputedStyle(e).lineHeight) || parseFloat(getComputedStyle(e).fontSize) * 1.5;
            const style = getComputedStyle(e);
            const height = e.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
            return { text, lines: Math.round(height / lineHeight) };
          })
          .filter(x => x.text.length >= 3 && !x.text.includes('\n') && x.lines >= 3 && x.lines >= x.text.length)
          .map(x => x.text)
        """;

    [Fact]
    public async Task The_main_pages_fit_a_390_px_phone_and_the_sidebar_becomes_a_menu()
    {
        Directory.CreateDirectory(Shots);
        using var app = new TestApp("sqlite", seed: true, kestrel: true);
        await DemoSetup.LoadReportEvaluationsAsync(app.Services);
        int projectId, evaluationId;
        await using (var db = app.NewDbContext())
        {
            projectId = await db.Projects.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            evaluationId = await db.Evaluations.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        }

        // A 复核批次 of two self-evaluations and a file that is none, rechecked, for its pages.
        var admin = new AccessScope("phone-test", "管理员", new HashSet<string> { Roles.Admin }, []);
        int batchId, recheckId;
        await using (var db = app.NewDbContext())
        {
            batchId = (await Jixiao.App.Rechecks.CreateRecheckBatch.RunAsync(db, admin,
                [Rechecks.RecheckFiles.Upload("12-化肥减量增效.txt", Rechecks.RecheckFiles.Corpus("12-self-evaluation.txt")),
                    Rechecks.RecheckFiles.Upload("14-村级补助.txt", Rechecks.RecheckFiles.Corpus("14-self-evaluation.txt")),
                    Rechecks.RecheckFiles.Upload("说明.txt", "请查收。\n"u8.ToArray())],
                new Jixiao.App.Rechecks.RecheckUploadLimits(), TimeProvider.System)).Id!.Value;
        }

        using (var reader = new ImportReader(new ImportReadLimits()))
        {
            var worker = new Jixiao.App.Rechecks.RecheckWorker(() => app.NewDbContext(), reader, TimeProvider.System, new Jixiao.App.Rechecks.RecheckWorkerOptions(),
                Microsoft.Extensions.Logging.Abstractions.NullLogger<Jixiao.App.Rechecks.RecheckWorker>.Instance, "phone-test");
            while (await worker.RunOnceAsync(CancellationToken.None) != Jixiao.App.Rechecks.RecheckStep.Idle)
            {
            }
        }

        await using (var db = app.NewDbContext())
        {
            recheckId = await db.RecheckEvaluations.Where(e => e.BatchId == batchId).OrderByDescending(e => e.Id).Select(e => e.Id).FirstAsync();
        }

        var baseUrl = app.BaseUrl;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchChromiumAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = Width, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync(baseUrl + "/login");
        (await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth")).ShouldBeLessThanOrEqualTo(Width, "/login");
        await page.FillAsync("#userName", "admin");
        await page.FillAsync("#password", DemoSetup.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(baseUrl + "/");

        var pages = new[]
        {
            "/", "/projects", $"/projects/{projectId}", "/reviews", "/evaluations", $"/evaluations/{evaluationId}", "/monitoring",
            "/result-use", "/rectification", "/rechecks", $"/rechecks/{batchId}", $"/rechecks/{batchId}/evaluations/{recheckId}", "/imports", "/admin/users",
            "/account/password", "/projects/999999",
        };
        var failures = new List<string>();
        var n = 0;
        foreach (var url in pages)
        {
            await page.GotoAsync(baseUrl + url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var width = await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth");
            if (width > Width)
            {
                failures.Add($"{url}: {width} px wide");
            }

            var broken = await page.EvaluateAsync<string[]>(BrokenLabels);
            if (broken.Length > 0)
            {
                failures.Add($"{url}: one character per line: {string.Join("、", broken.Take(5))}");
            }

            await page.EvaluateAsync("window.scrollTo(0, 0)");
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(Shots, $"phone-{++n:00}{url.Replace('/', '-').TrimEnd('-')}.png"),
                FullPage = true,
            });
        }

        failures.ShouldBeEmpty();

        // The sidebar is hidden behind the menu button, which opens and closes it.
        await page.GotoAsync(baseUrl + "/");
        (await page.Locator("#sidebar").IsVisibleAsync()).ShouldBeFalse();
        await page.ClickAsync(".menu-button");
        await page.Locator("#sidebar.show").WaitForAsync();
        (await page.Locator("#sidebar a:has-text('审核')").IsVisibleAsync()).ShouldBeTrue();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "phone-00-menu.png") });
        await page.ClickAsync("#sidebar a:has-text('审核')");
        await page.WaitForURLAsync(baseUrl + "/reviews");
        (await page.Locator("#sidebar").IsVisibleAsync()).ShouldBeFalse();
    }
}
