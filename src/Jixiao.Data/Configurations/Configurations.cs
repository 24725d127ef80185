using Jixiao.Data.Entities;
using Jixiao.Domain.Evaluations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Data.Configurations;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<UnitEntity>
{
    public void Configure(EntityTypeBuilder<UnitEntity> builder)
    {
        // The change-stamp triggers (0007_ChangeStamps) write change_stamps; EF must not use RETURNING on this table.
        builder.ToTable("units", t =>
        {
            t.HasTrigger("units_change_stamp_insert");
            t.HasTrigger("units_change_stamp_update");
            t.HasTrigger("units_change_stamp_delete");
        });
        builder.Property(u => u.Name).HasMaxLength(200);
        builder.Property(u => u.Department).HasMaxLength(200);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasIndex(u => u.Name).IsUnique();
        // Rows of an import still being written are seen by nobody (migration 0016); the import's own code asks with IgnoreQueryFilters.
        builder.HasQueryFilter(u => u.StagingBatchId == null);
        builder.HasIndex(u => u.StagingBatchId).HasFilter("\"StagingBatchId\" IS NOT NULL");
    }
}

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<ProjectEntity>
{
    public void Configure(EntityTypeBuilder<ProjectEntity> builder)
    {
        // The name-gram triggers (0006_NameGrams) write project_name_grams and the change-stamp triggers (0007_ChangeStamps)
        // change_stamps; EF must not use RETURNING on this table.
        builder.ToTable("projects", t =>
        {
            t.HasTrigger("projects_change_stamp_insert");
            t.HasTrigger("projects_change_stamp_update");
            t.HasTrigger("projects_change_stamp_delete");
            t.HasTrigger("projects_name_grams_insert");
            t.HasTrigger("projects_name_grams_update");
            t.HasTrigger("projects_name_grams_delete");
        });
        builder.Property(p => p.Name).HasMaxLength(300);
        builder.Property(p => p.SourceMoneyUnit).HasMaxLength(10);
        builder.Property(p => p.Source).HasMaxLength(300);
        builder.Property(p => p.Code).HasMaxLength(100);
        builder.HasIndex(p => p.Code).HasFilter("\"Code\" IS NOT NULL");
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne(p => p.Unit).WithMany(u => u.Projects).HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.UnitId, p.Name });
        builder.HasIndex(p => new { p.Name, p.Id });
        builder.HasIndex(p => new { p.TotalFen, p.Id });
        builder.HasIndex(p => new { p.Status, p.Id });
        builder.HasIndex(p => p.ImportBatchId);
        // Rows of an import still being written are seen by nobody (migration 0016); the import's own code asks with IgnoreQueryFilters.
        builder.HasQueryFilter(p => p.StagingBatchId == null);
        builder.HasIndex(p => p.StagingBatchId).HasFilter("\"StagingBatchId\" IS NOT NULL");
    }
}

internal sealed class ProjectNameGramConfiguration : IEntityTypeConfiguration<ProjectNameGram>
{
    public void Configure(EntityTypeBuilder<ProjectNameGram> builder)
    {
        builder.ToTable("project_name_grams");
        builder.HasKey(g => new { g.Gram, g.ProjectId });
        builder.Property(g => g.Gram).HasMaxLength(2);
        builder.HasIndex(g => g.ProjectId);
    }
}

internal sealed class ChangeStampConfiguration : IEntityTypeConfiguration<ChangeStamp>
{
    public void Configure(EntityTypeBuilder<ChangeStamp> builder)
    {
        builder.ToTable("change_stamps");
        builder.HasKey(s => s.Name);
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<IndicatorEntity>
{
    public void Configure(EntityTypeBuilder<IndicatorEntity> builder)
    {
        builder.ToTable("indicators");
        builder.Property(i => i.Name).HasMaxLength(500);
        builder.Property(i => i.Level1Code).HasMaxLength(10);
        builder.Property(i => i.Level2Code).HasMaxLength(10);
        builder.Property(i => i.Level1Text).HasMaxLength(100);
        builder.Property(i => i.Level2Text).HasMaxLength(100);
        builder.Property(i => i.MeasureUnit).HasMaxLength(50);
        builder.Property(i => i.Weight).HasPrecision(9, 4);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasOne(i => i.Project).WithMany(p => p.Indicators).HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.ProjectId, i.Position });
        // An indicator is seen with its project: not while the import writing that project is under way.
        builder.HasQueryFilter(i => i.Project!.StagingBatchId == null);
        foreach (var prefix in new[] { "Period", "Annual" })
        {
            builder.Property<string?>(prefix + "Text").HasMaxLength(500);
            builder.Property<string?>(prefix + "Kind").HasMaxLength(20);
            builder.Property<string?>(prefix + "Comparator").HasMaxLength(4);
            builder.Property<decimal?>(prefix + "Value").HasPrecision(28, 8);
            builder.Property<decimal?>(prefix + "Max").HasPrecision(28, 8);
            builder.Property<string?>(prefix + "Unit").HasMaxLength(50);
            builder.Property<string?>(prefix + "Direction").HasMaxLength(10);
        }
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.Property(a => a.Actor).HasMaxLength(256);
        builder.Property(a => a.Entity).HasMaxLength(50);
        builder.Property(a => a.Field).HasMaxLength(50);
        builder.HasIndex(a => a.ProjectId);
        builder.HasIndex(a => new { a.Entity, a.EntityId });
    }
}

