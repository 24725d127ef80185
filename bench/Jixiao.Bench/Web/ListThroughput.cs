using System.Diagnostics;
using System.Globalization;
using Jixiao.Data;
using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.App.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Jixiao.Bench.Web;

/// <summary>
/// The 项目 list's queries without HTTP: CPU per call (best of three rounds) of <see cref="ProjectList.RunAsync"/> on one thread, each call on
/// a pooled DbContext as a request of the app has. Separates the data layer's cost from the server's on a shared machine.
/// Run: dotnet run -c Release --project bench/Jixiao.Bench -- list-cpu DB [calls]
/// </summary>
public static class ListThroughput
{
    public static async Task RunAsync(TextWriter output, string connectionString, int calls = 2000)
    {
        var options = JixiaoDatabase.Options(connectionString);
        var admin = new AccessScope("bench", "管理员", new HashSet<string> { Roles.Admin }, []);
        int[] someUnits;
        using (var db = new JixiaoDbContext(options))
        {
            db.Database.Migrate();
            someUnits = [.. db.Units.OrderBy(u => u.Id).Select(u => u.Id).Take(1)];
        }

        var clerk = new AccessScope("bench-clerk", "填报人", new HashSet<string> { Roles.Filler }, someUnits);
        (string Label, AccessScope Scope, ProjectListQuery Query)[] cases =
        [
            ("list (admin)", admin, new ProjectListQuery()),
            ("list page 50 (admin)", admin, new ProjectListQuery(Page: 50)),
            ("list by amount, page 100 (admin)", admin, new ProjectListQuery(Sort: "amount", Desc: true, Page: 100)),
            ("search 视频 (admin)", admin, new ProjectListQuery(Q: "视频")),
            ("search 视频监控 (admin)", admin, new ProjectListQuery(Q: "视频监控")),
            ("search 费 (admin)", admin, new ProjectListQuery(Q: "费")),
            ("list (clerk, one unit)", clerk, new ProjectListQuery()),
            ("search 视频 (clerk)", clerk, new ProjectListQuery(Q: "视频")),
        ];
        output.WriteLine("| query | total | CPU per call, counted every time | CPU per call, count kept by stamp | calls |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        // a first pass over every case lets the JIT tier up (its background compiles count as this process's CPU)
        foreach (var (_, scope, query) in cases)
        {
            await MeasureAsync(options, scope, query, Math.Min(calls, 200), new StampCache());
        }

        foreach (var (label, scope, query) in cases)
        {
            var counted = await MeasureAsync(options, scope, query, calls, null);
            var kept = await MeasureAsync(options, scope, query, calls, new StampCache());
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {label} | {counted.Total:N0} | {counted.Ms:0.000} ms | {kept.Ms:0.000} ms | {calls:N0} |"));
        }
    }

    private static async Task<(int Total, double Ms)> MeasureAsync(DbContextOptions<JixiaoDbContext> options, AccessScope scope,
        ProjectListQuery query, int calls, StampCache? cache)
    {
        // pooled contexts, as the web app rents them
        var contexts = new PooledDbContextFactory<JixiaoDbContext>(options);
        {
            var total = 0;
            for (var i = 0; i < 50; i++)
            {
                await using var db = contexts.CreateDbContext();
                total = (await ProjectList.RunAsync(db, scope, query, default, cache)).Total;
            }

            // the best of three rounds: on a shared machine the neighbours only ever add time
            var best = double.MaxValue;
            for (var round = 0; round < 3; round++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                for (var i = 0; i < calls; i++)
                {
                    await using var db = contexts.CreateDbContext();
                    await ProjectList.RunAsync(db, scope, query, default, cache);
                }

                best = Math.Min(best, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / calls);
            }

            return (total, best);
        }
    }
}
