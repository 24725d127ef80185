using Jixiao.App.Demo;
using Jixiao.Web;

namespace Jixiao.Cli.Commands;

/// <summary>`jixiao demo [--urls URL]`: the app on SQLite with the seed target tables and one demo user per role.</summary>
internal sealed class DemoCommand : ICommand
{
    public string Name => "demo";

    public string Summary => "启动演示：导入示例目标表（002、003），创建各角色演示账号";

    public string Usage => """
        用法：jixiao demo [--urls <地址>] [--data <目录>] [--reset]

        在本机 SQLite 数据库上启动 Web 应用，导入示例目标表（公安白云分局 55 个项目、政法委 18 个项目），
        载入示例评价报告的评分表（000、001、004），并为每个角色创建演示账号，然后显示网址和账号。
          --urls    监听地址，默认 http://127.0.0.1:5080
          --data    演示数据目录，默认用户本地数据目录下的 jixiao-demo
          --reset   删除已有演示数据，重新开始
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--reset"], ["--urls", "--data"], out var error);
        if (parsed is null || parsed.Positionals.Count > 0)
        {
            context.Error.WriteLine(error ?? $"多余的参数：{string.Join(" ", parsed!.Positionals)}");
            context.Error.WriteLine(Usage);
            return ExitCodes.BadInput;
        }

        var folder = parsed.Value("--data") ?? Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "jixiao-demo");
        if (parsed.Has("--reset") && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var urls = parsed.Value("--urls") ?? "http://127.0.0.1:5080";
        // The host's start-up lines would interleave with the logins printed below.
        string[] hostArgs = ["--urls", urls, "--db", $"Data Source={Path.Combine(folder, "jixiao.db")}", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
            "--Logging:LogLevel:Jixiao.Web=Warning"];
        return WebRunner.Run(hostArgs, context, async app =>
        {
            context.Out.WriteLine("正在准备演示数据（导入 002、003 示例目标表）…");
            await DemoSetup.RunAsync(app.Services);
            await DemoSetup.LoadReportEvaluationsAsync(app.Services);
        }, started: () =>
        {
            context.Out.WriteLine();
            context.Out.WriteLine($"预算绩效管理系统演示已启动：{urls.Split(';')[0]}");
            context.Out.WriteLine($"数据目录：{folder}");
            context.Out.WriteLine("演示账号（密码均为 " + DemoSetup.Password + "）：");
            foreach (var user in DemoSetup.Users)
            {
                var units = user.Units.Count == 0 ? "全部单位" : string.Join("、", user.Units);
                context.Out.WriteLine($"  {user.UserName,-10} {user.Role}（{user.DisplayName}；{units}）");
            }

            context.Out.WriteLine("按 Ctrl+C 停止。");
        });
    }
}
