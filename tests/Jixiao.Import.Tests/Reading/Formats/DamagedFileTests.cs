using System.Text.RegularExpressions;
using Jixiao.Import.Imports;
using Jixiao.Import.Reading;

namespace Jixiao.Import.Tests.Reading.Formats;

/// <summary>
/// Damaged files (cut short, or only a signature) are refused with Chinese messages: no .NET exception text
/// ("End of Central Directory record could not be found") reaches the user, through the reader or the importer.
/// </summary>
public partial class DamagedFileTests
{
    private static readonly HashSet<string> Allowed = ["Office", "Excel", "Word", "PdfPig", "Tesseract", "LibreOffice", "xlsx", "docx"];

    public static TheoryData<string, byte[]> Files()
    {
        var export = File.ReadAllBytes(Path.Combine(Jixiao.Import.Tests.Corpus.CorpusFiles.Docs, "01-targets-baoan-export.xlsx"));
        return new()
        {
            { "截断.xlsx", export[..3000] },
            { "只有头.docx", "PK\u0003\u0004garbage"u8.ToArray() },
            { "截断.pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog"u8.ToArray() },
            { "中段.xlsx", export[..(export.Length / 2)] },
        };
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_damaged_file_is_refused_in_Chinese(string name, byte[] bytes)
    {
        var reading = DocumentReader.Read(bytes, name);
        var legacy = TargetTableImporter.Import(new MemoryStream(bytes), name);

        var messages = reading.Document.Diagnostics.Concat(legacy.Diagnostics).Select(d => d.Message).ToList();
        messages.ShouldNotBeEmpty();
        foreach (var message in messages)
        {
            EnglishWords().Matches(message).Select(m => m.Value).Where(w => !Allowed.Contains(w)).ShouldBeEmpty(message);
        }
    }

    [GeneratedRegex("[A-Za-z]{5,}")]
    private static partial Regex EnglishWords();
}
