using Jixiao.App.Auth;
using Jixiao.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.ResultUse;

/// <summary>One audit line of a project's 结果应用 (field request, oneOff or decision), with the project's name.</summary>
public sealed record ResultUseHistoryLine(DateTimeOffset At, string Actor, int ProjectId, string ProjectName, string Field, string? OldValue,
    string? NewValue, string? Reason);

/// <summary>The 结果应用 audit lines (entity resultUse) of a 预算年度's projects in the user's scope, newest first.</summary>
public static class ResultUseHistory
{
    public static async Task<IReadOnlyList<ResultUseHistoryLine>> RunAsync(JixiaoDbContext db, AccessScope scope, int year,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var projects = scope.Visible(db.Projects.AsNoTracking()).Where(p => p.FiscalYear == year);
        return await db.AuditLog.AsNoTracking()
            .Where(a => a.Entity == "resultUse")
            .Join(projects, a => a.ProjectId, p => (int?)p.Id, (a, p) => new { a, p.Name })
            .OrderByDescending(x => x.a.Id)
            .Select(x => new ResultUseHistoryLine(x.a.At, x.a.Actor, x.a.EntityId, x.Name, x.a.Field, x.a.OldValue, x.a.NewValue, x.a.Reason))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The Chinese name of an audited field.</summary>
    public static string FieldName(string field) => field switch
    {
        "request" => "下年申请",
        "oneOff" => "项目类型",
        "decision" => "决定",
        _ => field,
    };
}
