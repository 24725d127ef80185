using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.App.Evaluations;
using Jixiao.App.Monitoring;
using Jixiao.App.Rectification;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Evidence;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Rectification;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Evidence;

/// <summary>
/// An owner of 佐证材料 found in the user's scope: its project and numbering unit, how it is named in messages and audit
/// lines, the page it is shown on, and whether this user may attach, replace and delete files now (<see cref="Refusal"/>:
/// 403 for a role that may not, 409 for an owner that no longer changes).
/// </summary>
internal sealed record OwnerInScope(EvidenceOwner Owner, int ProjectId, int UnitId, string Label, string GroupName, string PageUrl,
    string? LineName, Outcome? Refusal, EvidenceSubject? Subject = null);

/// <summary>
/// Who sees and who changes the 佐证材料 of an evaluation line, a 纠偏 request and a 整改 task — the same people who see and
/// change the owner: an evaluation's files are seen with the evaluation and changed while it is being scored by its
/// evaluator (the assigned expert, an admin; the unit's clerk for a 单位自评) and by the evaluated unit's clerk, who
/// supplies them; a 纠偏 answer's by the red project's clerk while it is unanswered; a 整改 task's by the responsible
/// unit's clerk (or an admin) while the measures are owed. Outside the scope an owner answers 404 like a missing one.
/// </summary>
internal sealed record EvaluationInScope(EvaluationEntity Evaluation, EvaluationSheet Sheet, Outcome? Refusal);

internal static class EvidenceOwners
{
    public static async Task<(Outcome? NotFound, OwnerInScope? Owner)> FindAsync(JixiaoDbContext db, AccessScope scope, EvidenceOwner owner,
        CancellationToken cancellationToken)
    {
        switch (owner)
        {
            case EvidenceOwner.EvaluationLine line:
            {
                var (notFound, evaluation) = await EvaluationAsync(db, scope, line.EvaluationId, cancellationToken);
                if (evaluation is null)
                {
                    return (notFound, null);
                }

                if (line.Line < 0 || line.Line >= evaluation.Sheet.Indicators.Count)
                {
                    return (new Outcome.NotFound($"评价表没有第 {line.Line + 1} 行。"), null);
                }

                var e = evaluation.Evaluation;
                var indicator = evaluation.Sheet.Indicators[line.Line];
                var subject = line.Subject ?? (indicator.Method == ScoringMethod.Deduction ? EvidenceSubject.Deduction : EvidenceSubject.Actual);
                return (null, new OwnerInScope(line, e.ProjectId, e.Project!.UnitId, $"{e.Kind.Chinese()}第 {line.Line + 1} 行“{indicator.Path}”的{subject.Chinese()}",
                    "本评价", $"/evaluations/{e.Id}#line-{line.Line}", indicator.Path, evaluation.Refusal, subject));
            }

            case EvidenceOwner.Correction correction:
            {
                var found = await CorrectionQueue.Visible(db.MonitoringCorrections.AsNoTracking(), scope).Where(c => c.Id == correction.CorrectionId)
                    .Select(c => new { c.Status, c.ProjectId, c.Project!.UnitId, c.Round!.FiscalYear, c.Round.StartMonth, c.Round.EndMonth })
                    .SingleOrDefaultAsync(cancellationToken);
                if (found is null)
                {
                    return (new Outcome.NotFound($"找不到纠偏事项 {correction.CorrectionId}。"), null);
                }

                Outcome? refusal = !scope.MayFillMonitoring(found.UnitId)
                    ? new Outcome.Forbidden("纠偏答复的佐证材料由项目单位的填报人上传。")
                    : found.Status != CorrectionStatus.Awaiting
                        ? new Outcome.Conflict("该纠偏事项已答复，佐证材料不能再上传、替换或删除。")
                        : null;
                return (null, new OwnerInScope(correction, found.ProjectId, found.UnitId,
                    $"纠偏事项 {correction.CorrectionId}（{found.FiscalYear} 年 {RoundKinds.Months(found.StartMonth, found.EndMonth)}）的答复", "本纠偏事项",
                    $"/monitoring/corrections#correction-{correction.CorrectionId}", null, refusal));
            }

            case EvidenceOwner.Rectification rectification:
            {
                var task = await RectificationTaskList.Visible(db.RectificationTasks.AsNoTracking(), scope).Where(t => t.Id == rectification.TaskId)
                    .Select(t => new { t.Status, t.UnitId, t.ProjectId, ProjectUnitId = t.Project!.UnitId, t.FindingCode }).SingleOrDefaultAsync(cancellationToken);
                if (task is null)
                {
                    return (new Outcome.NotFound($"找不到整改任务 {rectification.TaskId}。"), null);
                }

                Outcome? refusal = !scope.MaySubmit(task.UnitId)
                    ? new Outcome.Forbidden("整改任务的佐证材料由责任单位的填报人上传。")
                    : task.Status switch
                    {
                        RectificationStatus.Pending => null,
                        RectificationStatus.Submitted => new Outcome.Conflict("整改措施已提交、等待验收，佐证材料暂不能更改；如被退回，可重新上传。"),
                        _ => new Outcome.Conflict("该整改任务已验收（已整改），佐证材料不能再更改。"),
                    };
                return (null, new OwnerInScope(rectification, task.ProjectId, task.ProjectUnitId, $"整改任务 {rectification.TaskId}（{task.FindingCode}）的整改措施",
                    "本整改任务", $"/rectification#task-{rectification.TaskId}", null, refusal));
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(owner), owner, "Unknown evidence owner.");
        }
    }

