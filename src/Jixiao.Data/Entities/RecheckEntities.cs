namespace Jixiao.Data.Entities;

/// <summary>
/// A 复核批次 (docs/recheck.md, "Batches"): the self-evaluations a reviewer uploaded at once (a zip or up to 500 files),
/// each a <see cref="RecheckJobEntity"/> that a background worker reads and rechecks. Seen by its owner and admins.
/// </summary>
public sealed class RecheckBatchEntity : IVersioned
{
    public int Id { get; set; }

    /// <summary>What the reviewer uploaded: the zip's name, or the first file's with the count.</summary>
    public required string Name { get; set; }
    public required string OwnerId { get; set; }
    public required string OwnerName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int FileCount { get; set; }

    /// <summary>What the upload left out and why (a zip's folders, system files, nested zips), one Chinese line each; null when nothing.</summary>
    public string? Notes { get; set; }
    public long Version { get; set; }
    public List<RecheckJobEntity> Jobs { get; set; } = [];
}

/// <summary>The state of a job (stored by name, lower case).</summary>
public enum RecheckJobState
{
    /// <summary>Waiting for a worker.</summary>
    Queued,
    /// <summary>Claimed by <see cref="RecheckJobEntity.WorkerId"/> until <see cref="RecheckJobEntity.LeaseUntilMs"/>; an expired lease is claimed again.</summary>
    Running,
    /// <summary>Read and rechecked: its evaluations are stored (a file that holds no self-evaluation is <see cref="Failed"/>).</summary>
    Done,
    /// <summary>Not rechecked, with the Chinese reason in <see cref="RecheckJobEntity.Error"/>.</summary>
    Failed,
    /// <summary>The same bytes as an earlier file of the same batch (<see cref="RecheckJobEntity.DuplicateOfId"/>): not read again.</summary>
    Duplicate,
}

/// <summary>
/// One uploaded file of a batch as a job of the queue (migration 0019). A worker claims it with one atomic statement
/// (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite: UPDATE … WHERE "State" = 'queued'), holds a lease that it renews while it
/// reads, and finishes it only while it still holds the claim, so no job is done twice. The content is kept until the
/// job ends, then dropped (<see cref="Sha256"/> stays, to recognise the same file again).
/// </summary>
public sealed class RecheckJobEntity
{
    public int Id { get; set; }
    public int BatchId { get; set; }
    public RecheckBatchEntity? Batch { get; set; }

    /// <summary>1-based order in the batch, as uploaded.</summary>
    public int Position { get; set; }
    public required string FileName { get; set; }

    /// <summary>The content's SHA-256, 64 hex digits (upper case).</summary>
    public required string Sha256 { get; set; }
    public long SizeBytes { get; set; }

    /// <summary>The file as uploaded, until the job ends (null afterwards).</summary>
    public byte[]? Content { get; set; }
    public RecheckJobState State { get; set; }

    /// <summary>Claims so far; a file claimed this often without finishing (a worker dying on it) fails instead of being tried again.</summary>
    public int Attempts { get; set; }

    /// <summary>The worker (instance and loop) that holds the claim; null when none does.</summary>
    public string? WorkerId { get; set; }

    /// <summary>The claim's lease, in Unix milliseconds (UTC): past it, another worker may claim the job again.</summary>
    public long? LeaseUntilMs { get; set; }
    public DateTimeOffset QueuedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The document kind as read ("自评表"); null until read.</summary>
    public string? Kind { get; set; }

    /// <summary>Why the file was not rechecked (Failed), or how a result was reused (Done); Chinese.</summary>
    public string? Error { get; set; }

    /// <summary>The job whose result this one is: an earlier file of the batch with the same bytes (Duplicate), or of another batch (Done, reused).</summary>
    public int? DuplicateOfId { get; set; }
    public int EvaluationCount { get; set; }
}

/// <summary>
/// One self-evaluation rechecked in a batch (a file may hold several projects): what the list shows and sorts by — the
/// project, unit, 自评 and 复核 totals and grades with the reviewer's decisions taken, the findings per check — and the
/// whole 复核 as the worker stored it (<see cref="ResultJson"/>, before any decision).
/// </summary>
public sealed class RecheckEvaluationEntity : IVersioned
{
    public int Id { get; set; }
    public int BatchId { get; set; }
    public int JobId { get; set; }
    public RecheckJobEntity? Job { get; set; }

    /// <summary>Order within the file.</summary>
    public int Position { get; set; }
    public string? Project { get; set; }
    public string? Unit { get; set; }
    public int? Year { get; set; }
    public required string RuleSet { get; set; }
    public decimal? StatedTotal { get; set; }
    public string? StatedGrade { get; set; }

    /// <summary>The 复核 total and grade with the reviewer's decisions taken.</summary>
    public decimal Total { get; set; }
    public required string Grade { get; set; }
    public int FindingCount { get; set; }

    /// <summary>The findings per check, "execution-score=1;sum=2" (ordinal order of the check).</summary>
    public string? FindingChecks { get; set; }
    public bool CutShort { get; set; }

    /// <summary>The 复核 as stored by the worker (App's StoredRecheck), before any decision.</summary>
    public required string ResultJson { get; set; }
    public long Version { get; set; }
    public List<RecheckLineDecisionEntity> Decisions { get; set; } = [];
}

/// <summary>A reviewer's accept (<see cref="Score"/> null) or override of one line of a rechecked evaluation; every change is an audit line.</summary>
public sealed class RecheckLineDecisionEntity
{
    public int EvaluationId { get; set; }

    /// <summary>0-based index of the line in the 复核.</summary>
    public int Line { get; set; }
    public decimal? Score { get; set; }
    public string? Reason { get; set; }
    public required string DecidedBy { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
}

/// <summary>The stored names of <see cref="RecheckJobState"/>: what the queue's SQL compares.</summary>
public static class RecheckJobStates
{
    public const string Queued = "queued", Running = "running", Done = "done", Failed = "failed", Duplicate = "duplicate";

    public static string Name(RecheckJobState state) => state switch
    {
        RecheckJobState.Queued => Queued,
        RecheckJobState.Running => Running,
        RecheckJobState.Done => Done,
        RecheckJobState.Failed => Failed,
        RecheckJobState.Duplicate => Duplicate,
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static RecheckJobState Parse(string name) => name switch
    {
        Queued => RecheckJobState.Queued,
        Running => RecheckJobState.Running,
        Done => RecheckJobState.Done,
        Failed => RecheckJobState.Failed,
        Duplicate => RecheckJobState.Duplicate,
        _ => throw new InvalidOperationException($"Stored recheck job state '{name}' is unknown."),
    };
}
