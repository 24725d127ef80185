using System.Text.RegularExpressions;

namespace Jixiao.Cli.Tests;

/// <summary>
/// Every relative link in README.md, ARCHITECTURE.md and docs/*.md, and every .md file they name in passing, is a file
/// of this repository: a fresh clone (what CI tests) has nothing else.
/// </summary>
public sealed partial class DocumentationLinksTests
{
    public static TheoryData<string> Documents
    {
        get
        {
            var data = new TheoryData<string> { "README.md", "ARCHITECTURE.md" };
            foreach (var file in Directory.GetFiles(Path.Combine(CliRunner.RepoRoot, "docs"), "*.md").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(CliRunner.RepoRoot, file).Replace('\\', '/'));
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Links_resolve_to_files_of_the_repository(string document)
    {
        var path = Path.Combine(CliRunner.RepoRoot, document);
        var folder = Path.GetDirectoryName(path)!;
        var text = File.ReadAllText(path);
        var links = MarkdownLink().Matches(text).Select(m => m.Groups["target"].Value)
            .Concat(ReferenceLink().Matches(text).Select(m => m.Groups["target"].Value))
            .Where(t => !t.StartsWith('#') && !Scheme().IsMatch(t))
            .Select(t => t.Split('#')[0]);

        var broken = links.Where(t => !Exists(Path.Combine(folder, Uri.UnescapeDataString(t))))
            .Concat(FileMention().Matches(text).Select(m => m.Value)
                .Where(t => !Exists(Path.Combine(folder, t)) && !Exists(Path.Combine(CliRunner.RepoRoot, t))
                    && !Exists(Path.Combine(CliRunner.RepoRoot, "docs", t))))
            .Distinct().ToList();

        broken.ShouldBeEmpty($"{document} points at files this repository does not have");
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    /// <summary>[text](target) and ![alt](target), an optional "title" after the target.</summary>
    [GeneratedRegex("""\[[^\]]*\]\((?<target>[^)\s]+)(?:\s+"[^"]*")?\)""")]
    private static partial Regex MarkdownLink();

    /// <summary>A reference definition: [name]: target.</summary>
    [GeneratedRegex(@"^\s{0,3}\[[^\]]+\]:\s*(?<target>\S+)", RegexOptions.Multiline)]
    private static partial Regex ReferenceLink();

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();

    /// <summary>A .md file named in prose or code, with or without folders (docs/api.md, api.md, ../x.md).</summary>
    [GeneratedRegex(@"(?<![\w/.-])(?:\.\./|[\w.-]+/)*[\w.-]+\.md\b")]
    private static partial Regex FileMention();
}
