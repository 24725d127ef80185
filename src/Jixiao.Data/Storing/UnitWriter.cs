using Jixiao.Data.Entities;
using Jixiao.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data.Storing;

/// <summary>What <see cref="UnitWriter.AddAsync"/> did: the projects it added and the names it skipped because the unit already has them.</summary>
public sealed record UnitWriteResult(IReadOnlyList<ProjectEntity> Added, IReadOnlyList<string> Skipped);

/// <summary>What <see cref="UnitWriter.StageAsync"/> did: how many projects it staged, the names it skipped, and in how many saves.</summary>
public sealed record StagedWrite(int Added, IReadOnlyList<string> Skipped, int Saves);

/// <summary>
/// Adds domain units with their projects and indicators to the store. A unit that already exists (same name) gets
/// the new projects added to it; a project the unit already has (same name) is skipped and reported, so importing
/// a file twice does not double it. <see cref="AddAsync"/> leaves the saving to the caller (one transaction: the demo,
/// tests); a confirmed import uses <see cref="StageAsync"/> and <see cref="PublishAsync"/> (short transactions, seen whole).
/// </summary>
public static class UnitWriter
{
    public static async Task<UnitWriteResult> AddAsync(JixiaoDbContext db, IEnumerable<BudgetUnit> units, string? sourceFile,
        int? importBatchId = null, CancellationToken cancellationToken = default)
    {
        var added = new List<ProjectEntity>();
        var skipped = new List<string>();
        foreach (var unit in units)
        {
            var entity = await db.Units.FirstOrDefaultAsync(u => u.Name == unit.Name, cancellationToken)
                ?? db.Units.Local.FirstOrDefault(u => u.Name == unit.Name);
            if (entity is null)
            {
                var moneyUnit = unit.Projects.FirstOrDefault()?.Amounts.Unit ?? MoneyUnit.WanYuan;
                entity = new UnitEntity
                {
                    Name = unit.Name,
                    Department = unit.Department,
                    StatedTotalFen = unit.StatedTotal is { } total ? new Money(total, moneyUnit).ToFen() : null,
                };
                db.Units.Add(entity);
            }

            var existing = entity.Id == 0
                ? []
                : await db.Projects.Where(p => p.UnitId == entity.Id).Select(p => p.Name).ToListAsync(cancellationToken);
            var names = existing.ToHashSet(StringComparer.Ordinal);
            foreach (var project in unit.Projects)
            {
                // Only projects already stored are skipped: two same-named rows within one file are both kept.
                if (names.Contains(project.Name))
                {
                    skipped.Add($"{unit.Name} / {project.Name}");
                    continue;
                }

                var p = ToEntity(project, sourceFile);
                p.ImportBatchId = importBatchId;
                entity.Projects.Add(p);
                added.Add(p);
            }
        }

        return new UnitWriteResult(added, skipped);
    }

    /// <summary>
    /// Writes units and projects as <see cref="AddAsync"/> decides them, but hidden (staged for batch
    /// <paramref name="batchId"/>) and in several saves of at most about <paramref name="chunkRows"/> rows (a project
    /// and each of its indicators are a row each), each its own short transaction, so that other writers get in between.
    /// Nobody sees the rows until <see cref="PublishAsync"/>; <see cref="RemoveStagedAsync"/> takes them away.
    /// Saved entities are detached: the context stays small however large the file.
    /// </summary>
    /// <param name="afterChunk">Called after each save with the number of saves so far (tests look in between).</param>
    /// <param name="pause">
    /// A wait after each save on SQLite, where a writer waiting for the lock retries only every 150 ms
    /// (Microsoft.Data.Sqlite's busy loop): without it the next save takes the lock again before anyone waiting wakes
    /// up. PostgreSQL queues lock waiters, and gets no pause.
    /// </param>
    public static async Task<StagedWrite> StageAsync(JixiaoDbContext db, IEnumerable<BudgetUnit> units, string? sourceFile, int batchId, int chunkRows,
        Func<int, Task>? afterChunk = null, TimeSpan? pause = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkRows, 1);
        var added = 0;
        var skipped = new List<string>();
        var unitIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var pending = new List<object>();
        var rows = 0;
        var saves = 0;
        var wait = db.Database.IsSqlite() ? pause ?? DefaultSqlitePause : TimeSpan.Zero;

        async Task SaveAsync()
        {
            await db.SaveChangesAsync(cancellationToken);
            foreach (var entity in pending)
            {
                db.Entry(entity).State = EntityState.Detached;
            }

            pending.Clear();
            rows = 0;
            saves++;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            if (afterChunk is not null)
            {
                await afterChunk(saves);
            }
        }

