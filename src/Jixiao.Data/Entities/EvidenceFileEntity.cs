using Jixiao.Domain.Evidence;

namespace Jixiao.Data.Entities;

/// <summary>
/// A 佐证材料 file (docs/evidence.md): its number, what it is attached to (a line of an evaluation, a 纠偏 request or a
/// 整改 task — exactly one of <see cref="EvaluationId"/>, <see cref="CorrectionId"/>, <see cref="RectificationTaskId"/>),
/// the name it is listed under, its sniffed type, size and SHA-256, and <see cref="StorageKey"/>: the random name of the
/// stored bytes in the evidence folder, never the user's name. A deleted file keeps its row (and its number) with who,
/// when and why; its bytes are removed. Every change is an audit line (entity evidence).
/// </summary>
public sealed class EvidenceFileEntity : IVersioned
{
    public int Id { get; set; }

    /// <summary>佐证-2026-0001: <see cref="Sequence"/> within <see cref="UnitId"/> and <see cref="Year"/>.</summary>
    public required string Number { get; set; }

    /// <summary>The unit that numbers the file: the unit of the project it belongs to.</summary>
    public int UnitId { get; set; }
    public UnitEntity? Unit { get; set; }

    /// <summary>The year of the upload (北京时间).</summary>
    public int Year { get; set; }
    public int Sequence { get; set; }

    public int ProjectId { get; set; }
    public ProjectEntity? Project { get; set; }

    public int? EvaluationId { get; set; }
    public EvaluationEntity? Evaluation { get; set; }

    /// <summary>The evaluation line (0-based) and its name (一级/二级/三级) when the file was attached.</summary>
    public int? LineIndex { get; set; }
    public string? LineName { get; set; }
    public EvidenceSubject? Subject { get; set; }

    public int? CorrectionId { get; set; }
    public MonitoringCorrectionEntity? Correction { get; set; }

    public int? RectificationTaskId { get; set; }
    public RectificationTaskEntity? RectificationTask { get; set; }

    /// <summary>The name the file is listed and downloaded under: the uploaded name made safe, with the sniffed type's extension.</summary>
    public required string FileName { get; set; }
    public EvidenceFileType FileType { get; set; }
    public long SizeBytes { get; set; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public required string Sha256 { get; set; }

    /// <summary>32 random hex digits: the stored file's name (Jixiao.App.Evidence.EvidenceStore).</summary>
    public required string StorageKey { get; set; }

    /// <summary>What the uploader wrote about the file (optional).</summary>
    public string? Note { get; set; }

    public required string UploadedBy { get; set; }
    public required string UploadedById { get; set; }
    public DateTimeOffset UploadedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }
    public string? DeleteReason { get; set; }

    public long Version { get; set; }
}
