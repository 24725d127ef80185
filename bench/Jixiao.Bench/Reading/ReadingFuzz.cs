using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Jixiao.Domain.Diagnostics;
using Jixiao.Import.Reading;

namespace Jixiao.Bench.Reading;

/// <summary>
/// An in-process fuzz run of <see cref="DocumentReader.Read(byte[], string)"/>: input <c>i</c> is a mutation of one
/// seed (the corpus .txt documents, headers stripped; a generated .xlsx, .docx and the PDF LibreOffice made of the
/// .docx) drawn from <c>new Random(seed, i)</c> alone, so any input is made again from its number. Each input runs
/// on a worker thread with a watchdog: an exception is a crash, more than <see cref="HangSeconds"/> a hang (the
/// worker is abandoned and replaced), a result with no project and no Error diagnostic a silent loss. Offending
/// inputs are written to the output folder with the failure's description. Each worker writes the number of its
/// input to <c>inflight-N</c> before reading it, so an input that kills the process (a stack overflow) is found
/// after the fact: <c>fuzz-reading [--seconds S] [--inputs N] [--seed S] [--start I] [--workers W] [--out DIR]</c>,
/// <c>fuzz-reading --replay I [--seed S] --out DIR</c>; bench/fuzz-reading.sh runs it.
/// </summary>
public static class ReadingFuzz
{
    public const double HangSeconds = 2;
    private const int KeepPerSignature = 5;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private sealed record Seed(string Name, byte[] Bytes, string Kind);

    private sealed record Input(long Index, string Name, byte[] Bytes, string Shape);

    public static int Run(TextWriter output, string[] args)
    {
        string Arg(string name, string fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        }

        var seconds = double.Parse(Arg("--seconds", "1500"), Inv);
        var limit = long.Parse(Arg("--inputs", "1000000"), Inv);
        var seed = int.Parse(Arg("--seed", "20261123"), Inv);
        var start = long.Parse(Arg("--start", "0"), Inv);
        var workers = int.Parse(Arg("--workers", Environment.ProcessorCount.ToString(Inv)), Inv);
        var folder = Arg("--out", Path.Combine(Path.GetTempPath(), "jixiao-fuzz-reading"));
        Directory.CreateDirectory(folder);
        if (Array.IndexOf(args, "--no-regex-timeout") < 0)
        {
            // A regular expression that backtracks for minutes would hold a worker (threads cannot be stopped): with
            // the default match timeout it throws after the hang limit instead, and is counted as a hang, not a crash.
            AppDomain.CurrentDomain.SetData("REGEX_DEFAULT_MATCH_TIMEOUT", TimeSpan.FromSeconds(HangSeconds));
        }

        var seeds = Seeds();
        if (Arg("--replay", "") is { Length: > 0 } replay)
        {
            var input = Make(seeds, seed, long.Parse(replay, Inv));
            var path = Path.Combine(folder, $"replay-{input.Index}-{input.Name}");
            File.WriteAllBytes(path, input.Bytes);
            output.WriteLine($"input {input.Index}: {input.Shape}, {input.Bytes.Length} bytes -> {path}");
            return 0;
        }

        output.WriteLine(string.Create(Inv, $"# fuzz-reading seed {seed}, inputs {start}..{start + limit - 1}, budget {seconds} s, {workers} workers, {seeds.Count} seeds, load {File.ReadAllText("/proc/loadavg").Trim()}"));
        foreach (var s in seeds)
        {
            var baseline = Check(DocumentReader.Read(s.Bytes, s.Name));
            output.WriteLine($"  seed {s.Name} ({s.Kind}, {s.Bytes.Length} bytes): {baseline ?? "read"}");
        }

        return new Runner(output, seeds, seed, start, limit, seconds, workers, folder).Run();
    }

    /// <summary>Null when the reading is acceptable; else why it is a silent loss.</summary>
    private static string? Check(DocumentReader.Reading reading)
    {
        var document = reading.Document;
        if (document.Projects.Count > 0 || reading.Targets?.Projects.Any() == true || document.Diagnostics.Any(d => d.Severity == Severity.Error))
        {
            return null;
        }

        return $"silent: {document.Format} {document.Kind}, no project, {document.Diagnostics.Count} diagnostics ({string.Join(",", document.Diagnostics.Select(d => d.Code).Distinct())}), {document.Findings.Count} findings";
    }

