using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.App.Evaluations;
using Jixiao.App.Reviews;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Reviews;
using Jixiao.Reporting.Evaluations;
using Jixiao.Reporting.Pdf;
using Jixiao.Reporting.Reports;
using Jixiao.Reporting.Reviews;
using Jixiao.Reporting.TargetTables;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Downloads;

/// <summary>
/// A generated file: its bytes, MIME type and the (Chinese) name the browser saves it under. Names come from project and
/// unit names, which anyone who imports a table writes: <see cref="FileName"/> is always <see cref="SafeFileName"/> of the
/// name given. The host sends it as <c>filename*=UTF-8''…</c> (RFC 5987), with an ASCII <c>filename</c> beside it.
/// </summary>
public sealed record FileDownload(byte[] Content, string ContentType, string FileName)
{
    public const int MaxNameLength = 150;

    public string FileName { get; } = SafeFileName(FileName);

    /// <summary>
    /// A name every system can save: without the characters Windows forbids (&lt; &gt; : " / \ | ? *), control and
    /// invisible formatting characters (a right-to-left override would show "报告\u202Excod.exe" as "报告exe.docx"), with runs of
    /// white space as one space, no leading or trailing dots or spaces, at most <see cref="MaxNameLength"/> characters
    /// (the extension kept). Chinese stays as it is.
    /// </summary>
    public static string SafeFileName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var kept = new System.Text.StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is '<' or '>' or ':' or '"' or '/' or '\\' or '|' or '?' or '*' || char.IsControl(c)
                || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format)
            {
                continue;
            }

            kept.Append(char.IsWhiteSpace(c) ? ' ' : c);
        }

        var safe = System.Text.RegularExpressions.Regex.Replace(kept.ToString(), " {2,}", " ").Trim(' ', '.');
        var extension = Path.GetExtension(safe);
        var stem = safe[..^extension.Length].Trim(' ', '.');
        if (stem.Length == 0)
        {
            stem = "下载";
        }

        if (stem.Length + extension.Length > MaxNameLength)
        {
            stem = stem[..Math.Max(1, MaxNameLength - extension.Length)];
            // Never cut a surrogate pair in half.
            if (char.IsHighSurrogate(stem[^1]))
            {
                stem = stem[..^1];
            }
        }

        return stem + extension;
    }
}

