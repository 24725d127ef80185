using BenchmarkDotNet.Attributes;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Reviews;

namespace Jixiao.Bench.Reviews;

/// <summary>
/// The rule pass over a province-sized set: 100,000 generated projects (1,000 units of 100) through every review rule,
/// scoring and the unit and department summaries. Goal: ≥ 100,000 projects per second on one core (docs/benchmarks-review.md).
/// dotnet run -c Release --project bench/Jixiao.Bench -- --filter '*ReviewBenchmark*' --job short
/// </summary>
[MemoryDiagnoser]
public class ReviewBenchmark
{
    private IReadOnlyList<BudgetUnit> units = [];
    private ReviewEngine engine = ReviewEngine.Default;

    [Params(100_000)]
    public int Projects { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        units = ReviewedProjects.Generate(Projects);
        engine = ReviewEngine.Default;
        _ = engine.Review(units.Take(1));
    }

    /// <summary>The rule pass: every finding decided, scored and summed up; messages are worded when read.</summary>
    [Benchmark(Baseline = true)]
    public int ReviewAll() => engine.Review(units).Total.Errors;

    /// <summary>The rule pass plus wording every message and suggestion, as `jixiao review --json` does.</summary>
    [Benchmark]
    public int ReviewAndWordEveryFinding()
    {
        var length = 0;
        foreach (var project in engine.Review(units).Projects)
        {
            foreach (var finding in project.Findings)
            {
                length += finding.Message.Length + finding.Suggestion.Length;
            }
        }

        return length;
    }
}
