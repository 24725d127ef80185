namespace Jixiao.Data.Entities;

/// <summary>
/// An uploaded file waiting for confirmation, or already imported. The bytes are kept so that confirming imports
/// exactly what was previewed, on whichever app instance the confirmation arrives.
/// </summary>
public sealed class ImportBatchEntity : IVersioned
{
    public int Id { get; set; }
    public required string FileName { get; set; }
    public required byte[] Content { get; set; }
    public required string UploadedBy { get; set; }
    public required string UploadedByName { get; set; }
    public DateTimeOffset UploadedAt { get; set; }

    /// <summary>The 预算年度 the uploader chose for a document whose title states none (migration 0010).</summary>
    public int? FiscalYear { get; set; }
    public ImportStatus Status { get; set; } = ImportStatus.Pending;

    /// <summary>What the preview found: layout name and counts, for lists.</summary>
    public string? Layout { get; set; }
    public int ProjectCount { get; set; }
    public int IndicatorCount { get; set; }
    public int ErrorCount { get; set; }
    public int WarningCount { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }

    /// <summary>
    /// When a confirmation began writing this batch's rows (hidden until its last transaction); null when none is under
    /// way. A confirmation that died (a crash) leaves it set: after a while another may start again (migration 0016).
    /// </summary>
    public DateTimeOffset? StagingSince { get; set; }

    public long Version { get; set; }
}

public enum ImportStatus
{
    /// <summary>待确认: previewed, nothing stored yet.</summary>
    Pending,
    /// <summary>已导入: the whole file landed in one transaction.</summary>
    Confirmed,
    /// <summary>已放弃.</summary>
    Discarded,
    /// <summary>已撤销: confirmed, then undone as a whole (its projects removed), with a reason in the audit log.</summary>
    Undone,
}