internal sealed class UserUnitConfiguration : IEntityTypeConfiguration<UserUnit>
{
    public void Configure(EntityTypeBuilder<UserUnit> builder)
    {
        builder.ToTable("user_units");
        builder.HasKey(u => new { u.UserId, u.UnitId });
        builder.HasOne<JixiaoUser>().WithMany().HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UnitEntity>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(u => u.UnitId);
    }
}

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatchEntity>
{
    public void Configure(EntityTypeBuilder<ImportBatchEntity> builder)
    {
        builder.ToTable("import_batches");
        builder.Property(b => b.FileName).HasMaxLength(260);
        builder.Property(b => b.UploadedBy).HasMaxLength(450);
        builder.Property(b => b.UploadedByName).HasMaxLength(100);
        builder.Property(b => b.Layout).HasMaxLength(40);
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasIndex(b => b.UploadedBy);
    }
}

internal sealed class EvaluationConfiguration : IEntityTypeConfiguration<EvaluationEntity>
{
    public void Configure(EntityTypeBuilder<EvaluationEntity> builder)
    {
        builder.ToTable("evaluations");
        // The column keeps the Chinese names it always held (migration 0003), so no data moves.
        builder.Property(e => e.Kind).HasConversion(k => EvaluationNames.Chinese(k), s => StoredKind(s)).HasMaxLength(20);
        builder.Property(e => e.Total).HasPrecision(9, 2);
        builder.Property(e => e.BudgetExecution).HasPrecision(9, 2);
        builder.Property(e => e.Grade).HasMaxLength(10);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.AssignedExpertId).HasMaxLength(450);
        builder.Property(e => e.CreatedBy).HasMaxLength(100);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne(e => e.Project).WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.ProjectId);
        builder.HasIndex(e => e.AssignedExpertId);
    }

    private static EvaluationKind StoredKind(string text) =>
        EvaluationNames.TryParseKind(text, out var kind) ? kind : throw new InvalidOperationException($"Stored evaluation kind '{text}' is unknown.");
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKeyEntity>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyEntity> builder)
    {
        builder.ToTable("data_protection_keys");
        builder.Property(k => k.FriendlyName).HasMaxLength(200);
    }
}

internal sealed class MonitoringRoundConfiguration : IEntityTypeConfiguration<MonitoringRoundEntity>
{
    public void Configure(EntityTypeBuilder<MonitoringRoundEntity> builder)
    {
        builder.ToTable("monitoring_rounds");
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.OpenedById).HasMaxLength(450);
        builder.Property(r => r.OpenedByName).HasMaxLength(100);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.FiscalYear, r.EndMonth });
    }
}

internal sealed class MonitoringEntryConfiguration : IEntityTypeConfiguration<MonitoringEntryEntity>
{
    public void Configure(EntityTypeBuilder<MonitoringEntryEntity> builder)
    {
        builder.ToTable("monitoring_entries");
        builder.Property(e => e.Narrative).HasMaxLength(4000);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.SubmittedBy).HasMaxLength(100);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne(e => e.Round).WithMany(r => r.Entries).HasForeignKey(e => e.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Project).WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.RoundId, e.ProjectId }).IsUnique();
        builder.HasIndex(e => e.ProjectId);
    }
}

