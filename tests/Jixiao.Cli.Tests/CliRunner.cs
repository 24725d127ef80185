namespace Jixiao.Cli.Tests;

/// <summary>Runs `jixiao` in-process through its real entry point and captures what it writes.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = JixiaoCli.Run(args, new Commands.CliContext(output, error));
        return (code, output.ToString(), error.ToString());
    }

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Jixiao.slnx")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Jixiao.slnx not found");
        }
    }

    public static string Seed(string fileName) => Path.Combine(RepoRoot, "samples", "seeds", fileName);
}
