using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Jixiao.App.Auth;
using Jixiao.App.Imports;
using Jixiao.App.Rechecks;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jixiao.Bench.Rechecks;

/// <summary>
/// A 复核批次 of many files through the real path (issue #16: 500 in under 60 s with SQLite): upload into a fresh
/// database (CreateRecheckBatch), then the workers of one instance (RecheckWorker, reading through ImportReader as a
/// background read, storing every 复核) until the queue is empty. Beside it, in the same run, two floors on the same
/// bytes: reading every file (DocumentReader via ImportBatches.Reading, no database) and hashing and decoding them.
/// The files: the corpus self-evaluations 12–19 (header removed) and variants of them that differ only in trailing blank
/// lines, so every file has its own SHA-256 and is read in full.
/// Run: dotnet run -c Release --project bench/Jixiao.Bench -- recheck-batch [files] [workers] [--pg "Host=…"]
/// </summary>
public static class RecheckBatchBench
{
    public static async Task RunAsync(TextWriter output, int count, int workers, string? postgres)
    {
        var files = Files(count);
        var bytes = files.Sum(f => (long)f.Content.Length);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{files.Count} files ({bytes / 1024.0:N0} KB), {workers} worker(s), {(postgres is null ? "SQLite" : "PostgreSQL")}, {Environment.ProcessorCount} cores"));

        // Floor 1: what any recheck must do with the bytes — hash them and decode them.
        var (hashCpu, hashWall) = Time(() =>
        {
            long check = 0;
            foreach (var f in files)
            {
                check += SHA256.HashData(f.Content)[0] + Encoding.UTF8.GetString(f.Content).Length;
            }

            return check;
        });
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"floor: hash + decode       wall {hashWall:F3} s, CPU {hashCpu:F3} s"));

        // Floor 2: reading every file as the worker's reader does, on this thread, with no database and no queue.
        var (readCpu, readWall) = Time(() => files.Sum(f => (long)ImportBatches.Reading(f.Content, f.Name, null).Document.IndicatorCount));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"floor: read every file     wall {readWall:F3} s, CPU {readCpu:F3} s ({files.Count / readWall:N0} files/s)"));

        var database = postgres is null ? $"Data Source={Path.Combine(Path.GetTempPath(), $"jixiao-recheck-bench-{Guid.NewGuid():N}.db")}" : postgres;
        var options = JixiaoDatabase.Options(database);
        await using (var db = new JixiaoDbContext(options))
        {
            await db.Database.EnsureDeletedAsync();
            await db.Database.MigrateAsync();
        }

        var scope = new AccessScope("bench", "复核基准", new HashSet<string> { Roles.Reviewer }, []);
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        int batchId;
        await using (var db = new JixiaoDbContext(options))
        {
            var uploads = files.Select(f => new UploadedFile(f.Name, f.Content.Length, () => new MemoryStream(f.Content))).ToList();
            var (outcome, id) = await CreateRecheckBatch.RunAsync(db, scope, uploads, new RecheckUploadLimits { MaxFiles = Math.Max(500, files.Count) }, TimeProvider.System);
            batchId = id ?? throw new InvalidOperationException(outcome.Reason);
        }

        var uploaded = wall.Elapsed.TotalSeconds;
        using var reader = new ImportReader(new ImportReadLimits { Background = workers });
        var runners = Enumerable.Range(0, workers).Select(i => new RecheckWorker(() => new JixiaoDbContext(options), reader, TimeProvider.System,
            new RecheckWorkerOptions(), NullLogger<RecheckWorker>.Instance, $"bench-{i}")).ToList();
        await Task.WhenAll(runners.Select(w => Task.Run(async () =>
        {
            while (await w.RunOnceAsync(CancellationToken.None) is var step && step != RecheckStep.Idle)
            {
                if (step == RecheckStep.Busy)
                {
                    await Task.Delay(20);
                }
            }
        })));
        wall.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;

        await using (var db = new JixiaoDbContext(options))
        {
            var states = await db.RecheckJobs.Where(j => j.BatchId == batchId).GroupBy(j => j.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            var evaluations = await db.RecheckEvaluations.CountAsync(e => e.BatchId == batchId);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"batch: upload {uploaded:F3} s, upload + recheck wall {wall.Elapsed.TotalSeconds:F3} s ({files.Count / wall.Elapsed.TotalSeconds:N0} files/s), CPU {cpu:F3} s; "
                + $"{string.Join(", ", states.Select(s => $"{RecheckJobStates.Name(s.Key)} {s.Count}"))}; {evaluations} evaluations stored; reads {reader.Reads}"));
            if (postgres is not null)
            {
                await db.Database.EnsureDeletedAsync();
            }
        }

        if (postgres is null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(database["Data Source=".Length..]);
        }
    }

    private static List<(string Name, byte[] Content)> Files(int count)
    {
        var docs = Path.Combine(BenchPaths.RepoRoot, "tests", "Jixiao.Import.Tests", "Corpus", "docs");
        var corpus = Enumerable.Range(12, 8).Select(n => Directory.GetFiles(docs, $"{n}-self-evaluation.txt").Single()).Select(path =>
        {
            var lines = File.ReadAllLines(path);
            var body = string.Join('\n', lines.Skip(lines.Take(12).ToList().IndexOf("---") + 1)) + "\n";
            return (Name: Path.GetFileName(path), Content: Encoding.UTF8.GetBytes(body));
        }).ToList();
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var (name, content) = corpus[i % corpus.Count];
            return i < corpus.Count ? (name, content) : ($"{Path.GetFileNameWithoutExtension(name)}-{i}.txt", [.. content, .. Encoding.UTF8.GetBytes(new string('\n', i))]);
        })];
    }

    private static (double Cpu, double Wall) Time(Func<long> work)
    {
        GC.Collect();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        GC.KeepAlive(work());
        wall.Stop();
        return ((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, wall.Elapsed.TotalSeconds);
    }
}
