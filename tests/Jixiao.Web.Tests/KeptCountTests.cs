using System.Net.Http.Json;
using System.Text.Json;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Web.Auth;
using Jixiao.Web.Common;
using Jixiao.Web.Demo;
using Jixiao.Web.Projects;
using Microsoft.EntityFrameworkCore;
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
        cache.TryGet(StampCache.CountKey(Admin, query), stamp, out int kept).ShouldBeTrue();
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
}
