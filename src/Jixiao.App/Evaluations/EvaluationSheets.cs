using Jixiao.App.Auth;
using Jixiao.App.Projects;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Evaluations;

/// <summary>An evaluation with its sheet scored now, and what the user may do with it.</summary>
public sealed record EvaluationView(EvaluationEntity Evaluation, EvaluationSheet Sheet, ScoredEvaluation Scored, bool CanEdit, string? ExpertName);

/// <summary>
/// A line's change (<see cref="LineChange"/>: null leaves a field, "" clears it) with the evaluation's
/// <see cref="Version"/> as the user read it. <see cref="ChangeReason"/> is written to the audit line, not to the sheet.
/// </summary>
public sealed record EditLineRequest(string? Actual, string? Rating, decimal? Percent, decimal? Score, string? Reason, long Version,
    string? Formula = null, string? Inputs = null, string? Deductions = null, string? FormulaReason = null, string? ChangeReason = null)
{
    public LineChange Change => new(Actual, Rating, Percent, Score, Reason, Formula, Inputs, Deductions, FormulaReason, ChangeReason);
}

/// <summary>
/// 评价: what the use cases share — which evaluations a user sees and may score or start, one evaluation as the sheet
/// page shows it (scored now by Jixiao.Domain.Evaluations.Scorer), the experts. The use cases themselves:
/// <see cref="CreateEvaluation"/>, <see cref="EditLine"/>, <see cref="LockEvaluation"/>.
/// </summary>
public static class EvaluationSheets
{
    public static IQueryable<EvaluationEntity> Visible(JixiaoDbContext db, AccessScope scope) =>
        scope.Visible(db.Evaluations);

    public static bool MayEdit(AccessScope scope, EvaluationEntity evaluation, int unitId) =>
        evaluation.Status == EvaluationStatus.Draft
        && (scope.IsAdmin
            || (scope.IsExpert && evaluation.AssignedExpertId == scope.UserId)
            || (evaluation.Kind == EvaluationKind.SelfEvaluation && scope.MayEditTargets(unitId)));

    public static bool MayCreate(AccessScope scope, int unitId, EvaluationKind kind) =>
        kind == EvaluationKind.SelfEvaluation ? scope.MayEditTargets(unitId) : scope.IsAdmin || (scope.IsReviewer && scope.Sees(unitId));

    public static async Task<EvaluationView?> GetAsync(JixiaoDbContext db, AccessScope scope, int id, CancellationToken cancellationToken = default)
    {
        var evaluation = await Visible(db, scope).AsNoTracking().Include(e => e.Project).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        return evaluation is null ? null : await ViewAsync(db, scope, evaluation, cancellationToken);
    }

    public static async Task<IReadOnlyList<(string Id, string Name)>> ExpertsAsync(JixiaoDbContext db, CancellationToken cancellationToken = default) =>
        (await (from user in db.Users
                join link in db.UserRoles on user.Id equals link.UserId
                join role in db.Roles on link.RoleId equals role.Id
                where role.Name == Roles.Expert
                orderby user.DisplayName
                select new { user.Id, user.DisplayName }).ToListAsync(cancellationToken))
            .Select(u => (u.Id, u.DisplayName)).ToList();

    /// <summary>
    /// Keeps the 预算执行率 of evaluations scored before migration 0011, which kept none (locked ones are never scored
    /// again): reads each such sheet and writes the value with a plain UPDATE. It is derived from the sheet, not a
    /// change anyone made, so the version stays (no open form goes stale) and no audit line is written. Sheets without
    /// such a line stay null and are read again at the next start. Returns how many were filled.
    /// </summary>
    public static async Task<int> FillBudgetExecutionAsync(JixiaoDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var missing = await db.Evaluations.AsNoTracking().Where(e => e.BudgetExecution == null)
            .Select(e => new { e.Id, e.SheetJson }).ToListAsync(cancellationToken);
        var filled = 0;
        foreach (var evaluation in missing)
        {
            if (EvaluationSheetJson.Read(evaluation.SheetJson, $"evaluation-{evaluation.Id}.json").Sheet is { } sheet
                && Round(Scorer.Score(sheet).BudgetExecution) is { } value)
            {
                await db.Database.ExecuteSqlAsync($"UPDATE evaluations SET \"BudgetExecution\" = {value} WHERE \"Id\" = {evaluation.Id}",
                    cancellationToken);
                filled++;
            }
        }

        return filled;
    }

    /// <summary>A percent as the store keeps it (2 decimals).</summary>
    public static decimal? Round(decimal? percent) => percent is { } p ? Math.Round(p, 2, MidpointRounding.AwayFromZero) : null;

    public static EvaluationSheet Read(EvaluationEntity evaluation) =>
        EvaluationSheetJson.Read(evaluation.SheetJson, $"evaluation-{evaluation.Id}.json").Sheet
        ?? throw new InvalidOperationException($"Stored evaluation {evaluation.Id} does not read back.");

    /// <summary>The domain project of a stored one, for <see cref="EvaluationTemplates.FromProject"/>.</summary>
    public static Project ToDomain(ProjectEntity project) => StoredProjects.ToDomain(project);

    /// <summary>"显示名（用户名）" of a user in the expert role, as the assignment's audit line names them; null for anyone else.</summary>
    internal static async Task<string?> ExpertNameAsync(JixiaoDbContext db, string userId, CancellationToken cancellationToken) =>
        await (from user in db.Users
               join link in db.UserRoles on user.Id equals link.UserId
               join role in db.Roles on link.RoleId equals role.Id
               where user.Id == userId && role.Name == Roles.Expert
               select user.DisplayName + "（" + user.UserName + "）").FirstOrDefaultAsync(cancellationToken);

    internal static async Task<EvaluationView> ViewAsync(JixiaoDbContext db, AccessScope scope, EvaluationEntity evaluation, CancellationToken cancellationToken)
    {
        var sheet = Read(evaluation);
        var expert = evaluation.AssignedExpertId is null
            ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == evaluation.AssignedExpertId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        return new EvaluationView(evaluation, sheet, Scorer.Score(sheet), MayEdit(scope, evaluation, evaluation.Project!.UnitId), expert);
    }
}
