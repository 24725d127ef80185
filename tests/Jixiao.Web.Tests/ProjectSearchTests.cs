using Jixiao.Data;
using Jixiao.Web.Auth;
using Jixiao.Web.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>
/// The project search looks names up in project_name_grams (migration 0006) and then checks the exact substring on the
/// candidates only. It must return what the plain scan (<c>instr</c> over every project and unit name) returned:
/// the same rows, order and totals, within the same access scope.
/// </summary>
public sealed class ProjectSearchTests
{
    private static readonly AccessScope Admin = new("admin", "管理员", new HashSet<string> { Roles.Admin }, []);

    [Theory]
    [InlineData("sqlite", "费", true)]
    [InlineData("sqlite", "网格", true)]
    [InlineData("sqlite", "专项经费", true)]
    [InlineData("sqlite", "辅警补助经费", true)]
    [InlineData("sqlite", "政府雇员工资经费", true)]
    [InlineData("sqlite", "公安", true)]
    [InlineData("sqlite", "局", true)]
    [InlineData("sqlite", "费费", false)]
    [InlineData("sqlite", "经费专项", false)]
    [InlineData("sqlite", "𠀀", false)]
    public async Task Search_returns_the_rows_of_the_plain_scan(string provider, string q, bool expectMatches)
    {
        using var app = new TestApp(provider, seed: true);
        using var serviceScope = app.Services.CreateScope();
        var db = serviceScope.ServiceProvider.GetRequiredService<JixiaoDbContext>();
        var someUnits = await db.Units.OrderBy(u => u.Id).Select(u => u.Id).Take(1).ToArrayAsync();
        var filler = new AccessScope("filler", "填报人", new HashSet<string> { Roles.Filler }, someUnits);

        foreach (var scope in new[] { Admin, filler })
        {
            var expected = await PlainScan(db, scope, q);
            if (scope == Admin)
            {
                (expected.Count > 0).ShouldBe(expectMatches);
            }

            foreach (var (sort, desc) in new[] { ((string?)null, false), ("name", true), ("amount", false) })
            {
                var ordered = (sort, desc) switch
                {
                    ("name", true) => expected.OrderByDescending(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Id),
                    ("amount", false) => expected.OrderBy(r => r.TotalFen).ThenBy(r => r.Id),
                    _ => expected.OrderBy(r => r.Id),
                };
                var expectedIds = ordered.Select(r => r.Id).ToList();
                var seen = new List<int>();
                for (var page = 1; page <= Math.Max(1, (expectedIds.Count + 4) / 5); page++)
                {
                    var result = await ProjectList.RunAsync(db, scope,
                        new ProjectListQuery(Q: q, Sort: sort, Desc: desc, Page: page, PageSize: 5));
                    result.Total.ShouldBe(expectedIds.Count);
                    seen.AddRange(result.Items.Select(r => r.Id));
                }

                seen.ShouldBe(expectedIds, $"q={q} sort={sort} desc={desc} user={scope.UserId}");
            }
        }
    }

    [Fact]
    public async Task A_renamed_project_is_found_by_its_new_name_and_no_longer_by_its_old_one()
    {
        using var app = new TestApp("sqlite", seed: true);
        using var serviceScope = app.Services.CreateScope();
        var db = serviceScope.ServiceProvider.GetRequiredService<JixiaoDbContext>();
        var project = await db.Projects.OrderBy(p => p.Id).FirstAsync(p => p.Name == "政府雇员工资经费");
        project.Name = "街巷视频监控维护";
        await db.SaveChangesAsync();

        var found = await ProjectList.RunAsync(db, Admin, new ProjectListQuery(Q: "巷视"));
        found.Items.Select(r => r.Id).ShouldBe([project.Id]);
        var old = await ProjectList.RunAsync(db, Admin, new ProjectListQuery(Q: "雇员工资"));
        old.Items.ShouldNotContain(r => r.Id == project.Id);
        (await db.ProjectNameGrams.CountAsync(g => g.ProjectId == project.Id && g.Gram == "雇员")).ShouldBe(0);

        db.Projects.Remove(project);
        await db.SaveChangesAsync();
        (await db.ProjectNameGrams.CountAsync(g => g.ProjectId == project.Id)).ShouldBe(0);
    }

    [Theory]
    [InlineData("视", new[] { "视" })]
    [InlineData("视频", new[] { "视频" })]
    [InlineData("视频监控", new[] { "视频", "频监", "监控" })]
    [InlineData("费费费", new[] { "费费" })]
    [InlineData("政府雇员工资经费", new[] { "政府", "雇员", "工资", "经费" })]
    public void Grams_are_the_character_or_up_to_four_pairs_spread_over_the_query(string q, string[] expected) =>
        ProjectList.Grams(q).ShouldBe(expected);

    [Fact]
    public void A_query_outside_the_basic_plane_uses_the_plain_scan() =>
        ProjectList.Grams("𠀀项目").ShouldBeNull();

    /// <summary>The search as it was before the gram index: the substring test over every visible project and unit.</summary>
    private static async Task<List<ProjectRow>> PlainScan(JixiaoDbContext db, AccessScope scope, string q)
    {
        var units = db.Units.Where(u => u.Name.Contains(q)).Select(u => u.Id);
        return await scope.Visible(db.Projects.AsNoTracking())
            .Where(p => p.Name.Contains(q) || units.Contains(p.UnitId))
            .Select(p => new ProjectRow(p.Id, p.Name, p.UnitId, p.Unit!.Name, p.TotalFen, p.Status, 0, 0, p.Version))
            .ToListAsync();
    }
}
