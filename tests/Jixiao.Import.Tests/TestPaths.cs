namespace Jixiao.Import.Tests;

/// <summary>Finds repository files by walking up from the test binaries to the folder holding Jixiao.slnx.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Seed(string name) => Path.Combine(RepoRoot, "samples", "seeds", name);

    public static string Fixture(string name) => Path.Combine(RepoRoot, "tests", "Jixiao.Import.Tests", "Fixtures", name);

    public static string Seed002 => Seed("002_57b7928e8e0f944a.txt");

    public static string Seed003 => Seed("003_3854a258b9068c95.txt");

    /// <summary>A fresh folder under the system temp directory for files a test writes.</summary>
    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "jixiao-import-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Jixiao.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Jixiao.slnx not found above " + AppContext.BaseDirectory);
    }
}