    /// <summary>An evaluation in scope with its sheet, and why this user may not change its files now (null: may).</summary>
    public static async Task<(Outcome? NotFound, EvaluationInScope? Evaluation)> EvaluationAsync(JixiaoDbContext db, AccessScope scope, int evaluationId,
        CancellationToken cancellationToken)
    {
        var evaluation = await EvaluationSheets.Visible(db, scope).AsNoTracking().Include(e => e.Project)
            .SingleOrDefaultAsync(e => e.Id == evaluationId, cancellationToken);
        if (evaluation is null)
        {
            return (new Outcome.NotFound($"找不到评价 {evaluationId}。"), null);
        }

        var unitId = evaluation.Project!.UnitId;
        Outcome? refusal = evaluation.Status == EvaluationStatus.Locked
            ? new Outcome.Conflict("该评价已提交锁定，佐证材料不能再上传、替换或删除。")
            : EvaluationSheets.MayEdit(scope, evaluation, unitId) || scope.MaySubmit(unitId)
                ? null
                : new Outcome.Forbidden("评价的佐证材料由评价人（指派的评价专家、管理员）或被评价单位的填报人上传和管理。");
        return (null, new EvaluationInScope(evaluation, EvaluationSheets.Read(evaluation), refusal));
    }

    /// <summary>The owner of a stored file.</summary>
    public static EvidenceOwner Of(EvidenceFileEntity file) =>
        file.EvaluationId is { } evaluationId ? new EvidenceOwner.EvaluationLine(evaluationId, file.LineIndex ?? 0, file.Subject)
        : file.CorrectionId is { } correctionId ? new EvidenceOwner.Correction(correctionId)
        : file.RectificationTaskId is { } taskId ? new EvidenceOwner.Rectification(taskId)
        : throw new InvalidOperationException($"Evidence file {file.Id} has no owner.");

    /// <summary>The live files that count against the owner's total: all the lines of an evaluation together, or one task's, or one request's.</summary>
    public static IQueryable<EvidenceFileEntity> Group(JixiaoDbContext db, EvidenceOwner owner) => owner switch
    {
        EvidenceOwner.EvaluationLine line => db.EvidenceFiles.Where(e => e.EvaluationId == line.EvaluationId && e.DeletedAt == null),
        EvidenceOwner.Correction correction => db.EvidenceFiles.Where(e => e.CorrectionId == correction.CorrectionId && e.DeletedAt == null),
        EvidenceOwner.Rectification task => db.EvidenceFiles.Where(e => e.RectificationTaskId == task.TaskId && e.DeletedAt == null),
        _ => throw new ArgumentOutOfRangeException(nameof(owner), owner, "Unknown evidence owner."),
    };

    /// <summary>
    /// The files the user sees: those of the projects of their units, of the evaluations assigned to them and of the 整改
    /// tasks their unit is responsible for (an admin: all). Deleted ones are included; the lists leave them out.
    /// </summary>
    public static IQueryable<EvidenceFileEntity> Visible(IQueryable<EvidenceFileEntity> files, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.IsAdmin)
        {
            return files;
        }

        var units = scope.UnitIds;
        var user = scope.UserId;
        return files.Where(e => units.Contains(e.Project!.UnitId)
            || (e.EvaluationId != null && e.Evaluation!.AssignedExpertId == user)
            || (e.RectificationTaskId != null && units.Contains(e.RectificationTask!.UnitId)));
    }
}