internal sealed class MonitoringIndicatorEntryConfiguration : IEntityTypeConfiguration<MonitoringIndicatorEntryEntity>
{
    public void Configure(EntityTypeBuilder<MonitoringIndicatorEntryEntity> builder)
    {
        builder.ToTable("monitoring_indicator_entries");
        builder.Property(i => i.Progress).HasMaxLength(500);
        builder.Property(i => i.ExpectedAnnual).HasMaxLength(500);
        builder.Property(i => i.DeviationCause).HasMaxLength(50);
        builder.Property(i => i.Likelihood).HasMaxLength(20);
        builder.Property(i => i.Correction).HasMaxLength(2000);
        builder.HasOne(i => i.Entry).WithMany(e => e.Indicators).HasForeignKey(i => i.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Indicator).WithMany().HasForeignKey(i => i.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.EntryId, i.IndicatorId }).IsUnique();
        builder.HasIndex(i => i.IndicatorId);
    }
}

internal sealed class RulebookChoiceConfiguration : IEntityTypeConfiguration<RulebookChoiceEntity>
{
    public void Configure(EntityTypeBuilder<RulebookChoiceEntity> builder)
    {
        builder.ToTable("rulebook_choices");
        builder.Property(c => c.ScopeKey).HasMaxLength(60);
        builder.Property(c => c.Rulebook).HasMaxLength(40);
        builder.Property(c => c.Title).HasMaxLength(300);
        builder.Property(c => c.FileName).HasMaxLength(300);
        builder.Property(c => c.ChosenBy).HasMaxLength(256);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne(c => c.Unit).WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.ScopeKey).IsUnique();
        builder.HasIndex(c => c.UnitId);
    }
}

internal sealed class ResultUseConfiguration : IEntityTypeConfiguration<ResultUseEntity>
{
    public void Configure(EntityTypeBuilder<ResultUseEntity> builder)
    {
        builder.ToTable("result_uses");
        builder.Property(r => r.DecidedAction).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.DecisionReason).HasMaxLength(2000);
        builder.Property(r => r.DecidedBy).HasMaxLength(100);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Project).WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.ProjectId).IsUnique();
    }
}

internal sealed class RectificationTaskConfiguration : IEntityTypeConfiguration<RectificationTaskEntity>
{
    public void Configure(EntityTypeBuilder<RectificationTaskEntity> builder)
    {
        builder.ToTable("rectification_tasks");
        builder.Property(t => t.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.FindingCode).HasMaxLength(50);
        builder.Property(t => t.FindingMessage).HasMaxLength(2000);
        builder.Property(t => t.FindingWhere).HasMaxLength(500);
        builder.Property(t => t.Measures).HasMaxLength(4000);
        builder.Property(t => t.SubmittedBy).HasMaxLength(100);
        builder.Property(t => t.ReturnReason).HasMaxLength(2000);
        builder.Property(t => t.VerifiedBy).HasMaxLength(100);
        builder.Property(t => t.CreatedBy).HasMaxLength(100);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne(t => t.Project).WithMany().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.Unit).WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.ProjectId);
        builder.HasIndex(t => new { t.UnitId, t.Status });
    }
}

internal sealed class MonitoringCorrectionConfiguration : IEntityTypeConfiguration<MonitoringCorrectionEntity>
{
    public void Configure(EntityTypeBuilder<MonitoringCorrectionEntity> builder)
    {
        builder.ToTable("monitoring_corrections");
        builder.Property(c => c.RedReason).HasMaxLength(4000);
        builder.Property(c => c.RequestedBy).HasMaxLength(100);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.AnswerReason).HasMaxLength(2000);
        builder.Property(c => c.AnsweredBy).HasMaxLength(100);
        builder.Property(c => c.PauseReason).HasMaxLength(2000);
        builder.Property(c => c.PausedBy).HasMaxLength(100);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne(c => c.Round).WithMany().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Entry).WithMany().HasForeignKey(c => c.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Project).WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.EntryId).IsUnique();
        builder.HasIndex(c => new { c.RoundId, c.Status });
        builder.HasIndex(c => c.ProjectId);
    }
}

internal sealed class RecheckBatchConfiguration : IEntityTypeConfiguration<RecheckBatchEntity>
{
    public void Configure(EntityTypeBuilder<RecheckBatchEntity> builder)
    {
        builder.ToTable("recheck_batches");
        builder.Property(b => b.Name).HasMaxLength(300);
        builder.Property(b => b.OwnerId).HasMaxLength(450);
        builder.Property(b => b.OwnerName).HasMaxLength(100);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasIndex(b => b.OwnerId);
    }
}

