using Jixiao.Data.Audit;
using Jixiao.Data.Entities;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

/// <summary>
/// The one DbContext of Jixiao: units, projects, indicators, the audit log, users and roles, data-protection keys.
/// Saving bumps <see cref="IVersioned.Version"/> on every changed editable row (optimistic concurrency) and appends an
/// <see cref="AuditEntry"/> for every change to targets and workflow state (<see cref="AuditRecorder"/>).
/// </summary>
/// <remarks>
/// One constructor taking only the options, so the web app can pool contexts (AddPooledDbContextFactory): who acts and
/// the clock are properties, set each time a context is handed out.
/// </remarks>
public class JixiaoDbContext(DbContextOptions<JixiaoDbContext> options) : IdentityDbContext<JixiaoUser>(options)
{
    /// <summary>Who makes changes, for the audit log (the web request's user); <see cref="ActorOverride"/> wins.</summary>
    public IAuditActor? Actor { get; set; }

    /// <summary>The clock of the audit log.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public DbSet<UnitEntity> Units => Set<UnitEntity>();
    public DbSet<ProjectEntity> Projects => Set<ProjectEntity>();
    public DbSet<IndicatorEntity> Indicators => Set<IndicatorEntity>();
    public DbSet<ProjectNameGram> ProjectNameGrams => Set<ProjectNameGram>();
    public DbSet<ChangeStamp> Stamps => Set<ChangeStamp>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<EvaluationEntity> Evaluations => Set<EvaluationEntity>();
    public DbSet<ImportBatchEntity> ImportBatches => Set<ImportBatchEntity>();
    public DbSet<UserUnit> UserUnits => Set<UserUnit>();
    public DbSet<MonitoringRoundEntity> MonitoringRounds => Set<MonitoringRoundEntity>();
    public DbSet<MonitoringEntryEntity> MonitoringEntries => Set<MonitoringEntryEntity>();
    public DbSet<MonitoringIndicatorEntryEntity> MonitoringIndicatorEntries => Set<MonitoringIndicatorEntryEntity>();
    public DbSet<ResultUseEntity> ResultUses => Set<ResultUseEntity>();
    public DbSet<RectificationTaskEntity> RectificationTasks => Set<RectificationTaskEntity>();
    public DbSet<MonitoringCorrectionEntity> MonitoringCorrections => Set<MonitoringCorrectionEntity>();
    public DbSet<RecheckBatchEntity> RecheckBatches => Set<RecheckBatchEntity>();
    public DbSet<RecheckJobEntity> RecheckJobs => Set<RecheckJobEntity>();
    public DbSet<RecheckEvaluationEntity> RecheckEvaluations => Set<RecheckEvaluationEntity>();
    public DbSet<RecheckLineDecisionEntity> RecheckLineDecisions => Set<RecheckLineDecisionEntity>();
    public DbSet<EvidenceFileEntity> EvidenceFiles => Set<EvidenceFileEntity>();
    public DbSet<RulebookChoiceEntity> RulebookChoices => Set<RulebookChoiceEntity>();
    public DbSet<DataProtectionKeyEntity> DataProtectionKeys => Set<DataProtectionKeyEntity>();

    /// <summary>Why the pending changes are made (a return comment, an edit note); written to each audit line of the next save.</summary>
    public string? ChangeReason { get; set; }

    /// <summary>Who makes the pending changes, when no <see cref="IAuditActor"/> was injected (CLI, seeding).</summary>
    public string? ActorOverride { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(JixiaoDbContext).Assembly);
        builder.Entity<JixiaoUser>().Property(u => u.DisplayName).HasMaxLength(100);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void PrepareSave()
    {
        ChangeTracker.DetectChanges();
        var who = ActorOverride ?? Actor?.Name ?? "系统";
        var now = Clock.GetUtcNow();
        AuditRecorder.Record(this, who, now, ChangeReason);
        ChangeReason = null;
    }
}
