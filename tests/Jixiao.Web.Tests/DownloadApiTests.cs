using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using ExcelDataReader;
using Jixiao.Reporting.Pdf;
using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Web.Common;
using Jixiao.App.Downloads;

namespace Jixiao.Web.Tests;

/// <summary>
/// Downloads: the files open (.xlsx with ExcelDataReader, .docx with OpenXml, PDF with pdftotext) and say what the
/// store says; the names are Chinese (RFC 5987 filename*); ids outside the user's scope answer 404.
/// </summary>
public sealed class DownloadApiTests(SeededApps apps) : IClassFixture<SeededApps>
{
    private const string PoliceUnit = "广州市公安局白云区分局";
    private const string XinjianUnit = "南昌市公安局新建分局";

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    private static async Task<int> UnitIdAsync(TestApp app, HttpClient admin, string name)
    {
        await ReportEvaluationsAsync(app);
        return await UnitIdAsync(admin, name);
    }

    private static async Task<int> UnitIdAsync(HttpClient admin, string name) =>
        (await JsonOf(await admin.GetAsync("/api/v1/units"))).EnumerateArray().First(u => u.GetProperty("name").GetString() == name).GetProperty("id").GetInt32();

    /// <summary>The seeded (locked, scored) report evaluations with their unit: (id, project, total, grade, unit).</summary>
    private static async Task<List<(int Id, string Project, decimal Total, string Grade, string Unit)>> ReportEvaluationsAsync(TestApp app)
    {
        await Jixiao.App.Demo.DemoSetup.LoadReportEvaluationsAsync(app.Services);
        await using var db = app.NewDbContext();
        var locked = db.Evaluations.Where(e => e.Status == Data.Entities.EvaluationStatus.Locked).OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.Project!.Name, e.Total, e.Grade, Unit = e.Project.Unit!.Name }).ToList();
        return locked.Where(e => e.Total != null).Select(e => (e.Id, e.Name, e.Total!.Value, e.Grade!, e.Unit)).ToList();
    }

    /// <summary>Every sheet of a workbook by name, as rows of cell texts (ExcelDataReader).</summary>
    private static Dictionary<string, List<string[]>> ReadXlsx(byte[] bytes)
    {
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(bytes));
        var sheets = new Dictionary<string, List<string[]>>();
        do
        {
            var rows = new List<string[]>();
            while (reader.Read())
            {
                rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString() ?? "").ToArray());
            }

            sheets[reader.Name] = rows;
        }
        while (reader.NextResult());
        return sheets;
    }

    private static IEnumerable<string> Cells(List<string[]> rows) => rows.SelectMany(r => r);

    private static string DocxText(byte[] bytes)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return string.Concat(document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text));
    }

    private static void ShouldBeAttachment(HttpResponseMessage response, string contentType, string fileName)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(contentType);
        var disposition = response.Content.Headers.ContentDisposition!;
        disposition.DispositionType.ShouldBe("attachment");
        disposition.FileNameStar.ShouldBe(fileName);
        response.Content.Headers.GetValues("Content-Disposition").Single().ShouldContain("filename*=UTF-8''" + Uri.EscapeDataString(fileName));
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_report_of_a_scored_evaluation_is_a_docx_that_states_its_total_and_grade(string provider)
    {
        var app = apps.Get(provider);
        var admin = await app.LoginAsync("admin");
        var evaluations = await ReportEvaluationsAsync(app);
        evaluations.Count.ShouldBe(2); // 001 and 004; the two of 000 wait for formula inputs
        foreach (var (id, project, total, grade, _) in evaluations)
        {
            var response = await admin.GetAsync($"/api/v1/evaluations/{id}/report.docx");
            ShouldBeAttachment(response, Jixiao.App.Downloads.Downloads.Docx, $"{project}-绩效评价报告.docx");
            var text = DocxText(await response.Content.ReadAsByteArrayAsync());
            text.ShouldContain(Format.Number(total));
            text.ShouldContain(grade);
            text.ShouldContain(project);
        }
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_report_as_pdf_carries_the_total_in_its_text(string provider)
    {
        var app = apps.Get(provider);
        var expert = await app.LoginAsync("zhuanjia");
        var (id, project, total, grade, _) = (await ReportEvaluationsAsync(app))[0];
        var response = await expert.GetAsync($"/api/v1/evaluations/{id}/report.pdf");
        ShouldBeAttachment(response, Jixiao.App.Downloads.Downloads.Pdf, $"{project}-绩效评价报告.pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.AsSpan(0, 5).ToArray().ShouldBe("%PDF-"u8.ToArray());
        var file = Path.Combine(Path.GetTempPath(), $"jixiao-report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, bytes);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", file, "-"]) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            text.ShouldContain(Format.Number(total));
            text.ShouldContain(grade);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Without_chromium_the_pdf_is_refused_with_a_chinese_message_and_the_docx_still_works(string provider)
    {
        var app = apps.Get(provider);
        var (id, _, _, _, _) = (await ReportEvaluationsAsync(app))[0];
        await using var db = app.NewDbContext();
        var admin = new AccessScope("admin", "管理员", new HashSet<string> { Roles.Admin }, []);
        var (outcome, file) = await Jixiao.App.Downloads.Downloads.ReportAsync(db, admin, id, pdf: true, new ChromiumPdfPrinter("/nonexistent/chromium"));
        file.ShouldBeNull();
        outcome.ShouldBeOfType<Outcome.Unavailable>().Message.ShouldBe(Jixiao.App.Downloads.Downloads.NoChromium);
        var (docxOutcome, docx) = await Jixiao.App.Downloads.Downloads.ReportAsync(db, admin, id, pdf: false, new ChromiumPdfPrinter("/nonexistent/chromium"));
        docxOutcome.ShouldBe(Outcome.Ok);
        docx!.Content.Length.ShouldBeGreaterThan(1000);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_evaluation_sheet_opens_as_xlsx_with_every_indicator(string provider)
    {
        var app = apps.Get(provider);
        var expert = await app.LoginAsync("zhuanjia");
        var (id, project, _, _, _) = (await ReportEvaluationsAsync(app))[0];
        var scored = (await JsonOf(await expert.GetAsync($"/api/v1/evaluations/{id}"))).GetProperty("scored");
        var response = await expert.GetAsync($"/api/v1/evaluations/{id}/sheet.xlsx");
        ShouldBeAttachment(response, Jixiao.App.Downloads.Downloads.Xlsx, $"{project}-部门评价评价表.xlsx");
        var workbook = ReadXlsx(await response.Content.ReadAsByteArrayAsync());
        var cells = Cells(workbook["评价表"]).ToHashSet();
        cells.ShouldContain(project);
        foreach (var item in scored.GetProperty("items").EnumerateArray())
        {
            cells.ShouldContain(item.GetProperty("name").GetString()!);
        }
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_report_needs_a_total_so_an_evaluation_with_unscored_lines_answers_409(string provider)
    {
        var app = apps.Get(provider);
        await ReportEvaluationsAsync(app);
        await using var db = app.NewDbContext();
        var id = db.Evaluations.Where(e => e.Total == null).Select(e => e.Id).First();
        var gaj = await app.LoginAsync("gaj");
        var response = await gaj.GetAsync($"/api/v1/evaluations/{id}/report.docx");
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await JsonOf(response)).GetProperty("detail").GetString()!.ShouldContain("还没有总分");
        (await gaj.GetAsync($"/api/v1/evaluations/{id}/sheet.xlsx")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_review_workbook_covers_a_project_a_unit_or_the_users_scope(string provider)
    {
        var app = apps.Get(provider);
        var admin = await app.LoginAsync("admin");
        var police = await UnitIdAsync(app, admin, PoliceUnit);
        var policeProjects = (await JsonOf(await admin.GetAsync($"/api/v1/units/{police}"))).GetProperty("projectCount").GetInt32();

        var unitBook = await admin.GetAsync($"/api/v1/units/{police}/review/workbook");
        ShouldBeAttachment(unitBook, Jixiao.App.Downloads.Downloads.Xlsx, $"{PoliceUnit}-审核意见表.xlsx");
        var projects = ReadXlsx(await unitBook.Content.ReadAsByteArrayAsync())["项目汇总"];
        (projects.Count - 1).ShouldBe(policeProjects);

        var zfw = await app.LoginAsync("zfw");
        var scopeBook = ReadXlsx(await (await zfw.GetAsync("/api/v1/reviews/workbook")).Content.ReadAsByteArrayAsync());
        var units = Cells(scopeBook["单位汇总"]).ToList();
        units.ShouldContain("中共广州市白云区委政法委员会");
        units.ShouldNotContain(PoliceUnit);

        var gaj = await app.LoginAsync("gaj");
        var projectId = (await JsonOf(await gaj.GetAsync($"/api/v1/projects?q={Uri.EscapeDataString("公安工作补贴")}"))).GetProperty("items")[0].GetProperty("id").GetInt32();
        var projectBook = await gaj.GetAsync($"/api/v1/projects/{projectId}/review/workbook");
        ShouldBeAttachment(projectBook, Jixiao.App.Downloads.Downloads.Xlsx, "公安工作补贴-审核意见表.xlsx");
        var rows = ReadXlsx(await projectBook.Content.ReadAsByteArrayAsync())["项目汇总"];
        rows.Count.ShouldBe(2);
        Cells(rows).ShouldContain("公安工作补贴");
    }

    /// <summary>Two police projects the system rates 中 (修改完善后重新审核) and has findings about.</summary>
    private static async Task<(int Id, string Name)[]> FairProjectsAsync(TestApp app, HttpClient client)
    {
        await using var db = app.NewDbContext();
        var candidates = db.Projects.Where(p => p.Unit!.Name == PoliceUnit).OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).ToList();
        var found = new List<(int, string)>();
        foreach (var p in candidates)
        {
            var review = await JsonOf(await client.GetAsync($"/api/v1/projects/{p.Id}/findings"));
            if (review.GetProperty("outcome").GetString() == "中" && review.GetProperty("findings").GetArrayLength() > 0
                && candidates.Count(c => c.Name == p.Name) == 1)
            {
                found.Add((p.Id, p.Name));
            }

            if (found.Count == 2)
            {
                return [.. found];
            }
        }

        throw new InvalidOperationException("The seed has fewer than two police projects rated 中.");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_review_workbook_says_the_reviewers_decision_opinion_and_result(string provider)
    {
        using var app = new TestApp(provider, seed: true);
        var gaj = await app.LoginAsync("gaj");
        var czj = await app.LoginAsync("czj");
        var projects = await FairProjectsAsync(app, gaj);
        var (approved, returned) = (projects[0], projects[1]);
        foreach (var (id, _) in projects)
        {
            (await gaj.PostAsJsonAsync($"/api/v1/projects/{id}/review/submit", new { comment = "请审核", confirm = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        (await czj.PostAsJsonAsync($"/api/v1/projects/{approved.Id}/review/approve", new { comment = "同意，指标解释请在编制时完善", confirm = true }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await czj.PostAsJsonAsync($"/api/v1/projects/{returned.Id}/review/return", new { comment = "请补充可衡量的产出指标" }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        async Task<Dictionary<string, List<string[]>>> BookAsync(int id) =>
            ReadXlsx(await (await czj.GetAsync($"/api/v1/projects/{id}/review/workbook")).Content.ReadAsByteArrayAsync());

        // 项目汇总: 单位, 项目, 项目类型, 金额, 得分, 审核结论, 处理, 错误, 警告, 提示, 审核人意见
        var book = await BookAsync(approved.Id);
        var summary = book["项目汇总"][1];
        summary[1].ShouldBe(approved.Name);
        summary[5].ShouldBe("中", "the system's rating stays");
        summary[6].ShouldBe("审核通过，进入预算编制");
        summary[10].ShouldStartWith("同意，指标解释请在编制时完善（财政局审核员，");
        // 审核意见: …, 审核人意见 (N), 处理结果 (O) on every finding of the project
        var findings = book["审核意见"].Skip(1).ToList();
        findings.ShouldNotBeEmpty();
        findings.ShouldAllBe(r => r[13].StartsWith("同意，指标解释请在编制时完善（财政局审核员，") && r[14] == "审核通过");
        Cells(book["项目汇总"]).ShouldNotContain("修改完善后重新审核");

        book = await BookAsync(returned.Id);
        book["项目汇总"][1][6].ShouldBe("已退回，修改后重新提交");
        book["项目汇总"][1][10].ShouldStartWith("请补充可衡量的产出指标（财政局审核员，");
        book["审核意见"].Skip(1).ShouldAllBe(r => r[13].StartsWith("请补充可衡量的产出指标（") && r[14] == "退回修改");

        // a project still waiting keeps the system's proposal and leaves the reviewer's columns empty
        var admin = await app.LoginAsync("admin");
        await using var db = app.NewDbContext();
        var waiting = db.Projects.Where(p => p.Unit!.Name == PoliceUnit && p.Status == Domain.Reviews.ReviewStatus.Draft).OrderBy(p => p.Id).Select(p => p.Id).First();
        var draft = ReadXlsx(await (await admin.GetAsync($"/api/v1/projects/{waiting}/review/workbook")).Content.ReadAsByteArrayAsync());
        draft["项目汇总"][1][10].ShouldBe("");
        draft["审核意见"].Skip(1).ShouldAllBe(r => r[13] == "" && r[14] == "");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_target_table_of_a_unit_downloads_as_xlsx_and_docx_with_its_projects(string provider)
    {
        var app = apps.Get(provider);
        var gaj = await app.LoginAsync("gaj");
        var admin = await app.LoginAsync("admin");
        var police = await UnitIdAsync(app, admin, PoliceUnit);

        var xlsx = await gaj.GetAsync($"/api/v1/units/{police}/target-table.xlsx");
        ShouldBeAttachment(xlsx, Jixiao.App.Downloads.Downloads.Xlsx, $"{PoliceUnit}-项目支出绩效目标表.xlsx");
        var cells = Cells(ReadXlsx(await xlsx.Content.ReadAsByteArrayAsync()).Values.First()).ToList();
        cells.ShouldContain(c => c.Contains("公安工作补贴"));

        var docx = await gaj.GetAsync($"/api/v1/units/{police}/target-table.docx");
        ShouldBeAttachment(docx, Jixiao.App.Downloads.Downloads.Docx, $"{PoliceUnit}-项目支出绩效目标表.docx");
        var text = DocxText(await docx.Content.ReadAsByteArrayAsync());
        text.ShouldContain("项目支出绩效目标表");
        text.ShouldContain("公安工作补贴");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Forged_ids_outside_the_users_scope_answer_404_for_every_download(string provider)
    {
        var app = apps.Get(provider);
        var admin = await app.LoginAsync("admin");
        var police = await UnitIdAsync(app, admin, PoliceUnit);
        var xinjian = await UnitIdAsync(admin, XinjianUnit);
        var evaluations = await ReportEvaluationsAsync(app);
        var policeEvaluation = evaluations.First(e => e.Unit == PoliceUnit).Id;
        var xinjianEvaluation = evaluations.First(e => e.Unit == XinjianUnit).Id;
        var policeProject = (await JsonOf(await admin.GetAsync($"/api/v1/projects?unitId={police}"))).GetProperty("items")[0].GetProperty("id").GetInt32();

        var zfw = await app.LoginAsync("zfw");
        foreach (var url in new[]
        {
            $"/api/v1/units/{police}/review/workbook", $"/api/v1/reviews/workbook?unitId={police}", $"/api/v1/projects/{policeProject}/review/workbook",
            $"/api/v1/reviews/workbook?projectId={policeProject}", $"/api/v1/units/{police}/target-table.xlsx", $"/api/v1/units/{police}/target-table.docx",
            $"/api/v1/evaluations/{policeEvaluation}/sheet.xlsx", $"/api/v1/evaluations/{policeEvaluation}/report.docx",
            $"/api/v1/evaluations/{policeEvaluation}/report.pdf", "/api/v1/units/999999/target-table.xlsx", "/api/v1/evaluations/999999/report.docx",
        })
        {
            var response = await zfw.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }

        var gaj = await app.LoginAsync("gaj");
        (await gaj.GetAsync($"/api/v1/units/{xinjian}/target-table.docx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await gaj.GetAsync($"/api/v1/evaluations/{xinjianEvaluation}/report.docx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The expert reads the evaluations assigned to them, also of units not linked to them.
        var expert = await app.LoginAsync("zhuanjia");
        (await expert.GetAsync($"/api/v1/evaluations/{xinjianEvaluation}/report.docx")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await anonymous.GetAsync($"/api/v1/evaluations/{policeEvaluation}/report.docx")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
