using Jixiao.Cli.Commands;

namespace Jixiao.Cli;

/// <summary>The entry point of `jixiao`: finds the subcommand and runs it.</summary>
internal static class JixiaoCli
{
    public static int Run(IReadOnlyList<string> args, CliContext context)
    {
        if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
        {
            if (args.Count > 1 && Find(args[1]) is { } command)
            {
                context.Out.WriteLine(command.Usage);
                return ExitCodes.Ok;
            }

            WriteHelp(context.Out);
            return args.Count == 0 ? ExitCodes.BadInput : ExitCodes.Ok;
        }

        if (args[0] is "--version")
        {
            context.Out.WriteLine(typeof(JixiaoCli).Assembly.GetName().Version?.ToString() ?? "0");
            return ExitCodes.Ok;
        }

        var found = Find(args[0]);
        if (found is null)
        {
            context.Error.WriteLine($"未知命令：{args[0]}。运行 jixiao --help 查看可用命令。");
            return ExitCodes.BadInput;
        }

        var rest = args.Skip(1).ToList();
        if (rest.Count > 0 && rest[0] is "--help" or "-h")
        {
            context.Out.WriteLine(found.Usage);
            return ExitCodes.Ok;
        }

        return found.Run(rest, context);
    }

    private static ICommand? Find(string name) => CommandTable.All.FirstOrDefault(c => c.Name == name);

    private static void WriteHelp(TextWriter output)
    {
        output.WriteLine("Jixiao（绩效）预算绩效管理系统命令行");
        output.WriteLine();
        output.WriteLine("用法：jixiao <命令> [参数]");
        output.WriteLine();
        output.WriteLine("命令：");
        var width = CommandTable.All.Max(c => c.Name.Length) + 2;
        foreach (var command in CommandTable.All)
        {
            output.WriteLine($"  {command.Name.PadRight(width)}{command.Summary}");
        }

        output.WriteLine();
        output.WriteLine("运行 jixiao <命令> --help 查看该命令的用法。");
    }
}
