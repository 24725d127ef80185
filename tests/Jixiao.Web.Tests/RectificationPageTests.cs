using System.Net;
using Jixiao.App.Demo;
using Jixiao.Data.Entities;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Rectification;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

/// <summary>
/// The 整改 page on both databases, posted as a browser does: an overdue task is listed first and highlighted, the
/// police clerk submits measures on the row, finance sends back and accepts; the 政法委 clerk sees nothing and a forged
/// post of his (with a valid token) is 404, finance's forged submit 403.
/// </summary>
public sealed class RectificationPageTests(SeededApps apps) : IClassFixture<SeededApps>
{
    private static async Task<string> PageAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    private static KeyValuePair<string, string>[] Fields(int id, long version, params (string Key, string Value)[] more) =>
        [new("taskId", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            .. more.Select(m => new KeyValuePair<string, string>(m.Key, m.Value))];

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Overdue_tasks_are_highlighted_and_the_unit_and_finance_act_on_the_rows(string provider)
    {
        var app = apps.Get(provider);
        int overdueId, currentId, projectId;
        await using (var db = app.NewDbContext())
        {
            db.ActorOverride = "测试准备";
            var project = await db.Projects.Where(p => p.Unit!.Name == DemoSetup.PoliceUnit).OrderBy(p => p.Id).Skip(5).FirstAsync();
            RectificationTaskEntity Task(string message, DateOnly deadline) => new()
            {
                ProjectId = project.Id, UnitId = project.UnitId, Source = RectificationSource.Review, FindingCode = "REV012", FindingMessage = message,
                FoundOn = deadline.AddDays(-40), IssuedOn = deadline.AddDays(-30), Deadline = deadline, Status = RectificationStatus.Pending,
                CreatedBy = "测试", CreatedAt = DateTimeOffset.UtcNow, Version = 1,
            };
            var late = Task("满意度指标缺失（逾期的）", new DateOnly(2025, 1, 31));
            var current = Task("成本指标未细化（未到期）", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60));
            db.RectificationTasks.AddRange(late, current);
            await db.SaveChangesAsync();
            (overdueId, currentId, projectId) = (late.Id, current.Id, project.Id);
        }

        var czj = await app.LoginAsync("czj");
        var gaj = await app.LoginAsync("gaj");
        var zfw = await app.LoginAsync("zfw");
        const string post = "/rectification?handler=Submit";
        const string verify = "/rectification?handler=Verify";

        (await PageAsync(gaj, "/")).ShouldContain("有 1 项整改任务已逾期");
        (await PageAsync(czj, "/")).ShouldContain("href=\"/rectification?status=overdue\"");
        (await PageAsync(zfw, "/")).ShouldNotContain("overdue-rectifications");

        var page = await PageAsync(czj, "/rectification");
        page.ShouldContain("href=\"/rectification\"><i class=\"bi bi-tools\"></i> 整改</a>");
        page.ShouldContain($"<tr id=\"task-{overdueId}\" class=\"table-danger overdue\">");
        page.ShouldContain($"<tr id=\"task-{currentId}\" class=\"\">");
        page.IndexOf($"task-{overdueId}", StringComparison.Ordinal).ShouldBeLessThan(page.IndexOf($"task-{currentId}", StringComparison.Ordinal));
        page.ShouldContain("逾期</span>");
        page.ShouldNotContain("name=\"measures\"", Case.Sensitive, "finance does not submit the unit's measures");
        (await PageAsync(czj, "/rectification?status=overdue")).ShouldNotContain($"task-{currentId}");

        (await PageAsync(gaj, "/rectification")).ShouldContain("name=\"measures\"");
        (await PageAsync(zfw, "/rectification")).ShouldNotContain("满意度指标缺失");
        (await PageForms.PostAsync(zfw, post, Fields(overdueId, 1, ("measures", "伪造")), tokenPage: "/rectification")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PageForms.PostAsync(czj, post, Fields(overdueId, 1, ("measures", "代填")), tokenPage: "/rectification")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await PageForms.PostAsync(gaj, post, Fields(overdueId, 1, ("measures", "已补充满意度指标 2 项")), tokenPage: "/rectification"))
            .StatusCode.ShouldBe(HttpStatusCode.Found);
        (await PageForms.AlertsAsync(gaj, "/rectification")).ShouldBe(["已提交整改措施。"]);
        (await PageForms.PostAsync(gaj, post, Fields(overdueId, 1, ("measures", "再交一次")), tokenPage: "/rectification")).StatusCode.ShouldBe(HttpStatusCode.Found);
        (await PageForms.AlertsAsync(gaj, "/rectification")).ShouldBe(["该整改任务已被他人修改，您的修改未保存。请刷新后重新操作。"]);

        var afterSubmit = await PageAsync(czj, "/rectification");
        afterSubmit.ShouldContain($"<tr id=\"task-{overdueId}\" class=\"\">", Case.Sensitive, "submitted: no longer overdue");
        afterSubmit.ShouldContain("措施：已补充满意度指标 2 项");
        (await PageAsync(gaj, "/")).ShouldNotContain("overdue-rectifications", Case.Sensitive, "submitted: the 首页 no longer warns");
        (await PageForms.PostAsync(czj, verify, Fields(overdueId, 2, ("accept", "false"), ("reason", "指标值未量化")), tokenPage: "/rectification"))
            .StatusCode.ShouldBe(HttpStatusCode.Found);
        var sentBack = await PageAsync(gaj, "/rectification");
        sentBack.ShouldContain("退回原因：指标值未量化");
        sentBack.ShouldContain($"<tr id=\"task-{overdueId}\" class=\"table-danger overdue\">", Case.Sensitive, "sent back after the deadline: overdue again");

        (await PageForms.PostAsync(gaj, post, Fields(overdueId, 3, ("measures", "满意度指标量化为“≥90%”")), tokenPage: "/rectification")).StatusCode.ShouldBe(HttpStatusCode.Found);
        (await PageForms.PostAsync(czj, verify, Fields(overdueId, 4, ("accept", "true"), ("reason", "已落实")), tokenPage: "/rectification"))
            .StatusCode.ShouldBe(HttpStatusCode.Found);
        (await PageForms.AlertsAsync(czj, "/rectification")).ShouldBe(["已验收：已整改。"]);

        (await PageAsync(czj, $"/projects/{projectId}")).ShouldContain($"整改（任务 {overdueId}）·状态：整改中 → <strong>已整改</strong>");

        await using var check = app.NewDbContext();
        (await check.RectificationTasks.SingleAsync(t => t.Id == overdueId)).Status.ShouldBe(RectificationStatus.Accepted);
        (await check.AuditLog.CountAsync(a => a.Entity == "rectification" && a.EntityId == overdueId && a.Field == "status")).ShouldBe(4);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Finance_makes_a_RES101_finding_on_the_result_use_page_a_task_and_the_clerk_may_not(string provider)
    {
        const int year = 2051;
        var app = apps.Get(provider);
        int projectId;
        await using (var db = app.NewDbContext())
        {
            db.ActorOverride = "测试准备";
            var project = await db.Projects.Where(p => p.Unit!.Name == DemoSetup.PoliceUnit).OrderBy(p => p.Id).Skip(6).FirstAsync();
            project.FiscalYear = year;
            project.TotalFen = 100_000_000;
            db.Projects.Add(new ProjectEntity { UnitId = project.UnitId, Name = project.Name, FiscalYear = year + 1, TotalFen = 105_000_000, SourceMoneyUnit = "万元", Goal = "下年目标" });
            db.Evaluations.Add(new EvaluationEntity
            {
                ProjectId = project.Id, Kind = EvaluationKind.DepartmentEvaluation, SheetJson = "{}", Total = 70m, Grade = "中", Status = EvaluationStatus.Locked, CreatedBy = "测试",
            });
            await db.SaveChangesAsync();
            projectId = project.Id;
        }

        var czj = await app.LoginAsync("czj");
        var gaj = await app.LoginAsync("gaj");
        var url = $"/result-use?year={year}";
        var page = await PageAsync(czj, url);
        page.ShouldContain("下达整改任务");
        page.ShouldContain("action=\"/rectification?handler=Create\"");
        (await PageAsync(gaj, url)).ShouldNotContain("下达整改任务");

        KeyValuePair<string, string>[] fields =
        [
            new("projectId", projectId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("source", "resultUse"), new("findingCode", "RES101"),
            new("findingMessage", "评价为“中”，下年申请不低于本年预算"), new("findingWhere", $"{year} 年度结果应用"), new("reason", "结果应用不到位，须整改"),
        ];
        (await PageForms.PostAsync(gaj, "/rectification?handler=Create", fields, tokenPage: url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await PageForms.PostAsync(czj, "/rectification?handler=Create", fields.Where(f => f.Key != "reason"), tokenPage: url)).StatusCode.ShouldBe(HttpStatusCode.Found);
        (await PageForms.AlertsAsync(czj, "/rectification")).ShouldBe(["请填写下达整改的原因，它将记入审计日志。"]);
        (await PageForms.PostAsync(czj, "/rectification?handler=Create", fields, tokenPage: url)).StatusCode.ShouldBe(HttpStatusCode.Found);
        (await PageForms.AlertsAsync(czj, "/rectification")).ShouldBe(["已下达整改任务。"]);

        await using var check = app.NewDbContext();
        var task = await check.RectificationTasks.SingleAsync(t => t.ProjectId == projectId);
        task.Source.ShouldBe(RectificationSource.ResultUse);
        task.FindingCode.ShouldBe("RES101");
        task.Deadline.ShouldBe(task.IssuedOn.AddDays(30));
        (await PageAsync(gaj, "/rectification")).ShouldContain($"<tr id=\"task-{task.Id}\" class=\"\">");
    }
}
