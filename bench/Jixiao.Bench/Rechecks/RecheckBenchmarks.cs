using BenchmarkDotNet.Attributes;
using Jixiao.Domain.Rechecks;

namespace Jixiao.Bench.Rechecks;

/// <summary>
/// 自评复核 of self-evaluations once read (issue #16: ≥ 1,000 per second per core), beside the floor of parsing the
/// same lines' target and actual texts. Figures: docs/benchmarks.md.
/// Run: dotnet run -c Release --project bench/Jixiao.Bench -- --filter '*Recheck*' --job short
/// </summary>
[MemoryDiagnoser]
public class RecheckBenchmarks
{
    private SelfEvaluationInput[] inputs = [];

    [GlobalSetup]
    public void Setup() => inputs = [.. RecheckInputs.Corpus(), .. RecheckInputs.Generated(997)];

    /// <summary>1,000 self-evaluations (3 from the corpus, 997 generated) rechecked by the 10号 rule set.</summary>
    [Benchmark]
    public decimal RecheckThousand()
    {
        decimal sum = 0;
        foreach (var input in inputs)
        {
            sum += Rechecker.Recheck(input, RecheckRuleSet.Default).Total;
        }

        return sum;
    }

    /// <summary>The floor: parsing the same 1,000 evaluations' targets and actual values, nothing else.</summary>
    [Benchmark(Baseline = true)]
    public decimal ParseTextsOfThousand()
    {
        decimal sum = 0;
        foreach (var input in inputs)
        {
            sum += RecheckInputs.ParseTexts(input);
        }

        return sum;
    }
}
