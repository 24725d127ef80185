using System.IO.Compression;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Jixiao.Import.Reading;

namespace Jixiao.Bench.Reading;

/// <summary>
/// The corpus text documents (30, headers stripped) and the 146-project workbook read by
/// <see cref="DocumentReader.Read(byte[], string)"/>, each beside its floor over the same bytes (UTF-8 decoding;
/// unzipping every entry), with allocations. The one-core CPU figures, the 10 MB inputs and the scan are in
/// <see cref="ReadingThroughput"/> (docs/benchmarks-reading.md).
/// <code>dotnet run -c Release --project bench/Jixiao.Bench -- --filter '*ReadingBenchmarks*' --job short</code>
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ReadingBenchmarks
{
    private IReadOnlyList<(string Name, byte[] Bytes)> corpus = [];
    private byte[] workbook = [];

    [GlobalSetup]
    public void Setup()
    {
        corpus = ReadingFiles.CorpusTexts();
        workbook = File.ReadAllBytes(ReadingFiles.Workbook);
    }

    [Benchmark(Baseline = true, Description = "floor: UTF8.GetString of the 30 documents")]
    [BenchmarkCategory("corpus")]
    public int CorpusDecode()
    {
        var chars = 0;
        foreach (var (_, bytes) in corpus)
        {
            chars += Encoding.UTF8.GetString(bytes).Length;
        }

        return chars;
    }

    [Benchmark(Description = "DocumentReader.Read of the 30 documents")]
    [BenchmarkCategory("corpus")]
    public int CorpusRead()
    {
        var projects = 0;
        foreach (var (name, bytes) in corpus)
        {
            projects += DocumentReader.Read(bytes, name).Document.Projects.Count;
        }

        return projects;
    }

    [Benchmark(Baseline = true, Description = "floor: unzip every entry of the workbook")]
    [BenchmarkCategory("workbook")]
    public long WorkbookUnzip()
    {
        using var zip = new ZipArchive(new MemoryStream(workbook, writable: false), ZipArchiveMode.Read);
        long total = 0;
        var buffer = new byte[1 << 16];
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            int n;
            while ((n = stream.Read(buffer)) > 0)
            {
                total += n;
            }
        }

        return total;
    }

    [Benchmark(Description = "DocumentReader.Read of the 146-project workbook")]
    [BenchmarkCategory("workbook")]
    public int WorkbookRead() => DocumentReader.Read(workbook, "01-targets-baoan-export.xlsx").Document.Projects.Count;
}
