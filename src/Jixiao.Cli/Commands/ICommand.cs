namespace Jixiao.Cli.Commands;

/// <summary>Exit codes of the jixiao command, in one place.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Bad usage or unreadable input: the message says what and where.</summary>
    public const int BadInput = 1;
    /// <summary>The command ran but found errors in the document (e.g. import diagnostics of severity error).</summary>
    public const int Findings = 2;
}

/// <summary>What a command writes to. Tests pass StringWriters; the program passes the console.</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error);

/// <summary>One `jixiao` subcommand. Each lives in its own file under Commands/ and is listed in <see cref="CommandTable"/>.</summary>
internal interface ICommand
{
    string Name { get; }

    /// <summary>One line, Chinese, for `jixiao --help`.</summary>
    string Summary { get; }

    /// <summary>The usage block shown by `jixiao NAME --help` and on a usage error.</summary>
    string Usage { get; }

    int Run(IReadOnlyList<string> args, CliContext context);
}
