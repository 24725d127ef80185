using Jixiao.Import.Reading.Formats;

namespace Jixiao.Import.Tests.Reading.Formats;

public class DocxFormatTests
{
    [Fact]
    public void Reads_paragraphs_and_the_table_in_document_order_with_spans_and_no_continuation_cells()
    {
        var document = FormatReader.Read(FormatFiles.Docx());

        document.Format.ShouldBe("docx");
        document.Diagnostics.ShouldBeEmpty();
        document.Grids.Select(g => g.Name).ShouldBe(["正文1", "表1", "正文2"]);
        document.Grids[0].Cells.Select(c => (c.Text, c.Location)).ShouldBe([(FormatFiles.Title, "正文1 第1段")]);
        document.Grids[1].Cells.Select(c => (c.Row, c.Column, c.Text, c.RowSpan, c.ColumnSpan)).ShouldBe(FormatFiles.TableCells);
        document.Grids[1].Rows[2][0].Location.ShouldBe("表1 第3行第2列");
        document.Grids[2].Cells.Single().Text.ShouldBe(FormatFiles.Note);
    }

    [Theory]
    [InlineData("odt")]
    [InlineData("rtf")]
    public void Reads_other_word_processor_formats_through_LibreOffice_to_the_same_table(string format)
    {
        var file = FormatFiles.Convert(FormatFiles.Docx($"for-{format}.docx"), format);

        var document = FormatReader.Read(file);

        document.Format.ShouldBe(format);
        document.Grids.Single(g => g.Name == "表1").Cells.Select(c => (c.Row, c.Column, c.Text, c.RowSpan, c.ColumnSpan)).ShouldBe(FormatFiles.TableCells);
    }

    [Fact]
    public void Reads_a_doc_converted_from_the_docx_through_LibreOffice_to_the_same_table()
    {
        var doc = FormatFiles.Convert(FormatFiles.Docx("for-doc.docx"), "doc");

        var document = FormatReader.Read(doc);

        document.Format.ShouldBe("doc");
        document.Diagnostics.ShouldContain(d => d.Code == FormatCodes.Converted);
        var table = document.Grids.Single(g => g.Name == "表1");
        table.Cells.Select(c => (c.Row, c.Column, c.Text, c.RowSpan, c.ColumnSpan)).ShouldBe(FormatFiles.TableCells);
    }
}
