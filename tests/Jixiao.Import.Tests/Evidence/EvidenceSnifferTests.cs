using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Jixiao.Domain.Evidence;
using Jixiao.Import.Evidence;
using Jixiao.Import.Tests.Reading.Formats;

namespace Jixiao.Import.Tests.Evidence;

/// <summary>
/// The 佐证材料 sniffer on real files (Open XML writes the .docx and .xlsx, LibreOffice converts them to .doc, .xls and
/// PDF, poppler renders PNG and JPEG) and on hostile ones: each is told by its bytes, whatever its name says.
/// </summary>
public sealed class EvidenceSnifferTests
{
    private static readonly Lazy<Dictionary<string, string>> Files = new(() =>
    {
        var docx = FormatFiles.Docx("evidence.docx");
        var xlsx = FormatFiles.Xlsx("evidence.xlsx");
        var pdf = FormatFiles.Convert(docx, "pdf");
        var png = FormatFiles.Scan(pdf, 40);
        var jpeg = Path.Combine(FormatFiles.Folder, "evidence-" + Guid.NewGuid().ToString("N")[..8]);
        using (var process = Process.Start(new ProcessStartInfo("pdftoppm", ["-jpeg", "-r", "40", "-f", "1", "-l", "1", "-singlefile", pdf, jpeg]))!)
        {
            process.WaitForExit();
        }

        return new Dictionary<string, string>
        {
            ["docx"] = docx, ["xlsx"] = xlsx, ["pdf"] = pdf, ["png"] = png, ["jpeg"] = jpeg + ".jpg",
            ["doc"] = FormatFiles.Convert(docx, "doc"), ["xls"] = FormatFiles.Convert(xlsx, "xls"),
        };
    });

    private static EvidenceSniff Sniff(byte[] bytes, string name = "file", EvidenceLimits? limits = null) =>
        EvidenceSniffer.Sniff(new MemoryStream(bytes), name, limits ?? EvidenceLimits.Default);

    [Theory]
    [InlineData("pdf", "验收报告.pdf", EvidenceFileType.Pdf)]
    [InlineData("png", "现场照片.png", EvidenceFileType.Png)]
    [InlineData("jpeg", "现场照片.jpg", EvidenceFileType.Jpeg)]
    [InlineData("docx", "说明.docx", EvidenceFileType.Docx)]
    [InlineData("xlsx", "台账.xlsx", EvidenceFileType.Xlsx)]
    [InlineData("doc", "说明.doc", EvidenceFileType.Doc)]
    [InlineData("xls", "台账.xls", EvidenceFileType.Xls)]
    // The name does not decide: a PNG called .pdf is a PNG, a .doc called .docx is a .doc.
    [InlineData("png", "扫描件.pdf", EvidenceFileType.Png)]
    [InlineData("doc", "说明.docx", EvidenceFileType.Doc)]
    public void Tells_each_accepted_kind_by_its_content(string kind, string name, EvidenceFileType expected)
    {
        var sniff = Sniff(File.ReadAllBytes(Files.Value[kind]), name);
        sniff.Refusal.ShouldBeNull();
        sniff.Type.ShouldBe(expected);
    }

