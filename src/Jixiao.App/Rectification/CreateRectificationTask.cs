using System.Globalization;
using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Rectification;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Rectification;

/// <summary>
/// A finding to make a task of: its source (review, recheck, monitoring, evaluation, resultUse), code, message and
/// where; the responsible unit (null: the project's); the day it was found (null: today); the deadline (null: the
/// district's default, today plus its measures days); and why the task is issued.
/// </summary>
public sealed record NewRectificationTask(int ProjectId, string? Source, string? FindingCode, string? FindingMessage, string? FindingWhere,
    int? UnitId, DateOnly? FoundOn, DateOnly? Deadline, string? Reason);

/// <summary>
/// Issues a 整改 task from a finding of a project. Only a reviewer of the project's unit (主管部门/财政) or an admin,
/// as for 结果应用; another responsible unit must be in the reviewer's scope too. One audit line: created, with the reason.
/// </summary>
public static class CreateRectificationTask
{
    /// <summary>The new task's id, or why not.</summary>
    public static async Task<(Outcome Outcome, int? Id)> RunAsync(JixiaoDbContext db, AccessScope scope, RectificationRules rules, NewRectificationTask input,
        TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(input);
        var project = await scope.Visible(db.Projects).SingleOrDefaultAsync(p => p.Id == input.ProjectId, cancellationToken);
        if (project is null)
        {
            return (new Outcome.NotFound($"找不到项目 {input.ProjectId}。"), null);
        }

        if (!scope.MayReview(project.UnitId))
        {
            return (new Outcome.Forbidden("整改任务由主管部门/财政审核人或管理员下达。"), null);
        }

        var unitId = input.UnitId ?? project.UnitId;
        if (unitId != project.UnitId)
        {
            if (!await scope.Visible(db.Units).AnyAsync(u => u.Id == unitId, cancellationToken))
            {
                return (new Outcome.NotFound($"找不到单位 {unitId}。"), null);
            }

            if (!scope.MayReview(unitId))
            {
                return (new Outcome.Forbidden("只能向您审核范围内的单位下达整改任务。"), null);
            }
        }

        var (finding, refused) = RectificationFinding.Create(input.Source, input.FindingCode, input.FindingMessage, input.FindingWhere);
        if (finding is null)
        {
            return (new Outcome.Invalid(refused!), null);
        }

        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            return (new Outcome.Invalid("请填写下达整改的原因，它将记入审计日志。"), null);
        }

        if (InputLimits.Check(("问题编码", finding.Code, 50), ("问题内容", finding.Message, 2000), ("问题位置", finding.Where, 500),
                ("原因", input.Reason, 2000)) is { } tooLong)
        {
            return (tooLong, null);
        }

        var today = ChinaTime.Today(clock);
        var foundOn = input.FoundOn ?? today;
        if (foundOn > today)
        {
            return (new Outcome.Invalid("发现问题的日期不能晚于今天。"), null);
        }

        var deadline = input.Deadline ?? rules.MeasuresDue(today);
        if (deadline < today)
        {
            return (new Outcome.Invalid("整改期限不能早于今天。"), null);
        }

        var at = clock.GetUtcNow();
        var task = new RectificationTaskEntity
        {
            ProjectId = project.Id, UnitId = unitId, Source = finding.Source, FindingCode = finding.Code, FindingMessage = finding.Message,
            FindingWhere = finding.Where, FoundOn = foundOn, IssuedOn = today, Deadline = deadline, Status = RectificationStatus.Pending,
            CreatedBy = scope.DisplayName, CreatedAt = at, Version = 1,
        };
        // The audit line names the task's id, known only after the first save: both saves in one transaction, so
        // there is never a task without its created line.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.RectificationTasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);

        RectificationAudit.Add(db, scope, at, task, "created", null,
            $"{RectificationStatus.Pending.Chinese()}：{finding.Source.Chinese()} {finding.Code} {finding.Message}；整改期限 {deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
            input.Reason.Trim());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (Outcome.Ok, task.Id);
    }
}
