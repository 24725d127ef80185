using Jixiao.Domain.Reviews.Rulebooks;
using Jixiao.Import.Reading;
using Jixiao.Import.Reading.Formats;
using Jixiao.Import.Tests.Corpus;

namespace Jixiao.Import.Tests.Reviews;

/// <summary>
/// The product's 初审 of the 146 projects of the Baoan export by a rulebook, against the district reviewer's 初审
/// (01-targets-baoan-review.xlsx): per 审核细项 name (the words of the 初审小结), how many of the reviewed projects
/// both name, only the product names, only the reviewer names. A project whose three 审核 columns are all empty was
/// not reviewed and is left out.
/// </summary>
internal static class BaoanAgreement
{
    public sealed record Tally(string Category, int Both, int ProductOnly, int ReviewerOnly)
    {
        public double Precision => Both + ProductOnly == 0 ? 1 : (double)Both / (Both + ProductOnly);

        public double Recall => Both + ReviewerOnly == 0 ? 1 : (double)Both / (Both + ReviewerOnly);
    }

    public sealed record Result(int Reviewed, int NotReviewed, IReadOnlyList<Tally> Tallies, IReadOnlyDictionary<string, (ISet<string> Product, ISet<string> Reviewer)> ByProject);

    public static Result Measure(ReviewRulebook rulebook)
    {
        var bytes = File.ReadAllBytes(Path.Combine(CorpusFiles.Docs, "01-targets-baoan-export.xlsx"));
        var import = TargetsFromReading.ToImportResult(DocumentReader.Read(bytes, "01-targets-baoan-export.xlsx"));
        var reviews = new RulebookReviewer(rulebook).Review(import.Units).ToDictionary(r => r.Project.Code!, StringComparer.Ordinal);
        var reviewer = ReviewerSheet();
        var byProject = new Dictionary<string, (ISet<string>, ISet<string>)>(StringComparer.Ordinal);
        var notReviewed = 0;
        foreach (var (code, (reviewed, items)) in reviewer)
        {
            if (!reviewed)
            {
                notReviewed++;
                continue;
            }

            var product = reviews[code].Findings.Where(f => !f.Item.Manual).Select(f => f.Item.Name).ToHashSet(StringComparer.Ordinal);
            byProject[code] = (product, items);
        }

        var categories = byProject.Values.SelectMany(v => v.Item1.Concat(v.Item2)).Distinct().Order(StringComparer.Ordinal).ToList();
        var tallies = categories.Select(c => new Tally(c,
            byProject.Values.Count(v => v.Item1.Contains(c) && v.Item2.Contains(c)),
            byProject.Values.Count(v => v.Item1.Contains(c) && !v.Item2.Contains(c)),
            byProject.Values.Count(v => !v.Item1.Contains(c) && v.Item2.Contains(c)))).ToList();
        return new Result(byProject.Count, notReviewed, tallies, byProject);
    }

    /// <summary>The reviewer's sheet by 项目编码: whether the project was reviewed and the 审核细项 names of its 初审小结.</summary>
    public static Dictionary<string, (bool Reviewed, ISet<string> Items)> ReviewerSheet()
    {
        var path = Path.Combine(CorpusFiles.Docs, "01-targets-baoan-review.xlsx");
        using var stream = File.OpenRead(path);
        var grid = FormatReader.Read(stream, Path.GetFileName(path)).Grids[0];
        var header = grid.Rows[0].ToDictionary(c => c.Text.Trim(), c => c.Column, StringComparer.Ordinal);
        var result = new Dictionary<string, (bool, ISet<string>)>(StringComparer.Ordinal);
        foreach (var row in grid.Rows.Skip(1))
        {
            string Cell(string label) => row.FirstOrDefault(c => c.Column == header[label])?.Text ?? "";
            var code = Cell("项目编码").Trim();
            if (code.Length == 0)
            {
                continue;
            }

            var reviewed = new[] { "完整性审核", "可测性审核", "可行性审核" }.Any(l => Cell(l).Trim().Length > 0);
            var items = Cell("初审小结").Split('\n').Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"^\s*\d+\.\s*", "").Trim())
                .Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
            result[code] = (reviewed, items);
        }

        return result;
    }
}
