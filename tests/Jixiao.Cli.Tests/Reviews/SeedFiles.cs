using Jixiao.Domain.Reviews;
using Jixiao.Import.Imports;

namespace Jixiao.Cli.Tests.Reviews;

/// <summary>The seed target tables, imported once and reviewed with the built-in rules.</summary>
internal static class SeedFiles
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

    public static string Police => Path.Combine(RepoRoot, "samples", "seeds", "002_57b7928e8e0f944a.txt");

    public static string Committee => Path.Combine(RepoRoot, "samples", "seeds", "003_3854a258b9068c95.txt");

    private static readonly Lazy<ReviewReport> PoliceReport = new(() => ReviewEngine.Default.Review(TargetTableImporter.Import(Police).Units));

    private static readonly Lazy<ReviewReport> CommitteeReport = new(() => ReviewEngine.Default.Review(TargetTableImporter.Import(Committee).Units));

    public static ReviewReport PoliceReview => PoliceReport.Value;

    public static ReviewReport CommitteeReview => CommitteeReport.Value;
}
