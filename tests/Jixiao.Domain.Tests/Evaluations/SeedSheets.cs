using Jixiao.Domain.Evaluations;

namespace Jixiao.Domain.Tests.Evaluations;

/// <summary>Loads the seed evaluation sheets of samples/evaluations (built by hand from the seed reports).</summary>
internal static class SeedSheets
{
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Jixiao.slnx")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Jixiao.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    public static string PathOf(string file) => Path.Combine(RepoRoot, "samples", "evaluations", file);

    public static EvaluationSheet Load(string file)
    {
        var result = EvaluationSheetJson.Read(File.ReadAllText(PathOf(file)), file);
        result.Diagnostics.ShouldBeEmpty();
        return result.Sheet!;
    }

    public static ScoredEvaluation Score(string file) => Scorer.Score(Load(file));
}
