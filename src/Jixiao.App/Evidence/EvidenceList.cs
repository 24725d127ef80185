using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Evidence;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Evidence;

/// <summary>
/// One 佐证材料 file as listed: its number, what it is attached to (<see cref="Owner"/>: evaluationLine, correction,
/// rectification, with the ids), the listed name, sniffed type, size and SHA-256, who uploaded it and when, the row's
/// version, whether this user may replace or delete it now, and where to download it.
/// </summary>
public sealed record EvidenceRow(int Id, string Number, string Owner, int ProjectId, int? EvaluationId, int? Line, string? LineName, string? Subject,
    string? SubjectText, int? CorrectionId, int? TaskId, string FileName, string FileType, string FileTypeText, long SizeBytes, string SizeText,
    string Sha256, string? Note, string UploadedBy, DateTimeOffset UploadedAt, long Version, bool CanChange, string DownloadUrl)
{
    internal static EvidenceRow From(EvidenceFileEntity e, bool canChange) => new(e.Id, e.Number,
        e.EvaluationId is not null ? "evaluationLine" : e.CorrectionId is not null ? "correction" : "rectification", e.ProjectId, e.EvaluationId,
        e.LineIndex, e.LineName, e.Subject?.Name(), e.Subject?.Chinese(), e.CorrectionId, e.RectificationTaskId, e.FileName, e.FileType.Name(),
        e.FileType.Chinese(), e.SizeBytes, EvidenceLimits.Size(e.SizeBytes), e.Sha256, e.Note, e.UploadedBy, e.UploadedAt, e.Version, canChange,
        $"/api/v1/evidence/{e.Id}/file");
}

/// <summary>
/// The 佐证材料 of one owner (or of all lines of an evaluation) with what the forms need: whether this user may add files
/// (<see cref="CanChange"/>, else <see cref="Refusal"/> says why not), how much of the owner's total is used and the limits.
/// </summary>
public sealed record EvidencePanel(string GroupName, IReadOnlyList<EvidenceRow> Files, bool CanChange, string? Refusal, long UsedBytes,
    EvidenceLimits Limits)
{
    public IReadOnlyList<EvidenceRow> OfLine(int line) => [.. Files.Where(f => f.Line == line)];
}

/// <summary>The 佐证材料 users see, in number order; deleted files are left out (their trail is in the audit log).</summary>
public static class EvidenceList
{
    /// <summary>The files of one owner, or the not-found outcome (404) of an owner outside the scope.</summary>
    public static async Task<(Outcome Outcome, EvidencePanel? Panel)> ForOwnerAsync(JixiaoDbContext db, AccessScope scope, EvidenceLimits limits,
        EvidenceOwner owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(limits);
        var (notFound, found) = await EvidenceOwners.FindAsync(db, scope, owner, cancellationToken);
        if (found is null)
        {
            return (notFound!, null);
        }

        var group = EvidenceOwners.Group(db, owner).AsNoTracking();
        var files = await (owner is EvidenceOwner.EvaluationLine line ? group.Where(e => e.LineIndex == line.Line) : group)
            .OrderBy(e => e.Year).ThenBy(e => e.Sequence).ToListAsync(cancellationToken);
        var used = await group.SumAsync(e => e.SizeBytes, cancellationToken);
        return (Outcome.Ok, new EvidencePanel(found.GroupName, [.. files.Select(f => EvidenceRow.From(f, found.Refusal is null))], found.Refusal is null,
            found.Refusal?.Reason, used, limits));
    }


