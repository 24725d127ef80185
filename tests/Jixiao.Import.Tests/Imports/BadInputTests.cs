using System.IO.Compression;
using System.Text;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Projects;
using Jixiao.Import.Imports;
using Jixiao.Reporting.TargetTables;

namespace Jixiao.Import.Tests.Imports;

/// <summary>Files that are not what they claim: each gets a clear Chinese error, never an exception or a hang.</summary>
public class BadInputTests
{
    private static ImportResult Import(byte[] bytes, string name = "上传.txt", ImportOptions? options = null) =>
        TargetTableImporter.Import(new MemoryStream(bytes), name, options);

    private static Diagnostic SingleError(ImportResult result)
    {
        result.Succeeded.ShouldBeFalse();
        result.HasErrors.ShouldBeTrue();
        return result.Diagnostics.Single(d => d.Severity == Severity.Error);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x20, 0x0D, 0x0A, 0x0A, 0x09 })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x0A })]
    public void An_empty_file_is_an_error(byte[] bytes)
    {
        var result = Import(bytes);

        var error = SingleError(result);
        error.Code.ShouldBe(ImportCodes.EmptyFile);
        error.Message.ShouldContain("没有可导入的内容");
        result.Units.ShouldBeEmpty();
    }

    [Fact]
    public void Binary_garbage_is_an_error()
    {
        var bytes = new byte[100_000];
        new Random(42).NextBytes(bytes);

        var error = SingleError(Import(bytes, "目标表.txt"));

        error.Code.ShouldBe(ImportCodes.Binary);
        error.Message.ShouldContain("不是文本、Excel（.xlsx/.xls）或 PDF");
    }

    [Fact]
    public void A_picture_renamed_to_xlsx_is_an_error()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0];

        SingleError(Import(png, "目标表.xlsx")).Code.ShouldBe(ImportCodes.Binary);
    }

    [Fact]
    public void Text_without_any_table_header_is_an_error_that_counts_the_lines()
    {
        var result = Import(Encoding.UTF8.GetBytes("会议纪要\n\n今天讨论了预算。\n下次再议。\n"));

        var error = SingleError(result);
        error.Code.ShouldBe(ImportCodes.NoHeader);
        error.Message.ShouldContain("3 行文字均未读取");
        error.Location.ShouldBe(new SourceLocation("上传.txt", 1));
    }

    [Fact]
    public void A_pipe_table_without_its_header_is_read_in_the_standard_order_and_marked_failed()
    {
        var lines = File.ReadAllLines(TestPaths.Seed002).Where(l => !l.Contains("项目名称", StringComparison.Ordinal)).ToArray();

        var result = Import(Encoding.UTF8.GetBytes(string.Join('\n', lines)), "002.txt");

        SingleError(result).Code.ShouldBe(ImportCodes.NoHeader);
        result.Projects.Count().ShouldBe(55);
        result.IndicatorCount.ShouldBe(180);
    }

    [Fact]
    public void Extracted_text_without_its_header_is_read_and_marked_failed()
    {
        var lines = File.ReadAllLines(TestPaths.Seed003).Where(l => !l.Contains("项目名称", StringComparison.Ordinal)).ToArray();

        var result = Import(Encoding.UTF8.GetBytes(string.Join('\n', lines)), "003.txt");

        SingleError(result).Code.ShouldBe(ImportCodes.NoHeader);
        result.Units.Select(u => u.Projects.Count).ShouldBe([16, 2]);
    }

    [Fact]
    public void A_200_MB_text_file_is_refused_at_once()
    {
        var path = Path.Combine(TestPaths.TempDirectory(), "巨大.txt");
        var line = Encoding.UTF8.GetBytes("| 某项目 | 1.00 | 1.00 | | | 目标 | 1、1-产出指标,11-数量指标,数量；实施周期指标值:1,年度指标值:1； |\n");
        using (var stream = File.Create(path))
        {
            while (stream.Length < 200L * 1024 * 1024)
            {
                stream.Write(line);
            }
        }

        try
        {
            var error = SingleError(TargetTableImporter.Import(path));

            error.Code.ShouldBe(ImportCodes.TooLarge);
            error.Message.ShouldContain("超过 64 MB 的上限");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_stream_longer_than_the_limit_stops_at_the_limit_and_says_where()
    {
        var line = "| 某项目 | 1.00 | 1.00 | | | 目标 | 1、1-产出指标,11-数量指标,数量；实施周期指标值:1,年度指标值:1； |\n";
        var text = new StringBuilder("| 项目名称 | 总计 | 财政拨款 | 财政专户拨款 | 其他资金 | 绩效目标 | 绩效指标 |\n");
        for (var i = 0; i < 40_000; i++)
        {
            text.Append(line);
        }

        var upload = new ForwardOnlyStream(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())));
        var result = TargetTableImporter.Import(upload, "长.txt", ImportOptions.Default with { MaxTextBytes = 1024 * 1024 });

        var error = SingleError(result);
        error.Code.ShouldBe(ImportCodes.TooLarge);
        error.Location!.Line.ShouldNotBeNull();
        result.Projects.Count().ShouldBeLessThan(40_000);
    }

    [Fact]
    public void A_truncated_xlsx_is_an_error()
    {
        var full = new MemoryStream();
        var seed = TargetTableImporter.Import(TestPaths.Seed002);
        TargetTableXlsxWriter.Write(full, seed.Department, MoneyUnit.WanYuan, seed.StatedTotal, seed.Units);
        var truncated = full.ToArray()[..(int)(full.Length / 2)];

        var error = SingleError(Import(truncated, "目标表.xlsx"));

        error.Code.ShouldBe(ImportCodes.BadWorkbook);
        error.Message.ShouldContain("已损坏或不完整");
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_is_an_error()
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("readme.txt").Open());
            writer.Write("hello");
        }

        SingleError(Import(zip.ToArray(), "目标表.xlsx")).Code.ShouldBe(ImportCodes.BadWorkbook);
    }

    [Fact]
    public void A_zip_bomb_disguised_as_xlsx_is_refused_before_it_is_parsed()
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            archive.CreateEntry("[Content_Types].xml").Open().Dispose();
            using var sheet = archive.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var block = new byte[1024 * 1024];
            Array.Fill(block, (byte)' ');
            for (var i = 0; i < 100; i++)
            {
                sheet.Write(block);
            }
        }

        zip.Length.ShouldBeLessThan(1024 * 1024);
        var error = SingleError(Import(zip.ToArray(), "目标表.xlsx"));

        error.Code.ShouldBe(ImportCodes.ZipBomb);
        error.Message.ShouldContain("疑似压缩炸弹");
    }

    [Fact]
    public void An_xlsx_part_that_holds_more_than_its_headers_declare_is_refused()
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            archive.CreateEntry("[Content_Types].xml").Open().Dispose();
            archive.CreateEntry("xl/workbook.xml").Open().Dispose();
            using var sheet = new StreamWriter(archive.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open());
            sheet.Write(new string(' ', 4 * 1024 * 1024));
        }

        var bytes = zip.ToArray();
        // Local (offset 22) and central (offset 24) uncompressed sizes of the sheet both say 100 bytes.
        BitConverter.GetBytes(100u).CopyTo(bytes, bytes.AsSpan().LastIndexOf("PK\u0003\u0004"u8) + 22);
        BitConverter.GetBytes(100u).CopyTo(bytes, bytes.AsSpan().LastIndexOf("PK\u0001\u0002"u8) + 24);

        var error = SingleError(Import(bytes, "目标表.xlsx"));

        error.Code.ShouldBe(ImportCodes.ZipBomb);
        error.Message.ShouldContain("xl/worksheets/sheet1.xml");
        error.Message.ShouldContain("100 字节");
    }

    [Fact]
    public void A_missing_file_is_an_error_not_an_exception()
    {
        var result = TargetTableImporter.Import(Path.Combine(TestPaths.TempDirectory(), "不存在.txt"));

        SingleError(result).Message.ShouldContain("无法打开文件");
    }

    /// <summary>A network upload: it can only be read forwards, its length unknown.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
