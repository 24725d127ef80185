using System.Diagnostics;
using System.Globalization;
using Jixiao.Import.Imports;

namespace Jixiao.Bench.Import;

/// <summary>
/// A plain timing of one streamed import per file, with the process's peak working set and its CPU time (the machine
/// is shared, so CPU seconds give the one-core throughput where wall time would count other people's work): <c>dotnet run -c Release --project bench/Jixiao.Bench -- import-throughput [MB]</c>.
/// </summary>
public static class ImportThroughput
{
    public static void Run(long megabytes)
    {
        foreach (var (layout, path) in new[]
                 {
                     ("pipe-table", GeneratedTables.PipeTable(megabytes * 1024 * 1024)),
                     ("extracted-text", GeneratedTables.ExtractedText(megabytes * 1024 * 1024)),
                 })
        {
            var bytes = new FileInfo(path).Length;
            var sink = new ImportBenchmarks.CountingSink();
            using var self = Process.GetCurrentProcess();
            var cpuBefore = self.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            using (var stream = File.OpenRead(path))
            {
                TargetTableImporter.Import(stream, Path.GetFileName(path), sink);
            }

            watch.Stop();
            using var process = Process.GetCurrentProcess();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            var mb = bytes / (1024.0 * 1024);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{layout}: {mb:0.0} MB, {sink.Projects} projects, {sink.Indicators} indicators, {sink.Diagnostics} diagnostics, "
                + $"wall {watch.Elapsed.TotalSeconds:0.00} s = {mb / watch.Elapsed.TotalSeconds:0.0} MB/s, CPU {cpu:0.00} s = {mb / cpu:0.0} MB/s per core, "
                + $"peak working set so far {process.PeakWorkingSet64 / (1024.0 * 1024):0} MB"));
        }
    }
}
