using System.IO.Compression;
using Jixiao.Domain.Diagnostics;
using Jixiao.Import.Reading.Formats;

namespace Jixiao.Import.Tests.Reading.Formats;

public class HostileInputTests
{
    private static Diagnostic SingleError(Jixiao.Import.Reading.GridDocument document) =>
        document.Diagnostics.Single(d => d.Severity == Severity.Error);

    [Fact]
    public void Reports_a_truncated_xlsx_as_damaged_instead_of_throwing()
    {
        var bytes = File.ReadAllBytes(FormatFiles.Xlsx("truncated.xlsx"));
        using var stream = new MemoryStream(bytes[..(bytes.Length / 2)]);

        var document = FormatReader.Read(stream, "truncated.xlsx");

        document.Grids.ShouldBeEmpty();
        SingleError(document).Code.ShouldBe(FormatCodes.Corrupt);
        SingleError(document).Message.ShouldStartWith("文件已损坏或不完整");
    }

    [Fact]
    public void Refuses_a_zip_entry_that_claims_a_huge_uncompressed_size_before_inflating_it()
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml" })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<x/>");
            }
        }

        var bytes = buffer.ToArray();
        // The central directory's uncompressed size (offset 24 of each 0x02014b50 header) of the last entry: ~4 GB.
        var central = bytes.AsSpan().LastIndexOf("PK\u0001\u0002"u8);
        BitConverter.GetBytes(0xF0000000u).CopyTo(bytes, central + 24);
        using var stream = new MemoryStream(bytes);

        var document = FormatReader.Read(stream, "bomb.xlsx");

        document.Grids.ShouldBeEmpty();
        SingleError(document).Code.ShouldBe(FormatCodes.ZipBomb);
        SingleError(document).Message.ShouldContain("xl/worksheets/sheet1.xml");
    }

    [Fact]
    public void Refuses_a_zip_entry_that_inflates_past_the_size_its_local_and_central_headers_declare()
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", "xl/workbook.xml" })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<x/>");
            }

            using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open());
            sheet.Write(new string('x', 8 * 1024 * 1024));
        }

        var bytes = buffer.ToArray();
        // Both headers of the sheet claim 1,000 bytes: the local one (offset 22 of 0x04034b50) and the central one
        // (offset 24 of 0x02014b50). ZipArchive then stops silently after 1,000 bytes of the 8 MB the entry holds.
        var local = bytes.AsSpan().LastIndexOf("PK\u0003\u0004"u8);
        var central = bytes.AsSpan().LastIndexOf("PK\u0001\u0002"u8);
        BitConverter.GetBytes(1000u).CopyTo(bytes, local + 22);
        BitConverter.GetBytes(1000u).CopyTo(bytes, central + 24);
        using var stream = new MemoryStream(bytes);

        var document = FormatReader.Read(stream, "lying.xlsx");

        document.Grids.ShouldBeEmpty();
        SingleError(document).Code.ShouldBe(FormatCodes.ZipBomb);
        SingleError(document).Message.ShouldStartWith("压缩包中的“xl/worksheets/sheet1.xml”实际解压后超过文件头声明的 1,000 字节");
        SingleError(document).Message.ShouldContain("文件头的大小不实");
    }

    [Fact]
    public void Refuses_a_shared_string_table_larger_than_one_part_may_be_before_parsing_it()
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml" })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<x/>");
            }

            using var strings = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml").Open());
            strings.Write("<sst>");
            for (var i = 0; i < 100_000; i++)
            {
                strings.Write($"<si><t>{i:D20}</t></si>");
            }

            strings.Write("</sst>");
        }

        using var stream = new MemoryStream(buffer.ToArray());

        var document = FormatReader.Read(stream, "strings.xlsx", new FormatLimits { MaxPartBytes = 2 * 1024 * 1024 });

        document.Grids.ShouldBeEmpty();
        SingleError(document).Code.ShouldBe(FormatCodes.ZipBomb);
        SingleError(document).Message.ShouldStartWith("压缩包中的“xl/sharedStrings.xml”解压后达 3.4 MB，超过单个部件 2.0 MB 的上限");
    }

    [Fact]
    public void Reads_tables_nested_in_cells_down_to_the_depth_limit_and_reports_the_deeper_ones()
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Write(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }

            Write("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Write("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            const int depth = 40;
            Write("word/document.xml", """<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"""
                + string.Concat(Enumerable.Repeat("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>层</w:t></w:r></w:p>", depth))
                + string.Concat(Enumerable.Repeat("</w:tc></w:tr></w:tbl>", depth)) + "</w:body></w:document>");
        }

        using var stream = new MemoryStream(buffer.ToArray());

        var document = FormatReader.Read(stream, "nested.docx", new FormatLimits { MaxTableDepth = 5 });

        document.Grids.Count.ShouldBe(5);
        document.Grids[^1].Name.ShouldBe("表1-1-2-3-4");
        SingleError(document).Code.ShouldBe(FormatCodes.TooDeep);
        SingleError(document).Message.ShouldBe("表格嵌套超过 5 层的上限（表中套表），更深的表格未读取；请把内层表格移出后重新上传。");
    }

    [Fact]
    public void Reports_random_bytes_named_pdf_as_a_damaged_file_of_that_format()
    {
        var bytes = new byte[20_000];
        new Random(7).NextBytes(bytes);
        using var stream = new MemoryStream(bytes);

        var document = FormatReader.Read(stream, "报告.pdf");

        document.Grids.ShouldBeEmpty();
        SingleError(document).Code.ShouldBe(FormatCodes.Corrupt);
        SingleError(document).Message.ShouldContain("pdf");
    }

    [Fact]
    public void Reports_a_pdf_cut_short_as_damaged()
    {
        var pdf = File.ReadAllBytes(FormatFiles.Convert(FormatFiles.Docx("cut.docx"), "pdf"));
        using var stream = new MemoryStream(pdf[..400]);

        var document = FormatReader.Read(stream, "cut.pdf");

        document.Format.ShouldBe("pdf");
        document.Diagnostics.ShouldContain(d => d.Severity == Severity.Error && (d.Code == FormatCodes.Corrupt || d.Code == FormatCodes.NoText));
    }

    [Fact]
    public void Refuses_a_file_above_the_size_limit()
    {
        using var stream = new MemoryStream(new byte[2048]);

        var document = FormatReader.Read(stream, "big.xlsx", new FormatLimits { MaxBytes = 1024 });

        SingleError(document).Code.ShouldBe(FormatCodes.TooLarge);
    }

    [Fact]
    public void Stops_at_the_cell_limit_and_keeps_what_was_read()
    {
        var document = FormatReader.Read(FormatFiles.Xlsx("cells.xlsx"), new FormatLimits { MaxCells = 3 });

        document.Grids[0].Cells.Count().ShouldBe(3);
        SingleError(document).Code.ShouldBe(FormatCodes.TooManyCells);
        SingleError(document).Message.ShouldContain("目标表!C2");
    }

    [Fact]
    public void Reads_a_text_file_as_one_cell_rows_decoded_from_GB18030()
    {
        using var stream = new MemoryStream(Jixiao.Import.Text.TextDecoder.GB18030.GetBytes("项目名称：培训\r\n\r\n年度资金总额：100万元\r\n"));

        var document = FormatReader.Read(stream, "a.txt");

        document.Format.ShouldBe("text");
        document.Grids.Single().Cells.Select(c => (c.Row, c.Text, c.Location)).ShouldBe([(0, "项目名称：培训", "第1行"), (1, "", "第2行"), (2, "年度资金总额：100万元", "第3行")]);
    }
}
