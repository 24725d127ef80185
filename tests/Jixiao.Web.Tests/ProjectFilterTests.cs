using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.App.Projects;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Evaluations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>
/// The 项目 list's 预算年度 and 评价等级 filters: the grade is the one of a project's latest graded evaluation (as the
/// list shows it), "none" finds projects without one; kept lists follow a rescoring because a grade change moves the
/// change stamp (migration 0009), and scoring that leaves the grade alone does not.
/// </summary>
public sealed partial class ProjectFilterTests
{
    private static readonly AccessScope Admin = new("admin", "管理员", new HashSet<string> { Roles.Admin }, []);

    [GeneratedRegex("href=\"/projects/([0-9]+)\"")]
    private static partial Regex ProjectLink();

    private static EvaluationEntity Evaluation(int projectId, string kindName, string? grade, decimal? total) => new()
    {
        ProjectId = projectId, Kind = EvaluationNames.TryParseKind(kindName, out var kind) ? kind : throw new ArgumentException(kindName), SheetJson = "{}", Grade = grade, Total = total, CreatedBy = "test",
    };

    private static async Task<List<int>> AllIdsAsync(JixiaoDbContext db, ProjectListQuery query, StampCache? cache)
    {
        var page = await ProjectList.RunAsync(db, Admin, query with { PageSize = ProjectList.MaxPageSize }, default, cache);
        page.Total.ShouldBe(page.Items.Count, "every match fits one page in this test");
        return page.Items.Select(r => r.Id).ToList();
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Year_and_latest_grade_filter_the_list_and_kept_lists_follow_a_rescoring(string provider)
    {
        using var app = new TestApp(provider, seed: true);
        using var serviceScope = app.Services.CreateScope();
        var db = serviceScope.ServiceProvider.GetRequiredService<JixiaoDbContext>();
        var ids = await db.Projects.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        ids.Count.ShouldBeGreaterThan(10);

        foreach (var project in await db.Projects.Where(p => ids.Take(4).Contains(p.Id)).ToListAsync())
        {
            project.FiscalYear = 2025;
        }

        // a: 良 then 优 (latest decides: 优); b: 良, then an unscored draft (still 良); c: 中; d: only a draft (not graded)
        var (a, b, c, d) = (ids[5], ids[6], ids[7], ids[8]);
        db.Evaluations.AddRange(Evaluation(a, "单位自评", "良", 85m), Evaluation(b, "单位自评", "良", 82m), Evaluation(c, "单位自评", "中", 70m),
            Evaluation(d, "部门评价", null, null));
        await db.SaveChangesAsync();
        db.Evaluations.AddRange(Evaluation(a, "部门评价", "优", 93m), Evaluation(b, "部门评价", null, null));
        await db.SaveChangesAsync();

        foreach (var cache in new[] { null, new StampCache(), new StampCache { KeptIdsLimit = 2 } })
        {
            (await AllIdsAsync(db, new ProjectListQuery(Year: 2025), cache)).ShouldBe(ids.Take(4).ToList());
            (await AllIdsAsync(db, new ProjectListQuery(Year: 1999), cache)).ShouldBeEmpty();
            (await AllIdsAsync(db, new ProjectListQuery(Grade: "优"), cache)).ShouldBe([a]);
            (await AllIdsAsync(db, new ProjectListQuery(Grade: "良"), cache)).ShouldBe([b]);
            (await AllIdsAsync(db, new ProjectListQuery(Grade: "中", Year: 2025), cache)).ShouldBeEmpty();
            (await AllIdsAsync(db, new ProjectListQuery(Grade: ProjectList.NotGraded), cache)).ShouldBe(ids.Except([a, b, c]).ToList());
        }

        var rows = (await ProjectList.RunAsync(db, Admin, new ProjectListQuery(PageSize: 10))).Items;
        rows.Single(r => r.Id == a).Grade.ShouldBe("优");
        rows.Single(r => r.Id == b).Grade.ShouldBe("良");
        rows.Single(r => r.Id == d).Grade.ShouldBeNull();
        rows.Single(r => r.Id == ids[0]).FiscalYear.ShouldBe(2025);

        // rescoring: the kept lists of both grades follow at once
        var kept = new StampCache();
        (await AllIdsAsync(db, new ProjectListQuery(Grade: "中"), kept)).ShouldBe([c]);
        (await AllIdsAsync(db, new ProjectListQuery(Grade: "差"), kept)).ShouldBeEmpty();
        var stamp = await ChangeStamps.ReadAsync(db, ChangeStamps.Projects);
        var scored = await db.Evaluations.SingleAsync(e => e.ProjectId == c);
        scored.SheetJson = "{\"lines\":[]}";
        await db.SaveChangesAsync();
        (await ChangeStamps.ReadAsync(db, ChangeStamps.Projects)).ShouldBe(stamp, "scoring that leaves the grade alone keeps the stamp");
        await db.Database.ExecuteSqlAsync($"UPDATE evaluations SET \"Grade\" = '差', \"Total\" = 55 WHERE \"Id\" = {scored.Id}");
        (await ChangeStamps.ReadAsync(db, ChangeStamps.Projects)).ShouldBeGreaterThan(stamp, "a grade change moves it, even in raw SQL");
        (await AllIdsAsync(db, new ProjectListQuery(Grade: "中"), kept)).ShouldBeEmpty();
        (await AllIdsAsync(db, new ProjectListQuery(Grade: "差"), kept)).ShouldBe([c]);

        stamp = await ChangeStamps.ReadAsync(db, ChangeStamps.Projects);
        db.Evaluations.Remove(await db.Evaluations.SingleAsync(e => e.ProjectId == a && e.Grade == "优"));
        await db.SaveChangesAsync();
        (await ChangeStamps.ReadAsync(db, ChangeStamps.Projects)).ShouldBeGreaterThan(stamp, "deleting an evaluation moves it");
        (await AllIdsAsync(db, new ProjectListQuery(Grade: "良"), kept)).ShouldBe([a, b]);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_api_and_the_page_filter_by_year_and_grade_and_show_both(string provider)
    {
        using var app = new TestApp(provider, seed: true);
        int graded;
        await using (var db = app.NewDbContext())
        {
            graded = await db.Projects.OrderBy(p => p.Id).Select(p => p.Id).Skip(3).FirstAsync();
            db.Evaluations.Add(Evaluation(graded, "单位自评", "良", 88.5m));
            // the seed tables state no year: give a third of the projects one
            foreach (var project in await db.Projects.Where(p => p.Id % 3 == 0).ToListAsync())
            {
                project.FiscalYear = 2024;
            }

            await db.SaveChangesAsync();
        }

        var clerk = await app.LoginAsync("gaj");
        var admin = await app.LoginAsync("admin");
        var all = JsonSerializer.Deserialize<JsonElement>(await admin.GetStringAsync("/api/v1/projects?pageSize=200"));
        const int year = 2024;
        var api = JsonSerializer.Deserialize<JsonElement>(await admin.GetStringAsync("/api/v1/projects?grade=%E8%89%AF"));
        api.GetProperty("total").GetInt32().ShouldBe(1);
        api.GetProperty("items")[0].GetProperty("id").GetInt32().ShouldBe(graded);
        api.GetProperty("items")[0].GetProperty("grade").GetString().ShouldBe("良");
        var sameYear = JsonSerializer.Deserialize<JsonElement>(await admin.GetStringAsync($"/api/v1/projects?year={year}&pageSize=200"));
        sameYear.GetProperty("total").GetInt32().ShouldBe(all.GetProperty("items").EnumerateArray().Count(p => p.GetProperty("id").GetInt32() % 3 == 0));
        sameYear.GetProperty("items").EnumerateArray().ShouldAllBe(p => p.GetProperty("fiscalYear").GetInt32() == year);
        var none = JsonSerializer.Deserialize<JsonElement>(await admin.GetStringAsync("/api/v1/projects?grade=none"));
        none.GetProperty("total").GetInt32().ShouldBe(all.GetProperty("total").GetInt32() - 1);

        // the page: the year and grade choices, the grade column, and the same filter as the API
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/projects?grade=%E8%89%AF"));
        html.ShouldContain($"<option value=\"{year}\">{year} 年</option>");
        html.ShouldContain("<option value=\"良\" selected=\"selected\">良</option>");
        html.ShouldContain("共 <strong>1</strong> 个项目");
        ProjectLink().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe([graded]);
        html.ShouldContain("<span class=\"badge text-bg-light border grade\">良</span>");

        // a clerk's filters stay inside their unit
        var mine = JsonSerializer.Deserialize<JsonElement>(await clerk.GetStringAsync("/api/v1/projects?grade=none&pageSize=200"));
        var unitIds = mine.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("unitId").GetInt32()).Distinct().ToList();
        unitIds.Count.ShouldBe(1);
    }
}
