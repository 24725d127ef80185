using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Reviews.Rulebooks;
using Jixiao.Import.Reading;
using Jixiao.Reporting.Reviews;
using Cell = DocumentFormat.OpenXml.Spreadsheet.Cell;

namespace Jixiao.Web.Tests;

/// <summary>The web app with the Baoan 项目库 export (146 projects, 29 units) uploaded and confirmed by the admin, one per provider.</summary>
public sealed class BaoanApps : IDisposable
{
    private readonly Dictionary<string, TestApp> _apps = [];
    private readonly Lock _lock = new();

    public static string Root { get; } = RepoRoot();

    public static string Docs { get; } = Path.Combine(Root, "tests", "Jixiao.Import.Tests", "Corpus", "docs");

    public static string Export => Path.Combine(Docs, "01-targets-baoan-export.xlsx");

    /// <summary>The export as the reader reads it: what the store must give back.</summary>
    public static IReadOnlyList<BudgetUnit> Read { get; } = TargetsFromReading.Import(Export).Units;

    public TestApp Get(string provider)
    {
        lock (_lock)
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                app = new TestApp(provider, seed: false);
                ImportAsync(app).GetAwaiter().GetResult();
                _apps[provider] = app;
            }

            return app;
        }
    }

    private static async Task ImportAsync(TestApp app)
    {
        var admin = await app.LoginAsync("admin");
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(Export)), "file", "01-targets-baoan-export.xlsx");
        var upload = await admin.PostAsync("/api/v1/imports", form);
        upload.StatusCode.ShouldBe(HttpStatusCode.OK);
        var preview = JsonSerializer.Deserialize<JsonElement>(await upload.Content.ReadAsStringAsync());
        preview.GetProperty("projects").GetInt32().ShouldBe(146);
        var confirm = await admin.PostAsync($"/api/v1/imports/{preview.GetProperty("id").GetInt32()}/confirm", null);
        confirm.StatusCode.ShouldBe(HttpStatusCode.OK, await confirm.Content.ReadAsStringAsync());
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Jixiao.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Jixiao.slnx not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        foreach (var app in _apps.Values)
        {
            app.Dispose();
        }
    }
}

/// <summary>
/// What reviewers read (issue 17), through the real upload, the store and the API, on both databases: every field of the
/// Baoan export comes back as the reader read it, the 宝安 审核口径 says of the stored projects exactly what it says of the
/// file, and the exports that show a project carry the fields.
/// </summary>
public sealed class ReviewerFieldsTests(BaoanApps apps) : IClassFixture<BaoanApps>
{
    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    private static long? Fen(decimal? wanYuan) => wanYuan is { } w ? new Money(w, MoneyUnit.WanYuan).ToFen() : null;

