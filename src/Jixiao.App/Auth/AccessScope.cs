using Jixiao.Data.Entities;

namespace Jixiao.App.Auth;

/// <summary>
/// What the current user may see and do, computed once per request from their roles and unit links. Every query and
/// use case goes through it, so a forged id in a URL or API call finds nothing (404) or is refused (403).
/// </summary>
public sealed record AccessScope(string UserId, string DisplayName, IReadOnlySet<string> Roles, int[] UnitIds)
{
    public bool IsAdmin => Roles.Contains(Auth.Roles.Admin);
    public bool IsFiller => Roles.Contains(Auth.Roles.Filler);
    public bool IsReviewer => Roles.Contains(Auth.Roles.Reviewer);
    public bool IsExpert => Roles.Contains(Auth.Roles.Expert);

    public IQueryable<ProjectEntity> Visible(IQueryable<ProjectEntity> projects) =>
        IsAdmin ? projects : projects.Where(p => UnitIds.Contains(p.UnitId));

    public IQueryable<UnitEntity> Visible(IQueryable<UnitEntity> units) =>
        IsAdmin ? units : units.Where(u => UnitIds.Contains(u.Id));

    /// <summary>The evaluations of the user's units, and those assigned to them as 评价专家.</summary>
    public IQueryable<EvaluationEntity> Visible(IQueryable<EvaluationEntity> evaluations) =>
        IsAdmin ? evaluations : evaluations.Where(e => UnitIds.Contains(e.Project!.UnitId) || e.AssignedExpertId == UserId);

    public bool Sees(int unitId) => IsAdmin || UnitIds.Contains(unitId);

    /// <summary>The unit's own clerk (or an admin) edits targets while the project is a draft or was returned.</summary>
    public bool MayEditTargets(int unitId) => IsAdmin || (IsFiller && UnitIds.Contains(unitId));

    /// <summary>The unit's own clerk (or an admin) submits.</summary>
    public bool MaySubmit(int unitId) => MayEditTargets(unitId);

    /// <summary>A reviewer of an overseen unit (or an admin) returns or approves.</summary>
    public bool MayReview(int unitId) => IsAdmin || (IsReviewer && UnitIds.Contains(unitId));

    public bool MayImport => IsAdmin || IsFiller;

    /// <summary>运行监控 entries of the user's units (an admin: all).</summary>
    public IQueryable<MonitoringEntryEntity> Visible(IQueryable<MonitoringEntryEntity> entries) =>
        IsAdmin ? entries : entries.Where(e => UnitIds.Contains(e.Project!.UnitId));

    /// <summary>Rounds with a project of the user's units, and the rounds they opened (an admin: all).</summary>
    public IQueryable<MonitoringRoundEntity> Visible(IQueryable<MonitoringRoundEntity> rounds) =>
        IsAdmin ? rounds : rounds.Where(r => r.OpenedById == UserId || r.Entries.Any(e => UnitIds.Contains(e.Project!.UnitId)));

    /// <summary>An admin (finance) opens a monitoring round for any units; a department reviewer for the units it oversees.</summary>
    public bool MayOpenMonitoring => IsAdmin || IsReviewer;

    /// <summary>Only the unit's own clerk fills its 监控表 (issue 18: units fill, departments and finance review).</summary>
    public bool MayFillMonitoring(int unitId) => IsFiller && UnitIds.Contains(unitId);

    /// <summary>自评复核 batches are uploaded and decided on by a 主管部门/财政审核人 or an admin (docs/recheck.md).</summary>
    public bool MayRecheck => IsAdmin || IsReviewer;

    /// <summary>复核批次 the user uploaded (an admin: all). The documents are not linked to the store's units, so ownership is what counts.</summary>
    public IQueryable<RecheckBatchEntity> Visible(IQueryable<RecheckBatchEntity> batches) =>
        IsAdmin ? batches : batches.Where(b => b.OwnerId == UserId);

    public string RoleNames => string.Join("、", Auth.Roles.All.Where(Roles.Contains));
}
