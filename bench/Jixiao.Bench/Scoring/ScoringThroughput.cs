using System.Diagnostics;
using System.Globalization;
using Jixiao.Domain.Evaluations;

namespace Jixiao.Bench.Scoring;

/// <summary>
/// Indicators scored per second of the scoring thread's own CPU time: a figure that stays meaningful on a shared
/// machine, where BenchmarkDotNet's wall-clock times include waiting for a core.
/// Run: dotnet run -c Release --project bench/Jixiao.Bench -- scoring-cpu [evaluations] [rounds]
/// </summary>
public static class ScoringThroughput
{
    public static void Run(TextWriter output, int evaluations = 100_000, int rounds = 5)
    {
        var sheets = GeneratedEvaluations.Create(evaluations);
        var indicators = sheets.Sum(s => s.Indicators.Count);
        Measure(output, "warm-up", sheets, indicators, explain: false);
        for (var round = 1; round <= rounds; round++)
        {
            Measure(output, $"score   #{round}", sheets, indicators, explain: false);
        }

        for (var round = 1; round <= rounds; round++)
        {
            Measure(output, $"explain #{round}", sheets, indicators, explain: true);
        }
    }

    private static void Measure(TextWriter output, string label, EvaluationSheet[] sheets, int indicators, bool explain)
    {
        GC.Collect();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        long check = 0;
        foreach (var sheet in sheets)
        {
            var scored = Scorer.Score(sheet);
            check += (long)(scored.Total ?? 0);
            if (explain)
            {
                foreach (var item in scored.Items)
                {
                    check += item.Explanation.Length;
                }
            }
        }

        wall.Stop();
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {indicators:N0} indicators, CPU {cpuSeconds:F3} s ({indicators / cpuSeconds:N0}/s of CPU), wall {wall.Elapsed.TotalSeconds:F3} s ({indicators / wall.Elapsed.TotalSeconds:N0}/s), check {check}"));
    }
}
