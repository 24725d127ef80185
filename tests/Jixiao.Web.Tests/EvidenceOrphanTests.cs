using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.App.Evidence;
using Jixiao.Data.Entities;
using Jixiao.Domain.Evidence;
using Jixiao.Domain.Rectification;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

/// <summary>
/// The orphan rule of 佐证材料 at the use-case level, on both databases: an upload that dies at any point leaves no row
/// without its file. Dying while the bytes arrive (the client goes away, or the process is killed) leaves no row and at
/// most a temp file, which the sweep removes once it is older than its grace; dying after the row is saved but before the
/// file is moved leaves a temp file the row names: it is downloadable at once and the sweep moves it into place.
/// </summary>
public sealed class EvidenceOrphanTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"jixiao-evidence-orphans-{Guid.NewGuid():N}");
    private static readonly AccessScope Clerk = new("clerk-id", "单位填报员", new HashSet<string> { Roles.Filler }, []);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private EvidenceStore Store() => new(_folder, EvidenceLimits.Default);

    /// <summary>A unit, a project and a pending 整改 task of it; the clerk's scope is the unit.</summary>
    private static async Task<(AccessScope Scope, int TaskId)> TaskAsync(TestDatabase database)
    {
        await using var db = database.NewContext("测试准备");
        var unit = new UnitEntity { Name = "测试单位" };
        var project = new ProjectEntity { Unit = unit, Name = "测试项目", SourceMoneyUnit = "万元", Goal = "目标" };
        var task = new RectificationTaskEntity
        {
            Project = project, Unit = unit, Source = RectificationSource.Evaluation, FindingCode = "EVA004", FindingMessage = "未说明偏差原因",
            FoundOn = new DateOnly(2026, 3, 1), IssuedOn = new DateOnly(2026, 3, 2), Deadline = new DateOnly(2026, 4, 1), Status = RectificationStatus.Pending,
            CreatedBy = "财政", CreatedAt = DateTimeOffset.UtcNow, Version = 1,
        };
        db.RectificationTasks.Add(task);
        await db.SaveChangesAsync();
        return (Clerk with { UnitIds = [unit.Id] }, task.Id);
    }

    /// <summary>A body that delivers a PDF header and <paramref name="before"/> bytes, then fails as a dropped connection does.</summary>
    private sealed class DroppedStream(int before) : Stream
    {
        private int _sent;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _sent; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_sent >= before)
            {
                throw new IOException("The client reset the connection.");
            }

            var n = Math.Min(count, before - _sent);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = _sent + i < 5 ? (byte)"%PDF-"[_sent + i] : (byte)' ';
            }

            _sent += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A clock the test moves.</summary>
    private sealed class TestClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    private string[] Temp() => Directory.GetFiles(Path.Combine(_folder, "tmp"));

    private string[] Stored() => Directory.GetFiles(Path.Combine(_folder, "files"), "*", SearchOption.AllDirectories);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_upload_whose_body_breaks_off_saves_no_row_and_leaves_no_file(string provider)
    {
        using var database = TestDatabase.Create(provider);
        var (scope, taskId) = await TaskAsync(database);
        var store = Store();
        await using var db = database.NewContext();

        await Should.ThrowAsync<IOException>(() => UploadEvidence.RunAsync(db, scope, store, new EvidenceOwner.Rectification(taskId),
            new EvidenceUpload(new DroppedStream(3 * 1024 * 1024), "验收报告.pdf", null), TimeProvider.System));

        (await db.EvidenceFiles.CountAsync()).ShouldBe(0);
        (await db.AuditLog.CountAsync(a => a.Entity == "evidence")).ShouldBe(0);
        Temp().ShouldBeEmpty();
        Stored().ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_process_killed_while_the_bytes_arrive_leaves_only_a_temp_file_which_the_sweep_removes_after_its_grace(string provider)
    {
        using var database = TestDatabase.Create(provider);
        var store = Store();
        // What a kill -9 during the copy leaves: the bytes so far in tmp, no row (a finally block never runs).
        var staged = await store.StageAsync(new MemoryStream(EvidenceTestFiles.Pdf()), store.Limits.MaxFileBytes);
        var written = File.GetLastWriteTimeUtc(store.TempPath(staged.Key));
        await using var db = database.NewContext();
        (await db.EvidenceFiles.CountAsync()).ShouldBe(0, "no orphan record: the row comes only after the whole file");

        var clock = new TestClock(new DateTimeOffset(written, TimeSpan.Zero) + TimeSpan.FromMinutes(5));
        (await EvidenceSweep.RunAsync(db, store, clock)).TempRemoved.ShouldBe(0, "an upload on another instance may still be writing it");
        Temp().Length.ShouldBe(1);

        clock.Advance(TimeSpan.FromMinutes(11));
        (await EvidenceSweep.RunAsync(db, store, clock)).TempRemoved.ShouldBe(1);
        Temp().ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_process_killed_after_the_row_is_saved_leaves_a_file_that_is_served_and_moved_into_place(string provider)
    {
        using var database = TestDatabase.Create(provider);
        var (scope, taskId) = await TaskAsync(database);
        var store = Store();
        var pdf = EvidenceTestFiles.Pdf();
        await using var db = database.NewContext();
        var uploaded = await UploadEvidence.RunAsync(db, scope, store, new EvidenceOwner.Rectification(taskId), new EvidenceUpload(new MemoryStream(pdf), "验收报告.pdf", null),
            TimeProvider.System);
        uploaded.Outcome.ShouldBe(Outcome.Ok);
        var key = (await db.EvidenceFiles.SingleAsync()).StorageKey;
        // Put the file back where it was between the commit and the move, as a kill -9 at that moment leaves it.
        File.Move(store.FilePath(key), store.TempPath(key));

        var (outcome, download) = await DownloadEvidence.RunAsync(db, scope, store, uploaded.File!.Id);
        outcome.ShouldBe(Outcome.Ok);
        await using (var content = download!.Content)
        {
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy);
            copy.ToArray().ShouldBe(pdf);
        }

        var swept = await EvidenceSweep.RunAsync(db, store, TimeProvider.System);
        swept.Completed.ShouldBe(1, "no grace for a file whose row is saved: it is moved at once");
        File.Exists(store.FilePath(key)).ShouldBeTrue();
        Temp().ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_stored_file_whose_row_was_deleted_or_never_saved_is_removed_by_the_sweep_after_its_grace(string provider)
    {
        using var database = TestDatabase.Create(provider);
        var (scope, taskId) = await TaskAsync(database);
        var store = Store();
        await using var db = database.NewContext();
        var kept = await UploadEvidence.RunAsync(db, scope, store, new EvidenceOwner.Rectification(taskId),
            new EvidenceUpload(new MemoryStream(EvidenceTestFiles.Pdf()), "保留.pdf", null), TimeProvider.System);
        var deleted = await UploadEvidence.RunAsync(db, scope, store, new EvidenceOwner.Rectification(taskId),
            new EvidenceUpload(new MemoryStream(EvidenceTestFiles.Png()), "删除.png", null), TimeProvider.System);
        var deletedKey = (await db.EvidenceFiles.AsNoTracking().SingleAsync(e => e.Id == deleted.File!.Id)).StorageKey;
        var copy = store.FilePath(deletedKey) + ".copy";
        File.Copy(store.FilePath(deletedKey), copy);
        (await DeleteEvidence.RunAsync(db, scope, store, deleted.File!.Id, new EvidenceDeletion("传错了", 1), TimeProvider.System)).ShouldBe(Outcome.Ok);
        // The process died between the row's deletion and the file's: the bytes are still there.
        File.Move(copy, store.FilePath(deletedKey));
        var stray = EvidenceStore.NewKey();
        Directory.CreateDirectory(Path.GetDirectoryName(store.FilePath(stray))!);
        await File.WriteAllBytesAsync(store.FilePath(stray), EvidenceTestFiles.Pdf());

        var now = new TestClock(DateTimeOffset.UtcNow);
        (await EvidenceSweep.RunAsync(db, store, now)).FilesRemoved.ShouldBe(0, "young files may belong to a row being saved");
        now.Advance(TimeSpan.FromMinutes(16));
        (await EvidenceSweep.RunAsync(db, store, now)).FilesRemoved.ShouldBe(2);
        Stored().Select(Path.GetFileName).ShouldBe([(await db.EvidenceFiles.AsNoTracking().SingleAsync(e => e.Id == kept.File!.Id)).StorageKey]);
    }
}
