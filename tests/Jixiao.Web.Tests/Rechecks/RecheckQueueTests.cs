using System.Collections.Concurrent;
using System.Text;
using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.App.Imports;
using Jixiao.App.Rechecks;
using Jixiao.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using static Jixiao.Web.Tests.Rechecks.RecheckFiles;

namespace Jixiao.Web.Tests.Rechecks;

/// <summary>
/// The queue of 复核 jobs in the database and its workers, on SQLite and PostgreSQL: every file rechecked and stored or
/// failed with its reason; the same bytes recognised; a claim of a dead worker taken again after its lease; a restart
/// resuming; two workers on one database never doing a job twice; a file on which workers keep dying failing; a busy
/// reader putting the job back.
/// </summary>
public sealed class RecheckQueueTests
{
    private static readonly AccessScope Reviewer = new("reviewer-1", "财政审核员", new HashSet<string> { Roles.Reviewer }, []);
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private static async Task<int> UploadAsync(TestDatabase database, params UploadedFile[] files)
    {
        await using var db = database.NewContext();
        var (outcome, id) = await CreateRecheckBatch.RunAsync(db, Reviewer, files, new RecheckUploadLimits(), new ManualClock(Start));
        outcome.ShouldBe(Outcome.Ok, outcome.Reason);
        return id!.Value;
    }

    private static RecheckWorker Worker(TestDatabase database, ImportReader reader, TimeProvider clock, string id) =>
        new(() => database.NewContext(), reader, clock, new RecheckWorkerOptions(), NullLogger<RecheckWorker>.Instance, id);

    private static async Task<int> DrainAsync(RecheckWorker worker)
    {
        var steps = 0;
        while (await worker.RunOnceAsync(CancellationToken.None) != RecheckStep.Idle)
        {
            steps++;
        }

        return steps;
    }

    private static async Task<List<RecheckJobEntity>> JobsAsync(TestDatabase database, int batchId)
    {
        await using var db = database.NewContext();
        return await db.RecheckJobs.AsNoTracking().Where(j => j.BatchId == batchId).OrderBy(j => j.Position).ToListAsync();
    }

