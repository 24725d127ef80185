using System.Data.Common;
using System.Net.Http.Json;
using System.Text.Json;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.App.Demo;
using Jixiao.App.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>
/// The 项目 list keeps its match counts (and the units' totals) while the projects' change stamp (migration
/// 0007_ChangeStamps) stays the same. Every write to projects or units must move the stamp, in every code path, so a
/// kept count is never served after the data changed — on the instance that wrote or on another one.
/// </summary>
public sealed class KeptCountTests
{
    private static readonly AccessScope Admin = new("admin", "管理员", new HashSet<string> { Roles.Admin }, []);

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Every_kind_of_write_to_projects_or_units_moves_the_stamp(string provider)
    {
        using var app = new TestApp(provider, seed: true);
        using var serviceScope = app.Services.CreateScope();
        var db = serviceScope.ServiceProvider.GetRequiredService<JixiaoDbContext>();
        var stamps = new List<long> { await ChangeStamps.ReadAsync(db, ChangeStamps.Projects) };
        async Task Moved(string what)
        {
            var now = await ChangeStamps.ReadAsync(db, ChangeStamps.Projects);
            now.ShouldBeGreaterThan(stamps[^1], what);
            stamps.Add(now);
        }

        var unit = await db.Units.OrderBy(u => u.Id).FirstAsync();
        var project = new ProjectEntity { Name = "印章刻制经费", UnitId = unit.Id, FiscalYear = 2024, Goal = "完成刻制。", Source = "test", SourceMoneyUnit = "万元" };
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        await Moved("insert a project");

        project.TotalFen = 1_000_000;
        await db.SaveChangesAsync();
        await Moved("update a project's amount");

        unit.Name += "（新）";
        await db.SaveChangesAsync();
        await Moved("rename a unit");

        await db.Database.ExecuteSqlAsync($"UPDATE projects SET \"Status\" = 'Approved' WHERE \"Id\" = {project.Id}");
        await Moved("update by raw SQL");

        db.Projects.Remove(project);
        await db.SaveChangesAsync();
        await Moved("delete a project");

        var other = new UnitEntity { Name = "新建单位", Department = "测试" };
        db.Units.Add(other);
        await db.SaveChangesAsync();
        await Moved("insert a unit");

        // reading does not move it
        _ = await db.Projects.CountAsync();
        (await ChangeStamps.ReadAsync(db, ChangeStamps.Projects)).ShouldBe(stamps[^1]);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_kept_count_is_made_again_after_a_write_and_matches_a_fresh_count(string provider)
    {
        using var app = new TestApp(provider, seed: true);
        using var serviceScope = app.Services.CreateScope();
        var db = serviceScope.ServiceProvider.GetRequiredService<JixiaoDbContext>();
        var cache = new StampCache();
        var query = new ProjectListQuery(Q: "经费", PageSize: 5, Page: 2);

        var before = await ProjectList.RunAsync(db, Admin, query, default, cache);
        before.Total.ShouldBe(await ProjectList.RunAsync(db, Admin, query) is var fresh ? fresh.Total : -1);
        before.Total.ShouldBeGreaterThan(5);

        // a kept count is what the next page reports, without counting again
        var stamp = await ChangeStamps.ReadAsync(db, ChangeStamps.Projects);
        cache.TryGet(ProjectList.CountKey(Admin, query), stamp, out int kept).ShouldBeTrue();
        kept.ShouldBe(before.Total);

        var unit = await db.Units.OrderBy(u => u.Id).FirstAsync();
        db.Projects.Add(new ProjectEntity { Name = "新增专项经费", UnitId = unit.Id, FiscalYear = 2024, Goal = "新增。", Source = "test", SourceMoneyUnit = "万元" });
        await db.SaveChangesAsync();

        var after = await ProjectList.RunAsync(db, Admin, query, default, cache);
        after.Total.ShouldBe(before.Total + 1);
        after.Total.ShouldBe((await ProjectList.RunAsync(db, Admin, query)).Total);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_project_added_through_one_instance_is_counted_by_the_other(string provider)
    {
        using var first = new TestApp(provider, seed: true);
        using var second = new TestApp(first);
        var a = first.CreateClient();
        var b = second.CreateClient();
        foreach (var client in new[] { a, b })
        {
            (await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "admin", password = DemoSetup.Password })).EnsureSuccessStatusCode();
        }

        static async Task<(int Total, int UnitProjects)> Read(HttpClient client, int unitId)
        {
            var page = JsonSerializer.Deserialize<JsonElement>(await client.GetStringAsync("/api/v1/projects?q=%E7%BB%8F%E8%B4%B9&page=2&pageSize=5"));
            var units = JsonSerializer.Deserialize<JsonElement>(await client.GetStringAsync("/api/v1/units"));
            var unit = units.EnumerateArray().Single(u => u.GetProperty("id").GetInt32() == unitId);
            return (page.GetProperty("total").GetInt32(), unit.GetProperty("projectCount").GetInt32());
        }

        int unitId;
        using (var scope = first.Services.CreateScope())
        {
            unitId = await scope.ServiceProvider.GetRequiredService<JixiaoDbContext>().Units.OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
        }

        var seenByB = await Read(b, unitId);
        (await Read(a, unitId)).ShouldBe(seenByB);

        using (var scope = first.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JixiaoDbContext>();
            db.Projects.Add(new ProjectEntity { Name = "另一实例新增经费", UnitId = unitId, FiscalYear = 2024, Goal = "新增。", Source = "test", SourceMoneyUnit = "万元" });
            await db.SaveChangesAsync();
        }

        (await Read(b, unitId)).ShouldBe((seenByB.Total + 1, seenByB.UnitProjects + 1));
    }
    /// <summary>Every page of <paramref name="query"/> read through <paramref name="cache"/> is what a fresh read gives.</summary>
    private static async Task ShouldMatchFreshReadsAsync(JixiaoDbContext db, AccessScope scope, ProjectListQuery query, StampCache cache)
    {
        var fresh = await ProjectList.RunAsync(db, scope, query with { Page = 1, PageSize = ProjectList.MaxPageSize });
        fresh.Total.ShouldBeLessThanOrEqualTo(ProjectList.MaxPageSize, "the test reads every match in one fresh page");
        var pages = (fresh.Total + query.PageSize - 1) / query.PageSize;
        var seen = new List<int>();
        for (var page = 1; page <= pages + 1; page++)
        {
            var kept = await ProjectList.RunAsync(db, scope, query with { Page = page }, default, cache);
            kept.Total.ShouldBe(fresh.Total, $"total on page {page}");
            seen.AddRange(kept.Items.Select(r => r.Id));
        }

        seen.ShouldBe(fresh.Items.Select(r => r.Id).ToList());
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Kept_match_lists_give_every_page_in_order_and_follow_writes(string provider)
    {
        using var app = new TestApp(provider, seed: true);
        using var serviceScope = app.Services.CreateScope();
        var db = serviceScope.ServiceProvider.GetRequiredService<JixiaoDbContext>();
        var cache = new StampCache();
        var queries = new[]
        {
            new ProjectListQuery(Q: "经费", PageSize: 4),
            new ProjectListQuery(Q: "经费", Sort: "amount", Desc: true, PageSize: 4),
            new ProjectListQuery(Q: "费", Sort: "name", PageSize: 3),
            new ProjectListQuery(Q: "系统", Sort: "status", Desc: true, PageSize: 2),
            new ProjectListQuery(Q: "经费", Sort: "unit", PageSize: 5),
        };
        foreach (var query in queries)
        {
            await ShouldMatchFreshReadsAsync(db, Admin, query, cache);
            var stamp = await ChangeStamps.ReadAsync(db, ChangeStamps.Projects);
            cache.TryGet(ProjectList.IdsKey(ProjectList.CountKey(Admin, query), query), stamp, out int[]? kept).ShouldBeTrue();
            kept!.Length.ShouldBeGreaterThan(query.PageSize);
        }

        // writes that add a match, move one to the top of the amount order, and remove one
        var unit = await db.Units.OrderBy(u => u.Id).FirstAsync();
        db.Projects.Add(new ProjectEntity { Name = "新增系统运维经费", UnitId = unit.Id, FiscalYear = 2024, Goal = "新增。", Source = "test", SourceMoneyUnit = "万元" });
        await db.SaveChangesAsync();
        var lowest = await db.Projects.Where(p => p.Name.Contains("经费") && p.TotalFen != null).OrderBy(p => p.TotalFen).ThenBy(p => p.Id).FirstAsync();
        lowest.TotalFen = 999_999_999_999;
        await db.SaveChangesAsync();
        db.Projects.Remove(await db.Projects.Where(p => p.Name.Contains("经费") && p.Id != lowest.Id).OrderByDescending(p => p.Id).Skip(1).FirstAsync());
        await db.SaveChangesAsync();

        foreach (var query in queries)
        {
            await ShouldMatchFreshReadsAsync(db, Admin, query, cache);
        }

        (await ProjectList.RunAsync(db, Admin, queries[1] with { Page = 1 }, default, cache)).Items[0].Id.ShouldBe(lowest.Id);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Projects_without_an_amount_sort_below_every_amount_on_every_path(string provider)
    {
        using var app = new TestApp(provider, seed: true);
        using var serviceScope = app.Services.CreateScope();
        var db = serviceScope.ServiceProvider.GetRequiredService<JixiaoDbContext>();
        foreach (var project in await db.Projects.OrderBy(p => p.Id).Skip(5).Take(3).ToListAsync())
        {
            project.TotalFen = null;
        }

        await db.SaveChangesAsync();
        var all = await db.Projects.AsNoTracking().Select(p => new { p.Id, p.TotalFen }).ToListAsync();
        all.Count(p => p.TotalFen is null).ShouldBeGreaterThanOrEqualTo(3);
        var ascending = all.OrderBy(p => p.TotalFen.HasValue).ThenBy(p => p.TotalFen).ThenBy(p => p.Id).Select(p => p.Id).ToList();

        // no cache, a kept list, and a list too long to keep (read page by page from the index)
        foreach (var cache in new[] { null, new StampCache(), new StampCache { KeptIdsLimit = 3 } })
        {
            foreach (var desc in new[] { false, true })
            {
                var query = new ProjectListQuery(Sort: "amount", Desc: desc, PageSize: 7);
                var seen = new List<int>();
                for (var page = 1; page <= (all.Count + 6) / 7; page++)
                {
                    seen.AddRange((await ProjectList.RunAsync(db, Admin, query with { Page = page }, default, cache)).Items.Select(r => r.Id));
                }

                seen.ShouldBe(desc ? Enumerable.Reverse(ascending).ToList() : ascending,
                    $"desc={desc}, cache={(cache is null ? "none" : cache.KeptIdsLimit.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_list_too_long_to_keep_is_read_page_by_page_with_its_count_kept(string provider)
    {
        using var app = new TestApp(provider, seed: true);
        using var serviceScope = app.Services.CreateScope();
        var db = serviceScope.ServiceProvider.GetRequiredService<JixiaoDbContext>();
        var cache = new StampCache { KeptIdsLimit = 3 };
        var query = new ProjectListQuery(PageSize: 7);
        var idsKey = ProjectList.IdsKey(ProjectList.CountKey(Admin, query), query);

        await ShouldMatchFreshReadsAsync(db, Admin, query with { Q = "经费" }, cache);
        await ShouldMatchFreshReadsAsync(db, Admin, query, cache);
        cache.IsLarge(idsKey).ShouldBeTrue();

        // the page query read the stamp: the count is kept under the current one
        var stamp = await ChangeStamps.ReadAsync(db, ChangeStamps.Projects);
        cache.TryGet(ProjectList.CountKey(Admin, query), stamp, out int count).ShouldBeTrue();
        count.ShouldBe(await db.Projects.CountAsync());

        var unit = await db.Units.OrderBy(u => u.Id).FirstAsync();
        db.Projects.Add(new ProjectEntity { Name = "新增项目", UnitId = unit.Id, FiscalYear = 2024, Goal = "新增。", Source = "test", SourceMoneyUnit = "万元" });
        await db.SaveChangesAsync();
        (await ProjectList.RunAsync(db, Admin, query with { Page = 2 }, default, cache)).Total.ShouldBe(count + 1);
        await ShouldMatchFreshReadsAsync(db, Admin, query, cache);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_kept_match_list_is_never_shared_between_scopes(string provider)
    {
        using var app = new TestApp(provider, seed: true);
        using var serviceScope = app.Services.CreateScope();
        var db = serviceScope.ServiceProvider.GetRequiredService<JixiaoDbContext>();
        var cache = new StampCache();
        var unitId = await db.Projects.Where(p => p.Name.Contains("经费")).Select(p => p.UnitId).FirstAsync();
        var clerk = new AccessScope("clerk", "填报人", new HashSet<string> { Roles.Filler }, [unitId]);
        var query = new ProjectListQuery(Q: "经费", PageSize: 2);

        var all = await ProjectList.RunAsync(db, Admin, query with { PageSize = ProjectList.MaxPageSize }, default, cache);
        var mine = await ProjectList.RunAsync(db, clerk, query with { PageSize = ProjectList.MaxPageSize }, default, cache);
        mine.Total.ShouldBeLessThan(all.Total);
        mine.Items.ShouldAllBe(r => r.UnitId == unitId);
        await ShouldMatchFreshReadsAsync(db, clerk, query, cache);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_page_of_a_kept_list_is_one_statement_and_a_write_elsewhere_is_noticed(string provider)
    {
        using var app = new TestApp(provider, seed: true);
        var commands = new CommandCounter();
        var options = new DbContextOptionsBuilder<JixiaoDbContext>();
        JixiaoDatabase.Configure(options, app.ConnectionString);
        await using var db = new JixiaoDbContext(options.AddInterceptors(commands).Options);
        var cache = new StampCache();
        var query = new ProjectListQuery(Sort: "amount", Desc: true, PageSize: 5);

        var first = await ProjectList.RunAsync(db, Admin, query, default, cache);
        commands.Count = 0;
        var third = await ProjectList.RunAsync(db, Admin, query with { Page = 3 }, default, cache);
        commands.Count.ShouldBe(1, "the page's rows and the stamp, in one statement");
        third.Total.ShouldBe(first.Total);
        third.Items.Count.ShouldBe(5);

        // another instance (another context, another connection) writes: the stamp read with the rows has moved, and
        // the page is read again from a list made at the new stamp
        using (var serviceScope = app.Services.CreateScope())
        {
            var other = serviceScope.ServiceProvider.GetRequiredService<JixiaoDbContext>();
            var unit = await other.Units.OrderBy(u => u.Id).FirstAsync();
            other.Projects.Add(new ProjectEntity
            {
                Name = "全区最大项目", UnitId = unit.Id, FiscalYear = 2024, Goal = "新增。", Source = "test", SourceMoneyUnit = "万元",
                TotalFen = 999_999_999_999,
            });
            await other.SaveChangesAsync();
        }

        var again = await ProjectList.RunAsync(db, Admin, query, default, cache);
        again.Total.ShouldBe(first.Total + 1);
        again.Items[0].Name.ShouldBe("全区最大项目");
        again.Items.Skip(1).Select(r => r.Id).ShouldBe(first.Items.Take(4).Select(r => r.Id));
        await ShouldMatchFreshReadsAsync(db, Admin, query with { PageSize = 17 }, cache);
    }

    [Fact]
    public async Task Callers_that_ask_for_the_same_list_at_once_share_one_build()
    {
        var cache = new StampCache();
        var builds = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<int[]?> Build()
        {
            Interlocked.Increment(ref builds);
            await release.Task;
            return [3, 1, 2];
        }

        var callers = Enumerable.Range(0, 8).Select(_ => cache.BuildOnceAsync("ids|k", 7, Build)).ToList();
        await Task.Delay(50);
        release.SetResult();
        var lists = await Task.WhenAll(callers);

        builds.ShouldBe(1);
        lists.ShouldAllBe(l => ReferenceEquals(l, lists[0]));

        // a later stamp is a new build
        (await cache.BuildOnceAsync("ids|k", 8, Build))!.ShouldBe([3, 1, 2]);
        builds.ShouldBe(2);
    }

    [Fact]
    public async Task A_waiter_whose_builder_failed_builds_the_list_itself()
    {
        var cache = new StampCache();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fail = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var failing = cache.BuildOnceAsync("ids|k", 1, async () =>
        {
            started.SetResult();
            await fail.Task;
            throw new OperationCanceledException("the builder's request was cancelled");
        });
        await started.Task;
        var waiter = cache.BuildOnceAsync("ids|k", 1, () => Task.FromResult<int[]?>([5, 6]));
        fail.SetResult();

        await Should.ThrowAsync<OperationCanceledException>(failing);
        (await waiter)!.ShouldBe([5, 6]);
    }

    [Fact]
    public void A_list_found_too_long_is_no_longer_offered()
    {
        var cache = new StampCache();
        cache.Set("ids|k", 4, new[] { 1, 2, 3 });
        cache.TryGetLatest("ids|k", out long stamp, out int[]? kept).ShouldBeTrue();
        stamp.ShouldBe(4);
        kept.ShouldBe([1, 2, 3]);

        cache.KeptIds.ShouldBe(3);

        cache.MarkLarge("ids|k");
        cache.TryGetLatest("ids|k", out long _, out int[]? _).ShouldBeFalse();
        cache.IsLarge("ids|k").ShouldBeTrue();
        cache.KeptIds.ShouldBe(0);
    }

    [Fact]
    public void A_list_made_again_after_writes_replaces_the_old_one_in_the_bound()
    {
        var cache = new StampCache();
        var list = Enumerable.Range(1, 100_000).ToArray();
        cache.Set("count|other", 1, 7);
        for (var stamp = 1L; stamp <= 200; stamp++)
        {
            cache.Set("ids|whole-list", stamp, list);
        }

        // 200 lists of 100,000 would pass the 4,000,000 bound and clear everything; one kept list does not
        cache.KeptIds.ShouldBe(100_000);
        cache.TryGet("count|other", 1, out int count).ShouldBeTrue();
        count.ShouldBe(7);
    }

    /// <summary>Counts the SQL statements a context runs.</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count { get; set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
