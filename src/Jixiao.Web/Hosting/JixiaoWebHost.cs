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
        configure?.Invoke(builder);
        builder.Services.AddJixiaoData().AddJixiaoIdentity().AddJixiaoWeb();

        var app = builder.Build();
        app.UseJixiao();
        return app;
    }
}