        foreach (var unit in units)
        {
            HashSet<string> names;
            if (unitIds.TryGetValue(unit.Name, out var unitId))
            {
                names = [];
            }
            else if (await db.Units.AsNoTracking().Where(u => u.Name == unit.Name).Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken) is { } stored)
            {
                unitId = stored;
                names = (await db.Projects.Where(p => p.UnitId == stored).Select(p => p.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            }
            else
            {
                var moneyUnit = unit.Projects.FirstOrDefault()?.Amounts.Unit ?? MoneyUnit.WanYuan;
                var created = new UnitEntity
                {
                    Name = unit.Name,
                    Department = unit.Department,
                    StatedTotalFen = unit.StatedTotal is { } total ? new Money(total, moneyUnit).ToFen() : null,
                    StagingBatchId = batchId,
                };
                db.Units.Add(created);
                pending.Add(created);
                await SaveAsync();
                unitId = created.Id;
                names = [];
            }

            unitIds[unit.Name] = unitId;
            foreach (var project in unit.Projects)
            {
                // Only projects already stored are skipped: two same-named rows within one file are both kept.
                if (names.Contains(project.Name))
                {
                    skipped.Add($"{unit.Name} / {project.Name}");
                    continue;
                }

                var entity = ToEntity(project, sourceFile);
                entity.UnitId = unitId;
                entity.ImportBatchId = batchId;
                entity.StagingBatchId = batchId;
                db.Projects.Add(entity);
                pending.Add(entity);
                pending.AddRange(entity.Indicators);
                rows += 1 + entity.Indicators.Count;
                added++;
                if (rows >= chunkRows)
                {
                    await SaveAsync();
                }
            }
        }

        if (pending.Count > 0)
        {
            await SaveAsync();
        }

        return new StagedWrite(added, skipped, saves);
    }

    /// <summary>The wait after each save of <see cref="StageAsync"/> on SQLite: longer than one retry of a waiting writer.</summary>
    public static readonly TimeSpan DefaultSqlitePause = TimeSpan.FromMilliseconds(200);

    /// <summary>Makes batch <paramref name="batchId"/>'s staged units and projects visible (two statements; run inside the caller's transaction).</summary>
    public static async Task PublishAsync(JixiaoDbContext db, int batchId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Units.IgnoreQueryFilters().Where(u => u.StagingBatchId == batchId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.StagingBatchId, (int?)null), cancellationToken);
        await db.Projects.IgnoreQueryFilters().Where(p => p.StagingBatchId == batchId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.StagingBatchId, (int?)null), cancellationToken);
    }

    /// <summary>Deletes what batch <paramref name="batchId"/> staged and never published (a failed or abandoned confirmation); returns the projects removed.</summary>
    public static async Task<int> RemoveStagedAsync(JixiaoDbContext db, int batchId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var projects = db.Projects.IgnoreQueryFilters().Where(p => p.StagingBatchId == batchId).Select(p => p.Id);
        await db.Indicators.IgnoreQueryFilters().Where(i => projects.Contains(i.ProjectId)).ExecuteDeleteAsync(cancellationToken);
        await db.ProjectNameGrams.Where(g => projects.Contains(g.ProjectId)).ExecuteDeleteAsync(cancellationToken);
        var removed = await db.Projects.IgnoreQueryFilters().Where(p => p.StagingBatchId == batchId).ExecuteDeleteAsync(cancellationToken);
        await db.Units.IgnoreQueryFilters().Where(u => u.StagingBatchId == batchId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    public static ProjectEntity ToEntity(Project project, string? sourceFile)
    {
        var unit = project.Amounts.Unit;
        long? Fen(decimal? amount) => amount is { } a ? new Money(a, unit).ToFen() : null;
        var entity = new ProjectEntity
        {
            Name = project.Name,
            Code = string.IsNullOrWhiteSpace(project.Code) ? null : project.Code.Trim(),
            FiscalYear = project.FiscalYear,
            SourceMoneyUnit = Money.UnitName(unit),
            TotalFen = Fen(project.Amounts.Total),
            FiscalFen = Fen(project.Amounts.Fiscal),
            FiscalSpecialFen = Fen(project.Amounts.FiscalSpecial),
            OtherFen = Fen(project.Amounts.Other),
            PeriodTotalFen = Fen(project.Amounts.PeriodTotal),
            Goal = project.Goal.Text,
            PeriodGoal = project.Goal.PeriodGoal,
            AnnualGoal = project.Goal.AnnualGoal,
            PolicyBasis = Clean(project.PolicyBasis),
            CostBasis = Clean(project.CostBasis),
            Placeholders = PlaceholderRows.ToJson(project.Placeholders),
            Source = Source(project.Location?.File ?? sourceFile, project.Location?.Line),
        };
        var position = 0;
        foreach (var indicator in project.Indicators)
        {
            var i = new IndicatorEntity
            {
                Position = position++,
                Number = indicator.Number,
                Level1Code = indicator.Level1?.Code,
                Level2Code = indicator.Level2?.Code,
                Level1Text = indicator.Level1Text,
                Level2Text = indicator.Level2Text,
                Name = indicator.Name,
                MeasureUnit = indicator.Unit,
                Weight = indicator.Weight,
                ScoringRule = indicator.ScoringRule,
                Explanation = Clean(indicator.Explanation),
            };
            TargetColumns.SetPeriod(i, indicator.PeriodTarget);
            TargetColumns.SetAnnual(i, indicator.AnnualTarget);
            entity.Indicators.Add(i);
        }

        return entity;
    }

    /// <summary>A text as written (a reviewer's pattern sees what the unit wrote), null when blank.</summary>
    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string? Source(string? file, int? line) =>
        file is null ? null : line is null ? file : $"{file}:{line}";
}
