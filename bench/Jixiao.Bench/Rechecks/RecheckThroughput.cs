using System.Diagnostics;
using System.Globalization;
using Jixiao.Domain.Rechecks;

namespace Jixiao.Bench.Rechecks;

/// <summary>
/// Self-evaluations rechecked per second of CPU time (the fair one-core figure on a shared machine), and the floor —
/// parsing the same lines' texts — measured in the same run.
/// Run: dotnet run -c Release --project bench/Jixiao.Bench -- recheck-cpu [evaluations] [rounds]
/// </summary>
public static class RecheckThroughput
{
    public static void Run(TextWriter output, int evaluations = 20_000, int rounds = 5)
    {
        var corpus = RecheckInputs.Corpus();
        var inputs = corpus.Concat(RecheckInputs.Generated(evaluations - corpus.Count)).ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{inputs.Length:N0} self-evaluations ({corpus.Count} from the corpus), {inputs.Sum(i => i.Lines.Count):N0} lines"));
        Measure(output, "warm-up ", inputs, i => Rechecker.Recheck(i, RecheckRuleSet.Default).Total);
        for (var round = 1; round <= rounds; round++)
        {
            Measure(output, $"recheck #{round}", inputs, i => Rechecker.Recheck(i, RecheckRuleSet.Default).Total);
            Measure(output, $"floor   #{round}", inputs, RecheckInputs.ParseTexts);
        }
    }

    private static void Measure(TextWriter output, string label, SelfEvaluationInput[] inputs, Func<SelfEvaluationInput, decimal> work)
    {
        GC.Collect();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        decimal check = 0;
        foreach (var input in inputs)
        {
            check += work(input);
        }

        wall.Stop();
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: CPU {cpuSeconds:F3} s ({inputs.Length / cpuSeconds:N0}/s of CPU), wall {wall.Elapsed.TotalSeconds:F3} s ({inputs.Length / wall.Elapsed.TotalSeconds:N0}/s), check {check}"));
    }
}