/// <summary>
/// The files a user can download: the review workbook (审核意见表) of a project, a unit or everything in scope; an
/// evaluation's sheet (.xlsx) and report (.docx, .pdf); a unit's 项目支出绩效目标表 (.xlsx, .docx). Every one is
/// generated from the store as it is now and goes through <see cref="AccessScope"/>: an id outside the user's scope
/// finds nothing (404), exactly like a missing one.
/// </summary>
public static class Downloads
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Pdf = "application/pdf";

    /// <summary>The message shown when the server cannot print PDF (no Chromium installed).</summary>
    public const string NoChromium = "服务器上没有安装 Chromium，无法生成 PDF。请先下载 Word 版（.docx），或请管理员安装 chromium 后再试。";

    /// <summary>审核意见表 of one project, one unit, or (both null) every unit in the user's scope.</summary>
    public static Task<(Outcome Outcome, FileDownload? File)> ReviewWorkbookAsync(JixiaoDbContext db, AccessScope scope,
        int? unitId, int? projectId, CancellationToken cancellationToken = default) =>
        ReviewWorkbookAsync(db, scope, unitId, projectId, null, cancellationToken);

    /// <param name="gate">
    /// Admits a unit's or the whole scope's workbook (one project's is cheap and always made); without one (the CLI) only
    /// the size bound of <see cref="WorkbookLimits.MaxProjects"/> applies.
    /// </param>
    public static async Task<(Outcome Outcome, FileDownload? File)> ReviewWorkbookAsync(JixiaoDbContext db, AccessScope scope,
        int? unitId, int? projectId, WorkbookGate? gate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var query = scope.Visible(db.Projects.AsNoTracking());
        if (projectId is { } p)
        {
            query = query.Where(x => x.Id == p);
        }

        if (unitId is { } u)
        {
            query = query.Where(x => x.UnitId == u);
        }

        IDisposable? lease = null;
        if (projectId is null)
        {
            if (unitId is { } id && !await scope.Visible(db.Units).AnyAsync(x => x.Id == id, cancellationToken))
            {
                return (new Outcome.NotFound($"找不到单位 {unitId}。"), null);
            }

            // Counted before anything is loaded: a city's 46,000 projects took 30 s and 17.7 MB as one workbook.
            var max = gate?.Limits.MaxProjects ?? new WorkbookLimits().MaxProjects;
            var count = await query.CountAsync(cancellationToken);
            if (count > max)
            {
                return (new Outcome.Invalid($"{(unitId is null ? "可见范围内" : "该单位")}有 {count:N0} 个项目，一份审核意见表最多 {max:N0} 个项目。"
                    + (unitId is null ? "请在“目标审核”页按单位下载。" : "请按项目下载，或请管理员调高上限（Jixiao:Downloads:WorkbookProjects）。")), null);
            }

            if (gate is not null)
            {
                (lease, var refused) = gate.Enter(scope.UserId);
                if (refused is not null)
                {
                    return (refused, null);
                }
            }
        }

        using var admitted = lease;
        var projects = await query.Include(x => x.Unit).Include(x => x.Indicators).OrderBy(x => x.UnitId).ThenBy(x => x.Id).ToListAsync(cancellationToken);
        if (projects.Count == 0 && projectId is not null)
        {
            return (new Outcome.NotFound($"找不到项目 {projectId}。"), null);
        }

        var budgetUnits = ToBudgetUnits(projects);
        var report = ReviewEngine.Default.Review(budgetUnits);
        // The domain projects are made here, in the entities' order: the writer finds each one's decision by reference.
        var decisions = await ReviewDecisions.ForAsync(db, query, cancellationToken);
        var decisionOf = new Dictionary<Project, ReviewDecision>(ReferenceEqualityComparer.Instance);
        foreach (var (entity, domain) in projects.GroupBy(x => x.UnitId).SelectMany(g => g).Zip(budgetUnits.SelectMany(u => u.Projects)))
        {
            if (decisions.TryGetValue(entity.Id, out var decision))
            {
                decisionOf[domain] = decision;
            }
        }

        using var output = new MemoryStream();
        ReviewWorkbookWriter.Write(report, output, p => decisionOf.GetValueOrDefault(p));
        var name = projectId is not null ? projects[0].Name
            : unitId is not null ? projects.FirstOrDefault()?.Unit?.Name ?? (await db.Units.FindAsync([unitId], cancellationToken))!.Name
            : "全部项目";
        return (Outcome.Ok, new FileDownload(output.ToArray(), Xlsx, $"{name}-审核意见表.xlsx"));
    }

    /// <summary>项目支出绩效目标表 of one unit as .xlsx or .docx.</summary>
    public static async Task<(Outcome Outcome, FileDownload? File)> TargetTableAsync(JixiaoDbContext db, AccessScope scope, int unitId, bool word,
        CancellationToken cancellationToken = default)
    {
        var unit = await scope.Visible(db.Units.AsNoTracking()).SingleOrDefaultAsync(u => u.Id == unitId, cancellationToken);
        if (unit is null)
        {
            return (new Outcome.NotFound($"找不到单位 {unitId}。"), null);
        }

        var projects = await db.Projects.AsNoTracking().Where(p => p.UnitId == unitId).Include(p => p.Unit).Include(p => p.Indicators)
            .OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var budgetUnit = ToBudgetUnits(projects).SingleOrDefault() ?? new BudgetUnit(unit.Name, unit.Department, null, []);
        budgetUnit = budgetUnit with { StatedTotal = unit.StatedTotalFen is { } fen ? Money.FromFen(fen, MoneyUnit.WanYuan).Amount : null };
        using var output = new MemoryStream();
        if (word)
        {
            TargetTableDocxWriter.Write([budgetUnit], TargetTableOptions.Default with { Department = unit.Department }, output);
        }
        else
        {
            TargetTableXlsxWriter.Write(output, unit.Department, MoneyUnit.WanYuan, budgetUnit.StatedTotal, [budgetUnit]);
        }

        return (Outcome.Ok, new FileDownload(output.ToArray(), word ? Docx : Xlsx, $"{unit.Name}-项目支出绩效目标表.{(word ? "docx" : "xlsx")}"));
    }

    /// <summary>The evaluation sheet (评价表) as .xlsx, as it stands (also while being scored).</summary>
    public static async Task<(Outcome Outcome, FileDownload? File)> EvaluationSheetAsync(JixiaoDbContext db, AccessScope scope, int id,
        CancellationToken cancellationToken = default)
    {
        var view = await EvaluationSheets.GetAsync(db, scope, id, cancellationToken);
        if (view is null)
        {
            return (new Outcome.NotFound($"找不到评价 {id}。"), null);
        }

        using var output = new MemoryStream();
        EvaluationSheetXlsxWriter.Write(view.Sheet, output);
        return (Outcome.Ok, new FileDownload(output.ToArray(), Xlsx, $"{view.Evaluation.Project!.Name}-{view.Evaluation.Kind.Chinese()}评价表.xlsx"));
    }

    /// <summary>
    /// The 绩效评价报告 (自评报告 for a 单位自评) of a scored evaluation as .docx or .pdf. An evaluation without a total
    /// answers 409: the report states the total and grade, so it needs them.
    /// </summary>
    public static async Task<(Outcome Outcome, FileDownload? File)> ReportAsync(JixiaoDbContext db, AccessScope scope, int id, bool pdf,
        ChromiumPdfPrinter? printer = null, CancellationToken cancellationToken = default)
    {
        var view = await EvaluationSheets.GetAsync(db, scope, id, cancellationToken);
        if (view is null)
        {
            return (new Outcome.NotFound($"找不到评价 {id}。"), null);
        }

        if (!IsScored(view.Scored))
        {
            return (new Outcome.Conflict("该评价还没有总分，或评价表还有错误（有指标未填写或未评分），暂不能生成评价报告。请先填完评价表。"), null);
        }

        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == view.Evaluation.Project!.UnitId, cancellationToken);
        var stored = Evaluations.ReportTexts.Of(view.Evaluation);
        var texts = stored with { Unit = stored.Unit ?? unit.Name, Department = stored.Department ?? unit.Department ?? unit.Name };
        var model = EvaluationReportMapper.From(view.Scored, texts) with { Evidence = await Evidence.EvidenceList.ForReportAsync(db, id, cancellationToken) };
        var title = view.Sheet.Kind == EvaluationKind.SelfEvaluation ? "绩效自评报告" : "绩效评价报告";
        var name = $"{view.Evaluation.Project!.Name}-{title}";
        using var output = new MemoryStream();
        if (!pdf)
        {
            EvaluationReportWriter.WriteDocx(model, output);
            return (Outcome.Ok, new FileDownload(output.ToArray(), Docx, name + ".docx"));
        }

        printer ??= ChromiumPdfPrinter.Default;
        if (!printer.IsAvailable)
        {
            return (new Outcome.Unavailable(NoChromium), null);
        }

        try
        {
            await EvaluationReportWriter.WritePdfAsync(model, output, cancellationToken, printer);
        }
        catch (PdfPrintException e)
        {
            return (new Outcome.Unavailable($"生成 PDF 失败：{e.Message} 请先下载 Word 版（.docx）。"), null);
        }

        return (Outcome.Ok, new FileDownload(output.ToArray(), Pdf, name + ".pdf"));
    }

    /// <summary>Every line is scored without errors (so the total and grade stand): the report can be written.</summary>
    /// <remarks>The rule of locking: a total and a grade, and no error finding (a line without its actual, an unrated 定性 line, a bad formula).</remarks>
    public static bool IsScored(ScoredEvaluation scored) =>
        scored.Total is not null && scored.Grade is not null && scored.Items.All(i => i.Score is not null)
        && !scored.Findings.Any(f => f.Severity == Domain.Diagnostics.Severity.Error);

    private static List<BudgetUnit> ToBudgetUnits(IEnumerable<ProjectEntity> projects) =>
        projects.GroupBy(p => p.UnitId)
            .Select(g => new BudgetUnit(g.First().Unit!.Name, g.First().Unit!.Department, null, g.Select(EvaluationSheets.ToDomain).ToList()))
            .ToList();
}
