using Jixiao.Data.Entities;
using Jixiao.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data.Storing;

/// <summary>What <see cref="UnitWriter.AddAsync"/> did: the projects it added and the names it skipped because the unit already has them.</summary>
public sealed record UnitWriteResult(IReadOnlyList<ProjectEntity> Added, IReadOnlyList<string> Skipped);

/// <summary>
/// Adds domain units with their projects and indicators to the store. A unit that already exists (same name) gets
/// the new projects added to it; a project the unit already has (same name) is skipped and reported, so importing
/// a file twice does not double it. The caller saves, so a whole file lands in one transaction or not at all.
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

    public static ProjectEntity ToEntity(Project project, string? sourceFile)
    {
        var unit = project.Amounts.Unit;
        long? Fen(decimal? amount) => amount is { } a ? new Money(a, unit).ToFen() : null;
        var entity = new ProjectEntity
        {
            Name = project.Name,
            FiscalYear = project.FiscalYear,
            SourceMoneyUnit = Money.UnitName(unit),
            TotalFen = Fen(project.Amounts.Total),
            FiscalFen = Fen(project.Amounts.Fiscal),
            FiscalSpecialFen = Fen(project.Amounts.FiscalSpecial),
            OtherFen = Fen(project.Amounts.Other),
            Goal = project.Goal.Text,
            PeriodGoal = project.Goal.PeriodGoal,
            AnnualGoal = project.Goal.AnnualGoal,
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
            };
            TargetColumns.SetPeriod(i, indicator.PeriodTarget);
            TargetColumns.SetAnnual(i, indicator.AnnualTarget);
            entity.Indicators.Add(i);
        }

        return entity;
    }

    private static string? Source(string? file, int? line) =>
        file is null ? null : line is null ? file : $"{file}:{line}";
}
