using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Domain.Rectification;

namespace Jixiao.App.Rectification;

/// <summary>The unit's 整改措施 and the task's version as read.</summary>
public sealed record RectificationMeasures(string? Measures, long Version);

/// <summary>
/// The responsible unit sends its measures: 待整改 (or 逾期) → 整改中. Only the unit's own clerk (填报人) or an admin,
/// as for submitting targets. Audit lines status and measures; the measures are the reason.
/// </summary>
public static class SubmitRectificationMeasures
{
    public static async Task<Outcome> RunAsync(JixiaoDbContext db, AccessScope scope, int taskId, RectificationMeasures input, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(input);
        if (InputLimits.Check(("整改措施", input.Measures, InputLimits.Text)) is { } tooLong)
        {
            return tooLong;
        }

        var measures = input.Measures?.Trim() ?? "";
        return await RectificationChange.RunAsync(db, scope, taskId, input.Version, new RectificationStep.Submit(measures),
            task => scope.MaySubmit(task.UnitId), "整改措施由责任单位的填报人提交。", "责任单位提交整改措施", clock, (task, at, audit) =>
            {
                audit("measures", task.Measures, measures);
                task.Measures = measures;
                task.SubmittedBy = scope.DisplayName;
                task.SubmittedAt = at;
            }, cancellationToken);
    }
}
