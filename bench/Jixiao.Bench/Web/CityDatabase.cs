using System.Diagnostics;
using System.Globalization;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Reviews;
using Jixiao.Data.Storing;
using Jixiao.Import.Imports;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Bench.Web;

/// <summary>
/// A city-sized database for the web load test: 200 units × 250 projects (50,000) with 5 indicators each (250,000),
/// made from the real projects of seeds 002 and 003 (their goals, amounts and targets, names numbered per unit), and a
/// scored 单位自评 for every second project (25,000; the sheets themselves are empty: the list reads totals and grades).
/// </summary>
public static class CityDatabase
{
    public const int Units = 200;
    public const int IndicatorsPerProject = 5;

    public static void Generate(string connectionString, int projectCount)
    {
        var clock = Stopwatch.StartNew();
        var templates = new[] { "002_57b7928e8e0f944a.txt", "003_3854a258b9068c95.txt" }
            .SelectMany(f => TargetTableImporter.Import(Path.Combine(BenchPaths.Seeds, f)).Projects)
            .Select(p => UnitWriter.ToEntity(p, "generated"))
            .ToList();
        var allIndicators = templates.SelectMany(t => t.Indicators).ToList();

        using (var db = new JixiaoDbContext(JixiaoDatabase.Options(connectionString)))
        {
            db.Database.Migrate();
            if (db.Projects.Any())
            {
                throw new InvalidOperationException("The database already holds projects: give a new one.");
            }
        }

        var perUnit = Math.Max(1, projectCount / Units);
        var made = 0;
        for (var u = 0; u < Units && made < projectCount; u++)
        {
            using var db = new JixiaoDbContext(JixiaoDatabase.Options(connectionString)) { ActorOverride = "生成" };
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var unit = new UnitEntity { Name = $"第{u + 1:000}预算单位", Department = $"第{u / 10 + 1:00}部门" };
            for (var p = 0; p < perUnit && made < projectCount; p++, made++)
            {
                var template = templates[made % templates.Count];
                var project = new ProjectEntity
                {
                    Name = $"{template.Name}（{u + 1:000}-{p + 1:000}）",
                    FiscalYear = 2024,
                    SourceMoneyUnit = template.SourceMoneyUnit,
                    TotalFen = template.TotalFen is { } t ? t + p : null,
                    FiscalFen = template.FiscalFen,
                    Goal = template.Goal,
                    Status = (ReviewStatus)(made % 4),
                    Source = "generated",
                };
                for (var i = 0; i < IndicatorsPerProject; i++)
                {
                    var source = allIndicators[(made * IndicatorsPerProject + i) % allIndicators.Count];
                    project.Indicators.Add(new IndicatorEntity
                    {
                        Position = i,
                        Number = i + 1,
                        Level1Code = source.Level1Code,
                        Level2Code = source.Level2Code,
                        Level1Text = source.Level1Text,
                        Level2Text = source.Level2Text,
                        Name = source.Name,
                        PeriodText = source.PeriodText, PeriodKind = source.PeriodKind, PeriodComparator = source.PeriodComparator,
                        PeriodImplicit = source.PeriodImplicit, PeriodValue = source.PeriodValue, PeriodMax = source.PeriodMax,
                        PeriodUnit = source.PeriodUnit, PeriodDirection = source.PeriodDirection,
                        AnnualText = source.AnnualText, AnnualKind = source.AnnualKind, AnnualComparator = source.AnnualComparator,
                        AnnualImplicit = source.AnnualImplicit, AnnualValue = source.AnnualValue, AnnualMax = source.AnnualMax,
                        AnnualUnit = source.AnnualUnit, AnnualDirection = source.AnnualDirection,
                    });
                }

                unit.Projects.Add(project);
                if (made % 2 == 1)
                {
                    // Every second project has a scored 单位自评: totals 60–99, so 优 and 良 a quarter each, 中 half.
                    var total = 60 + made % 40;
                    db.Evaluations.Add(new EvaluationEntity
                    {
                        Project = project, Kind = Jixiao.Domain.Evaluations.EvaluationKind.SelfEvaluation, SheetJson = "{}", Total = total, Grade = total >= 90 ? "优" : total >= 80 ? "良" : "中",
                        BudgetExecution = 80 + made % 21, CreatedBy = "生成",
                    });
                }
            }

            db.Units.Add(unit);
            db.SaveChanges();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{made} projects, {made * IndicatorsPerProject} indicators in {Units} units written in {clock.Elapsed.TotalSeconds:0.0} s"));
    }
}
