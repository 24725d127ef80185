using Jixiao.App.Auth;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.ResultUse;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.ResultUse;

/// <summary>
/// One evaluated project's 结果应用 (money in 分): the total and grade of its latest locked evaluation, this year's
/// budget, next year's request (<see cref="RequestSource"/> "entered", "matched" from next year's imported table, or
/// null), the advice by the district's rules with the rule it cites (<see cref="AdvisedRule"/>, e.g. 持续性项目评价为“中”：
/// 压减 10%), the finding RES101, finance's decision, and the row's <see cref="Version"/> (0 before its first change).
/// </summary>
public sealed record ResultUseRow(int ProjectId, string ProjectName, int UnitId, string UnitName, int EvaluationId, decimal? EvaluationTotal,
    string Grade, long? BudgetFen, long? RequestFen, string? RequestSource, int? MatchedProjectId, bool OneOff, string? AdvisedAction,
    string? AdvisedWording, string? AdvisedRule, long? AdvisedFen, string? Finding, string? DecidedAction, long? DecidedFen, string? DecisionReason, string? DecidedBy, DateTimeOffset? DecidedAt, long Version,
    bool CanDecide);

public sealed record ResultUseView(int Year, string District, string? Source, IReadOnlyList<ResultUseRow> Rows);

/// <summary>
/// 结果应用 of a 预算年度 in the user's scope: every project of that year with a locked, graded evaluation. A request
/// not entered is read from next year's imported target table: the project of next year with the same 项目编码 (a
/// renamed project still matches; a code held by two of next year's projects matches none), else the one of the same
/// unit with the same name (a name held by two of them matches none).
/// </summary>
public static class ResultUseYear
{
    public static async Task<ResultUseView> RunAsync(JixiaoDbContext db, AccessScope scope, ResultUseRules rules, int year,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(rules);
        var projects = await scope.Visible(db.Projects.AsNoTracking()).Where(p => p.FiscalYear == year)
            .Select(p => new
            {
                p.Id, p.Name, p.Code, p.UnitId, UnitName = p.Unit!.Name, p.TotalFen,
                Evaluation = db.Evaluations.Where(e => e.ProjectId == p.Id && e.Status == EvaluationStatus.Locked && e.Grade != null)
                    .OrderByDescending(e => e.Id).Select(e => new { e.Id, e.Total, e.Grade }).FirstOrDefault(),
            })
            .Where(p => p.Evaluation != null)
            .OrderBy(p => p.UnitName).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);
        var ids = projects.Select(p => p.Id).ToList();
        var units = projects.Select(p => p.UnitId).Distinct().ToList();
        var stored = await db.ResultUses.AsNoTracking().Where(r => ids.Contains(r.ProjectId)).ToDictionaryAsync(r => r.ProjectId, cancellationToken);
        var codes = projects.Where(p => p.Code != null).Select(p => p.Code!).Distinct().ToList();
        // Next year's projects of the same units, and those the user sees that carry one of this year's codes: a code is
        // the 项目库's, not the unit's.
        var next = await scope.Visible(db.Projects.AsNoTracking()).Where(p => p.FiscalYear == year + 1 && (units.Contains(p.UnitId) || (p.Code != null && codes.Contains(p.Code))))
            .Select(p => new { p.Id, p.UnitId, p.Name, p.Code, p.TotalFen }).ToListAsync(cancellationToken);
        var nextYear = next.Where(p => units.Contains(p.UnitId))
            .GroupBy(p => (p.UnitId, Name: p.Name.Trim())).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single());
        var nextByCode = next.Where(p => p.Code != null).GroupBy(p => p.Code!).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);

        var rows = projects.Select(p =>
        {
            var use = stored.GetValueOrDefault(p.Id);
            var match = (p.Code is { } code ? nextByCode.GetValueOrDefault(code) : null) ?? nextYear.GetValueOrDefault((p.UnitId, p.Name.Trim()));
            var (request, source) = use?.RequestFen is { } entered ? (entered, "entered")
                : match is not null ? (match.TotalFen, "matched") : ((long?)null, (string?)null);
            var oneOff = use?.OneOff ?? false;
            var advice = ResultUseAdvice.Advise(rules, year, p.Evaluation!.Grade, oneOff, p.TotalFen, request);
            return new ResultUseRow(p.Id, p.Name, p.UnitId, p.UnitName, p.Evaluation.Id, p.Evaluation.Total, p.Evaluation.Grade!, p.TotalFen, request,
                source, source == "matched" ? match!.Id : null, oneOff, advice.Rule?.Action.Name(), advice.Rule?.Wording,
                advice.Rule is { } rule ? Cited(rule, p.Evaluation.Grade!, oneOff) : null, advice.AdvisedFen, advice.Finding,
                use?.DecidedAction?.Name(), use?.DecidedFen, use?.DecisionReason, use?.DecidedBy, use?.DecidedAt, use?.Version ?? 0,
                scope.MayReview(p.UnitId));
        }).ToList();
        return new ResultUseView(year, rules.District, rules.For(year)?.Source, rows);
    }

    /// <summary>The 预算年度 that have a project in the user's scope with a locked, graded evaluation, newest first.</summary>
    public static async Task<IReadOnlyList<int>> YearsAsync(JixiaoDbContext db, AccessScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        return await scope.Visible(db.Projects.AsNoTracking())
            .Where(p => p.FiscalYear != null && db.Evaluations.Any(e => e.ProjectId == p.Id && e.Status == EvaluationStatus.Locked && e.Grade != null))
            .Select(p => p.FiscalYear!.Value).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);
    }

    /// <summary>The rule a row's advice comes from, as it is cited: the kind of project, the grade and the rule's wording.</summary>
    public static string Cited(ResultUseRule rule, string grade, bool oneOff)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return $"{(oneOff ? "一次性项目" : "持续性项目")}评价为“{grade}”：{rule.Wording}";
    }
}
