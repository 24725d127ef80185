using System.Diagnostics;
using System.Globalization;
using Jixiao.Domain.Reviews;

namespace Jixiao.Bench.Reviews;

/// <summary>
/// Projects reviewed per second of the process's own CPU time: meaningful on a shared machine, where BenchmarkDotNet's
/// wall-clock times include waiting for a core. The review runs on one thread.
/// Run: dotnet run -c Release --project bench/Jixiao.Bench -- review-cpu [projects] [rounds]
/// </summary>
public static class ReviewThroughput
{
    public static void Run(TextWriter output, int projects = 100_000, int rounds = 5, int wordRounds = 5)
    {
        var units = ReviewedProjects.Generate(projects);
        var engine = new ReviewEngine();
        Measure(output, "warm-up", engine, units, projects, word: false);
        for (var round = 1; round <= rounds; round++)
        {
            Measure(output, $"review #{round}", engine, units, projects, word: false);
        }

        for (var round = 1; round <= wordRounds; round++)
        {
            Measure(output, $"word   #{round}", engine, units, projects, word: true);
        }
    }

    private static void Measure(TextWriter output, string label, ReviewEngine engine, IReadOnlyList<Domain.Projects.BudgetUnit> units,
        int projects, bool word)
    {
        GC.Collect();
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var paused = GC.GetTotalPauseDuration();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var report = engine.Review(units);
        long check = report.Total.Errors;
        if (word)
        {
            foreach (var project in report.Projects)
            {
                foreach (var finding in project.Findings)
                {
                    check += finding.Message.Length + finding.Suggestion.Length;
                }
            }
        }

        wall.Stop();
        var seconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var megabytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1_048_576.0;
        var collections = $"GC {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}, paused {(GC.GetTotalPauseDuration() - paused).TotalSeconds:0.000} s";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {projects:N0} projects, {report.Total.Errors + report.Total.Warnings + report.Total.Infos:N0} findings, CPU {seconds:0.000} s ({projects / seconds:N0} projects per CPU-second), wall {wall.Elapsed.TotalSeconds:0.000} s, {megabytes:N0} MB allocated, {collections} [{check}]"));
    }
}
