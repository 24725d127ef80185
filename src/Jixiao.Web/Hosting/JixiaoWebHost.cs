using System.Security.Cryptography;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Web.Auth;
using Jixiao.Web.Evidence;
using Jixiao.Web.Monitoring;
using Jixiao.Web.Rechecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web;

/// <summary>
/// The web app's entry point, shared by `dotnet run` (Program.cs), `jixiao serve` and `jixiao demo`.
/// Options: --db CONNECTION (SQLite file or "Host=…" for PostgreSQL), --data FOLDER, --urls URL.
/// </summary>
public static class JixiaoWebHost
{
    public static int Run(string[] args)
    {
        Build(args).Run();
        return 0;
    }

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(JixiaoWebHost).Assembly.GetName().Name,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "webroot"),
        });
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
        {
            ["--db"] = "Jixiao:Database",
            ["--data"] = "Jixiao:DataFolder",
        });
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Keys are stored unencrypted in the app's own database (DataProtectionKeyRepository); access to it is the boundary.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        configure?.Invoke(builder);
        // One rule for the process, before anything is scored (the same for every host a process builds, unless configured).
        Jixiao.Domain.Evaluations.ScoreRounding.Configure(ServiceRegistration.ScoreRoundingOf(builder.Configuration));
        builder.Services.AddJixiaoData().AddJixiaoIdentity().AddJixiaoWeb().AddJixiaoMonitoring(builder.Configuration)
            .AddJixiaoRechecks(builder.Configuration)
            .AddJixiaoEvidence(builder.Configuration);

        var app = builder.Build();
        app.UseJixiao();
        return app;
    }

    /// <summary>
    /// On a database without users, creates the first 管理员 "admin" with <paramref name="password"/>, or a generated
    /// one that is returned so the command can show it once. Returns null when users already exist.
    /// </summary>
    public static async Task<string?> EnsureFirstAdminAsync(IServiceProvider services, string? password, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JixiaoDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        await Jixiao.App.Demo.DemoSetup.EnsureRolesAsync(scope.ServiceProvider);
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return null;
        }

        password ??= "jx" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)) + "7";
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JixiaoUser>>();
        var admin = new JixiaoUser { UserName = "admin", DisplayName = "系统管理员" };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(admin, Roles.Admin);
        return password;
    }
}
