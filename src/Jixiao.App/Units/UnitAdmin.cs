using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Units;

/// <summary>A unit as the admin manages it; <see cref="Version"/> is sent back with an edit.</summary>
public sealed record UnitAdminDto(int Id, string Name, string? Department, int ProjectCount, long Version);

/// <summary>A new unit: its name (as its target tables print it: an import finds the unit by this name) and department.</summary>
public sealed record CreateUnitRequest(string? Name, string? Department, string? Reason);

/// <summary>A unit's new name and department (null or blank: none), why, and the version read.</summary>
public sealed record EditUnitRequest(string? Name, string? Department, string? Reason, long? Version);

/// <summary>One line of a unit's change history.</summary>
public sealed record UnitHistoryLine(DateTimeOffset At, string Actor, string Field, string? OldValue, string? NewValue, string? Reason);

/// <summary>
/// 单位管理 (管理员 only): create a unit before its first table is imported (so its clerk can be set up first), and
/// correct a unit's name or department. Each change writes audit lines (entity "unit", the unit's id; fields
/// created, name, department) in the same save. An import finds its unit by the exact name, so a renamed unit gets the
/// next table only if that table prints the new name; the page says so.
/// </summary>
public static class UnitAdmin
{
    public const int MaxNameLength = 200;

    private const string StaleMessage = "该单位已被他人修改，您的修改未保存。请刷新后在最新内容上重新修改。";

    public static Task<List<UnitAdminDto>> ListAsync(JixiaoDbContext db, CancellationToken cancellationToken = default) =>
        Summaries(db.Units.AsNoTracking()).ToListAsync(cancellationToken);

    public static Task<UnitAdminDto?> GetAsync(JixiaoDbContext db, int id, CancellationToken cancellationToken = default) =>
        Summaries(db.Units.AsNoTracking().Where(u => u.Id == id)).SingleOrDefaultAsync(cancellationToken);

    public static Task<List<UnitHistoryLine>> HistoryAsync(JixiaoDbContext db, int id, CancellationToken cancellationToken = default) =>
        db.AuditLog.AsNoTracking().Where(a => a.Entity == "unit" && a.EntityId == id).OrderByDescending(a => a.Id)
            .Select(a => new UnitHistoryLine(a.At, a.Actor, a.Field, a.OldValue, a.NewValue, a.Reason)).ToListAsync(cancellationToken);

    public static async Task<(Outcome Outcome, UnitAdminDto? Unit)> CreateAsync(JixiaoDbContext db, AccessScope scope, CreateUnitRequest request,
        TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(request);
        if (!scope.IsAdmin)
        {
            return (AdminOnly, null);
        }

        var (name, department, problem) = await CheckAsync(db, request.Name, request.Department, null, cancellationToken);
        if (problem is not null)
        {
            return (problem, null);
        }

        // The unit and its audit line land together: the line needs the unit's id, so two saves in one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var unit = new UnitEntity { Name = name, Department = department };
        db.Units.Add(unit);
        await db.SaveChangesAsync(cancellationToken);
        Audit(db, scope, clock, unit.Id, "created", null, department is null ? name : $"{name}（部门：{department}）", Reason(request.Reason));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (Outcome.Ok, await GetAsync(db, unit.Id, cancellationToken));
    }

    public static async Task<(Outcome Outcome, UnitAdminDto? Unit)> EditAsync(JixiaoDbContext db, AccessScope scope, int id, EditUnitRequest request,
        TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(request);
        if (!scope.IsAdmin)
        {
            return (AdminOnly, null);
        }

        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return (new Outcome.NotFound($"找不到单位 {id}。"), null);
        }

        if (request.Version is not { } version || version != unit.Version)
        {
            return (new Outcome.Conflict(StaleMessage), null);
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return (new Outcome.Invalid("请填写修改原因，它将记入审计日志。"), null);
        }

        var (name, department, problem) = await CheckAsync(db, request.Name, request.Department, id, cancellationToken);
        if (problem is not null)
        {
            return (problem, null);
        }

        if (name == unit.Name && department == unit.Department)
        {
            return (new Outcome.Invalid("单位名称和部门都没有改变，没有可保存的修改。"), null);
        }

        var reason = Reason(request.Reason);
        if (name != unit.Name)
        {
            Audit(db, scope, clock, unit.Id, "name", unit.Name, name, reason);
            unit.Name = name;
        }

        if (department != unit.Department)
        {
            Audit(db, scope, clock, unit.Id, "department", unit.Department, department, reason);
            unit.Department = department;
        }

        try
        {
            // The save bumps the version (IVersioned); the version read is the concurrency token of the UPDATE.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (new Outcome.Conflict(StaleMessage), null);
        }

        return (Outcome.Ok, await GetAsync(db, unit.Id, cancellationToken));
    }

    private static Outcome.Forbidden AdminOnly => new("只有管理员可以管理单位。");

    private static IQueryable<UnitAdminDto> Summaries(IQueryable<UnitEntity> units) =>
        units.OrderBy(u => u.Id).Select(u => new UnitAdminDto(u.Id, u.Name, u.Department, u.Projects.Count, u.Version));

    private static string? Reason(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();

    /// <summary>The trimmed name and department, or why they cannot be saved.</summary>
    private static async Task<(string Name, string? Department, Outcome? Problem)> CheckAsync(JixiaoDbContext db, string? name, string? department,
        int? self, CancellationToken cancellationToken)
    {
        var n = name?.Trim() ?? "";
        var d = string.IsNullOrWhiteSpace(department) ? null : department.Trim();
        if (n.Length == 0)
        {
            return (n, d, new Outcome.Invalid("请填写单位名称。"));
        }

        if (n.Length > MaxNameLength || d?.Length > MaxNameLength)
        {
            return (n, d, new Outcome.Invalid($"单位名称和部门名称最多 {MaxNameLength} 个字符。"));
        }

        if (n.Any(char.IsControl) || d?.Any(char.IsControl) == true)
        {
            return (n, d, new Outcome.Invalid("单位名称和部门名称不能含换行或控制字符。"));
        }

        if (await db.Units.AnyAsync(u => u.Name == n && u.Id != self, cancellationToken))
        {
            return (n, d, new Outcome.Conflict($"已有名为“{n}”的单位：导入时按名称找单位，名称不能重复。"));
        }

        return (n, d, null);
    }

    private static void Audit(JixiaoDbContext db, AccessScope scope, TimeProvider clock, int unitId, string field, string? old, string? @new,
        string? reason) =>
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), Actor = scope.DisplayName, Entity = "unit", EntityId = unitId, ProjectId = null,
            Field = field, OldValue = old, NewValue = @new, Reason = reason,
        });
}