    private static List<Seed> Seeds()
    {
        var seeds = ReadingFiles.CorpusTexts().Select(d => new Seed(d.Name, d.Bytes, "text")).ToList();
        // The packages carry the time they were written, so they are made once and kept: inputs are repeatable from their number.
        seeds.Add(new("form.xlsx", Kept("form.xlsx", ReadingFiles.Xlsx), "zip"));
        seeds.Add(new("form.docx", Kept("form.docx", ReadingFiles.Docx), "zip"));
        seeds.Add(new("form.pdf", File.ReadAllBytes(ReadingFiles.TablePdf()), "pdf"));
        return seeds;
    }

    private static byte[] Kept(string name, Func<byte[]> make)
    {
        var path = Path.Combine(ReadingFiles.Folder, "fuzz-seed-" + name);
        if (!File.Exists(path))
        {
            File.WriteAllBytes(path, make());
        }

        return File.ReadAllBytes(path);
    }

    // ---- the inputs ----

    private static readonly string[] Mutators = ["bitflip", "insert", "delete", "truncate", "splice", "repeat", "unicode", "longline", "brackets", "stack"];

    private static Input Make(List<Seed> seeds, int seed, long index)
    {
        // Not HashCode.Combine: it is seeded per process, and input i must be the same input in every run.
        var mix = (ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)index * 0xBF58476D1CE4E5B9UL;
        mix ^= mix >> 31;
        var random = new Random((int)(mix ^ mix >> 32));
        // Three in four inputs are text documents; the rest split among .xlsx, .docx and PDF.
        var texts = seeds.Where(s => s.Kind == "text").ToList();
        var pick = random.Next(4) < 3 ? texts[random.Next(texts.Count)] : seeds[texts.Count + random.Next(seeds.Count - texts.Count)];
        var bytes = pick.Bytes;
        string shape;
        if (pick.Kind == "zip" && random.Next(2) == 0)
        {
            // Inside the package: one XML part mutated like text, the package written again.
            (bytes, shape) = MutateEntry(bytes, random, texts);
        }
        else
        {
            var mutator = Mutators[random.Next(Mutators.Length)];
            var candidates = pick.Kind == "text" ? texts : seeds.Where(s => s.Kind == pick.Kind).ToList();
            (bytes, shape) = Mutate(bytes, mutator, random, candidates);
        }

        return new(index, index.ToString(Inv) + "-" + pick.Name, bytes, pick.Name + " " + shape);
    }

