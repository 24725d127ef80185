namespace Jixiao.Cli.Tests;

public class HelpTests
{
    [Fact]
    public void Help_lists_every_command()
    {
        var (code, output, _) = CliRunner.Run("--help");

        code.ShouldBe(0);
        output.ShouldContain("用法：jixiao <命令>");
        foreach (var command in Commands.CommandTable.All)
        {
            output.ShouldContain(command.Name);
            output.ShouldContain(command.Summary);
        }
    }

    [Fact]
    public void An_unknown_command_gets_a_chinese_message_and_exit_code_1()
    {
        var (code, _, error) = CliRunner.Run("frobnicate");

        code.ShouldBe(1);
        error.ShouldContain("未知命令：frobnicate");
    }

    [Fact]
    public void Every_command_has_usage_help()
    {
        foreach (var command in Commands.CommandTable.All)
        {
            var (code, output, _) = CliRunner.Run(command.Name, "--help");
            code.ShouldBe(0);
            output.ShouldContain("用法：jixiao " + command.Name);
        }
    }
}
