using BenchmarkDotNet.Attributes;
using Jixiao.Reporting.Reports;

namespace Jixiao.Bench.Reports;

/// <summary>
/// Writes 绩效评价报告 as .docx: the four seed evaluations of samples/evaluations (scored, with their texts where
/// present) in turn, 1,000 reports per invocation — to memory, and to files in a temporary folder (what the batch
/// mode does). Reports per second = 1,000 ÷ mean time. The single-report benchmarks split the cost into composing
/// the document and rendering it.
/// </summary>
[MemoryDiagnoser]
public class ReportWriterBenchmark
{
    private const int Reports = 1_000;
    private EvaluationReportModel[] models = [];
    private string folder = "";

    [GlobalSetup]
    public void Setup()
    {
        var dir = Path.Combine(BenchPaths.RepoRoot, "samples", "evaluations");
        models = [.. Directory.GetFiles(dir, "*.json").Where(f => !f.EndsWith(EvaluationReportSource.TextsSuffix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).Select(f => EvaluationReportSource.Load(f).Model!)];
        folder = Directory.CreateTempSubdirectory("jixiao-bench-reports-").FullName;
        Console.WriteLine($"// {models.Length} seed evaluations");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(folder, recursive: true);

    [Benchmark]
    public long WriteThousandDocxToMemory()
    {
        long bytes = 0;
        using var stream = new MemoryStream();
        for (var i = 0; i < Reports; i++)
        {
            stream.SetLength(0);
            EvaluationReportWriter.WriteDocx(models[i % models.Length], stream);
            bytes += stream.Length;
        }

        return bytes;
    }

    [Benchmark]
    public int WriteThousandDocxFiles()
    {
        for (var i = 0; i < Reports; i++)
        {
            using var file = File.Create(Path.Combine(folder, $"r{i % 100}.docx"));
            EvaluationReportWriter.WriteDocx(models[i % models.Length], file);
        }

        return Reports;
    }

    [Benchmark]
    public int ComposeOne() => EvaluationReportWriter.Compose(models[^1]).Blocks.Count;

    [Benchmark]
    public long DocxOne()
    {
        using var stream = new MemoryStream();
        EvaluationReportWriter.WriteDocx(models[^1], stream);
        return stream.Length;
    }

    [Benchmark]
    public int HtmlOne() => EvaluationReportWriter.WriteHtml(models[^1]).Length;
}
