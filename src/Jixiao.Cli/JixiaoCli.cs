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

        try
        {
            return found.Run(rest, context);
        }
#pragma warning disable CA1031 // the last line of defence: a clerk gets a Chinese message and exit 1, never a stack trace
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            context.Error.WriteLine($"jixiao {found.Name}：{Unexpected(ex)}");
            return ExitCodes.BadInput;
        }
    }

    /// <summary>What an unforeseen failure means to the user, in Chinese; the .NET message is never shown.</summary>
    internal static string Unexpected(Exception ex) => ex switch
    {
        OverflowException => "文件中有超出可处理范围的数值（如位数过多的金额或数字），请检查后重试。",
        UnauthorizedAccessException => "没有读写该文件或目录的权限。",
        FileNotFoundException or DirectoryNotFoundException => "找不到文件或目录。",
        IOException => "读写文件失败（文件可能正被其他程序占用，或磁盘已满）。",
        InvalidDataException or FormatException or System.Text.DecoderFallbackException => "文件内容无法读取：格式损坏或不是所说的文件类型。",
        _ => "处理时发生意外错误，未能完成。请检查输入文件；如问题持续，请联系系统管理员。",
    };

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