    private static string? Text(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();

    /// <summary>The stored projects by 项目编码 (unique in the export; names are not: 146 projects, 138 names), as GET /api/v1/projects/{id} gives them.</summary>
    private static async Task<Dictionary<string, JsonElement>> StoredAsync(HttpClient admin)
    {
        var list = await JsonOf(await admin.GetAsync("/api/v1/projects?pageSize=200"));
        list.GetProperty("total").GetInt32().ShouldBe(146);
        var stored = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var item in list.GetProperty("items").EnumerateArray())
        {
            var project = await JsonOf(await admin.GetAsync($"/api/v1/projects/{item.GetProperty("id").GetInt32()}"));
            stored.Add(project.GetProperty("code").GetString()!, project);
        }

        return stored;
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Every_field_reviewers_read_comes_back_from_the_store_as_the_export_has_it(string provider)
    {
        var admin = await apps.Get(provider).LoginAsync("admin");
        var stored = await StoredAsync(admin);

        // One project written out, as `jixiao parse --json` shows it.
        var first = stored["440306231391500000173"];
        first.GetProperty("name").GetString().ShouldBe("政府购买服务(专业技术服务类社区工作站管理经费)花果山社区工作站");
        first.GetProperty("unitName").GetString().ShouldBe("深圳市宝安区松岗街道办事处(本级)");
        first.GetProperty("amounts").GetProperty("totalFen").GetInt64().ShouldBe(300_000L, "本年金额 0.3 万元");
        first.GetProperty("amounts").GetProperty("periodTotalFen").GetInt64().ShouldBe(900_000L, "项目总金额 0.9 万元");
        first.GetProperty("goal").GetString().ShouldBe("通过日常服务居民,使得居民问题得到及时解决。");
        Text(first, "policyBasis")!.ShouldStartWith("一、项目背景: 1.社区工作站是政府在社区的服务平台");
        first.GetProperty("indicators")[0].GetProperty("explanation").GetString().ShouldBe("根据物业数量判定");

        var projects = BaoanApps.Read.SelectMany(u => u.Projects).ToList();
        projects.Count.ShouldBe(146);
        foreach (var p in projects)
        {
            var s = stored[p.Code!];
            s.GetProperty("name").GetString().ShouldBe(p.Name);
            Text(s, "policyBasis").ShouldBe(p.PolicyBasis, p.Code);
            Text(s, "costBasis").ShouldBe(p.CostBasis, p.Code);
            s.GetProperty("goal").GetString().ShouldBe(p.Goal.Text, p.Code);
            Text(s, "periodGoal").ShouldBe(p.Goal.PeriodGoal, p.Code);
            var amounts = s.GetProperty("amounts");
            (amounts.GetProperty("totalFen").ValueKind == JsonValueKind.Null ? (long?)null : amounts.GetProperty("totalFen").GetInt64()).ShouldBe(Fen(p.Amounts.Total), p.Code);
            (amounts.GetProperty("periodTotalFen").ValueKind == JsonValueKind.Null ? (long?)null : amounts.GetProperty("periodTotalFen").GetInt64())
                .ShouldBe(Fen(p.Amounts.PeriodTotal), p.Code);
            s.GetProperty("indicators").EnumerateArray().Select(i => (i.GetProperty("name").GetString()!, Text(i, "explanation")))
                .ShouldBe(p.Indicators.Select(i => (i.Name, i.Explanation)), p.Code);
            s.GetProperty("placeholders").EnumerateArray().Select(i => (Text(i, "level2"), i.GetProperty("name").GetString()!, Text(i, "explanation")))
                .ShouldBe((p.Placeholders ?? []).Select(i => (i.Level2Text, i.Name, i.Explanation)), p.Code);
        }

        projects.Count(p => p.PolicyBasis is not null).ShouldBeGreaterThan(100, "the export states a 政策依据 for most projects");
        projects.Sum(p => p.Placeholders?.Count ?? 0).ShouldBe(734, "the 不适用 rows are kept too");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_baoan_rulebook_says_of_the_stored_projects_what_it_says_of_the_file(string provider)
    {
        var app = apps.Get(provider);
        var admin = await app.LoginAsync("admin");
        var choices = await JsonOf(await admin.GetAsync("/api/v1/review-rulebooks"));
        var seen = choices.GetProperty("choices").EnumerateArray().SingleOrDefault(c => c.GetProperty("unitId").ValueKind == JsonValueKind.Null
            && c.GetProperty("fiscalYear").ValueKind == JsonValueKind.Null);
        var chosen = await admin.PutAsJsonAsync("/api/v1/review-rulebooks/choice", new
        {
            unitId = (int?)null, fiscalYear = (int?)null, rulebook = "baoan", reason = "按宝安区审核口径初审",
            version = seen.ValueKind == JsonValueKind.Object ? seen.GetProperty("version").GetInt64() : 0L,
        });
        chosen.StatusCode.ShouldBe(HttpStatusCode.OK, await chosen.Content.ReadAsStringAsync());

        var reviewer = new RulebookReviewer(ReviewRulebook.ForDistrict("宝安")!);
        var expected = BaoanApps.Read.SelectMany(u => u.Projects.Select(p => reviewer.Review(p, u.Name))).ToDictionary(r => r.Project.Code!);
        var list = await JsonOf(await admin.GetAsync("/api/v1/projects?pageSize=200"));
        var compared = 0;
        foreach (var item in list.GetProperty("items").EnumerateArray())
        {
            var initial = await JsonOf(await admin.GetAsync($"/api/v1/projects/{item.GetProperty("id").GetInt32()}/initial-review"));
            initial.GetProperty("byRulebook").GetBoolean().ShouldBeTrue();
            var file = expected[initial.GetProperty("code").GetString()!];
            initial.GetProperty("completeness").GetString().ShouldBe(file.Column(RulebookAspect.Completeness), file.Project.Code);
            initial.GetProperty("measurability").GetString().ShouldBe(file.Column(RulebookAspect.Measurability), file.Project.Code);
            initial.GetProperty("feasibility").GetString().ShouldBe(file.Column(RulebookAspect.Feasibility), file.Project.Code);
            initial.GetProperty("summary").GetString().ShouldBe(file.Summary, file.Project.Code);
            initial.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("text").GetString()).ShouldBe(file.Findings.Select(f => f.Text), file.Project.Code);
            compared++;
        }

        compared.ShouldBe(146);
        // Not vacuous: the file's 初审 sends most projects back, with the district's own wording.
        expected.Values.Count(r => r.Summary.Contains("测算依据不规范", StringComparison.Ordinal)).ShouldBeGreaterThan(100);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task The_units_target_table_and_review_workbook_show_the_fields(string provider)
    {
        var admin = await apps.Get(provider).LoginAsync("admin");
        var stored = (await StoredAsync(admin))["440306231391500000173"];
        var unitId = stored.GetProperty("unitId").GetInt32();

        var xlsx = await admin.GetAsync($"/api/v1/units/{unitId}/target-table.xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        var rows = SheetRows(bytes, "绩效目标表");
        var header = rows.First(r => r.Contains("绩效指标"));
        header.ShouldBe(["项目名称（资金使用单位）", "总计", "财政拨款", "财政专户拨款", "其他资金", "绩效目标", "绩效指标", "项目编码", "项目总金额", "实施期目标", "政策依据", "测算依据", "指标解释"]);
        var row = rows.Single(r => r.Count > 7 && r[7] == "440306231391500000173");
        row[0].ShouldBe(stored.GetProperty("name").GetString());
        row[8].ShouldBe("0.9");
        row[10].ShouldBe(stored.GetProperty("policyBasis").GetString());
        row[12].ShouldStartWith("1、根据物业数量判定；2、");
        // The wider table still reads back as the same projects (the layout's reader takes its columns by their headers).
        var back = TargetsFromReading.ToImportResult(DocumentReader.Read(bytes, "目标表.xlsx"));
        back.Succeeded.ShouldBeTrue(string.Join("；", back.Diagnostics.Select(d => d.Message)));
        back.Projects.Select(p => p.Name).ShouldBe(BaoanApps.Read.Single(u => u.Name == stored.GetProperty("unitName").GetString()).Projects.Select(p => p.Name));

        var docx = await admin.GetAsync($"/api/v1/units/{unitId}/target-table.docx");
        docx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var text = string.Concat(word.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text));
            text.ShouldContain("项目审核信息");
            text.ShouldContain("440306231391500000173");
            text.ShouldContain("根据物业数量判定");
            text.ShouldContain(stored.GetProperty("costBasis").GetString()!);
        }

        var book = await admin.GetAsync($"/api/v1/projects/{stored.GetProperty("id").GetInt32()}/review/workbook");
        book.StatusCode.ShouldBe(HttpStatusCode.OK);
        var summary = SheetRows(await book.Content.ReadAsByteArrayAsync(), "项目汇总");
        summary[0].Skip(11).ShouldBe(["项目编码", "项目总金额（万元）", "年度目标", "实施期目标", "政策依据", "测算依据"]);
        summary[1][11].ShouldBe("440306231391500000173");
        summary[1][12].ShouldBe("0.9");
        summary[1][15].ShouldBe(stored.GetProperty("policyBasis").GetString());
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task A_units_initial_review_sheet_from_the_web_is_the_rulebooks_initial_review_of_its_projects(string provider)
    {
        var admin = await apps.Get(provider).LoginAsync("admin");
        var version = (await JsonOf(await admin.GetAsync("/api/v1/review-rulebooks"))).GetProperty("choices").EnumerateArray()
            .Where(c => c.GetProperty("unitId").ValueKind == JsonValueKind.Null && c.GetProperty("fiscalYear").ValueKind == JsonValueKind.Null)
            .Select(c => c.GetProperty("version").GetInt64()).SingleOrDefault();
        (await admin.PutAsJsonAsync("/api/v1/review-rulebooks/choice", new { unitId = (int?)null, fiscalYear = (int?)null, rulebook = "baoan", reason = "按宝安区审核口径初审", version }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var unit = BaoanApps.Read.OrderByDescending(u => u.Projects.Count).First();
        var unitId = (await JsonOf(await admin.GetAsync("/api/v1/units"))).EnumerateArray().Single(u => u.GetProperty("name").GetString() == unit.Name).GetProperty("id").GetInt32();
        var response = await admin.GetAsync($"/api/v1/units/{unitId}/review/initial.xlsx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var shots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(shots);
        await File.WriteAllBytesAsync(Path.Combine(shots, $"baoan-initial-review-{provider}.xlsx"), bytes);

        var rows = SheetRows(bytes, InitialReviewWorkbookWriter.ResultsSheet);
        rows[0].ShouldBe(InitialReviewWorkbookWriter.ResultColumns);
        var reviewer = new RulebookReviewer(ReviewRulebook.ForDistrict("baoan")!);
        rows.Skip(1).Select(r => r[0]).ShouldBe(unit.Projects.Select(p => p.Code!), "one row per project, in the order of the export");
        foreach (var (row, project) in rows.Skip(1).Zip(unit.Projects))
        {
            var expected = reviewer.Review(project, unit.Name);
            row.Skip(3).Take(4).ShouldBe([expected.Column(RulebookAspect.Completeness), expected.Column(RulebookAspect.Measurability),
                expected.Column(RulebookAspect.Feasibility), expected.Summary], project.Code);
            (row[7], row[8]).ShouldBe((project.Name, unit.Name));
        }

        // The district's reviewer sheet names these same projects by these codes.
        var theirs = SheetRows(await File.ReadAllBytesAsync(Path.Combine(BaoanApps.Docs, "01-targets-baoan-review.xlsx")), "初审结果").Select(r => r[0]).ToHashSet();
        rows.Skip(1).ShouldAllBe(r => theirs.Contains(r[0]));
    }

    /// <summary>A sheet's rows as cell texts (Open XML SDK: shared strings and numbers), cells placed by their references.</summary>
    internal static List<List<string>> SheetRows(byte[] bytes, string sheet)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var id = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!.Value!;
        var rows = new List<List<string>>();
        foreach (var row in ((WorksheetPart)workbook.GetPartById(id)).Worksheet.Descendants<Row>())
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value ?? "");
                while (cells.Count < column)
                {
                    cells.Add("");
                }

                var value = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
                cells.Add(cell.DataType?.Value == CellValues.SharedString ? strings[int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)] : value);
            }

            rows.Add(cells);
        }

        return rows;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = index * 26 + (c - 'A' + 1);
        }

        return Math.Max(0, index - 1);
    }
}
