using System.Diagnostics;
using System.Globalization;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Data.Storing;
using Jixiao.Domain.Projects;
using Jixiao.Import.Imports;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Bench.Web;

/// <summary>
/// How long another user's write waits while a large import is confirmed on SQLite (issue #14, item 10): the import
/// written in one transaction (as before) against the staged write in short transactions (<see cref="UnitWriter.StageAsync"/>,
/// then one publishing transaction). A second writer inserts one audit line every 20 ms throughout and records how long
/// each insert took. The import is the seed projects of 002 and 003 repeated under new names in 20 units.
/// </summary>
public static class ConfirmLock
{
    public static async Task RunAsync(TextWriter output, int projectCount, int chunkRows)
    {
        var templates = new[] { "002_57b7928e8e0f944a.txt", "003_3854a258b9068c95.txt" }
            .SelectMany(f => TargetTableImporter.Import(Path.Combine(BenchPaths.Seeds, f)).Projects).ToList();
        var units = Enumerable.Range(0, 20).Select(u => new BudgetUnit($"锁测试单位{u + 1:00}", null, null,
            Enumerable.Range(0, projectCount / 20).Select(p => templates[(u + p) % templates.Count] with { Name = $"{templates[(u + p) % templates.Count].Name}（{u + 1:00}-{p + 1:0000}）" }).ToList())).ToList();
        var indicators = units.Sum(u => u.Projects.Sum(p => p.Indicators.Count));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{units.Sum(u => u.Projects.Count):N0} projects, {indicators:N0} indicators; SQLite; chunks of {chunkRows:N0} rows"));
        foreach (var staged in new[] { false, true })
        {
            var file = Path.Combine(Path.GetTempPath(), $"confirm-lock-{Guid.NewGuid():N}.db");
            var connection = $"Data Source={file}";
            await using (var setup = new JixiaoDbContext(JixiaoDatabase.Options(connection)))
            {
                await setup.Database.MigrateAsync();
            }

            using var stop = new CancellationTokenSource();
            var waits = new List<double>();
            var failures = 0;
            var writer = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var started = Stopwatch.StartNew();
                    try
                    {
                        await using var other = new JixiaoDbContext(JixiaoDatabase.Options(connection)) { ActorOverride = "他人" };
                        other.AuditLog.Add(new AuditEntry { At = DateTimeOffset.UtcNow, Actor = "他人", Entity = "bench", EntityId = 0, Field = "write", NewValue = "x" });
                        await other.SaveChangesAsync();
                        waits.Add(started.Elapsed.TotalMilliseconds);
                    }
#pragma warning disable CA1031 // A bench: a failed write of the other user is counted, whatever it was.
                    catch (Exception)
#pragma warning restore CA1031
                    {
                        failures++;
                    }

                    await Task.Delay(20);
                }
            });
            await Task.Delay(200);
            var total = Stopwatch.StartNew();
            var publishing = TimeSpan.Zero;
            await using (var db = new JixiaoDbContext(JixiaoDatabase.Options(connection)) { ActorOverride = "导入" })
            {
                if (staged)
                {
                    await UnitWriter.StageAsync(db, units, "bench", 1, chunkRows);
                    var published = Stopwatch.StartNew();
                    await using var publish = await db.Database.BeginTransactionAsync();
                    await UnitWriter.PublishAsync(db, 1);
                    await publish.CommitAsync();
                    publishing = published.Elapsed;
                }
                else
                {
                    await using var whole = await db.Database.BeginTransactionAsync();
                    await UnitWriter.AddAsync(db, units, "bench", 1);
                    await db.SaveChangesAsync();
                    await whole.CommitAsync();
                }
            }

            var elapsed = total.Elapsed;
            await Task.Delay(200);
            await stop.CancelAsync();
            await writer;
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(f);
            }

            waits.Sort();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(staged ? "staged, short transactions" : "one transaction"),-28} import {elapsed.TotalSeconds,6:0.0} s{(staged ? $" (publishing {publishing.TotalMilliseconds:0} ms)" : "")}; other writer: {waits.Count} writes, p50 {waits[waits.Count / 2],7:0} ms, p99 {waits[(int)(waits.Count * 0.99)],7:0} ms, max {waits[^1],7:0} ms, {failures} failed (database locked)"));
        }
    }
}