internal sealed class RecheckJobConfiguration : IEntityTypeConfiguration<RecheckJobEntity>
{
    public void Configure(EntityTypeBuilder<RecheckJobEntity> builder)
    {
        builder.ToTable("recheck_jobs");
        // The queue's claim is SQL of its own (App/Rechecks/RecheckQueue) that compares these names.
        builder.Property(j => j.State).HasConversion(s => RecheckJobStates.Name(s), s => RecheckJobStates.Parse(s)).HasMaxLength(20);
        builder.Property(j => j.FileName).HasMaxLength(260);
        builder.Property(j => j.Sha256).HasMaxLength(64);
        builder.Property(j => j.WorkerId).HasMaxLength(100);
        builder.Property(j => j.Kind).HasMaxLength(40);
        builder.Property(j => j.Error).HasMaxLength(2000);
        builder.HasOne(j => j.Batch).WithMany(b => b.Jobs).HasForeignKey(j => j.BatchId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(j => new { j.BatchId, j.Position });
        builder.HasIndex(j => new { j.State, j.Id });
        builder.HasIndex(j => j.Sha256);
    }
}

internal sealed class RecheckEvaluationConfiguration : IEntityTypeConfiguration<RecheckEvaluationEntity>
{
    public void Configure(EntityTypeBuilder<RecheckEvaluationEntity> builder)
    {
        builder.ToTable("recheck_evaluations");
        builder.Property(e => e.Project).HasMaxLength(300);
        builder.Property(e => e.Unit).HasMaxLength(200);
        builder.Property(e => e.RuleSet).HasMaxLength(100);
        builder.Property(e => e.StatedTotal).HasPrecision(18, 4);
        builder.Property(e => e.Total).HasPrecision(18, 4);
        builder.Property(e => e.StatedGrade).HasMaxLength(10);
        builder.Property(e => e.Grade).HasMaxLength(10);
        builder.Property(e => e.FindingChecks).HasMaxLength(1000);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne(e => e.Job).WithMany().HasForeignKey(e => e.JobId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.BatchId, e.JobId, e.Position });
        builder.HasIndex(e => e.JobId);
    }
}

internal sealed class RecheckLineDecisionConfiguration : IEntityTypeConfiguration<RecheckLineDecisionEntity>
{
    public void Configure(EntityTypeBuilder<RecheckLineDecisionEntity> builder)
    {
        builder.ToTable("recheck_line_decisions");
        builder.HasKey(d => new { d.EvaluationId, d.Line });
        builder.Property(d => d.Score).HasPrecision(18, 4);
        builder.Property(d => d.Reason).HasMaxLength(2000);
        builder.Property(d => d.DecidedBy).HasMaxLength(100);
        builder.HasOne<RecheckEvaluationEntity>().WithMany(e => e.Decisions).HasForeignKey(d => d.EvaluationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFileEntity>
{
    public void Configure(EntityTypeBuilder<EvidenceFileEntity> builder)
    {
        builder.ToTable("evidence_files");
        builder.Property(e => e.Number).HasMaxLength(30);
        builder.Property(e => e.LineName).HasMaxLength(500);
        builder.Property(e => e.Subject).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.FileName).HasMaxLength(200);
        builder.Property(e => e.FileType).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.Sha256).HasMaxLength(64);
        builder.Property(e => e.StorageKey).HasMaxLength(32);
        builder.Property(e => e.Note).HasMaxLength(500);
        builder.Property(e => e.UploadedBy).HasMaxLength(100);
        builder.Property(e => e.UploadedById).HasMaxLength(450);
        builder.Property(e => e.DeletedBy).HasMaxLength(100);
        builder.Property(e => e.DeleteReason).HasMaxLength(2000);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne(e => e.Unit).WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Project).WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Evaluation).WithMany().HasForeignKey(e => e.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Correction).WithMany().HasForeignKey(e => e.CorrectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.RectificationTask).WithMany().HasForeignKey(e => e.RectificationTaskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.UnitId, e.Year, e.Sequence }).IsUnique();
        builder.HasIndex(e => e.StorageKey).IsUnique();
        builder.HasIndex(e => e.ProjectId);
        builder.HasIndex(e => new { e.EvaluationId, e.LineIndex });
        builder.HasIndex(e => e.CorrectionId);
        builder.HasIndex(e => e.RectificationTaskId);
    }
}
