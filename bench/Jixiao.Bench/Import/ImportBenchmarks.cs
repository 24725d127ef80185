using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Projects;
using Jixiao.Import.Imports;

namespace Jixiao.Bench.Import;

/// <summary>
/// Streams ≥100 MB of generated target tables through the importer into a sink that keeps nothing, so the figure
/// is the reader's own throughput and memory (docs/benchmarks-import.md). Peak working set is printed at cleanup;
/// BenchmarkDotNet runs each case in its own process, so it is the peak of that case alone.
/// <code>dotnet run -c Release --project bench/Jixiao.Bench -- --filter '*ImportBenchmarks*' --job short</code>
/// </summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private string file = "";

    [Params("pipe-table", "extracted-text")]
    public string Layout { get; set; } = "pipe-table";

    [Params(10L * 1024 * 1024, 100L * 1024 * 1024)]
    public long Bytes { get; set; }

    public long FileBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        file = Layout == "pipe-table" ? GeneratedTables.PipeTable(Bytes) : GeneratedTables.ExtractedText(Bytes);
        FileBytes = new FileInfo(file).Length;
    }

    [Benchmark]
    public int Import()
    {
        var sink = new CountingSink();
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        TargetTableImporter.Import(stream, Path.GetFileName(file), sink);
        return sink.Indicators;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"// {Layout} {FileBytes / (1024.0 * 1024):0.0} MB: peak working set {process.PeakWorkingSet64 / (1024.0 * 1024):0} MB");
    }

    /// <summary>Counts what the importer finds and keeps nothing.</summary>
    public sealed class CountingSink : IImportSink
    {
        public int Projects { get; private set; }
        public int Indicators { get; private set; }
        public int Diagnostics { get; private set; }

        public void Layout(string layout)
        {
        }

        public void Document(string? department, MoneyUnit amountUnit)
        {
        }

        public void TableTotal(decimal? statedTotal, SourceLocation location)
        {
        }

        public void Unit(string name, decimal? statedTotal, SourceLocation location)
        {
        }

        public void Project(Project project)
        {
            Projects++;
            Indicators += project.Indicators.Count;
        }

        public void Report(Diagnostic diagnostic) => Diagnostics++;
    }
}
