using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Cli.Commands;

namespace Jixiao.Cli.Tests;

/// <summary>Input that used to abort `jixiao` with a .NET stack trace: it now gives a Chinese message and an exit code.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("jixiao-hostile-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(temp, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static string Table(string amount) =>
        "项目名称\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标\n"
        + $"溢出测试经费\t{amount}\t{amount}\t\t\t完成培训。\t1、1-产出指标,11-数量指标,培训人次；实施周期指标值:≥100人次,年度指标值:≥100人次；\n";

    [Theory]
    [InlineData("parse", "99999999999999999999999999999999")]
    [InlineData("parse", "9999999999999999999999999999")]
    [InlineData("review", "9999999999999999999999999999")]
    [InlineData("review", "79228162514264337593543950335")]
    public void Amounts_too_large_for_a_decimal_are_reported_as_not_amounts(string command, string amount)
    {
        var (exit, output, error) = CliRunner.Run(command, Write("overflow.tsv", Table(amount)));

        exit.ShouldNotBe(ExitCodes.BadInput);
        (output + error).ShouldNotContain("Exception");
        if (command == "parse")
        {
            output.ShouldContain($"“溢出测试经费”的总计“{amount}”不是金额，按空白处理。");
        }
        else
        {
            output.ShouldContain("溢出测试经费");
        }
    }

    [Fact]
    public void A_lone_surrogate_in_a_json_sheet_is_a_chinese_finding()
    {
        var path = Write("surrogate.json", """{"project": "\ud800", "kind": "部门评价", "indicators": []}""");

        var (exit, output, error) = CliRunner.Run("score", path);

        exit.ShouldBe(ExitCodes.BadInput);
        (output + error).ShouldContain("JSON 中有无效的字符（如单独的 \\ud800 代理项）");
        (output + error).ShouldNotContain("Exception");
    }

    [Fact]
    public void A_cell_of_1e300_in_an_evaluation_workbook_ends_with_a_chinese_message_not_a_stack_trace()
    {
        var path = Path.Combine(temp, "sheet.xlsx");
        CliRunner.Run("template", "--kind", "单位自评", "-o", path).ExitCode.ShouldBe(ExitCodes.Ok);
        using (var book = SpreadsheetDocument.Open(path, isEditable: true))
        {
            var sheet = book.WorkbookPart!.WorksheetParts.First().Worksheet;
            foreach (var cell in sheet.Descendants<Cell>().Where(c => c.DataType is null && c.CellValue is not null))
            {
                cell.CellValue = new CellValue("1E+300");
            }

            sheet.Save();
        }

        var (exit, output, error) = CliRunner.Run("score", path);

        exit.ShouldBeOneOf(ExitCodes.BadInput, ExitCodes.Findings);
        (output + error).ShouldNotContain("Exception");
        (output + error).ShouldNotContain("   at ");
        (output + error).Length.ShouldBeGreaterThan(0);
    }
}
