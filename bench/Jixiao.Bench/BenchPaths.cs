namespace Jixiao.Bench;

/// <summary>Finds files of the repository (the seed documents) from wherever BenchmarkDotNet runs the benchmark.</summary>
public static class BenchPaths
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

            return dir?.FullName ?? Environment.GetEnvironmentVariable("JIXIAO_REPO")
                ?? throw new InvalidOperationException("Jixiao.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Seeds => Path.Combine(RepoRoot, "samples", "seeds");
}
