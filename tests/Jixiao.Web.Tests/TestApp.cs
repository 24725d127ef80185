using System.Net.Http.Json;
using Jixiao.Data;
using Jixiao.App.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>
/// The real web host (JixiaoWebHost) on a fresh database: a SQLite file, or a new database on the PostgreSQL server
/// named by JIXIAO_TEST_PG. With <c>seed</c> it holds the demo users and the seed tables 002 and 003 imported by the
/// real importer; without, only the demo users.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    private readonly TestDatabase? _database;
    private readonly bool _kestrel;
    private readonly bool _stampCheckEveryRequest;
    private readonly IReadOnlyDictionary<string, string>? _settings;

    /// <summary>A second instance on <paramref name="other"/>'s database (it keeps ownership of the database).</summary>
    public TestApp(TestApp other)
    {
        Provider = other.Provider;
        ConnectionString = other.ConnectionString;
        EvidenceFolder = other.EvidenceFolder;
        _ = Services;
    }

    /// <param name="stampCheckEveryRequest">Check the login's security stamp on every request instead of once a minute.</param>
    /// <param name="settings">Configuration of the host (e.g. Jixiao:Import:ReadSeconds), on top of the test defaults.</param>
    public TestApp(string provider, bool seed, bool kestrel = false, bool stampCheckEveryRequest = false, IReadOnlyDictionary<string, string>? settings = null)
    {
        Provider = provider;
        _settings = settings;
        _kestrel = kestrel;
        _stampCheckEveryRequest = stampCheckEveryRequest;
        _database = TestDatabase.Create(provider, "jixiao-web-test", migrate: false);
        ConnectionString = _database.ConnectionString;
        EvidenceFolder = Path.Combine(Path.GetTempPath(), $"jixiao-evidence-test-{Guid.NewGuid():N}");
        _ownsEvidence = true;

        if (kestrel)
        {
            UseKestrel(0);
            StartServer();
        }

        DemoSetup.RunAsync(Services, seed).GetAwaiter().GetResult();
    }

    public string Provider { get; }
    public string ConnectionString { get; }

    /// <summary>Where an app made with <c>kestrel: true</c> listens, without a trailing slash (http://127.0.0.1:port).</summary>
    public string BaseUrl => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    /// <summary>The app's own 佐证材料 folder (Jixiao:Evidence:Folder), removed with the app; a second instance shares it.</summary>
    public string EvidenceFolder { get; }

    private readonly bool _ownsEvidence;

    /// <summary>"sqlite" always, "postgres" too when JIXIAO_TEST_PG is set: the same tests run on both.</summary>
    public static TheoryData<string> Providers => TestDatabase.Providers;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Jixiao:Database", ConnectionString);
        builder.UseSetting("Jixiao:Evidence:Folder", EvidenceFolder);
        builder.UseEnvironment("Production");
        // As behind a reverse proxy on the same machine: a test client's X-Forwarded-For says which address it comes from
        // (the in-memory server gives no address of its own) and X-Forwarded-Proto whether it came over HTTPS.
        builder.UseSetting("Jixiao:TrustedProxies", "127.0.0.1");
        foreach (var (key, value) in _settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (_stampCheckEveryRequest)
        {
            builder.ConfigureServices(services =>
                services.Configure<Microsoft.AspNetCore.Identity.SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));
        }
    }

    /// <summary>
    /// Every test client is a script, not a browser: it says so with X-Jixiao-Client, as the state-changing API asks of a
    /// caller that sends no Origin (CrossSiteTests take the header away).
    /// </summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add("X-Jixiao-Client", "tests");
    }

    /// <summary>A client with its own cookie jar, logged in as <paramref name="userName"/> (a demo user).</summary>
    public async Task<HttpClient> LoginAsync(string userName, string password = DemoSetup.Password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password });
        response.EnsureSuccessStatusCode();
        return client;
    }

    public JixiaoDbContext NewDbContext() => new(JixiaoDatabase.Options(ConnectionString));

    public async Task LinkDemoUnitsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await DemoSetup.LinkUnitsAsync(scope.ServiceProvider.GetRequiredService<JixiaoDbContext>(),
            scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.Entities.JixiaoUser>>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database?.Dispose();
            if (_ownsEvidence && Directory.Exists(EvidenceFolder))
            {
                Directory.Delete(EvidenceFolder, recursive: true);
            }
        }
    }
}

/// <summary>One seeded app per provider, shared by a test class (tests that change data use their own projects).</summary>
public sealed class SeededApps : IDisposable
{
    private readonly Dictionary<string, TestApp> _apps = [];
    private readonly Lock _lock = new();

    public TestApp Get(string provider)
    {
        lock (_lock)
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                app = new TestApp(provider, seed: true);
                _apps[provider] = app;
            }

            return app;
        }
    }

    public void Dispose()
    {
        foreach (var app in _apps.Values)
        {
            app.Dispose();
        }
    }
}
