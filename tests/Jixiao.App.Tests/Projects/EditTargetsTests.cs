using Jixiao.App.Common;
using Jixiao.App.Projects;
using Jixiao.App.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Tests.Projects;

/// <summary>Editing an indicator's 指标值 through <see cref="EditTargets"/>, on a real database of each provider.</summary>
public sealed class EditTargetsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Stores_the_new_text_with_what_the_parser_read_and_audits_it_with_the_reason(string provider)
    {
        using var database = TestDatabase.Create(provider, "jixiao-app");
        var (unitId, _, indicator, _) = await StoredUnit.AddAsync(database);

        await using (var db = database.NewContext("公安分局填报员"))
        {
            var (outcome, edited) = await EditTargets.RunAsync(db, StoredUnit.Clerk(unitId), indicator,
                new EditTargetsRequest(" 100% ", "不低于98%", Version: 0, Reason: "按审核意见细化"));
            outcome.ShouldBe(Outcome.Ok);
            edited!.Version.ShouldBe(1);
        }

        await using var read = database.NewContext();
        var stored = await read.Indicators.SingleAsync(i => i.Id == indicator);
        (stored.AnnualText, stored.AnnualKind, stored.AnnualComparator, stored.AnnualImplicit, stored.AnnualValue, stored.AnnualUnit)
            .ShouldBe(("不低于98%", "quantitative", ">=", false, (decimal?)98m, "%"));
        stored.PeriodText.ShouldBe("100%", "an unchanged text after trimming is not an edit");
        var lines = await read.AuditLog.Where(a => a.Entity == "indicator" && a.EntityId == indicator).Select(a => new { a.Field, a.OldValue, a.NewValue, a.Reason }).ToListAsync();
        lines.ShouldHaveSingleItem().ShouldBe(new { Field = "annualTarget", OldValue = (string?)"≥95%", NewValue = (string?)"不低于98%", Reason = (string?)"按审核意见细化" });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_blank_text_clears_the_target_and_every_column_of_it(string provider)
    {
        using var database = TestDatabase.Create(provider, "jixiao-app");
        var (unitId, _, indicator, _) = await StoredUnit.AddAsync(database);

        await using (var db = database.NewContext("公安分局填报员"))
        {
            (await EditTargets.RunAsync(db, StoredUnit.Clerk(unitId), indicator, new EditTargetsRequest("  ", "≥95%", Version: 0))).Outcome.ShouldBe(Outcome.Ok);
        }

        await using var read = database.NewContext();
        var stored = await read.Indicators.SingleAsync(i => i.Id == indicator);
        (stored.PeriodText, stored.PeriodKind, stored.PeriodComparator, stored.PeriodImplicit, stored.PeriodValue, stored.PeriodMax, stored.PeriodUnit, stored.PeriodDirection)
            .ShouldBe((null, null, null, false, null, null, null, null));
        (stored.AnnualText, stored.AnnualValue).ShouldBe(("≥95%", (decimal?)95m));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Refuses_a_stale_version_and_a_submitted_project_and_keeps_the_stored_target(string provider)
    {
        using var database = TestDatabase.Create(provider, "jixiao-app");
        var (unitId, project, indicator, _) = await StoredUnit.AddAsync(database);

        await using (var db = database.NewContext("公安分局填报员"))
        {
            (await EditTargets.RunAsync(db, StoredUnit.Clerk(unitId), indicator, new EditTargetsRequest("100%", "≥96%", Version: 0))).Outcome.ShouldBe(Outcome.Ok);
        }

        await using (var db = database.NewContext("另一填报员"))
        {
            var (stale, _) = await EditTargets.RunAsync(db, StoredUnit.Clerk(unitId), indicator, new EditTargetsRequest("100%", "≥97%", Version: 0));
            var conflict = stale.ShouldBeOfType<Outcome.Conflict>();
            conflict.Message.ShouldStartWith("指标“施工质量合格率”已被公安分局填报员（");
            conflict.Message.ShouldContain("当前年度指标值为“≥96%”");

            (await EditTargets.RunAsync(db, StoredUnit.Stranger(), indicator, new EditTargetsRequest("100%", "≥97%", Version: 1))).Outcome
                .ShouldBe(new Outcome.NotFound($"找不到指标 {indicator}。"));
            (await EditTargets.RunAsync(db, StoredUnit.Reviewer(unitId), indicator, new EditTargetsRequest("100%", "≥97%", Version: 1))).Outcome
                .ShouldBe(new Outcome.Forbidden("只有本单位的填报人可以修改指标值。"));

            (await ReviewWorkflow.SubmitAsync(db, StoredUnit.Clerk(unitId), project, new(Confirm: true))).ShouldBe(Outcome.Ok);
            (await EditTargets.RunAsync(db, StoredUnit.Clerk(unitId), indicator, new EditTargetsRequest("100%", "≥97%", Version: 1))).Outcome
                .ShouldBe(new Outcome.Conflict("项目“分局中心枪库改造工程”处于“已提交”状态，不能修改指标值；需审核人退回后再改。"));
        }

        await using var read = database.NewContext();
        (await read.Indicators.SingleAsync(i => i.Id == indicator)).AnnualText.ShouldBe("≥96%");
    }
}