    public static TheoryData<string, byte[], string> Hostile => new()
    {
        { "验收报告.pdf", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"), "网页（HTML" },
        { "验收报告.pdf", Encoding.UTF8.GetBytes("\uFEFF  <html><body onload=\"x()\">"), "网页（HTML" },
        { "图.svg", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), "SVG 图片" },
        { "图.png", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\" height=\"1\"/></svg>"), "SVG 图片" },
        { "图.svg", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<svg onload=\"alert(1)\"/>")).ToArray(), "SVG 图片" },
        { "动图.gif", Encoding.ASCII.GetBytes("GIF89a\u0001\0\u0001\0"), "GIF 图片" },
        { "说明.txt", Encoding.UTF8.GetBytes("完成情况说明"), "纯文本" },
        { "程序.pdf", Encoding.ASCII.GetBytes("MZ\u0090\0\u0003"), "可执行程序" },
        { "空.pdf", [], "是空的" },
        { "加密.docx", Ole("EncryptedPackage"), "设有打开密码" },
        { "宏.doc", Ole("WordDocument", "_VBA_PROJECT"), "含有宏" },
        { "演示.doc", Ole("PowerPoint Document"), "不是 Word 文档或 Excel 表格" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Refuses_what_is_not_an_accepted_kind_and_says_what_it_is(string name, byte[] bytes, string said)
    {
        var sniff = Sniff(bytes, name);
        sniff.Type.ShouldBeNull();
        sniff.Refusal.ShouldNotBeNull();
        sniff.Refusal!.ShouldContain(said);
        sniff.Refusal!.ShouldContain($"“{name}”");
    }

    /// <summary>The bytes of an OLE2 file whose directory names these streams (as UTF-16, null-terminated).</summary>
    private static byte[] Ole(params string[] streams)
    {
        var bytes = new List<byte> { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
        bytes.AddRange(new byte[504]);
        foreach (var stream in streams)
        {
            var name = Encoding.Unicode.GetBytes(stream + "\0");
            bytes.AddRange(name);
            bytes.AddRange(new byte[128 - name.Length]);
        }

        return [.. bytes];
    }

    /// <summary>A minimal .docx (content types and main part) with more entries from <paramref name="extra"/>.</summary>
    private static byte[] Docx(Action<ZipArchive> extra, string contentTypes = "<Types/>")
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Entry(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }

            Entry("[Content_Types].xml", contentTypes);
            Entry("word/document.xml", "<w:document/>");
            extra(zip);
        }

        return output.ToArray();
    }

    private static void Zeros(ZipArchive zip, string name, int megabytes)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
        var zeros = new byte[1024 * 1024];
        for (var i = 0; i < megabytes; i++)
        {
            stream.Write(zeros);
        }
    }

    private static void Noise(ZipArchive zip, string name, int bytes)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        var random = new Random(7);
        var buffer = new byte[bytes];
        random.NextBytes(buffer);
        stream.Write(buffer);
    }

    [Fact]
    public void A_docx_with_a_part_packed_far_tighter_than_any_office_file_is_a_zip_bomb()
    {
        var sniff = Sniff(Docx(zip => Zeros(zip, "word/media/image1.png", 40)), "说明.docx");
        sniff.Type.ShouldBeNull();
        sniff.Refusal!.ShouldContain("疑似压缩炸弹");
        sniff.Refusal!.ShouldContain("word/media/image1.png");
    }

    [Fact]
    public void A_docx_whose_parts_declare_more_than_the_uncompressed_limit_is_refused_without_inflating()
    {
        var bytes = Docx(zip => Noise(zip, "word/media/image1.bin", 3 * 1024 * 1024));
        Sniff(bytes, "说明.docx", EvidenceLimits.Default with { MaxUncompressedBytes = 2 * 1024 * 1024 }).Refusal!.ShouldContain("疑似压缩炸弹");
        Sniff(bytes, "说明.docx").Type.ShouldBe(EvidenceFileType.Docx, "the same file within the limit is a .docx");
    }

    [Fact]
    public void A_docx_of_more_parts_than_the_limit_is_refused()
    {
        var bytes = Docx(zip =>
        {
            for (var i = 0; i < 30; i++)
            {
                zip.CreateEntry($"word/part{i}.xml");
            }
        });
        Sniff(bytes, "说明.docx", EvidenceLimits.Default with { MaxZipEntries = 20 }).Refusal!.ShouldContain("本文件有 32 个部件");
    }

    [Fact]
    public void A_part_that_inflates_to_more_than_it_declares_is_refused()
    {
        var bytes = Docx(zip => Noise(zip, "word/media/big.bin", 2 * 1024 * 1024));
        // Make the central directory (and the local header) claim 1,000 bytes for big.bin.
        var span = bytes.AsSpan();
        var name = Encoding.ASCII.GetBytes("word/media/big.bin");
        for (var i = 0; i + 46 < span.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(span[i..]) == 0x02014b50 && span[(i + 46)..].StartsWith(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(span[(i + 24)..], 1000);
            }

            if (BinaryPrimitives.ReadUInt32LittleEndian(span[i..]) == 0x04034b50 && i + 30 < span.Length && span[(i + 30)..].StartsWith(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(span[(i + 22)..], 1000);
            }
        }

        var sniff = Sniff(bytes, "说明.docx");
        sniff.Type.ShouldBeNull();
        sniff.Refusal!.ShouldContain("部件“word/media/big.bin”解压后超过其声明的 1 KB");
    }

    [Theory]
    [InlineData("word/vbaProject.bin", "<Types/>")]
    [InlineData("word/other.xml", "<Types><Override ContentType=\"application/vnd.ms-word.document.macroEnabled.main+xml\"/></Types>")]
    public void A_macro_enabled_docx_is_refused(string part, string contentTypes)
    {
        var sniff = Sniff(Docx(zip => zip.CreateEntry(part), contentTypes), "说明.docx");
        sniff.Type.ShouldBeNull();
        sniff.Refusal!.ShouldContain("宏");
    }

    [Fact]
    public void A_zip_that_is_not_an_office_file_and_a_cut_off_docx_are_refused()
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("报告.pdf");
        }

        Sniff(output.ToArray(), "材料.zip").Refusal!.ShouldContain("是压缩包");
        var docx = File.ReadAllBytes(Files.Value["docx"]);
        Sniff(docx[..(docx.Length / 2)], "说明.docx").Refusal!.ShouldContain("已损坏");
    }
}
