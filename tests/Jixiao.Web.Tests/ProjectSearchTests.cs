using Jixiao.Data;
using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.App.Projects;
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

    public static TheoryData<string, string, bool> Queries()
    {
        var data = new TheoryData<string, string, bool>();
        var queries = new (string Q, bool Matches)[]
        {
            ("费", true), ("网格", true), ("专项经费", true), ("辅警补助经费", true), ("政府雇员工资经费", true), ("公安", true),
            ("局", true), ("费费", false), ("经费专项", false), ("𠀀", false),
        };
        var providers = string.IsNullOrEmpty(Environment.GetEnvironmentVariable("JIXIAO_TEST_PG")) ? new[] { "sqlite" } : ["sqlite", "postgres"];
        foreach (var provider in providers)
        {
            foreach (var (q, matches) in queries)
            {
                data.Add(provider, q, matches);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Search_returns_the_rows_of_the_plain_scan(string provider, string q, bool expectMatches)
    {
        using var app = new TestApp(provider, seed: true);
        using var serviceScope = app.Services.CreateScope();
        var db = serviceScope.ServiceProvider.GetRequiredService<JixiaoDbContext>();
        var someUnits = await db.Units.OrderBy(u => u.Id).Select(u => u.Id).Take(1).ToArrayAsync();
        var filler = new AccessScope("filler", "填报人", new HashSet<string> { Roles.Filler }, someUnits);

        foreach (var scope in new[] { Admin, filler })
        {
            var expected = PlainScan(db, scope, q);
            if (scope == Admin)
            {
                (await expected.AnyAsync()).ShouldBe(expectMatches);
            }

            foreach (var (sort, desc) in new[] { ((string?)null, false), ("name", true), ("amount", false) })
            {
                var ordered = (sort, desc) switch
                {
                    ("name", true) => expected.OrderByDescending(p => p.Name).ThenByDescending(p => p.Id),
                    ("amount", false) => expected.OrderBy(p => p.TotalFen).ThenBy(p => p.Id),
                    _ => expected.OrderBy(p => p.Id),
                };
                var expectedIds = await ordered.Select(p => p.Id).ToListAsync();
                // without and with kept counts (the app keeps them; a second pass reads what the first kept)
                var cache = new StampCache();
                foreach (var counts in new[] { null, cache, cache })
                {
                    var seen = new List<int>();
                    for (var page = 1; page <= Math.Max(1, (expectedIds.Count + 4) / 5); page++)
                    {
                        var result = await ProjectList.RunAsync(db, scope,
                            new ProjectListQuery(Q: q, Sort: sort, Desc: desc, Page: page, PageSize: 5), default, counts);
                        result.Total.ShouldBe(expectedIds.Count);
                        seen.AddRange(result.Items.Select(r => r.Id));
                    }

                    seen.ShouldBe(expectedIds, $"q={q} sort={sort} desc={desc} user={scope.UserId} kept={counts is not null}");
                }
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
    private static IQueryable<Jixiao.Data.Entities.ProjectEntity> PlainScan(JixiaoDbContext db, AccessScope scope, string q)
    {
        var units = db.Units.Where(u => u.Name.Contains(q)).Select(u => u.Id);
        return scope.Visible(db.Projects.AsNoTracking()).Where(p => p.Name.Contains(q) || units.Contains(p.UnitId));
    }
}
