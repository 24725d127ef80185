using System.Globalization;
using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Monitoring;

/// <summary>
/// A new round: the 预算年度, the months (default 1–7月), the kind (null: from the months), the deadline, and the units
/// (null: every unit in the opener's scope).
/// </summary>
public sealed record OpenRoundRequest(int? FiscalYear, int? StartMonth, int? EndMonth, string? Kind, DateOnly? Deadline, int[]? UnitIds);

/// <summary>
/// Opens a 运行监控 round for the year's approved (审核通过) projects: an admin (finance) for any units, a department
/// reviewer for the units it oversees. Every project gets its entry and a row per indicator at once, so a unit's
/// filling is always a change of existing rows and each field lands in the audit log. The round itself is one audit
/// line (entity monitoringRound, field created).
/// </summary>
public static class OpenRound
{
    public static async Task<(Outcome Outcome, int? RoundId)> RunAsync(JixiaoDbContext db, AccessScope scope, OpenRoundRequest request,
        TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(clock);
        if (!scope.MayOpenMonitoring)
        {
            return (new Outcome.Forbidden("只有财政（管理员）或主管部门审核人可以发起运行监控。"), null);
        }

        var start = request.StartMonth ?? 1;
        var end = request.EndMonth ?? 7;
        if (request.FiscalYear is not (>= 2000 and <= 2100))
        {
            return (new Outcome.Invalid("请填写监控的预算年度（2000–2100）。"), null);
        }

        if (start is < 1 or > 12 || end is < 1 or > 12 || start > end)
        {
            return (new Outcome.Invalid($"监控月份 {start}–{end} 月无效：起止月份应在 1 到 12 之间，且起始月不晚于截止月。"), null);
        }

        if (request.Deadline is not { } deadline)
        {
            return (new Outcome.Invalid("请填写填报截止日期。"), null);
        }

        MonitoringRoundKind kind;
        if (request.Kind is null)
        {
            kind = RoundKinds.FromMonths(start, end);
        }
        else if (RoundKinds.Parse(request.Kind) is { } parsed)
        {
            kind = parsed;
        }
        else
        {
            return (new Outcome.Invalid($"监控类型“{request.Kind}”无效（应为 midYear、halfYear、quarter 或 other）。"), null);
        }

        var visibleUnits = scope.Visible(db.Units.AsNoTracking()).Select(u => u.Id);
        var unitIds = await visibleUnits.ToListAsync(cancellationToken);
        if (request.UnitIds is { Length: > 0 } wanted)
        {
            // A unit outside the scope is not found, the same as a missing one: nothing leaks.
            var missing = wanted.Where(id => !unitIds.Contains(id)).ToList();
            if (missing.Count > 0)
            {
                return (new Outcome.NotFound($"找不到单位 {missing[0]}。"), null);
            }

            unitIds = [.. wanted.Distinct()];
        }

        var year = request.FiscalYear.Value;
        var projects = await db.Projects.AsNoTracking()
            .Where(p => unitIds.Contains(p.UnitId) && p.FiscalYear == year && p.Status == ReviewStatus.Approved)
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, Indicators = p.Indicators.OrderBy(i => i.Position).Select(i => i.Id).ToList() })
            .ToListAsync(cancellationToken);
        if (projects.Count == 0)
        {
            return (new Outcome.Invalid($"{year} 年度在所选单位中没有审核通过的项目，无法发起监控。"), null);
        }

        var now = clock.GetUtcNow();
        var round = new MonitoringRoundEntity
        {
            FiscalYear = year, StartMonth = start, EndMonth = end, Kind = kind, Deadline = deadline,
            OpenedById = scope.UserId, OpenedByName = scope.DisplayName, OpenedAt = now,
            Entries = projects.Select(p => new MonitoringEntryEntity
            {
                ProjectId = p.Id,
                Indicators = p.Indicators.Select(i => new MonitoringIndicatorEntryEntity { IndicatorId = i }).ToList(),
            }).ToList(),
        };

        // The round and its audit line land together: the line needs the round's id, so two saves in one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.MonitoringRounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);
        db.AuditLog.Add(new AuditEntry
        {
            At = now, Actor = scope.DisplayName, Entity = "monitoringRound", EntityId = round.Id, ProjectId = null, Field = "created",
            NewValue = string.Create(CultureInfo.InvariantCulture,
                $"{year}年{RoundKinds.Months(start, end)}（{kind.Chinese()}），截止 {deadline:yyyy-MM-dd}，{projects.Count} 个项目"),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (Outcome.Ok, round.Id);
    }
}

/// <summary>The kinds of round, their names in JSON and in Chinese.</summary>
public static class RoundKinds
{
    public static MonitoringRoundKind FromMonths(int start, int end) => (start, end) switch
    {
        (1, 7) => MonitoringRoundKind.MidYear,
        (1, 6) => MonitoringRoundKind.HalfYear,
        (1, 3) or (4, 6) or (7, 9) or (10, 12) => MonitoringRoundKind.Quarter,
        _ => MonitoringRoundKind.Other,
    };

    public static MonitoringRoundKind? Parse(string? name) => name switch
    {
        "midYear" => MonitoringRoundKind.MidYear,
        "halfYear" => MonitoringRoundKind.HalfYear,
        "quarter" => MonitoringRoundKind.Quarter,
        "other" => MonitoringRoundKind.Other,
        _ => null,
    };

    public static string Name(this MonitoringRoundKind kind) => kind switch
    {
        MonitoringRoundKind.MidYear => "midYear",
        MonitoringRoundKind.HalfYear => "halfYear",
        MonitoringRoundKind.Quarter => "quarter",
        MonitoringRoundKind.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Chinese(this MonitoringRoundKind kind) => kind switch
    {
        MonitoringRoundKind.MidYear => "年中监控",
        MonitoringRoundKind.HalfYear => "半年监控",
        MonitoringRoundKind.Quarter => "季度监控",
        MonitoringRoundKind.Other => "运行监控",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>"1–7月", or "7月" for a single month.</summary>
    public static string Months(int start, int end) =>
        start == end ? string.Create(CultureInfo.InvariantCulture, $"{end}月") : string.Create(CultureInfo.InvariantCulture, $"{start}–{end}月");

    public static string Chinese(this MonitoringEntryStatus status) => status switch
    {
        MonitoringEntryStatus.Pending => "未填报",
        MonitoringEntryStatus.Draft => "填报中",
        MonitoringEntryStatus.Submitted => "已提交",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