    /// <summary>The live files of many 纠偏 requests or 整改 tasks at once (a queue page), by owner id; the caller knows who may change them.</summary>
    public static async Task<IReadOnlyDictionary<int, IReadOnlyList<EvidenceRow>>> ForCorrectionsAsync(JixiaoDbContext db, AccessScope scope,
        IReadOnlyCollection<(int Id, bool CanChange)> corrections, CancellationToken cancellationToken = default)
    {
        var ids = corrections.Select(c => c.Id).ToList();
        var may = corrections.ToDictionary(c => c.Id, c => c.CanChange);
        var files = await EvidenceOwners.Visible(db.EvidenceFiles.AsNoTracking(), scope)
            .Where(e => e.CorrectionId != null && ids.Contains(e.CorrectionId.Value) && e.DeletedAt == null)
            .OrderBy(e => e.Year).ThenBy(e => e.Sequence).ToListAsync(cancellationToken);
        return files.GroupBy(f => f.CorrectionId!.Value)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<EvidenceRow>)[.. g.Select(f => EvidenceRow.From(f, may[g.Key]))]);
    }

    /// <inheritdoc cref="ForCorrectionsAsync"/>
    public static async Task<IReadOnlyDictionary<int, IReadOnlyList<EvidenceRow>>> ForTasksAsync(JixiaoDbContext db, AccessScope scope,
        IReadOnlyCollection<(int Id, bool CanChange)> tasks, CancellationToken cancellationToken = default)
    {
        var ids = tasks.Select(c => c.Id).ToList();
        var may = tasks.ToDictionary(c => c.Id, c => c.CanChange);
        var files = await EvidenceOwners.Visible(db.EvidenceFiles.AsNoTracking(), scope)
            .Where(e => e.RectificationTaskId != null && ids.Contains(e.RectificationTaskId.Value) && e.DeletedAt == null)
            .OrderBy(e => e.Year).ThenBy(e => e.Sequence).ToListAsync(cancellationToken);
        return files.GroupBy(f => f.RectificationTaskId!.Value)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<EvidenceRow>)[.. g.Select(f => EvidenceRow.From(f, may[g.Key]))]);
    }

    /// <summary>One file in scope, also a deleted one (its row says so); null when it does not exist or the user may not see it.</summary>
    public static async Task<(EvidenceFileEntity File, EvidenceRow Row)?> OneAsync(JixiaoDbContext db, AccessScope scope, int id,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var file = await EvidenceOwners.Visible(db.EvidenceFiles.AsNoTracking(), scope).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (file is null)
        {
            return null;
        }

        var (_, owner) = await EvidenceOwners.FindAsync(db, scope, EvidenceOwners.Of(file), cancellationToken);
        return (file, EvidenceRow.From(file, file.DeletedAt is null && owner is { Refusal: null }));
    }

    /// <summary>The live files of an evaluation as its report's annex lists them, in number order (the caller has checked the evaluation is in scope).</summary>
    public static async Task<IReadOnlyList<Jixiao.Reporting.Reports.ReportEvidence>> ForReportAsync(JixiaoDbContext db, int evaluationId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var files = await db.EvidenceFiles.AsNoTracking().Where(e => e.EvaluationId == evaluationId && e.DeletedAt == null)
            .OrderBy(e => e.Year).ThenBy(e => e.Sequence).ToListAsync(cancellationToken);
        return [.. files.Select(f => new Jixiao.Reporting.Reports.ReportEvidence(f.Number, f.FileName, f.LineName, f.Subject?.Chinese(), f.FileType.Chinese(),
            EvidenceLimits.Size(f.SizeBytes)))];
    }

    /// <summary>How many live files each line of an evaluation has (no row: none), for the recheck and the report.</summary>
    public static async Task<IReadOnlyDictionary<int, int>> CountsByLineAsync(JixiaoDbContext db, int evaluationId, CancellationToken cancellationToken = default) =>
        await db.EvidenceFiles.AsNoTracking().Where(e => e.EvaluationId == evaluationId && e.DeletedAt == null && e.LineIndex != null)
            .GroupBy(e => e.LineIndex!.Value).Select(g => new { Line = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Line, g => g.Count, cancellationToken);

    /// <summary>The files of every line of an evaluation (<see cref="EvidenceRow.Line"/> says which), for its page.</summary>
    public static async Task<(Outcome Outcome, EvidencePanel? Panel)> ForEvaluationAsync(JixiaoDbContext db, AccessScope scope, EvidenceLimits limits,
        int evaluationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var (notFound, evaluation) = await EvidenceOwners.EvaluationAsync(db, scope, evaluationId, cancellationToken);
        if (evaluation is null)
        {
            return (notFound!, null);
        }

        var files = await db.EvidenceFiles.AsNoTracking().Where(e => e.EvaluationId == evaluationId && e.DeletedAt == null)
            .OrderBy(e => e.Year).ThenBy(e => e.Sequence).ToListAsync(cancellationToken);
        var may = evaluation.Refusal is null;
        return (Outcome.Ok, new EvidencePanel("本评价", [.. files.Select(f => EvidenceRow.From(f, may))], may, evaluation.Refusal?.Reason,
            files.Sum(f => f.SizeBytes), limits));
    }
}
