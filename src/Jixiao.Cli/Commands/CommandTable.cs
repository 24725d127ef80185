namespace Jixiao.Cli.Commands;

/// <summary>Every subcommand of `jixiao`, in the order `jixiao --help` lists them.</summary>
internal static class CommandTable
{
    public static IReadOnlyList<ICommand> All { get; } =
    [
        new TargetCommand(),
        new ParseCommand(),
        new ExportCommand(),
        new ScoreCommand(),
        new TemplateCommand(),
        new ReviewCommand(),
        new CheckCommand(),
        new SuggestCommand(),
        new ReportCommand(),
        new MonitorCommand(),
        new ImportCommand(),
        new ServeCommand(),
        new DemoCommand(),
    ];
}
