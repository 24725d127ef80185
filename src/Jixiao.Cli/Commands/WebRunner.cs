using Jixiao.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Jixiao.Cli.Commands;

/// <summary>Runs the web host for `serve` and `demo`: prepare, start, announce, wait for Ctrl+C.</summary>
internal static class WebRunner
{
    public static int Run(string[] hostArgs, CliContext context, Func<WebApplication, Task> prepare, Action? started = null)
    {
        try
        {
            var app = JixiaoWebHost.Build(hostArgs);
            prepare(app).GetAwaiter().GetResult();
            app.StartAsync().GetAwaiter().GetResult();
            if (started is not null)
            {
                started();
            }
            else
            {
                context.Out.WriteLine($"预算绩效管理系统已启动：{string.Join("、", app.Urls)}（按 Ctrl+C 停止）");
            }

            app.WaitForShutdownAsync().GetAwaiter().GetResult();
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.Net.Sockets.SocketException
                                      or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
        {
            context.Error.WriteLine($"启动失败：{e.Message}");
            return ExitCodes.BadInput;
        }
    }
}
