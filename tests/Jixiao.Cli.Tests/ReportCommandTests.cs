using System.IO.Compression;

namespace Jixiao.Cli.Tests;

/// <summary>`jixiao report`: one report per sheet, or a folder of sheets in batch with a department summary.</summary>
public class ReportCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("jixiao-report-cli-").FullName;

    private static string Sheet(string name) => Path.Combine(CliRunner.RepoRoot, "samples", "evaluations", name);

    private static string DocumentXml(string docx)
    {
        using var zip = ZipFile.OpenRead(docx);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return reader.ReadToEnd();
    }

    [Fact]
    public void Writes_the_report_of_one_sheet_with_the_texts_found_beside_it()
    {
        var output = Path.Combine(dir, "雪亮工程.docx");
        var (code, stdout, stderr) = CliRunner.Run("report", Sheet("004-xueliang-2020.json"), "-o", output);
        code.ShouldBe(0, stderr);
        stdout.ShouldContain("总分 93.07，等级 优");
        stdout.ShouldNotContain("未找到报告文字文件");
        var xml = DocumentXml(output);
        xml.ShouldContain("综合得分93.07分");
        xml.ShouldContain("探头监控在线率有待提升");
    }

    [Fact]
    public void Writes_html_when_the_output_name_says_so()
    {
        var output = Path.Combine(dir, "r.html");
        CliRunner.Run("report", Sheet("004-xueliang-2020.json"), "-o", output).ExitCode.ShouldBe(0);
        var html = File.ReadAllText(output);
        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain("<svg");
        html.ShouldContain("预算执行率为91.4%");
    }

    [Fact]
    public void Batch_writes_one_report_per_sheet_and_a_summary()
    {
        var output = Path.Combine(dir, "out");
        var (code, stdout, stderr) = CliRunner.Run("report", Path.Combine(CliRunner.RepoRoot, "samples", "evaluations"), "-o", output, "--summary", "公安分局");
        code.ShouldBe(0, stderr);
        var sheets = Directory.GetFiles(Path.Combine(CliRunner.RepoRoot, "samples", "evaluations"), "*.json")
            .Where(f => !f.EndsWith(".report.json", StringComparison.Ordinal)).Select(Path.GetFileNameWithoutExtension).ToList();
        Directory.GetFiles(output, "*.docx").Select(Path.GetFileNameWithoutExtension)
            .ShouldBe([.. sheets, "公安分局绩效评价结果汇总"], ignoreOrder: true);
        stdout.ShouldContain($"共 {sheets.Count} 个评价表：已生成 {sheets.Count} 份报告，失败 0 份");
        DocumentXml(Path.Combine(output, "公安分局绩效评价结果汇总.docx")).ShouldContain("评价等级分布");
    }

    [Fact]
    public void A_missing_sheet_is_bad_input_with_a_chinese_message()
    {
        var (code, _, stderr) = CliRunner.Run("report", Path.Combine(dir, "nope.json"), "-o", Path.Combine(dir, "x.docx"));
        code.ShouldBe(1);
        stderr.ShouldContain("找不到评价表文件或文件夹");
    }

    [Fact]
    public void An_unknown_output_format_is_bad_input()
    {
        var (code, _, stderr) = CliRunner.Run("report", Sheet("004-xueliang-2020.json"), "-o", Path.Combine(dir, "x.txt"));
        code.ShouldBe(1);
        stderr.ShouldContain("扩展名应为 .docx、.pdf 或 .html");
    }

    [Fact]
    public void A_broken_sheet_in_a_batch_is_reported_and_the_others_are_written()
    {
        var input = Path.Combine(dir, "in");
        Directory.CreateDirectory(input);
        File.Copy(Sheet("004-xueliang-2020.json"), Path.Combine(input, "a.json"));
        File.WriteAllText(Path.Combine(input, "b.json"), "{ not json");
        var (code, stdout, stderr) = CliRunner.Run("report", input, "-o", Path.Combine(dir, "out"));
        code.ShouldBe(2);
        stderr.ShouldContain("b.json");
        stdout.ShouldContain("已生成 1 份报告，失败 1 份");
        File.Exists(Path.Combine(dir, "out", "a.docx")).ShouldBeTrue();
    }

    [Fact]
    public void Writes_the_target_table_of_a_seed_as_docx()
    {
        var output = Path.Combine(dir, "目标表.docx");
        var (code, stdout, stderr) = CliRunner.Run("report", "--targets", CliRunner.Seed("002_57b7928e8e0f944a.txt"), "-o", output, "--layout", "rows");
        code.ShouldBe(0, stderr);
        stdout.ShouldContain("55 个项目");
        var xml = DocumentXml(output);
        xml.ShouldContain("50,061.31");
        xml.ShouldContain("实施周期指标值");
    }

    public void Dispose()
    {
        Directory.Delete(dir, recursive: true);
        GC.SuppressFinalize(this);
    }
}
