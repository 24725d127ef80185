using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jixiao.App.Auth;
using Jixiao.App.Dashboard;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

/// <summary>The 首页 figures for all years and for one 预算年度, within the user's scope, against sums made here.</summary>
public sealed class DashboardTests
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task One_years_figures_count_only_that_years_projects_indicators_and_grades(string provider)
    {
        using var app = new TestApp(provider, seed: true);
        await using var db = app.NewDbContext();
        var projects = await db.Projects.OrderBy(p => p.Id).ToListAsync();
        foreach (var p in projects.Where(p => p.Id % 4 == 0))
        {
            p.FiscalYear = 2025;
        }

        foreach (var p in projects.Where(p => p.Id % 4 == 1))
        {
            p.FiscalYear = 2024;
        }

        var in2025 = projects.First(p => p.FiscalYear == 2025);
        var in2024 = projects.First(p => p.FiscalYear == 2024);
        db.Evaluations.AddRange(
            new EvaluationEntity { ProjectId = in2025.Id, Kind = EvaluationKind.SelfEvaluation, SheetJson = "{}", Grade = "优", Total = 91m, BudgetExecution = 96.5m, Status = EvaluationStatus.Locked, CreatedBy = "test" },
            new EvaluationEntity { ProjectId = in2025.Id, Kind = EvaluationKind.DepartmentEvaluation, SheetJson = "{}", BudgetExecution = 88.25m, Status = EvaluationStatus.Locked, CreatedBy = "test" },
            new EvaluationEntity { ProjectId = in2024.Id, Kind = EvaluationKind.SelfEvaluation, SheetJson = "{}", Grade = "中", Total = 72m, Status = EvaluationStatus.Locked, CreatedBy = "test" });
        await db.SaveChangesAsync();

        var admin = new AccessScope("admin", "管理员", new HashSet<string> { Roles.Admin }, []);
        var all = await DashboardSummary.RunAsync(db, admin);
        all.Projects.ShouldBe(projects.Count);
        all.Grades.Sum(g => g.Count).ShouldBe(2);

        var year = await DashboardSummary.RunAsync(db, admin, default, 2025);
        var expected = projects.Where(p => p.FiscalYear == 2025).ToList();
        year.Projects.ShouldBe(expected.Count);
        year.TotalFen.ShouldBe(expected.Sum(p => p.TotalFen ?? 0));
        year.Units.ShouldBe(expected.Select(p => p.UnitId).Distinct().Count());
        year.Indicators.ShouldBe(await db.Indicators.CountAsync(i => i.Project!.FiscalYear == 2025));
        year.ByStatus.Values.Sum().ShouldBe(expected.Count);
        year.Largest.ShouldAllBe(l => expected.Any(p => p.Id == l.Id));
        year.Grades.ShouldBe([("优", 1)]);
        var unitOf2025 = await db.Units.Where(u => u.Id == in2025.UnitId).Select(u => u.Name).SingleAsync();
        year.ScoresByUnit.ShouldBe([new UnitScore(unitOf2025, 1, 91m, 91m, 91m)]);
        year.ExecutionByUnit.ShouldBe([new UnitScore(unitOf2025, 2, 92.38m, 88.25m, 96.5m)]); // (96.5 + 88.25) / 2 = 92.375
        (await DashboardSummary.RunAsync(db, admin, default, 2024)).ExecutionByUnit.ShouldBeEmpty();
        all.ScoresByUnit.Sum(u => u.Evaluations).ShouldBe(2);
        if (in2025.UnitId == in2024.UnitId)
        {
            all.ScoresByUnit.Single().Average.ShouldBe(81.5m);
        }
        else
        {
            all.ScoresByUnit.Select(u => u.Average).ShouldBe([91m, 72m]);
        }
        (await DashboardSummary.YearsAsync(db, admin)).ShouldBe([2025, 2024]);

        // a clerk's year: only their unit's projects of that year
        var unitId = expected[0].UnitId;
        var clerk = new AccessScope("clerk", "填报人", new HashSet<string> { Roles.Filler }, [unitId]);
        (await DashboardSummary.RunAsync(db, clerk, default, 2025)).Projects.ShouldBe(expected.Count(p => p.UnitId == unitId));

        var page = WebUtility.HtmlDecode(await (await app.LoginAsync("admin")).GetStringAsync("/?year=2025"));
        page.ShouldContain("href=\"/?year=2024\">2024 年</a>");
        page.ShouldContain("查看 2025 年的项目");
        page.ShouldContain($"<div class=\"stat-value\">{expected.Count}</div>");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_started_evaluation_changes_no_figure_until_it_is_submitted(string provider)
    {
        using var app = new TestApp(provider, seed: true);
        await Jixiao.App.Demo.DemoSetup.LoadReportEvaluationsAsync(app.Services);
        var admin = new AccessScope("admin", "管理员", new HashSet<string> { Roles.Admin }, []);
        DashboardData before;
        int projectId;
        await using (var db = app.NewDbContext())
        {
            before = await DashboardSummary.RunAsync(db, admin);
            before.Grades.Sum(g => g.Count).ShouldBeGreaterThan(0, "the demo's report evaluations are locked and graded");
            projectId = await db.Projects.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        }

        var client = await app.LoginAsync("admin");
        var response = await client.PostAsJsonAsync($"/api/v1/projects/{projectId}/evaluations", new { kind = "department" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        await using (var db = app.NewDbContext())
        {
            var fresh = await db.Evaluations.AsNoTracking().SingleAsync(e => e.Id == id);
            fresh.Total.ShouldNotBeNull("a fresh 部门评价 is scored at once (nothing entered: a low total)");
            fresh.Grade.ShouldNotBeNull();
            var after = await DashboardSummary.RunAsync(db, admin);
            after.Grades.ShouldBe(before.Grades);
            after.ScoresByUnit.ShouldBe(before.ScoresByUnit);
            after.ExecutionByUnit.ShouldBe(before.ExecutionByUnit);

            await db.Evaluations.Where(e => e.Id == id).ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, EvaluationStatus.Locked));
            var submitted = await DashboardSummary.RunAsync(db, admin);
            submitted.Grades.Sum(g => g.Count).ShouldBe(before.Grades.Sum(g => g.Count) + 1, "once submitted it counts");
            submitted.ScoresByUnit.Sum(u => u.Evaluations).ShouldBe(before.ScoresByUnit.Sum(u => u.Evaluations) + 1);
        }
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Evaluations_scored_before_the_execution_column_get_it_from_their_sheets_without_a_new_version(string provider)
    {
        using var app = new TestApp(provider, seed: true);
        await Jixiao.App.Demo.DemoSetup.LoadReportEvaluationsAsync(app.Services);
        await using var db = app.NewDbContext();
        var before = await db.Evaluations.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.BudgetExecution, e.Version }).ToListAsync();
        before.Count(e => e.BudgetExecution is not null).ShouldBeGreaterThanOrEqualTo(4, "the demo's report evaluations state one");
        await db.Database.ExecuteSqlAsync($"UPDATE evaluations SET \"BudgetExecution\" = NULL");
        var audit = await db.AuditLog.CountAsync();

        (await Jixiao.App.Evaluations.EvaluationSheets.FillBudgetExecutionAsync(db)).ShouldBe(before.Count(e => e.BudgetExecution is not null));

        var after = await db.Evaluations.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.BudgetExecution, e.Version }).ToListAsync();
        after.ShouldBe(before);
        after.ShouldContain(e => e.BudgetExecution == 91.4m);
        (await db.AuditLog.CountAsync()).ShouldBe(audit);
        (await Jixiao.App.Evaluations.EvaluationSheets.FillBudgetExecutionAsync(db)).ShouldBe(0, "nothing left to fill");
    }
}
