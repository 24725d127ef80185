using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Jixiao.Bench.Import;
using Jixiao.Import.Imports;
using Jixiao.Import.Reading;
using Jixiao.Import.Reading.Formats;
using Jixiao.Import.Text;

namespace Jixiao.Bench.Reading;

/// <summary>
/// One-core figures of the reading core, each beside a floor measured in the same run over the same bytes, and a
/// Stopwatch breakdown of where <see cref="DocumentReader.Read(byte[], string)"/> spends its time (the legacy
/// importer it also runs; the format adapter; decoding and splitting text into a grid; the recogniser). Figures
/// are per CPU-second of this process (the machine is shared) and wall: <c>dotnet run -c Release --project
/// bench/Jixiao.Bench -- reading-throughput [corpus|workbook|large|scan|all] [seconds]</c> (docs/benchmarks-reading.md).
/// </summary>
public static class ReadingThroughput
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Run(TextWriter output, string what, double seconds)
    {
        output.WriteLine(string.Create(Inv, $"# reading-throughput {what}, {seconds} s per figure, {Environment.ProcessorCount} cores, load {Load()}"));
        if (what is "corpus" or "all")
        {
            Corpus(output, seconds);
        }

        if (what is "workbook" or "all")
        {
            Workbook(output, seconds);
        }

        if (what is "large" or "all")
        {
            Large(output);
        }

        if (what is "scan" or "all")
        {
            Scan(output);
        }

        output.WriteLine(string.Create(Inv, $"# done, load {Load()}"));
    }

    private static void Corpus(TextWriter output, double seconds)
    {
        var docs = ReadingFiles.CorpusTexts();
        var bytes = docs.Sum(d => (long)d.Bytes.Length);
        output.WriteLine(string.Create(Inv, $"corpus: {docs.Count} documents, {bytes / 1024.0:0.0} KB"));
        foreach (var (name, b) in docs)
        {
            DocumentReader.Read(b, name); // warm up (JIT, vocabularies)
        }

        var floor = Measure(seconds, () =>
        {
            var chars = 0;
            foreach (var (_, b) in docs)
            {
                chars += Encoding.UTF8.GetString(b).Length;
            }

            return chars;
        });
        var read = Measure(seconds, () =>
        {
            var projects = 0;
            foreach (var (name, b) in docs)
            {
                projects += DocumentReader.Read(b, name).Document.Projects.Count;
            }

            return projects;
        });
        Report(output, "corpus floor (UTF8.GetString)", floor, docs.Count, "documents");
        Report(output, "corpus DocumentReader.Read", read, docs.Count, "documents");

        // Where the time goes, per stage and per document.
        var stages = new Stages();
        var perDocument = new double[docs.Count];
        var rounds = Math.Max(3, (int)(read.Passes / 2));
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < docs.Count; i++)
            {
                perDocument[i] += stages.Text(docs[i].Bytes, docs[i].Name);
            }
        }

        stages.Write(output, "corpus", rounds * docs.Count);
        foreach (var (seconds1, i) in perDocument.Select((s, i) => (s, i)).OrderByDescending(x => x.s).Take(8))
        {
            output.WriteLine(string.Create(Inv, $"  slowest {docs[i].Name}: {seconds1 / rounds * 1000:0.00} ms, {docs[i].Bytes.Length} bytes"));
        }
    }

    private static void Workbook(TextWriter output, double seconds)
    {
        var bytes = File.ReadAllBytes(ReadingFiles.Workbook);
        var name = Path.GetFileName(ReadingFiles.Workbook);
        var first = Stopwatch.StartNew();
        var reading = DocumentReader.Read(bytes, name);
        first.Stop();
        output.WriteLine(string.Create(Inv,
            $"workbook {name}: {bytes.Length / 1024.0:0.0} KB, first (cold) read {first.Elapsed.TotalSeconds:0.000} s, document {reading.Document.Projects.Count} projects, legacy {(reading.Targets is null ? "not used" : reading.Targets.Projects.Count() + " projects")}"));
        var floor = Measure(seconds, () =>
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                total += CountBytes(stream);
            }

            return (int)total;
        });
        var read = Measure(seconds, () => DocumentReader.Read(bytes, name).Document.Projects.Count);
        Report(output, "workbook floor (unzip every entry)", floor, 1, "reads");
        Report(output, "workbook DocumentReader.Read", read, 1, "reads");
        var stages = new Stages();
        var rounds = Math.Max(3, (int)Math.Min(20, read.Passes));
        for (var i = 0; i < rounds; i++)
        {
            stages.Binary(bytes, name);
        }

        stages.Write(output, "workbook", rounds);
    }

    private static void Large(TextWriter output)
    {
        foreach (var (layout, path) in new[]
                 {
                     ("pipe-table", GeneratedTables.PipeTable(10L * 1024 * 1024)),
                     ("extracted-text", GeneratedTables.ExtractedText(10L * 1024 * 1024)),
                 })
        {
            var bytes = File.ReadAllBytes(path);
            var name = Path.GetFileName(path);
            var mb = bytes.Length / (1024.0 * 1024);
            output.WriteLine(string.Create(Inv, $"large {layout}: {mb:0.0} MB"));
            var floor = Measure(2, () => Encoding.UTF8.GetString(bytes).Length, minPasses: 3);
            int Legacy()
            {
                var sink = new ImportBenchmarks.CountingSink();
                TargetTableImporter.Import(new MemoryStream(bytes, writable: false), name, sink);
                return sink.Projects;
            }

            // Warmed up first: at 10 MB a cold run is mostly JIT (docs/benchmarks-import.md gives 15 MB/s cold, 51.6 at 100 MB).
            Legacy();
            Legacy();
            var legacy = Measure(4, Legacy, minPasses: 3);
            var watch = Stopwatch.StartNew();
            var reading = DocumentReader.Read(bytes, name);
            watch.Stop();
            output.WriteLine(string.Create(Inv,
                $"  one DocumentReader.Read: wall {watch.Elapsed.TotalSeconds:0.00} s; document {reading.Document.Kind} {reading.Document.Projects.Count} projects, legacy {(reading.Targets is null ? "not used" : reading.Targets.Projects.Count() + " projects")}, peak working set {Environment.WorkingSet / (1024.0 * 1024):0} MB"));
            var read = Measure(1, () => DocumentReader.Read(bytes, name).Document.Projects.Count, minPasses: 3);
            ReportMb(output, $"large {layout} floor (UTF8.GetString)", floor, mb);
            ReportMb(output, $"large {layout} TargetTableImporter.Import (sink)", legacy, mb);
            ReportMb(output, $"large {layout} DocumentReader.Read", read, mb);
            var stages = new Stages();
            stages.Text(bytes, name);
            stages.Write(output, "large " + layout, 1);
            using var self = Process.GetCurrentProcess();
            output.WriteLine(string.Create(Inv, $"  peak working set so far {self.PeakWorkingSet64 / (1024.0 * 1024):0} MB"));
        }
    }

    private static void Scan(TextWriter output)
    {
        var png = ReadingFiles.ScanPng(150);
        var bytes = File.ReadAllBytes(png);
        output.WriteLine(string.Create(Inv, $"scan: page 1 of the generated form PDF at 150 dpi, {bytes.Length / 1024.0:0} KB PNG"));
        var tool = new List<double>();
        var read = new List<double>();
        var toolCpu = new List<double>();
        var readCpu = new List<double>();
        ReadDocument? document = null;
        for (var i = 0; i < 3; i++)
        {
            var children = ChildrenCpu();
            var watch = Stopwatch.StartNew();
            ReadingFiles.Run("tesseract", [png, "-", "-l", "chi_sim", "tsv"]);
            tool.Add(watch.Elapsed.TotalSeconds);
            toolCpu.Add(ChildrenCpu() - children);
            using var self = Process.GetCurrentProcess();
            var own = self.TotalProcessorTime.TotalSeconds;
            children = ChildrenCpu();
            watch.Restart();
            document = DocumentReader.Read(bytes, "scan.png").Document;
            read.Add(watch.Elapsed.TotalSeconds);
            self.Refresh();
            readCpu.Add(ChildrenCpu() - children + self.TotalProcessorTime.TotalSeconds - own);
        }

        output.WriteLine(string.Create(Inv, $"scan floor (tesseract IMG - -l chi_sim tsv alone): wall {Seconds(tool)} s, CPU of the tool {Seconds(toolCpu)} s"));
        output.WriteLine(string.Create(Inv, $"scan DocumentReader.Read: wall {Seconds(read)} s, CPU (this process + the tools it ran) {Seconds(readCpu)} s; {document!.Format}, {document.Kind}, {document.Projects.Count} projects, {document.IndicatorCount} indicators, {document.Diagnostics.Count} diagnostics"));
        foreach (var diagnostic in document.Diagnostics.Take(5))
        {
            output.WriteLine($"  {diagnostic.Severity} {diagnostic.Code} {diagnostic.Message}");
        }
    }

    /// <summary>One file read through the stages, each timed: <c>reading-one PATH [times]</c> (a fuzz input's reproduction).</summary>
    public static void One(TextWriter output, string path, int times)
    {
        var bytes = File.ReadAllBytes(path);
        var stages = new Stages();
        for (var i = 0; i < times; i++)
        {
            stages.Text(bytes, Path.GetFileName(path));
        }

        stages.Write(output, $"{Path.GetFileName(path)} ({bytes.Length} bytes)", times);
        var grids = FormatReader.Read(new MemoryStream(bytes, writable: false), Path.GetFileName(path));
        output.WriteLine($"  format {grids.Format}, {grids.Grids.Count} grids, diagnostics {string.Join(", ", grids.Diagnostics.Select(d => d.Code).GroupBy(c => c).Select(g => g.Key + "×" + g.Count().ToString(Inv)))}");
    }

    /// <summary>
    /// Every file of a folder (the fuzz run's hangs) read alone, one after another, each on a thread given
    /// <paramref name="limit"/> seconds: the time alone and the stage it spends it in, or the stage still running at the
    /// limit. <c>reading-retime DIR [seconds]</c>.
    /// </summary>
    public static void Retime(TextWriter output, string folder, double limit)
    {
        DocumentReader.Read(Encoding.UTF8.GetBytes("项目名称：预热\n"), "warm.txt");
        foreach (var path in Directory.GetFiles(folder).Where(p => !p.EndsWith(".about.txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(path);
            var stages = new Stages();
            var watch = Stopwatch.StartNew();
            var thread = new Thread(() => stages.Text(bytes, Path.GetFileName(path))) { IsBackground = true };
            thread.Start();
            var finished = thread.Join(TimeSpan.FromSeconds(limit));
            output.WriteLine(finished
                ? string.Create(Inv, $"{Path.GetFileName(path)}\t{bytes.Length}\t{watch.Elapsed.TotalSeconds:0.00} s\t{stages.Dominant()}")
                : string.Create(Inv, $"{Path.GetFileName(path)}\t{bytes.Length}\t> {limit:0} s\tstill in {stages.Current}"));
            output.Flush();
            if (!finished)
            {
                output.WriteLine("# stopped: a reading is still running and would disturb the next timings");
                return;
            }
        }
    }

    private static string Seconds(IEnumerable<double> values) => string.Join(", ", values.Select(t => t.ToString("0.00", Inv)));

    /// <summary>User + system seconds of the child processes waited for so far (getrusage RUSAGE_CHILDREN).</summary>
    private static double ChildrenCpu()
    {
        var usage = new long[18];
        return getrusage(-1, usage) == 0 ? usage[0] + usage[1] / 1e6 + usage[2] + usage[3] / 1e6 : double.NaN;
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
#pragma warning disable CA5392, SYSLIB1054 // libc, resolved by name; a plain P/Invoke is enough for a bench.
    private static extern int getrusage(int who, long[] usage);
#pragma warning restore CA5392, SYSLIB1054

    private static long CountBytes(Stream stream)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            total += n;
        }

        return total;
    }

    private sealed record Figure(long Passes, double Cpu, double Wall);

    /// <summary>Runs <paramref name="pass"/> until <paramref name="seconds"/> of wall time have gone (at least <paramref name="minPasses"/>).</summary>
    private static Figure Measure(double seconds, Func<int> pass, int minPasses = 5)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        long passes = 0;
        var sink = 0;
        while (passes < minPasses || watch.Elapsed.TotalSeconds < seconds)
        {
            sink += pass();
            passes++;
        }

        watch.Stop();
        self.Refresh();
        GC.KeepAlive(sink);
        return new(passes, (self.TotalProcessorTime - cpuBefore).TotalSeconds, watch.Elapsed.TotalSeconds);
    }

    private static void Report(TextWriter output, string label, Figure figure, int perPass, string unit) =>
        output.WriteLine(string.Create(Inv,
            $"{label}: {figure.Passes} passes, CPU {figure.Cpu:0.000} s = {figure.Passes * perPass / figure.Cpu:0.0} {unit} per CPU-second, wall {figure.Wall:0.000} s = {figure.Passes * perPass / figure.Wall:0.0} {unit}/s, {figure.Cpu / figure.Passes / perPass * 1000:0.000} ms CPU each"));

    private static void ReportMb(TextWriter output, string label, Figure figure, double mb) =>
        output.WriteLine(string.Create(Inv,
            $"{label}: {figure.Passes} passes, CPU {figure.Cpu / figure.Passes:0.000} s each = {mb * figure.Passes / figure.Cpu:0.0} MB/s per core, wall {figure.Wall / figure.Passes:0.000} s each = {mb * figure.Passes / figure.Wall:0.0} MB/s"));

    private static string Load()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (IOException)
        {
            return "?";
        }
    }

    /// <summary>The stages of <see cref="DocumentReader.Read(byte[], string)"/> run one by one, each timed.</summary>
    private sealed class Stages
    {
        private readonly double[] seconds = new double[4];
        private static readonly string[] Names = ["legacy TargetTableImporter.Import", "FormatReader.Read", "TextDecoder + TextGrid.FromText", "DocumentRecognizer.Recognize"];

        public volatile string Current = "";

        public string Dominant()
        {
            var i = Array.IndexOf(seconds, seconds.Max());
            return string.Create(Inv, $"{Names[i]} {seconds[i]:0.00} s ({seconds[i] / seconds.Sum() * 100:0}%)");
        }

        public double Text(byte[] bytes, string name)
        {
            var watch = Stopwatch.StartNew();
            Current = Names[0];
            TargetTableImporter.Import(new MemoryStream(bytes, writable: false), name);
            var t0 = watch.Elapsed.TotalSeconds;
            Current = Names[1];
            var read = FormatReader.Read(new MemoryStream(bytes, writable: false), name);
            var t1 = watch.Elapsed.TotalSeconds;
            Current = Names[2];
            var grids = read;
            if (read.Format == "text")
            {
                var detection = TextDecoder.Detect(bytes, complete: true);
                if (!detection.IsBinary)
                {
                    var text = detection.Encoding!.GetString(bytes, detection.BomLength, bytes.Length - detection.BomLength);
                    grids = new GridDocument(name, "text", [TextGrid.FromText(text, name)], read.Diagnostics);
                }
            }

            var t2 = watch.Elapsed.TotalSeconds;
            Current = Names[3];
            DocumentRecognizer.Recognize(grids);
            var t3 = watch.Elapsed.TotalSeconds;
            seconds[0] += t0;
            seconds[1] += t1 - t0;
            seconds[2] += t2 - t1;
            seconds[3] += t3 - t2;
            return t3;
        }

        public double Binary(byte[] bytes, string name) => Text(bytes, name);

        public void Write(TextWriter output, string label, int reads)
        {
            var total = seconds.Sum();
            output.WriteLine(string.Create(Inv, $"  {label} breakdown over {reads} reads (wall, {total / reads * 1000:0.000} ms per read):"));
            for (var i = 0; i < seconds.Length; i++)
            {
                output.WriteLine(string.Create(Inv, $"    {Names[i],-36} {seconds[i] / reads * 1000,10:0.000} ms  {seconds[i] / total * 100,5:0.0}%"));
            }
        }
    }
}
