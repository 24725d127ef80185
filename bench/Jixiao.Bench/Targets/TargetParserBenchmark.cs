using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Jixiao.Domain.Targets;

namespace Jixiao.Bench.Targets;

/// <summary>
/// Parses every 实施周期指标值 / 年度指标值 of the two seed target tables (002, 003; line breaks of the PDF text
/// rejoined) once per invocation. Values per second = ValueCount ÷ mean time.
/// </summary>
[MemoryDiagnoser]
public partial class TargetParserBenchmark
{
    private string[] values = [];

    public int ValueCount => values.Length;

    [GlobalSetup]
    public void Setup()
    {
        var texts = new[] { "002_57b7928e8e0f944a.txt", "003_3854a258b9068c95.txt" }
            .Select(f => File.ReadAllText(Path.Combine(BenchPaths.Seeds, f)).Replace("\n", "", StringComparison.Ordinal));
        values = texts.SelectMany(t => ValuePattern().Matches(t).Select(m => m.Groups[1].Value.Trim())).ToArray();
        Console.WriteLine($"// {values.Length} target values");
    }

    [Benchmark]
    public int ParseAllSeedValues()
    {
        var quantitative = 0;
        foreach (var value in values)
        {
            if (TargetParser.Parse(value) is not Target.Qualitative)
            {
                quantitative++;
            }
        }

        return quantitative;
    }

    [GeneratedRegex("(?:实施周期指标值|年度指标值)\\s*[:：]\\s*([^,，;；|。]*)")]
    private static partial Regex ValuePattern();
}
