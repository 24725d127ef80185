using System.Text;

namespace Jixiao.Import.Tests.Corpus;

/// <summary>The corpus copied into the tests (Corpus/docs) and its documents as the scorer hands them to the reader.</summary>
internal static class CorpusFiles
{
    public static string Folder { get; } = Path.Combine(TestPaths.RepoRoot, "tests", "Jixiao.Import.Tests", "Corpus");

    public static string Docs { get; } = Path.Combine(Folder, "docs");

    public static string Expected { get; } = Path.Combine(Folder, "expected.json");

    /// <summary>The documents that have a truth file, by name ("02-targets"), in the scorer's order (sorted paths).</summary>
    public static IReadOnlyList<string> Names { get; } = Directory.GetFiles(Docs, "*.truth.json")
        .Order(StringComparer.Ordinal)
        .Select(p => Path.GetFileName(p)[..^".truth.json".Length])
        .ToList();

    public static string TruthPath(string name) => Path.Combine(Docs, name + ".truth.json");

    /// <summary>
    /// The document beside a truth file, as the scorer gives it to the product: its file name, and its bytes with a
    /// .txt's header removed (the lines up to the first line "---" among the first 12, newlines read as Python's
    /// universal newlines and written back as "\n", UTF-8 without a byte order mark).
    /// </summary>
    public static (string FileName, byte[] Bytes) Document(string name)
    {
        var path = Directory.GetFiles(Docs, name + ".*")
            .Where(p => !p.EndsWith(".truth.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .First();
        var fileName = Path.GetFileName(path);
        if (!path.EndsWith(".txt", StringComparison.Ordinal))
        {
            return (fileName, File.ReadAllBytes(path));
        }

        var text = new UTF8Encoding(false).GetString(File.ReadAllBytes(path)).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var lines = text.Split('\n').ToList();
        var header = lines.Take(12).ToList().IndexOf("---");
        if (header >= 0)
        {
            lines = lines[(header + 1)..];
        }

        return (fileName, new UTF8Encoding(false).GetBytes(string.Join('\n', lines)));
    }
}