    private static async Task<List<RecheckEvaluationEntity>> EvaluationsAsync(TestDatabase database, int batchId)
    {
        await using var db = database.NewContext();
        return await db.RecheckEvaluations.AsNoTracking().Where(e => e.BatchId == batchId).OrderBy(e => e.JobId).ThenBy(e => e.Position).ToListAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_worker_rechecks_every_file_and_lists_one_it_cannot_read_with_its_reason(string provider)
    {
        using var database = TestDatabase.Create(provider, "jixiao-recheck");
        var batch = await UploadAsync(database, Upload("12.txt", Corpus("12-self-evaluation.txt")), Upload("坏文件.txt", Encoding.UTF8.GetBytes("这不是自评表\n")),
            Upload("14.txt", Corpus("14-self-evaluation.txt")), Upload("16.txt", Corpus("16-self-evaluation.txt")));
        using var reader = new ImportReader(new ImportReadLimits());

        (await DrainAsync(Worker(database, reader, new ManualClock(Start), "A"))).ShouldBe(4);

        var jobs = await JobsAsync(database, batch);
        jobs.Select(j => j.State).ShouldBe([RecheckJobState.Done, RecheckJobState.Failed, RecheckJobState.Done, RecheckJobState.Done]);
        jobs[1].Error!.ShouldStartWith("没有读到任何项目：");
        jobs.ShouldAllBe(j => j.Content == null && j.LeaseUntilMs == null && j.Attempts == 1);
        jobs[0].Kind.ShouldBe("绩效自评表");
        var evaluations = await EvaluationsAsync(database, batch);
        evaluations.Select(e => (e.JobId, e.Total, e.Grade, e.StatedGrade)).ShouldBe(
            [(jobs[0].Id, 59m, "差", "中"), (jobs[2].Id, 76m, "中", "中"), (jobs[3].Id, 100m, "优", "优")]);
        evaluations[0].Project.ShouldBe("隆阳区2021年中央化肥减量增效示范县项目补助资金");
        evaluations[0].FindingChecks!.ShouldContain("execution-score=1");
        evaluations[0].CutShort.ShouldBeTrue();
        StoredRecheck.Parse(evaluations[0].ResultJson).ToResult().Budget!.Score.ShouldBe(2.15m, "the stored 复核 reads back whole");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_same_file_twice_in_a_batch_is_a_duplicate_and_a_later_batch_reuses_its_result(string provider)
    {
        using var database = TestDatabase.Create(provider, "jixiao-recheck");
        var same = Corpus("14-self-evaluation.txt");
        var first = await UploadAsync(database, Upload("村级补助.txt", same), Upload("16.txt", Corpus("16-self-evaluation.txt")), Upload("村级补助（副本）.txt", same));
        using var reader = new ImportReader(new ImportReadLimits());
        var worker = Worker(database, reader, new ManualClock(Start), "A");

        (await DrainAsync(worker)).ShouldBe(2, "the copy is not queued");
        reader.Reads.ShouldBe(2);
        var jobs = await JobsAsync(database, first);
        jobs[2].State.ShouldBe(RecheckJobState.Duplicate);
        jobs[2].DuplicateOfId.ShouldBe(jobs[0].Id);
        jobs[2].Error.ShouldBe("与本批第 1 个文件“村级补助.txt”内容相同（SHA-256 一致），未重复复核。");
        jobs[2].Content.ShouldBeNull();

        var second = await UploadAsync(database, Upload("再次上传.txt", same));
        (await DrainAsync(worker)).ShouldBe(1);
        reader.Reads.ShouldBe(2, "not read again");
        var reused = (await JobsAsync(database, second)).Single();
        (reused.State, reused.DuplicateOfId, reused.Error).ShouldBe((RecheckJobState.Done, jobs[0].Id, RecheckWorker.Reused));
        var copy = (await EvaluationsAsync(database, second)).Single();
        var original = (await EvaluationsAsync(database, first)).First(e => e.JobId == jobs[0].Id);
        (copy.Total, copy.Grade, copy.FindingChecks, copy.ResultJson).ShouldBe((original.Total, original.Grade, original.FindingChecks, original.ResultJson));
        copy.Id.ShouldNotBe(original.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_job_claimed_by_a_worker_that_died_is_claimed_again_after_its_lease_and_the_dead_claim_can_no_longer_finish(string provider)
    {
        using var database = TestDatabase.Create(provider, "jixiao-recheck");
        var batch = await UploadAsync(database, Upload("16.txt", Corpus("16-self-evaluation.txt")));
        var clock = new ManualClock(Start);
        var lease = new RecheckWorkerOptions().Lease;
        ClaimedJob dead;
        await using (var db = database.NewContext())
        {
            dead = (await RecheckQueue.ClaimAsync(db, "dead", clock, lease))!;
        }

        using var reader = new ImportReader(new ImportReadLimits());
        var b = Worker(database, reader, clock, "B");
        (await b.RunOnceAsync(CancellationToken.None)).ShouldBe(RecheckStep.Idle, "the lease holds");
        clock.Advance(lease - TimeSpan.FromSeconds(1));
        (await b.RunOnceAsync(CancellationToken.None)).ShouldBe(RecheckStep.Idle, "the lease still holds");
        clock.Advance(TimeSpan.FromSeconds(2));
        (await b.RunOnceAsync(CancellationToken.None)).ShouldBe(RecheckStep.Worked);

        var job = (await JobsAsync(database, batch)).Single();
        (job.State, job.WorkerId, job.Attempts).ShouldBe((RecheckJobState.Done, "B", 2));
        await using (var db = database.NewContext())
        {
            (await RecheckQueue.FinishAsync(db, dead, "dead", "绩效自评表", [StoredRecheck.Parse((await EvaluationsAsync(database, batch))[0].ResultJson).Row(0, 0, 1)], clock))
                .ShouldBeFalse();
            (await RecheckQueue.FailAsync(db, dead, "dead", "迟到的失败", null, clock)).ShouldBeFalse();
        }

        (await EvaluationsAsync(database, batch)).Count.ShouldBe(1, "the late worker stored nothing");
        (await JobsAsync(database, batch)).Single().State.ShouldBe(RecheckJobState.Done);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task After_a_restart_the_batch_completes_and_no_file_is_rechecked_twice(string provider)
    {
        using var database = TestDatabase.Create(provider, "jixiao-recheck");
        var files = Enumerable.Range(0, 6).Select(i => Upload($"自评{i}.txt", Variant(SelfEvaluations[i % 3], i))).ToArray();
        var batch = await UploadAsync(database, files);
        var clock = new ManualClock(Start);

        // The first instance rechecks two files, claims a third and is killed before it finishes it.
        using (var reader = new ImportReader(new ImportReadLimits()))
        {
            var before = Worker(database, reader, clock, "before");
            (await before.RunOnceAsync(CancellationToken.None)).ShouldBe(RecheckStep.Worked);
            (await before.RunOnceAsync(CancellationToken.None)).ShouldBe(RecheckStep.Worked);
            await using var db = database.NewContext();
            (await RecheckQueue.ClaimAsync(db, "before", clock, new RecheckWorkerOptions().Lease)).ShouldNotBeNull();
        }

        using var restarted = new ImportReader(new ImportReadLimits());
        var after = Worker(database, restarted, clock, "after");
        (await DrainAsync(after)).ShouldBe(3, "the three queued files; the claimed one waits for its lease");
        (await JobsAsync(database, batch)).Count(j => j.State == RecheckJobState.Running).ShouldBe(1);
        clock.Advance(new RecheckWorkerOptions().Lease + TimeSpan.FromSeconds(1));
        (await DrainAsync(after)).ShouldBe(1);

        var jobs = await JobsAsync(database, batch);
        jobs.ShouldAllBe(j => j.State == RecheckJobState.Done);
        jobs.Select(j => j.WorkerId).ShouldBe(["before", "before", "after", "after", "after", "after"]);
        restarted.Reads.ShouldBe(4);
        (await EvaluationsAsync(database, batch)).GroupBy(e => e.JobId).ShouldAllBe(g => g.Count() == 1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_workers_on_one_database_share_the_queue_and_never_do_a_job_twice(string provider)
    {
        using var database = TestDatabase.Create(provider, "jixiao-recheck");
        var batch = await UploadAsync(database, [.. Enumerable.Range(0, 24).Select(i => Upload($"自评{i}.txt", Variant(SelfEvaluations[i % 3], i)))]);
        var claims = new ConcurrentBag<(string Worker, int Job)>();
        using var readerA = new ImportReader(new ImportReadLimits());
        using var readerB = new ImportReader(new ImportReadLimits());
        var workers = new[] { Worker(database, readerA, TimeProvider.System, "A"), Worker(database, readerB, TimeProvider.System, "B") };
        foreach (var w in workers)
        {
            w.AfterClaim = job => { claims.Add((w.Id, job.Id)); return Task.CompletedTask; };
        }

        // As two app instances would: each worker on its own thread, its own reader and connections, at once.
        using var go = new ManualResetEventSlim();
        var runs = workers.Select(w => Task.Run(async () => { go.Wait(); return await DrainAsync(w); })).ToArray();
        go.Set();
        var steps = await Task.WhenAll(runs);

        steps.Sum().ShouldBe(24);
        claims.Count.ShouldBe(24);
        claims.Select(c => c.Job).Distinct().Count().ShouldBe(24, "no job was claimed twice");
        (readerA.Reads + readerB.Reads).ShouldBe(24);
        var jobs = await JobsAsync(database, batch);
        jobs.ShouldAllBe(j => j.State == RecheckJobState.Done);
        jobs.ShouldAllBe(j => claims.Single(c => c.Job == j.Id).Worker == j.WorkerId);
        var evaluations = await EvaluationsAsync(database, batch);
        evaluations.Count.ShouldBe(24);
        evaluations.Select(e => e.JobId).Distinct().Count().ShouldBe(24);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_during_which_workers_keep_dying_fails_after_its_attempts(string provider)
    {
        using var database = TestDatabase.Create(provider, "jixiao-recheck");
        var batch = await UploadAsync(database, Upload("16.txt", Corpus("16-self-evaluation.txt")));
        var clock = new ManualClock(Start);
        var options = new RecheckWorkerOptions();
        for (var i = 0; i < options.MaxAttempts; i++)
        {
            await using var db = database.NewContext();
            (await RecheckQueue.ClaimAsync(db, $"dying-{i}", clock, options.Lease)).ShouldNotBeNull();
            clock.Advance(options.Lease + TimeSpan.FromSeconds(1));
        }

        using var reader = new ImportReader(new ImportReadLimits());
        (await Worker(database, reader, clock, "last").RunOnceAsync(CancellationToken.None)).ShouldBe(RecheckStep.Worked);

        var job = (await JobsAsync(database, batch)).Single();
        job.State.ShouldBe(RecheckJobState.Failed);
        job.Error.ShouldBe("该文件已尝试复核 3 次均未完成（处理中服务中断），不再重试。请检查文件后单独上传。");
        reader.Reads.ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_read_refused_for_the_owner_limit_puts_the_job_back_and_it_is_done_later(string provider)
    {
        using var database = TestDatabase.Create(provider, "jixiao-recheck");
        var batch = await UploadAsync(database, Upload("16.txt", Corpus("16-self-evaluation.txt")));
        using var reader = new ImportReader(new ImportReadLimits { PerUser = 1 });
        using var gate = new ManualResetEventSlim();
        var first = 0;
        reader.BeforeRead = _ =>
        {
            if (Interlocked.Exchange(ref first, 1) == 0)
            {
                gate.Wait();
            }
        };

        // The reviewer previews an import meanwhile: that read takes the one read the reviewer may have running.
        var interactive = reader.ReadAsync(Corpus("02-targets.txt"), "02.txt", null, Reviewer.UserId);
        var worker = Worker(database, reader, new ManualClock(Start), "A");
        (await worker.RunOnceAsync(CancellationToken.None)).ShouldBe(RecheckStep.Busy);
        var waiting = (await JobsAsync(database, batch)).Single();
        (waiting.State, waiting.Attempts, waiting.WorkerId).ShouldBe((RecheckJobState.Queued, 0, (string?)null));

        gate.Set();
        (await interactive).Refused.ShouldBeNull();
        (await worker.RunOnceAsync(CancellationToken.None)).ShouldBe(RecheckStep.Worked);
        (await JobsAsync(database, batch)).Single().State.ShouldBe(RecheckJobState.Done);
    }
}

/// <summary>The reader's background reads (the 复核批次 workers'): counted apart from the pages' reads, and not kept.</summary>
public sealed class BackgroundReadTests
{
    [Fact]
    public async Task A_background_read_takes_no_slot_of_the_pages_and_is_not_kept()
    {
        using var reader = new ImportReader(new ImportReadLimits { Global = 1, Background = 1 });
        using var gate = new ManualResetEventSlim();
        var first = 0;
        reader.BeforeRead = _ =>
        {
            if (Interlocked.Exchange(ref first, 1) == 0)
            {
                gate.Wait();
            }
        };
        var page = reader.ReadAsync(Corpus("02-targets.txt"), "02.txt", null, "clerk");

        // The pages' one slot is taken: a background read still runs; another page's read must wait.
        var background = await reader.ReadAsync(Corpus("16-self-evaluation.txt"), "16.txt", null, "reviewer", background: true);
        background.Refused.ShouldBeNull();
        (await reader.ReadAsync(Corpus("03-targets.txt"), "03.txt", null, "other")).Refused.ShouldBeOfType<Outcome.Busy>();

        gate.Set();
        (await page).Refused.ShouldBeNull();
        var reads = reader.Reads;
        (await reader.ReadAsync(Corpus("02-targets.txt"), "02.txt", null, "clerk")).Refused.ShouldBeNull();
        reader.Reads.ShouldBe(reads, "the page's reading is kept");
        (await reader.ReadAsync(Corpus("16-self-evaluation.txt"), "16.txt", null, "reviewer", background: true)).Refused.ShouldBeNull();
        reader.Reads.ShouldBe(reads + 1, "the background reading was not kept");
    }
}
