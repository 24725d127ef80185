using Jixiao.Data.Entities;
using Jixiao.Data.Storing;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Targets;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data.Tests;

/// <summary>运行监控 in the store: rounds, entries in exact 分, indicator rows, and the audit line of every filled field.</summary>
public sealed class MonitoringStoreTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_round_keeps_its_entries_in_exact_fen_and_every_filled_field_is_audited(string provider)
    {
        using var database = TestDatabase.Create(provider);
        int entryId;
        int indicatorId;
        await using (var db = database.NewContext("导入"))
        {
            var project = new Project("社区网格化管理经费", 2024, new ProjectAmounts(300m, 300m, null, null, MoneyUnit.WanYuan), new PerformanceGoal("目标"),
                [new Indicator(null, null, "培训网格员人数", null, TargetParser.Parse("≥1200人"))]);
            var added = await UnitWriter.AddAsync(db, [new BudgetUnit("网格中心", "网格中心", null, [project])], "t.txt");
            await db.SaveChangesAsync();
            var projectId = added.Added[0].Id;
            indicatorId = await db.Indicators.Where(i => i.ProjectId == projectId).Select(i => i.Id).SingleAsync();
            var round = new MonitoringRoundEntity
            {
                FiscalYear = 2024, StartMonth = 1, EndMonth = 7, Kind = MonitoringRoundKind.MidYear, Deadline = new DateOnly(2024, 8, 15),
                OpenedById = "u1", OpenedByName = "财政局", OpenedAt = new DateTimeOffset(2024, 8, 1, 1, 0, 0, TimeSpan.Zero),
                Entries = [new MonitoringEntryEntity { ProjectId = projectId, Indicators = [new MonitoringIndicatorEntryEntity { IndicatorId = indicatorId }] }],
            };
            db.MonitoringRounds.Add(round);
            await db.SaveChangesAsync();
            entryId = round.Entries[0].Id;
        }

        await using (var db = database.NewContext("gaj"))
        {
            var entry = await db.MonitoringEntries.Include(e => e.Indicators).SingleAsync(e => e.Id == entryId);
            entry.Version.ShouldBe(0);
            entry.ExecutedFen = 1_000_000_01L; // 1,000,000.01 元
            entry.Status = MonitoringEntryStatus.Draft;
            entry.Indicators[0].Progress = "600人";
            entry.Indicators[0].Likelihood = "有可能";
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            var entry = await db.MonitoringEntries.AsNoTracking().Include(e => e.Round).Include(e => e.Indicators).SingleAsync(e => e.Id == entryId);
            entry.ExecutedFen.ShouldBe(100_000_001L);
            entry.Version.ShouldBe(1);
            entry.Round!.Deadline.ShouldBe(new DateOnly(2024, 8, 15));
            entry.Round.Kind.ShouldBe(MonitoringRoundKind.MidYear);
            entry.Indicators[0].Progress.ShouldBe("600人");
            var lines = await db.AuditLog.AsNoTracking().Where(a => a.Entity.StartsWith("monitoring")).OrderBy(a => a.Id).ToListAsync();
            lines.Select(a => (a.Actor, a.Entity, a.Field, a.OldValue, a.NewValue, a.ProjectId)).ShouldBe([
                ("gaj", "monitoring", "executed", null, "1000000.01 元", entry.ProjectId),
                ("gaj", "monitoring", "status", "未填报", "填报中", entry.ProjectId),
                ("gaj", "monitoringIndicator", "progress", null, "600人", entry.ProjectId),
                ("gaj", "monitoringIndicator", "likelihood", null, "有可能", entry.ProjectId),
            ]);
            lines[2].EntityId.ShouldBe(indicatorId);
        }
    }
}
