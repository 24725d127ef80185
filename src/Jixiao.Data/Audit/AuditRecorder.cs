using Jixiao.Data.Entities;
using Jixiao.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Jixiao.Data.Audit;

/// <summary>Who is acting, for the audit log: the web host supplies the logged-in user's display name.</summary>
public interface IAuditActor
{
    string Name { get; }
}

/// <summary>
/// Turns the change tracker's pending changes into audit lines and version bumps. Targets and workflow state (and,
/// as they arrive, actuals and scores) are audited field by field; the audit log itself is append-only.
/// </summary>
internal static class AuditRecorder
{
    private static readonly (string Property, string Field)[] IndicatorFields =
    [
        (nameof(IndicatorEntity.PeriodText), "periodTarget"),
        (nameof(IndicatorEntity.AnnualText), "annualTarget"),
        (nameof(IndicatorEntity.Name), "name"),
        (nameof(IndicatorEntity.Explanation), "explanation"),
    ];

    // What a reviewer reads of a project (issue 17): the clerk edits them on the project page; money in 万元.
    private static readonly (string Property, string Field)[] ProjectFields =
    [
        (nameof(ProjectEntity.Code), "code"),
        (nameof(ProjectEntity.Goal), "goal"),
        (nameof(ProjectEntity.AnnualGoal), "annualGoal"),
        (nameof(ProjectEntity.PeriodGoal), "periodGoal"),
        (nameof(ProjectEntity.PolicyBasis), "policyBasis"),
        (nameof(ProjectEntity.CostBasis), "costBasis"),
        (nameof(ProjectEntity.TotalFen), "total"),
        (nameof(ProjectEntity.PeriodTotalFen), "periodTotal"),
    ];

    // 运行监控: what a unit fills in a round (docs/monitoring.md); money is written in 元 with two decimals.
    private static readonly (string Property, string Field)[] MonitoringEntryFields =
    [
        (nameof(MonitoringEntryEntity.ExecutedFen), "executed"),
        (nameof(MonitoringEntryEntity.ExpectedAnnualFen), "expectedAnnual"),
        (nameof(MonitoringEntryEntity.Narrative), "narrative"),
        (nameof(MonitoringEntryEntity.Status), "status"),
    ];

    private static readonly (string Property, string Field)[] MonitoringIndicatorFields =
    [
        (nameof(MonitoringIndicatorEntryEntity.Progress), "progress"),
        (nameof(MonitoringIndicatorEntryEntity.ExpectedAnnual), "expectedAnnual"),
        (nameof(MonitoringIndicatorEntryEntity.DeviationCause), "deviationCause"),
        (nameof(MonitoringIndicatorEntryEntity.Likelihood), "likelihood"),
        (nameof(MonitoringIndicatorEntryEntity.Correction), "correction"),
    ];

    public static void Record(JixiaoDbContext db, string actor, DateTimeOffset now, string? reason)
    {
        var lines = new List<AuditEntry>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEntry && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("The audit log is append-only: its rows cannot be changed or deleted.");
            }

            if (entry.State != EntityState.Modified)
            {
                continue;
            }

            if (entry.Entity is IVersioned versioned)
            {
                versioned.Version++;
            }

            switch (entry.Entity)
            {
                case ProjectEntity project:
                    if (Changed(entry, nameof(ProjectEntity.Status)) is var (status, _))
                    {
                        lines.Add(Line(actor, now, reason, "project", project.Id, project.Id, "status",
                            ((ReviewStatus)status!).Chinese(), project.Status.Chinese()));
                    }

                    foreach (var (property, field) in ProjectFields)
                    {
                        if (Changed(entry, property) is var (old, @new))
                        {
                            lines.Add(Line(actor, now, reason, "project", project.Id, project.Id, field, ProjectText(old), ProjectText(@new)));
                        }
                    }

                    break;
                case IndicatorEntity indicator:
                    foreach (var (property, field) in IndicatorFields)
                    {
                        if (Changed(entry, property) is var (old, @new))
                        {
                            lines.Add(Line(actor, now, reason, "indicator", indicator.Id, indicator.ProjectId, field, (string?)old, (string?)@new));
                        }
                    }

                    break;
                case MonitoringEntryEntity monitored:
                    foreach (var (property, field) in MonitoringEntryFields)
                    {
                        if (Changed(entry, property) is var (old, @new))
                        {
                            lines.Add(Line(actor, now, reason, "monitoring", monitored.Id, monitored.ProjectId, field, MonitoringText(old), MonitoringText(@new)));
                        }
                    }

                    break;
                case MonitoringIndicatorEntryEntity row:
                    foreach (var (property, field) in MonitoringIndicatorFields)
                    {
                        if (Changed(entry, property) is var (old, @new))
                        {
                            // EntityId is the indicator, so its history across rounds is one query; the entry gives the project.
                            lines.Add(Line(actor, now, reason, "monitoringIndicator", row.IndicatorId, row.Entry?.ProjectId, field, (string?)old, (string?)@new));
                        }
                    }

                    break;
            }
        }

        db.AuditLog.AddRange(lines);
    }

    /// <summary>A project field as the history shows it: texts as they are, money (分) in 万元.</summary>
    private static string? ProjectText(object? value) => value switch
    {
        null => null,
        long fen => (fen / 1_000_000m).ToString("0.00####", System.Globalization.CultureInfo.InvariantCulture) + " 万元",
        _ => value.ToString(),
    };

    private static string? MonitoringText(object? value) => value switch
    {
        null => null,
        long fen => (fen / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " 元",
        MonitoringEntryStatus status => status switch
        {
            MonitoringEntryStatus.Pending => "未填报",
            MonitoringEntryStatus.Draft => "填报中",
            MonitoringEntryStatus.Submitted => "已提交",
            _ => status.ToString(),
        },
        _ => value.ToString(),
    };

    private static (object? Old, object? New)? Changed(EntityEntry entry, string property)
    {
        var p = entry.Property(property);
        return p.IsModified && !Equals(p.OriginalValue, p.CurrentValue) ? (p.OriginalValue, p.CurrentValue) : null;
    }

    private static AuditEntry Line(string actor, DateTimeOffset now, string? reason, string entity, int entityId, int? projectId,
        string field, string? old, string? @new) => new()
        {
            At = now,
            Actor = actor,
            Entity = entity,
            EntityId = entityId,
            ProjectId = projectId,
            Field = field,
            OldValue = old,
            NewValue = @new,
            Reason = reason,
        };
}
