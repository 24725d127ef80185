using BenchmarkDotNet.Attributes;
using Jixiao.Domain.Evaluations;

namespace Jixiao.Bench.Scoring;

/// <summary>
/// Scores 100,000 generated evaluations of 20 indicators (2,000,000 indicators) on one thread.
/// Figures: docs/benchmarks-scoring.md. Run: dotnet run -c Release --project bench/Jixiao.Bench -- --filter '*Scoring*' --job short
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private EvaluationSheet[] sheets = [];

    [Params(100_000)]
    public int Evaluations { get; set; }

    [GlobalSetup]
    public void Setup() => sheets = GeneratedEvaluations.Create(Evaluations);

    /// <summary>Scores, totals, grades and findings; explanations are written only when read.</summary>
    [Benchmark]
    public decimal ScoreAll()
    {
        decimal sum = 0;
        foreach (var sheet in sheets)
        {
            sum += Scorer.Score(sheet).Total ?? 0;
        }

        return sum;
    }

    /// <summary>The same with every line's Chinese explanation written, as `jixiao score` and the web page do.</summary>
    [Benchmark]
    public int ScoreAndExplainAll()
    {
        var length = 0;
        foreach (var sheet in sheets)
        {
            foreach (var item in Scorer.Score(sheet).Items)
            {
                length += item.Explanation.Length;
            }
        }

        return length;
    }
}
