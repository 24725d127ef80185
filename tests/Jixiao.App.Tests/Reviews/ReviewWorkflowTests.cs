using Jixiao.App.Common;
using Jixiao.App.Reviews;
using Jixiao.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Tests.Reviews;

/// <summary>The 目标审核 workflow through its entry, <see cref="ReviewWorkflow"/>, on a real database of each provider.</summary>
public sealed class ReviewWorkflowTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_clerk_submits_and_the_reviewer_returns_with_a_comment_that_the_audit_log_keeps(string provider)
    {
        using var database = TestDatabase.Create(provider, "jixiao-app");
        var (unitId, project, _, _) = await StoredUnit.AddAsync(database);

        await using (var db = database.NewContext("公安分局填报员"))
        {
            (await ReviewWorkflow.SubmitAsync(db, StoredUnit.Clerk(unitId), project, new(Confirm: true))).ShouldBe(Outcome.Ok);
        }

        await using (var db = database.NewContext("财政局审核人"))
        {
            (await ReviewWorkflow.ReturnAsync(db, StoredUnit.Reviewer(unitId), project, new("  请细化年度指标值。  "))).ShouldBe(Outcome.Ok);
        }

        await using var read = database.NewContext();
        (await read.Projects.SingleAsync(p => p.Id == project)).Status.ShouldBe(ReviewStatus.Returned);
        var steps = await read.AuditLog.Where(a => a.Entity == "project" && a.EntityId == project && a.Field == "status")
            .OrderBy(a => a.Id).Select(a => new { a.Actor, a.OldValue, a.NewValue, a.Reason }).ToListAsync();
        steps.Count.ShouldBe(2);
        steps[0].ShouldBe(new { Actor = "公安分局填报员", OldValue = (string?)"草稿", NewValue = (string?)"已提交", Reason = (string?)null });
        steps[1].ShouldBe(new { Actor = "财政局审核人", OldValue = (string?)"已提交", NewValue = (string?)"退回", Reason = (string?)"请细化年度指标值。" });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_project_with_open_errors_is_submitted_only_once_the_clerk_confirms_them(string provider)
    {
        using var database = TestDatabase.Create(provider, "jixiao-app");
        var (unitId, _, _, empty) = await StoredUnit.AddAsync(database);

        await using (var db = database.NewContext("公安分局填报员"))
        {
            var refused = await ReviewWorkflow.SubmitAsync(db, StoredUnit.Clerk(unitId), empty, new());
            var conflict = refused.ShouldBeOfType<Outcome.Conflict>();
            conflict.Message.ShouldStartWith("系统预审还有 ");
            conflict.Message.ShouldContain("我已知悉系统提示的错误");
        }

        await using (var db = database.NewContext())
        {
            (await db.Projects.SingleAsync(p => p.Id == empty)).Status.ShouldBe(ReviewStatus.Draft);
        }

        await using (var db = database.NewContext("公安分局填报员"))
        {
            (await ReviewWorkflow.SubmitAsync(db, StoredUnit.Clerk(unitId), empty, new(Confirm: true))).ShouldBe(Outcome.Ok);
        }

        await using var read = database.NewContext();
        (await read.Projects.SingleAsync(p => p.Id == empty)).Status.ShouldBe(ReviewStatus.Submitted);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Refuses_steps_by_role_by_state_and_without_a_comment_and_changes_nothing(string provider)
    {
        using var database = TestDatabase.Create(provider, "jixiao-app");
        var (unitId, project, _, _) = await StoredUnit.AddAsync(database);
        await using var db = database.NewContext("测试");

        (await ReviewWorkflow.SubmitAsync(db, StoredUnit.Stranger(), project, new(Confirm: true))).ShouldBeOfType<Outcome.NotFound>();
        (await ReviewWorkflow.SubmitAsync(db, StoredUnit.Reviewer(unitId), project, new(Confirm: true)))
            .ShouldBe(new Outcome.Forbidden("只有本单位的填报人可以提交。"));
        (await ReviewWorkflow.ApproveAsync(db, StoredUnit.Clerk(unitId), project, new(Confirm: true)))
            .ShouldBe(new Outcome.Forbidden("只有主管部门或财政审核人可以审核。"));
        (await ReviewWorkflow.ApproveAsync(db, StoredUnit.Reviewer(unitId), project, new(Confirm: true)))
            .ShouldBe(new Outcome.Conflict("项目处于“草稿”状态，只有已提交的项目可以审核。"));
        (await ReviewWorkflow.SubmitAsync(db, StoredUnit.Clerk(unitId), project, new(Version: 41, Confirm: true)))
            .ShouldBe(new Outcome.Conflict("项目已被他人更新，请刷新页面后再操作。"));

        (await ReviewWorkflow.SubmitAsync(db, StoredUnit.Clerk(unitId), project, new(Confirm: true))).ShouldBe(Outcome.Ok);
        (await ReviewWorkflow.ReturnAsync(db, StoredUnit.Reviewer(unitId), project, new("   ")))
            .ShouldBe(new Outcome.Invalid("退回时请填写退回意见，说明需要修改什么。"));

        await using var read = database.NewContext();
        (await read.Projects.SingleAsync(p => p.Id == project)).Status.ShouldBe(ReviewStatus.Submitted);
        (await read.AuditLog.CountAsync(a => a.Entity == "project" && a.EntityId == project && a.Field == "status")).ShouldBe(1);
    }
}
