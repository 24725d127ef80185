using System.Text;
using Jixiao.App.Rechecks;

namespace Jixiao.Web.Tests.Rechecks;

/// <summary>
/// Self-evaluations for 复核批次 tests: the corpus documents (tests/Jixiao.Import.Tests/Corpus/docs) without their
/// header block, as a reviewer would have them, and variants of them that differ in bytes (not in what they say).
/// </summary>
internal static class RecheckFiles
{
    public static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Jixiao.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine([dir.FullName, .. parts]);
    }

    /// <summary>A corpus document without its header (the lines up to the first "---" among the first 12).</summary>
    public static byte[] Corpus(string name)
    {
        var lines = File.ReadAllLines(RepoFile("tests", "Jixiao.Import.Tests", "Corpus", "docs", name));
        var header = lines.Take(12).ToList().IndexOf("---");
        return Encoding.UTF8.GetBytes(string.Join('\n', lines.Skip(header + 1)) + "\n");
    }

    /// <summary>The same document with <paramref name="n"/> blank lines more at its end: other bytes, the same reading.</summary>
    public static byte[] Variant(string name, int n) => [.. Corpus(name), .. Encoding.UTF8.GetBytes(new string('\n', n))];

    public static UploadedFile Upload(string name, byte[] content) => new(name, content.Length, () => new MemoryStream(content));

    public static readonly string[] SelfEvaluations = ["12-self-evaluation.txt", "14-self-evaluation.txt", "16-self-evaluation.txt"];
}
