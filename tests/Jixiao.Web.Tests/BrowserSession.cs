using Jixiao.App.Demo;
using Microsoft.Playwright;

namespace Jixiao.Web.Tests;

/// <summary>
/// What a browser walk starts from: the app on Kestrel with the demo data (SQLite), Debian's Chromium headless, and the
/// demo users logged in on pages of a desktop's size in the Chinese locale whose console errors are collected in
/// <see cref="Errors"/> (a walk ends by asserting there are none). Disposing closes the browser, then the app.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    /// <summary>screenshots/ in the test output folder: where the walks leave their pictures and downloads.</summary>
    public static readonly string Shots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private readonly IPlaywright _playwright;

    private BrowserSession(TestApp app, IPlaywright playwright, IBrowser browser)
    {
        App = app;
        _playwright = playwright;
        Browser = browser;
        BaseUrl = app.BaseUrl;
    }

    public TestApp App { get; }

    public IBrowser Browser { get; }

    /// <summary>The app's address without a trailing slash (http://127.0.0.1:port).</summary>
    public string BaseUrl { get; }

    public List<string> Errors { get; } = [];

    /// <summary>Playwright's request API sends no Origin, which the site's own pages do: the API refuses a write without it.</summary>
    public Dictionary<string, string> SameSite => new() { ["Origin"] = BaseUrl };

    /// <param name="app">The app to walk, made with <c>kestrel: true</c> (the session disposes it); by default the demo on SQLite.</param>
    public static async Task<BrowserSession> StartAsync(TestApp? app = null)
    {
        Directory.CreateDirectory(Shots);
        app ??= new TestApp("sqlite", seed: true, kestrel: true);
        try
        {
            var playwright = await Playwright.CreateAsync();
            return new BrowserSession(app, playwright, await LaunchChromiumAsync(playwright));
        }
        catch
        {
            app.Dispose();
            throw;
        }
    }

    /// <summary>Debian's Chromium (the package chromium), headless.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });

    /// <summary>A new browser context logged in as <paramref name="user"/> (password of the demo), on the home page.</summary>
    /// <param name="acceptDialogs">Accept confirm dialogs (a walk that deletes or sends something asks the browser first).</param>
    public async Task<IPage> LoginAsync(string user, bool acceptDialogs = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 }, Locale = "zh-CN", AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        page.Console += (_, message) => { if (message.Type == "error") { Errors.Add(message.Text); } };
        if (acceptDialogs)
        {
            page.Dialog += (_, dialog) => dialog.AcceptAsync();
        }

        await page.GotoAsync(BaseUrl + "/login");
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", DemoSetup.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(BaseUrl + "/");
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        App.Dispose();
    }
}