    private static (byte[], string) MutateEntry(byte[] package, Random random, List<Seed> texts)
    {
        using var source = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
        var parts = source.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal) || e.FullName.EndsWith(".rels", StringComparison.Ordinal)).ToList();
        var target = parts[random.Next(parts.Count)].FullName;
        var mutator = Mutators[random.Next(Mutators.Length)];
        var shape = "";
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var read = entry.Open();
                using var content = new MemoryStream();
                read.CopyTo(content);
                var bytes = content.ToArray();
                if (entry.FullName == target)
                {
                    (bytes, shape) = Mutate(bytes, mutator, random, texts);
                }

                using var write = zip.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
                write.Write(bytes);
            }
        }

        return (memory.ToArray(), $"part {target} {shape}");
    }

    private static (byte[], string) Mutate(byte[] bytes, string mutator, Random random, List<Seed> others)
    {
        var list = new List<byte>(bytes);
        var at = list.Count == 0 ? 0 : random.Next(list.Count + 1);
        switch (mutator)
        {
            case "bitflip":
            {
                var n = 1 + random.Next(16);
                for (var i = 0; i < n && list.Count > 0; i++)
                {
                    var p = random.Next(list.Count);
                    list[p] ^= (byte)(1 << random.Next(8));
                }

                return (list.ToArray(), $"bitflip x{n}");
            }
            case "insert":
            {
                var n = 1 + random.Next(64);
                var extra = new byte[n];
                random.NextBytes(extra);
                list.InsertRange(at, extra);
                return (list.ToArray(), $"insert {n} random bytes at {at}");
            }
            case "delete":
            {
                var n = 1 + random.Next(Math.Max(1, list.Count / 4));
                n = Math.Min(n, list.Count - Math.Min(at, list.Count));
                list.RemoveRange(Math.Min(at, list.Count), n);
                return (list.ToArray(), $"delete {n} bytes at {at}");
            }
            case "truncate":
                return (list.Take(at).ToArray(), $"truncate to {at} of {bytes.Length}");
            case "splice":
            {
                var other = others[random.Next(others.Count)].Bytes;
                var from = random.Next(other.Length + 1);
                return ([.. list.Take(at), .. other.Skip(from)], $"splice {at} bytes + tail of another from {from}");
            }
            case "repeat":
            {
                var length = 1 + random.Next(Math.Max(1, Math.Min(400, list.Count - at)));
                var chunk = list.Skip(at).Take(length).ToArray();
                var times = 2 + random.Next(random.Next(5) == 0 ? 1000 : 20);
                for (var i = 0; i < times && chunk.Length > 0; i++)
                {
                    list.InsertRange(at, chunk);
                }

                return (list.ToArray(), $"repeat {chunk.Length} bytes x{times} at {at}");
            }
            case "unicode":
            {
                var n = 1 + random.Next(200);
                var text = new StringBuilder();
                for (var i = 0; i < n; i++)
                {
                    text.Append(RandomChar(random));
                }

                list.InsertRange(at, Encoding.UTF8.GetBytes(text.ToString()));
                return (list.ToArray(), $"insert {n} random characters at {at}");
            }
            case "longline":
            {
                string[] pieces = ["|", "1", "项目", " ", "　", "\t", "指标值≥95%", "1,234.56万元", "，", "\u00a0", "a"];
                var piece = pieces[random.Next(pieces.Length)];
                // Most long lines are 1,000–20,000 pieces; one in five up to 200,000 (MBs, which finds the slow paths).
                var times = random.Next(5) == 0 ? 20_000 + random.Next(180_000) : 1_000 + random.Next(19_000);
                var line = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(piece, times)));
                list.InsertRange(at, line);
                return (list.ToArray(), $"long line of '{piece}' x{times} at {at}");
            }
            case "brackets":
            {
                string[] opens = ["(", "（", "[", "{", "<", "<table><tr><td>", "<div>", "【", "《", "\"", "“"];
                var open = opens[random.Next(opens.Length)];
                var depth = random.Next(5) == 0 ? 5_000 + random.Next(95_000) : 100 + random.Next(4_900);
                var closed = random.Next(2) == 0;
                var text = string.Concat(Enumerable.Repeat(open, depth));
                if (closed)
                {
                    text += string.Concat(Enumerable.Repeat(Close(open), depth));
                }

                list.InsertRange(at, Encoding.UTF8.GetBytes(text));
                return (list.ToArray(), $"brackets '{open}' x{depth}{(closed ? " closed" : "")} at {at}");
            }
            default:
            {
                var n = 2 + random.Next(3);
                var shapes = new List<string>();
                var current = bytes;
                for (var i = 0; i < n; i++)
                {
                    var (next, shape) = Mutate(current, Mutators[random.Next(Mutators.Length - 1)], random, others);
                    current = next;
                    shapes.Add(shape);
                }

                return (current, "stack[" + string.Join("; ", shapes) + "]");
            }
        }
    }

    private static string Close(string open) => open switch
    {
        "(" => ")", "（" => "）", "[" => "]", "{" => "}", "<" => ">", "<table><tr><td>" => "</td></tr></table>", "<div>" => "</div>",
        "【" => "】", "《" => "》", "“" => "”", _ => open,
    };

    private static string RandomChar(Random random)
    {
        switch (random.Next(8))
        {
            case 0: return ((char)random.Next(0, 32)).ToString();
            case 1: return ((char)random.Next(0x4E00, 0x9FFF)).ToString();
            case 2: return ((char)random.Next(0xFF01, 0xFF5E)).ToString();
            case 3: return ((char)random.Next(0xD800, 0xDFFF)).ToString(); // a lone surrogate (written as U+FFFD)
            case 4: return char.ConvertFromUtf32(random.Next(0x10000, 0x10FFFF) is var c && c is >= 0xD800 and <= 0xDFFF ? 0x1F600 : c);
            case 5: return new[] { "\u3000", "\u00a0", "\ufeff", "\u200b", "\u202e", "\r", "\n", "\r\n", "|", "\t", "≥", "％", "万元", "合计" }[random.Next(14)];
            case 6: return ((char)random.Next(0x0300, 0x036F)).ToString();
            default: return ((char)random.Next(0x20, 0x7F)).ToString();
        }
    }

    // ---- the run ----

    private sealed class Runner(TextWriter output, List<Seed> seeds, int seed, long first, long limit, double seconds, int workers, string folder)
    {
        private readonly long start = first;
        private long next = first;
        private long done;
        private long crashes;
        private long hangs;
        private long silent;
        private long slow;
        private long bytesRead;
        private double slowest;
        private string slowestShape = "";
        private readonly ConcurrentDictionary<string, int> signatures = new();
        private readonly Stopwatch clock = new();
        private readonly Lock gate = new();
        private volatile bool stopping;

        private sealed class Worker
        {
            public required int Id { get; init; }
            public required Thread Thread { get; init; }
            public Input? Current;
            public long StartedTicks;
            public volatile bool Abandoned;
        }

        private readonly List<Worker> active = [];
        private readonly List<Worker> abandoned = [];
        private int workerIds;

        public int Run()
        {
            clock.Start();
            for (var i = 0; i < workers; i++)
            {
                Spawn();
            }

            var lastReport = 0.0;
            while (true)
            {
                Thread.Sleep(100);
                var now = Stopwatch.GetTimestamp();
                lock (gate)
                {
                    foreach (var worker in active.ToList())
                    {
                        if (worker.Current is { } input && Stopwatch.GetElapsedTime(worker.StartedTicks, now).TotalSeconds > HangSeconds)
                        {
                            worker.Abandoned = true;
                            active.Remove(worker);
                            abandoned.Add(worker);
                            Interlocked.Increment(ref hangs);
                            Keep("hang", input, $"hang: still reading after {HangSeconds} s", null);
                        }
                    }

                    abandoned.RemoveAll(w => !w.Thread.IsAlive);
                    // An abandoned worker still holds a core; a new one starts only while fewer than three are stuck.
                    while (!stopping && active.Count < workers && abandoned.Count < 3)
                    {
                        Spawn();
                    }
                }

                var elapsed = clock.Elapsed.TotalSeconds;
                if (elapsed - lastReport >= 60)
                {
                    lastReport = elapsed;
                    Progress("progress");
                }

                if (!stopping && (elapsed >= seconds || Interlocked.Read(ref next) >= start + limit))
                {
                    stopping = true;
                }

                if (stopping && active.All(w => !w.Thread.IsAlive))
                {
                    break;
                }
            }

            Progress("total");
            output.WriteLine($"  abandoned workers still running at the end: {abandoned.Count(w => w.Thread.IsAlive)}");
            output.WriteLine($"  next start: {Interlocked.Read(ref next)}");
            foreach (var (signature, count) in signatures.OrderByDescending(kv => kv.Value))
            {
                output.WriteLine($"  {count,7}  {signature}");
            }

            output.Flush();
            return 0;
        }

        private void Progress(string label)
        {
            var elapsed = clock.Elapsed.TotalSeconds;
            var n = Interlocked.Read(ref done);
            using var self = Process.GetCurrentProcess();
            output.WriteLine(string.Create(Inv,
                $"{label}: {elapsed:0} s, {n} inputs ({n / Math.Max(elapsed, 0.001):0.0}/s wall, {n / Math.Max(self.TotalProcessorTime.TotalSeconds, 0.001):0.0} per CPU-second), {bytesRead / (1024.0 * 1024):0} MB, crashes {crashes}, hangs {hangs}, silent {silent}, over 0.5 s {slow}, slowest {slowest:0.00} s ({slowestShape}), load {File.ReadAllText("/proc/loadavg").Trim()}"));
            output.Flush();
        }

        private void Spawn()
        {
            var id = workerIds++;
            Worker? worker = null;
            var thread = new Thread(() => Work(worker!)) { IsBackground = true, Name = "fuzz-" + id };
            worker = new Worker { Id = id, Thread = thread };
            active.Add(worker);
            thread.Start();
        }

        private void Work(Worker worker)
        {
            using var inflight = File.OpenHandle(Path.Combine(folder, $"inflight-{worker.Id % Math.Max(1, workers * 4)}"), FileMode.OpenOrCreate, FileAccess.Write);
            while (!stopping && !worker.Abandoned)
            {
                var index = Interlocked.Increment(ref next) - 1;
                if (index >= start + limit)
                {
                    return;
                }

                var input = Make(seeds, seed, index);
                RandomAccess.Write(inflight, Encoding.ASCII.GetBytes(index.ToString("D12", Inv) + "\n"), 0);
                worker.StartedTicks = Stopwatch.GetTimestamp();
                worker.Current = input;
                string? failure;
                Exception? crash = null;
                System.Text.RegularExpressions.RegexMatchTimeoutException? timeout = null;
                try
                {
                    failure = Check(DocumentReader.Read(input.Bytes, input.Name));
                }
                catch (System.Text.RegularExpressions.RegexMatchTimeoutException ex)
                {
                    timeout = ex;
                    failure = "regex timeout";
                }
#pragma warning disable CA1031 // Every exception is a finding of the fuzz run.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    crash = ex;
                    failure = "crash";
                }

                var took = Stopwatch.GetElapsedTime(worker.StartedTicks).TotalSeconds;
                worker.Current = null;
                Interlocked.Add(ref bytesRead, input.Bytes.Length);
                Interlocked.Increment(ref done);
                lock (gate)
                {
                    if (took > 0.5)
                    {
                        slow++;
                    }

                    if (took > slowest)
                    {
                        slowest = took;
                        slowestShape = $"{input.Index} {Short(input.Shape)}, {input.Bytes.Length} bytes";
                    }

                    if (worker.Abandoned)
                    {
                        File.AppendAllText(Path.Combine(folder, "hangs.txt"), string.Create(Inv, $"{input.Index}: finished after {took:0.00} s {(crash is null ? failure ?? "read" : "crash " + crash.GetType().Name)}\n"));
                        return;
                    }

                    if (timeout is not null)
                    {
                        hangs++;
                        Keep("hang", input, $"hang: a regular expression ran past {HangSeconds} s (RegexMatchTimeoutException, pattern {timeout.Pattern})", timeout);
                    }
                    else if (crash is not null)
                    {
                        crashes++;
                        Keep("crash", input, $"crash: {crash.GetType().FullName}: {crash.Message}", crash);
                    }
                    else if (failure is not null)
                    {
                        silent++;
                        Keep("silent", input, failure, null);
                    }
                }
            }
        }

        private static string Short(string shape) => shape.Length > 160 ? shape[..160] + "…" : shape;

        /// <summary>Counts the failure under a signature (the kind and top frames, or the reading) and keeps the first few inputs of each.</summary>
        private void Keep(string kind, Input input, string what, Exception? crash)
        {
            var top = crash is null ? "" : " @ " + string.Join(" < ", (crash.StackTrace ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("at ", StringComparison.Ordinal)).Take(3).Select(l => l.Split(" in ")[0]));
            var signature = kind == "hang" && crash is System.Text.RegularExpressions.RegexMatchTimeoutException ? $"hang (regex timeout){top}" : kind == "silent" ? $"{what} [{input.Shape.Split(' ')[0]} {MutatorOf(input.Shape)}]" : $"{(crash is null ? what : crash.GetType().Name + ": " + crash.Message)}{top}";
            if (kind == "hang" && crash is null)
            {
                signature = $"hang [{input.Shape.Split(' ')[0]} {MutatorOf(input.Shape)}]";
            }

            var count = signatures.AddOrUpdate(signature, 1, (_, c) => c + 1);
            if (count > KeepPerSignature)
            {
                return;
            }

            var path = Path.Combine(folder, kind, $"{input.Index}-{Path.GetFileName(input.Name)}");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, input.Bytes);
            File.WriteAllText(path + ".about.txt", $"{what}\n{input.Shape}\n{input.Bytes.Length} bytes\nsignature: {signature}\n{crash}\n");
        }

        private static string MutatorOf(string shape)
        {
            var words = shape.Split(' ');
            return words.Length > 1 && words[1] == "part" && words.Length > 3 ? "part " + words[2] + " " + words[3] : words.Length > 1 ? words[1].Split('[')[0] : "";
        }
    }
}
