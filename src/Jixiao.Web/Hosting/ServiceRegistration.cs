using System.Globalization;
using Jixiao.Data;
using Jixiao.Data.Audit;
using Jixiao.Data.Entities;
using Jixiao.Web.Auth;
using Jixiao.Web.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jixiao.Web;

/// <summary>The host's composition: each Add… registers one area.</summary>
public static class ServiceRegistration
{
    /// <summary>The connection string: Jixiao:Database, else a SQLite file jixiao.db in Jixiao:DataFolder.</summary>
    public static string ConnectionString(IConfiguration configuration)
    {
        if (configuration["Jixiao:Database"] is { Length: > 0 } configured)
        {
            return configured;
        }

        var folder = configuration["Jixiao:DataFolder"] is { Length: > 0 } f
            ? f
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "jixiao");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "jixiao.db")}";
    }

    /// <summary>
    /// Jixiao:TrustedProxies: the reverse proxies (addresses or networks, "127.0.0.1, 10.0.0.0/8") whose X-Forwarded-For,
    /// -Proto and -Host are believed; null when none is set (the app faces its clients directly).
    /// </summary>
    public static IReadOnlyList<System.Net.IPNetwork>? TrustedProxies(IConfiguration configuration)
    {
        var entries = (configuration["Jixiao:TrustedProxies"] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0)
        {
            return null;
        }

        // One address is the network of just that address. A typing error stops the start (FormatException), rather
        // than leaving the proxy untrusted and every client sharing the proxy's address.
        static System.Net.IPNetwork Network(string entry)
        {
            if (entry.Contains('/', StringComparison.Ordinal))
            {
                return System.Net.IPNetwork.Parse(entry);
            }

            var address = System.Net.IPAddress.Parse(entry);
            return new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        }

        return entries.Select(Network).ToList();
    }

    public static IServiceCollection AddJixiaoData(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<IAuditActor, WebActor>();
        // Pooled contexts: a request rents one that EF has already set up (its internal services, its connection object)
        // instead of building a new one. Who acts and the clock are set on every rental; EF resets the rest on return.
        services.AddSingleton<SessionStamps>();
        services.AddSingleton<SessionStamps.Interceptor>();
        services.AddPooledDbContextFactory<JixiaoDbContext>((sp, options) =>
        {
            JixiaoDatabase.Configure(options, ConnectionString(sp.GetRequiredService<IConfiguration>()));
            options.AddInterceptors(sp.GetRequiredService<SessionStamps.Interceptor>());
        });
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<JixiaoDbContext>>().CreateDbContext();
            db.Actor = sp.GetRequiredService<IAuditActor>();
            db.Clock = sp.GetRequiredService<TimeProvider>();
            db.ActorOverride = null;
            db.ChangeReason = null;
            return db;
        });
        services.AddHostedService<DatabaseInitializer>();
        return services;
    }

    public static IServiceCollection AddJixiaoIdentity(this IServiceCollection services)
    {
        // The login's claims (roles, display name) are rebuilt once a minute; whether the session still counts at all
        // (logout, password, disabled, role change) is checked on every request by SessionStamps.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddIdentity<JixiaoUser, IdentityRole>(o =>
            {
                // Length here; the kinds of character, the login name and common passwords in PasswordRules (Domain/Accounts).
                o.Password.RequiredLength = Jixiao.Domain.Accounts.PasswordRules.MinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                // Failed logins never lock an account (anyone could lock anyone's): the address that fails waits
                // (LoginThrottle). Identity's lockout only carries 停用 (a lockout "for ever", UserAdmin.SetDisabledAsync).
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<JixiaoDbContext>()
            .AddClaimsPrincipalFactory<JixiaoClaimsFactory>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddPasswordValidator<PasswordPolicy>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "jixiao.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            var rebuild = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = context => SessionStamps.ValidateAsync(context, rebuild);
            o.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
        });

        // Keys in the database: every instance on the same database reads the same cookies and anti-forgery tokens.
        services.AddDataProtection().SetApplicationName("jixiao");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DataProtectionKeyRepository(sp.GetRequiredService<IServiceScopeFactory>())));

        services.AddScoped<AccessService>();
        services.AddSingleton<LoginThrottle>();
        services.AddScoped<PasswordLogin>();
        // Jixiao:KeptListLimit: the longest 项目 list kept whole in memory (ids only); longer ones are read page by page.
        services.AddSingleton(sp => new StampCache
        {
            KeptIdsLimit = int.TryParse(sp.GetRequiredService<IConfiguration>()["Jixiao:KeptListLimit"], NumberStyles.None,
                CultureInfo.InvariantCulture, out var limit) ? limit : StampCache.DefaultKeptIdsLimit,
        });
        services.AddAuthorization();
        services.AddSingleton(sp => new ImportReader(ImportReadLimitsOf(sp.GetRequiredService<IConfiguration>())));
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>()["Jixiao:Import:WriteChunkRows"] is { Length: > 0 } rows
            ? new ImportWriteOptions
            {
                ChunkRows = int.TryParse(rows, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
                    : throw new InvalidDataException($"配置 Jixiao:Import:WriteChunkRows 的值“{rows}”无效：应为正整数。"),
            }
            : new ImportWriteOptions());
        services.AddSingleton(sp => new Jixiao.App.Downloads.WorkbookGate(WorkbookLimitsOf(sp.GetRequiredService<IConfiguration>()),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>
    /// The limits of reading uploads (docs/import.md): Jixiao:Import:ReadSeconds (one read's budget, default 60),
    /// :ReadsPerUser (2), :Reads (reads at once on this instance; one core fewer than the machine's, at least 1),
    /// :BackgroundReads (reads of the 复核批次 workers at once, 1, counted apart from :Reads) and
    /// :CacheMegabytes (readings kept, 256). A value that is not a positive number stops the start.
    /// </summary>
    public static ImportReadLimits ImportReadLimitsOf(IConfiguration configuration)
    {
        var section = configuration.GetSection("Jixiao:Import");
        double Positive(string name, double fallback) => section[name] is not { Length: > 0 } text ? fallback
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value) ? value
            : throw new InvalidDataException($"配置 Jixiao:Import:{name} 的值“{text}”无效：应为正数。");
        var defaults = new ImportReadLimits();
        return new ImportReadLimits
        {
            Budget = TimeSpan.FromSeconds(Positive("ReadSeconds", defaults.Budget.TotalSeconds)),
            PerUser = (int)Positive("ReadsPerUser", defaults.PerUser),
            Global = (int)Positive("Reads", defaults.Global),
            Background = (int)Positive("BackgroundReads", defaults.Background),
            CacheBytes = (long)(Positive("CacheMegabytes", defaults.CacheBytes / 1024.0 / 1024.0) * 1024 * 1024),
        };
    }

    /// <summary>
    /// The rounding of scores (docs/evaluations.md): Jixiao:Scoring:Rounding "half-up" (四舍五入, the default, as 财政
    /// does) or "half-even", and Jixiao:Scoring:Decimals (0–2, default 2). A value not understood stops the start.
    /// </summary>
    public static Jixiao.Domain.Evaluations.RoundingRule ScoreRoundingOf(IConfiguration configuration)
    {
        var section = configuration.GetSection("Jixiao:Scoring");
        return Jixiao.Domain.Evaluations.RoundingRule.Parse(section["Rounding"], section["Decimals"], out var error)
            ?? throw new InvalidDataException($"配置 Jixiao:Scoring 无效：{error}");
    }

    /// <summary>
    /// The limits of a unit's or the whole scope's 审核意见表 (docs/web.md): Jixiao:Downloads:WorkbookProjects (10,000),
    /// :WorkbooksAtOnce (per user, 1) and :WorkbooksPerWindow (per user in 10 minutes, 10). A value that is not a positive
    /// whole number stops the start.
    /// </summary>
    public static Jixiao.App.Downloads.WorkbookLimits WorkbookLimitsOf(IConfiguration configuration)
    {
        var section = configuration.GetSection("Jixiao:Downloads");
        int Positive(string name, int fallback) => section[name] is not { Length: > 0 } text ? fallback
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
            : throw new InvalidDataException($"配置 Jixiao:Downloads:{name} 的值“{text}”无效：应为正整数。");
        var defaults = new Jixiao.App.Downloads.WorkbookLimits();
        return defaults with
        {
            MaxProjects = Positive("WorkbookProjects", defaults.MaxProjects),
            PerUser = Positive("WorkbooksAtOnce", defaults.PerUser),
            PerWindow = Positive("WorkbooksPerWindow", defaults.PerWindow),
        };
    }

    public static IServiceCollection AddJixiaoWeb(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AllowAnonymousToPage("/StatusCode");
        });
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "RequestVerificationToken";
            o.Cookie.Name = "jixiao.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddProblemDetails();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Jixiao 预算绩效管理系统 API";
            document.Info.Version = "v1";
            document.Info.Description = "单位、项目、绩效指标与目标审核。登录后以 Cookie 认证；错误以中文 ProblemDetails 返回。";
            return Task.CompletedTask;
        }));
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        });
        return services;
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        if (status == StatusCodes.Status403Forbidden && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            // A forbidden post (a forged form of a page the role may not open) is refused, not redirected to 无权限.
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        if (context.Request.Headers.ContainsKey("HX-Request"))
        {
            // htmx follows a redirect inside the page; ask it to load the login page instead.
            context.Response.Headers["HX-Redirect"] = context.RedirectUri;
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
