using Jixiao.Web;

namespace Jixiao.Cli.Commands;

/// <summary>`jixiao serve [--db CONNECTION] [--urls URL]`: runs the web app on a chosen database and address.</summary>
internal sealed class ServeCommand : ICommand
{
    public string Name => "serve";

    public string Summary => "启动 Web 应用（默认使用本机 SQLite 数据库；--db 可指定 PostgreSQL）";

    public string Usage => """
        用法：jixiao serve [--db <连接串>] [--urls <地址>] [--data <目录>] [--admin-password <密码>]

        启动预算绩效管理 Web 应用。首次启动时自动创建并升级数据库。
          --db               数据库：SQLite 文件路径，或 PostgreSQL 连接串（如 "Host=127.0.0.1;Database=jixiao;Username=jixiao"）
          --urls             监听地址，默认 http://127.0.0.1:5080
          --data             数据目录（SQLite 文件 jixiao.db 存放处），默认用户本地数据目录下的 jixiao
          --admin-password   数据库中还没有用户时，为首个管理员 admin 设置的密码（不指定则随机生成并显示一次）

        OpenAPI 文档：<地址>/openapi/v1.json；API 浏览页：<地址>/api/docs
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, [], ["--db", "--urls", "--data", "--admin-password"], out var error);
        if (parsed is null || parsed.Positionals.Count > 0)
        {
            context.Error.WriteLine(error ?? $"多余的参数：{string.Join(" ", parsed!.Positionals)}");
            context.Error.WriteLine(Usage);
            return ExitCodes.BadInput;
        }

        var urls = parsed.Value("--urls") ?? "http://127.0.0.1:5080";
        var hostArgs = new List<string> { "--urls", urls };
        if (parsed.Value("--db") is { } db)
        {
            hostArgs.AddRange(["--db", db]);
        }

        if (parsed.Value("--data") is { } data)
        {
            hostArgs.AddRange(["--data", data]);
        }

        return WebRunner.Run(hostArgs.ToArray(), context, async app =>
        {
            if (await JixiaoWebHost.EnsureFirstAdminAsync(app.Services, parsed.Value("--admin-password")) is { } password)
            {
                context.Out.WriteLine($"已创建首个管理员：用户名 admin，密码 {password}（请登录后修改）");
            }
        });
    }
}
