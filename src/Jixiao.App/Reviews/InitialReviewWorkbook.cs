using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.App.Downloads;
using Jixiao.Data;
using Jixiao.Domain.Reviews.Rulebooks;
using Jixiao.Reporting.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Reviews;

/// <summary>
/// The 初审表 of a unit's projects (of one 预算年度, or all) in the reviewer's columns — 项目编码, 审核人, 审核日期,
/// 完整性审核, 可测性审核, 可行性审核, 初审小结, then 项目名称, 申请单位, 待人工确认 — with the 审核口径 used on its
/// second sheet (<see cref="InitialReviewWorkbookWriter"/>, as `jixiao review --rules … --xlsx` writes it). The projects
/// must share one rulebook: under the product's own rules there is no 初审表, and projects under different rulebooks
/// are asked for by year; nothing is left out silently.
/// </summary>
public static class InitialReviewWorkbook
{
    public static async Task<(Outcome Outcome, FileDownload? File)> RunAsync(JixiaoDbContext db, AccessScope scope, int unitId, int? fiscalYear,
        WorkbookGate? gate = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var unit = await scope.Visible(db.Units.AsNoTracking()).SingleOrDefaultAsync(u => u.Id == unitId, cancellationToken);
        if (unit is null)
        {
            return (new Outcome.NotFound($"找不到单位 {unitId}。"), null);
        }

        var query = scope.Visible(db.Projects.AsNoTracking()).Where(p => p.UnitId == unitId);
        if (fiscalYear is { } year)
        {
            query = query.Where(p => p.FiscalYear == year);
        }

        var max = gate?.Limits.MaxProjects ?? new WorkbookLimits().MaxProjects;
        var count = await query.CountAsync(cancellationToken);
        var years = fiscalYear is { } y ? $"{y} 年度" : "";
        if (count == 0)
        {
            return (new Outcome.NotFound($"{unit.Name}没有{years}项目。"), null);
        }

        if (count > max)
        {
            return (new Outcome.Invalid($"该单位有 {count:N0} 个{years}项目，一份初审表最多 {max:N0} 个项目，请按年度下载。"), null);
        }

        var choices = await RulebookInForce.LoadAsync(db, cancellationToken);
        var inForce = (await query.Select(p => p.FiscalYear).Distinct().ToListAsync(cancellationToken))
            .Select(year => (Year: year, InUse: RulebookInForce.For(choices, unitId, year))).ToList();
        var used = inForce.GroupBy(x => (x.InUse.Key, x.InUse.Choice?.Id)).ToList();
        if (used.Count > 1)
        {
            return (new Outcome.Invalid($"{unit.Name}的项目按年度使用不同的审核规则（"
                + string.Join("；", used.Select(g => $"{string.Join("、", g.Select(x => x.Year is { } v ? $"{v} 年度" : "未注明年度"))}：{g.First().InUse.Title}"))
                + "），请按年度下载初审表。"), null);
        }

        var inUse = inForce[0].InUse;
        if (inUse.Rulebook is not { } rulebook)
        {
            return (new Outcome.Invalid(inUse.Problem ?? $"{unit.Name}{years}的项目使用{RulebookFiles.DefaultTitle}，没有审核口径，因此没有初审表；请先在“审核”页为该单位选择审核口径（如宝安区审核口径）。"), null);
        }

        IDisposable? lease = null;
        if (gate is not null)
        {
            (lease, var refused) = gate.Enter(scope.UserId);
            if (refused is not null)
            {
                return (refused, null);
            }
        }

        using var admitted = lease;
        var projects = await query.Include(p => p.Unit).Include(p => p.Indicators).OrderBy(p => p.Id).AsSplitQuery().ToListAsync(cancellationToken);
        var reviews = new List<RulebookProjectReview>(projects.Count);
        foreach (var project in projects)
        {
            var view = InitialReview.Of(project, inUse);
            if (view.Review is null)
            {
                return (new Outcome.Invalid(view.Problem ?? "审核口径无法运行。"), null);
            }

            reviews.Add(view.Review);
        }

        using var output = new MemoryStream();
        InitialReviewWorkbookWriter.Write(rulebook, reviews, output);
        return (Outcome.Ok, new FileDownload(output.ToArray(), Downloads.Downloads.Xlsx, $"{unit.Name}{(fiscalYear is { } fy ? $"-{fy}年度" : "")}-初审表.xlsx"));
    }
}
