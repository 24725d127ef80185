using System.Net;
using Jixiao.App.Demo;
using Jixiao.Data.Entities;
using Jixiao.Domain.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

/// <summary>
/// The 结果应用 page's forms on both databases, posted as a browser does (anti-forgery token, cookies): finance's
/// decision is saved and listed in the 修改记录, then next year's request and 一次性项目 change the advice (a stale form
/// refused); without a reason nothing is saved; the unit's clerk gets 403 and another
/// unit's clerk 404 even with a valid token of their own; the year list holds the evaluated years; the project's own
/// history names the line as 结果应用.
/// </summary>
public sealed class ResultUsePageTests(SeededApps apps) : IClassFixture<SeededApps>
{
    private const long Wan = 1_000_000; // 1 万元 in 分
    private const int Year = 2047;

    private static async Task<(int Id, string Name)> GradedProjectAsync(TestApp app)
    {
        await using var db = app.NewDbContext();
        db.ActorOverride = "测试准备";
        var project = await db.Projects.Where(p => p.Unit!.Name == DemoSetup.PoliceUnit).OrderBy(p => p.Id).Skip(3).FirstAsync();
        project.FiscalYear = Year;
        project.TotalFen = 60 * Wan;
        db.Evaluations.Add(new EvaluationEntity
        {
            ProjectId = project.Id, Kind = EvaluationKind.DepartmentEvaluation, SheetJson = "{}", Total = 91m, Grade = "优",
            Status = EvaluationStatus.Locked, CreatedBy = "测试",
        });
        await db.SaveChangesAsync();
        return (project.Id, project.Name);
    }

    private static KeyValuePair<string, string>[] Decision(int id, string reason) =>
        [new("projectId", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("version", "0"), new("action", "prioritize"),
            new("amountWanYuan", "60.5"), new("reason", reason)];

    /// <summary>A page's HTML with its character references decoded (Razor writes Chinese as &amp;#x…;).</summary>
    private static async Task<string> PageAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Finance_decides_on_the_page_and_clerks_are_refused_with_a_valid_token(string provider)
    {
        var app = apps.Get(provider);
        var (id, name) = await GradedProjectAsync(app);
        var czj = await app.LoginAsync("czj");
        var gaj = await app.LoginAsync("gaj");
        var zfw = await app.LoginAsync("zfw");
        var url = $"/result-use?year={Year}";
        var post = $"/result-use?year={Year}&handler=Decide";

        var page = await PageAsync(czj, url);
        page.ShouldContain($"<option value=\"{Year}\" selected=\"selected\">");
        page.ShouldContain("优先保障");
        page.ShouldContain("规则：持续性项目评价为“优”：优先保障");
        page.ShouldContain("name=\"amountWanYuan\"");

        (await PageForms.PostAsync(gaj, post, Decision(id, "伪造"), tokenPage: url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await PageForms.PostAsync(zfw, post, Decision(id, "伪造"), tokenPage: url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PageAsync(gaj, url)).ShouldNotContain("name=\"amountWanYuan\"", Case.Sensitive, "the clerk gets no form");
        (await PageAsync(zfw, url)).ShouldNotContain(name);

        var missingReason = await PageForms.PostAsync(czj, post, Decision(id, " "), tokenPage: url);
        missingReason.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PageForms.AlertsAsync(czj, url)).ShouldBe(["请填写原因，它将记入审计日志。"]);

        var saved = await PageForms.PostAsync(czj, post, Decision(id, "评价为优，保障下年经费"), tokenPage: url);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.ToString().ShouldBe($"/result-use?year={Year}#project-{id}");
        var after = await PageAsync(czj, url);
        after.ShouldContain("已保存结果应用决定。");
        after.ShouldContain("优先保障：60.50 万元");
        after.ShouldContain("（未决定） → 优先保障：60.50 万元");
        after.ShouldContain("评价为优，保障下年经费");
        var history = await PageAsync(czj, $"/projects/{id}");
        history.ShouldContain("结果应用·决定：（未决定） → <strong>优先保障：60.50 万元</strong>");
        history.ShouldContain("意见：评价为优，保障下年经费");

        (await PageForms.PostAsync(czj, $"/result-use?year={Year}&handler=Request",
            [new("projectId", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("version", "0"), new("requestWanYuan", "70"),
                new("oneOff", "true"), new("oneOff", "false"), new("reason", "单位来函：项目本年结束")], tokenPage: url)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PageForms.AlertsAsync(czj, url)).ShouldBe(["该项目的结果应用已被他人修改，您的修改未保存。请刷新后重新填写。"], "version 0 is stale after the decision");
        var request = await PageForms.PostAsync(czj, $"/result-use?year={Year}&handler=Request",
            [new("projectId", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("version", "1"), new("requestWanYuan", "70"),
                new("oneOff", "true"), new("oneOff", "false"), new("reason", "单位来函：项目本年结束")], tokenPage: url);
        request.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var entered = await PageAsync(czj, url);
        entered.ShouldContain("已保存下年申请。");
        entered.ShouldContain("一次性项目，按正常程序安排");
        entered.ShouldContain("建议安排 70.00 万元");
        entered.ShouldContain("财政填写");

        await using var db = app.NewDbContext();
        var audit = await db.AuditLog.Where(a => a.Entity == "resultUse" && a.EntityId == id).OrderBy(a => a.Id).ToListAsync();
        audit.Select(a => (a.Field, a.OldValue, a.NewValue, a.Reason)).ShouldBe(
        [
            ("decision", "（未决定）", "优先保障：60.50 万元", "评价为优，保障下年经费"),
            ("request", "（未填）", "70.00 万元", "单位来函：项目本年结束"),
            ("oneOff", "持续性项目", "一次性项目", "单位来函：项目本年结束"),
        ]);
        var use = await db.ResultUses.SingleAsync(r => r.ProjectId == id);
        (use.DecidedFen, use.RequestFen, use.OneOff).ShouldBe((60_500_000L, 70_000_000L, true));
    }
}
