using System.Diagnostics;
using System.Globalization;
using System.Text;
using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.App.Monitoring;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Reviews;
using Jixiao.Import.Payments;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Bench.Monitoring;

/// <summary>
/// A city's 运行监控 round (issue 18: 50,000 projects × 5 indicators) through the real use cases, without HTTP, on a
/// city database made by <see cref="Web.CityDatabase"/> (every project approved, with a 项目编码): opening the round,
/// the lights of the whole round (<see cref="RoundLights"/>, what the lights page and the red list compute) beside a
/// floor in the same run — the same rows read by the same query shape with no light computed — and loading a
/// 50,000-line payment export (<see cref="LoadPaymentExport"/>, preview and confirm) beside reading it alone.
/// Run: dotnet run -c Release --project bench/Jixiao.Bench -- monitoring [PROJECTS] [--db "Data Source=…"|"Host=…"]
/// </summary>
public static class MonitoringBench
{
    public static async Task RunAsync(TextWriter output, int projects, string? database)
    {
        database ??= $"Data Source={Path.Combine(Path.GetTempPath(), $"jixiao-monitoring-bench-{Guid.NewGuid():N}.db")}";
        var clock = Stopwatch.StartNew();
        Web.CityDatabase.Generate(database, projects);
        var options = JixiaoDatabase.Options(database);
        await using (var db = new JixiaoDbContext(options))
        {
            db.ActorOverride = "基准";
            await db.Projects.ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ReviewStatus.Approved).SetProperty(p => p.Code, p => "BENCH-" + p.Id));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"city database: {clock.Elapsed.TotalSeconds:F1} s, {Environment.ProcessorCount} cores"));
        var admin = new AccessScope("bench", "基准", new HashSet<string> { Roles.Admin }, []);
        var rules = MonitoringRules.Default;
        var time = TimeProvider.System;

        int roundId;
        var (cpu, wall) = await TimeAsync(async () =>
        {
            await using var db = new JixiaoDbContext(options);
            var (outcome, id) = await OpenRound.RunAsync(db, admin, new OpenRoundRequest(2024, 1, 7, null, new DateOnly(2024, 8, 15), null), time);
            if (outcome is not Outcome.Done)
            {
                throw new InvalidOperationException(outcome.ToString());
            }

            return id!.Value;
        }, _ => { });
        roundId = await FirstRoundAsync(options);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"open round ({projects} entries): wall {wall:F2} s, CPU {cpu:F2} s"));

        await using (var db = new JixiaoDbContext(options))
        {
            db.ActorOverride = "基准";
            // Executed 0–90 % of the budget by the project's id, progress as written in its 年度指标值 for every second indicator.
            // EF cannot set a column from a navigation in ExecuteUpdate; the same SQL runs on SQLite and PostgreSQL.
            await db.Database.ExecuteSqlRawAsync("""
                UPDATE monitoring_entries SET "ExecutedFen" = (SELECT p."TotalFen" FROM projects p WHERE p."Id" = monitoring_entries."ProjectId") * ("Id" % 10) / 10
                """);
            await db.Database.ExecuteSqlRawAsync("""
                UPDATE monitoring_indicator_entries SET "Progress" = (SELECT i."AnnualText" FROM indicators i WHERE i."Id" = monitoring_indicator_entries."IndicatorId")
                WHERE "Id" % 2 = 0
                """);
        }

        for (var run = 1; run <= 3; run++)
        {
            var (floorCpu, floorWall) = await TimeAsync(async () =>
            {
                await using var db = new JixiaoDbContext(options);
                return await db.MonitoringEntries.AsNoTracking().Where(e => e.RoundId == roundId)
                    .OrderBy(e => e.Project!.Unit!.Name).ThenBy(e => e.Project!.Name).ThenBy(e => e.Id)
                    .Select(e => new
                    {
                        e.Id, e.ProjectId, e.Project!.Name, e.Project.UnitId, UnitName = e.Project.Unit!.Name, e.Project.TotalFen, e.ExecutedFen, e.Status,
                        Indicators = e.Indicators.OrderBy(i => i.Indicator!.Position).ThenBy(i => i.Id)
                            .Select(i => new { i.Indicator!.Name, i.Indicator.AnnualText, i.Indicator.PeriodText, i.Progress, i.Likelihood }).ToList(),
                    }).AsSplitQuery().CountAsync();
            }, _ => { });
            var red = 0;
            var (lightsCpu, lightsWall) = await TimeAsync(async () =>
            {
                await using var db = new JixiaoDbContext(options);
                return (await RoundLights.RunAsync(db, admin, rules, roundId))!;
            }, v => red = v.Projects.Count(p => p.Lights.Light == Light.Red));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: floor (read the rows, no lights) wall {floorWall:F2} s CPU {floorCpu:F2} s; RoundLights wall {lightsWall:F2} s CPU {lightsCpu:F2} s ({red} red)"));
        }

        var csv = new StringBuilder("预算单位,项目编码,项目名称,支付金额（元）,支付日期\n");
        await using (var db = new JixiaoDbContext(options))
        {
            var rows = await db.Projects.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Code, p.Name, Unit = p.Unit!.Name, p.TotalFen }).ToListAsync();
            foreach (var p in rows)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{p.Unit},{p.Code},\"{p.Name.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{(p.TotalFen ?? 0) * 6 / 1000m:0.00},2024-06-30\n");
            }
        }

        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        var (readCpu, readWall) = await TimeAsync(() => Task.FromResult(PaymentExportReader.Read(bytes, "支付.csv").Lines.Count), _ => { });
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"payment export: {bytes.Length / 1024.0 / 1024.0:F1} MB; floor (read it alone) wall {readWall:F2} s CPU {readCpu:F2} s"));
        foreach (var confirm in new[] { false, true })
        {
            var changed = 0;
            var (loadCpu, loadWall) = await TimeAsync(async () =>
            {
                await using var db = new JixiaoDbContext(options);
                var (outcome, load) = await LoadPaymentExport.RunAsync(db, admin, roundId, bytes, "支付.csv", confirm, time);
                return outcome is Outcome.Done ? load! : throw new InvalidOperationException(outcome.ToString());
            }, l => changed = l.Matched.Count(m => m.Changes));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"LoadPaymentExport {(confirm ? "confirm" : "preview")}: wall {loadWall:F2} s CPU {loadCpu:F2} s ({changed} entries {(confirm ? "written" : "to change")})"));
        }
    }

    private static async Task<int> FirstRoundAsync(DbContextOptions<JixiaoDbContext> options)
    {
        await using var db = new JixiaoDbContext(options);
        return await db.MonitoringRounds.OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync();
    }

    private static async Task<(double Cpu, double Wall)> TimeAsync<T>(Func<Task<T>> work, Action<T> keep)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var result = await work();
        wall.Stop();
        process.Refresh();
        keep(result);
        return ((process.TotalProcessorTime - cpu0).TotalSeconds, wall.Elapsed.TotalSeconds);
    }
}
