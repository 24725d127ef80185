using Jixiao.Domain.Diagnostics;
using Jixiao.Import.Imports;

namespace Jixiao.Import.Tests.Pdf;

/// <summary>PDF files through pdftotext -layout.</summary>
public class PdfImportTests
{
    [Fact]
    public void Reads_the_seed_printed_to_pdf_like_the_extracted_text()
    {
        var text = TargetTableImporter.Import(TestPaths.Seed003);
        var result = TargetTableImporter.Import(GeneratedFixtures.Seed003Pdf);

        result.Succeeded.ShouldBeTrue();
        result.Layout.ShouldBe(ImportLayouts.ExtractedText);
        result.Diagnostics.ShouldBeEmpty();
        result.StatedTotal.ShouldBe(1997.76m);
        result.Units.Select(u => (u.Name, u.StatedTotal, u.Projects.Count)).ShouldBe(text.Units.Select(u => (u.Name, u.StatedTotal, u.Projects.Count)));
        result.Projects.Select(p => p.Name).ShouldBe(text.Projects.Select(p => p.Name));
        result.Projects.SelectMany(p => p.Indicators).Select(i => (i.Name, i.PeriodTarget!.Text, i.AnnualTarget!.Text))
            .ShouldBe(text.Projects.SelectMany(p => p.Indicators).Select(i => (i.Name, i.PeriodTarget!.Text, i.AnnualTarget!.Text)));
    }

    [Fact]
    public void Reads_the_seed_table_printed_as_a_grid_from_word_positions()
    {
        var text = TargetTableImporter.Import(TestPaths.Seed002);
        var result = TargetTableImporter.Import(GeneratedFixtures.Seed002Pdf);

        result.Succeeded.ShouldBeTrue();
        result.Layout.ShouldBe(ImportLayouts.ProjectTable);
        result.Department.ShouldBe("广州市公安局白云区分局");
        result.StatedTotal.ShouldBe(50061.31m);
        result.Units.ShouldHaveSingleItem().StatedTotal.ShouldBe(50061.31m);
        result.Projects.Select(p => (p.Name, p.Amounts.Total)).ShouldBe(text.Projects.Select(p => (p.Name, p.Amounts.Total)));
        result.Projects.SelectMany(p => p.Indicators).Select(i => (i.Name, i.Level1, i.Level2, i.PeriodTarget!.Text, i.AnnualTarget!.Text))
            .ShouldBe(text.Projects.SelectMany(p => p.Indicators).Select(i => (i.Name, i.Level1, i.Level2, i.PeriodTarget!.Text, i.AnnualTarget!.Text)));
        // A space at a line wrap is not in the PDF: goals match up to spaces.
        result.Projects.Select(p => p.Goal.Text.Replace(" ", "", StringComparison.Ordinal))
            .ShouldBe(text.Projects.Select(p => p.Goal.Text.Replace(" ", "", StringComparison.Ordinal)));
        result.Diagnostics.Select(d => d.Code).ShouldBe(text.Diagnostics.Select(d => d.Code));
        result.Projects.First().Location!.Cell.ShouldBe("第1页第9行");
    }

    [Fact]
    public void Locates_projects_by_page_and_line()
    {
        var result = TargetTableImporter.Import(GeneratedFixtures.Seed003Pdf);

        result.Projects.First().Location!.Cell.ShouldBe("第1页第6行");
        result.Projects.Last().Location!.Cell.ShouldStartWith("第");
        result.Projects.Last().Location!.Cell.ShouldNotStartWith("第1页");
    }

    [Fact]
    public void A_damaged_pdf_is_an_error()
    {
        var bytes = File.ReadAllBytes(GeneratedFixtures.Seed003Pdf)[..2000];

        var result = TargetTableImporter.Import(new MemoryStream(bytes), "坏.pdf");

        result.Succeeded.ShouldBeFalse();
        result.Diagnostics.ShouldContain(d => d.Code == ImportCodes.PdfFailed || d.Code == ImportCodes.BadWorkbook);
    }

    [Fact]
    public void A_missing_pdftotext_is_reported_in_chinese()
    {
        var options = ImportOptions.Default with { PdfToText = "/nonexistent/pdftotext" };

        var result = TargetTableImporter.Import(new MemoryStream(File.ReadAllBytes(GeneratedFixtures.Seed003Pdf)), "003.pdf", options);

        var error = result.Diagnostics.ShouldHaveSingleItem();
        error.Severity.ShouldBe(Severity.Error);
        error.Code.ShouldBe(ImportCodes.PdfToolMissing);
        error.Message.ShouldContain("apt-get install poppler-utils");
    }
}
