using System.Text;
using Jixiao.Import.Imports;

namespace Jixiao.Import.Tests.Imports;

/// <summary>The encodings target tables arrive in; the encoding is found from the bytes, never from the name.</summary>
public class EncodingTests
{
    static EncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string> Encodings => ["utf-8", "utf-8-bom", "utf-16le-bom", "utf-16be-bom", "utf-16le", "utf-16be", "gb18030"];

    private static byte[] Encode(string text, string encoding) => encoding switch
    {
        "utf-8" => new UTF8Encoding(false).GetBytes(text),
        "utf-8-bom" => [.. new UTF8Encoding(true).GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        "utf-16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        "utf-16be-bom" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        "utf-16le" => Encoding.Unicode.GetBytes(text),
        "utf-16be" => Encoding.BigEndianUnicode.GetBytes(text),
        "gb18030" => Encoding.GetEncoding("GB18030").GetBytes(text),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Reads_the_pipe_table_in_every_encoding(string encoding)
    {
        var bytes = Encode(File.ReadAllText(TestPaths.Seed002), encoding);

        var result = TargetTableImporter.Import(new MemoryStream(bytes), "002.txt");

        result.Succeeded.ShouldBeTrue();
        result.Diagnostics.ShouldNotContain(d => d.Code == ImportCodes.BadEncoding);
        result.Projects.Count().ShouldBe(55);
        result.IndicatorCount.ShouldBe(180);
        result.Units[0].Projects[53].Name.ShouldBe("白云区分局“云盾”（平安白云）系统2023年专项技术服务项目");
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Reads_the_extracted_text_in_every_encoding(string encoding)
    {
        var bytes = Encode(File.ReadAllText(TestPaths.Seed003), encoding);

        var result = TargetTableImporter.Import(new MemoryStream(bytes), "003.txt");

        result.Succeeded.ShouldBeTrue();
        result.Units.Select(u => u.Projects.Count).ShouldBe([16, 2]);
        result.Units[0].Projects[4].Name.ShouldBe("法制监督工作经费（含法学会经费）");
    }

    [Fact]
    public void Bytes_that_do_not_decode_are_reported_with_their_line()
    {
        var text = File.ReadAllText(TestPaths.Seed002);
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        // A lone continuation byte inside line 97, as a damaged copy would have.
        var lines = text.Split('\n');
        var offset = Encoding.UTF8.GetByteCount(string.Join('\n', lines.Take(96)) + "\n| 白云区");
        bytes.Insert(offset, 0x80);

        var result = TargetTableImporter.Import(new MemoryStream(bytes.ToArray()), "002.txt");

        var warning = result.Diagnostics.Where(d => d.Code == ImportCodes.BadEncoding).ShouldHaveSingleItem();
        warning.Message.ShouldBe("第 97 行有无法按 UTF-8 解码的字节，已替换为“\uFFFD”。");
        warning.Location!.Line.ShouldBe(97);
        result.Projects.Count().ShouldBe(55);
    }
}
