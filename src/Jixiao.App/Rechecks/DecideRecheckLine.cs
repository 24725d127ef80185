using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Rechecks;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Rechecks;

/// <summary>A decision on one line: <see cref="Score"/> null accepts the 复核 score, else puts this one (a reason is required); the version read.</summary>
public sealed record RecheckLineInput(decimal? Score, string? Reason, long Version);

/// <summary>
/// The reviewer accepts or overrides one line's 复核 score (issue #16 item 3). The line must exist, an override needs
/// its reason and a score within the line's 分值 (<see cref="RecheckDecisions.Check"/>); the evaluation's 复核 total and
/// grade follow (<see cref="RecheckDecisions.Apply"/>). Audited old → new with who, when and why: the line, and the
/// total and grade when they move. A decision on a version not current is refused (409), nothing saved.
/// </summary>
public static class DecideRecheckLine
{
    public const string Stale = "该评价的复核已被他人修改，您的决定未保存。请刷新后重新操作。";

    public static async Task<Outcome> RunAsync(JixiaoDbContext db, AccessScope scope, int batchId, int id, int line, RecheckLineInput input,
        TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(clock);
        var (outcome, found) = await RecheckEvaluationDetail.FindAsync(db, scope, batchId, id, tracking: true, cancellationToken);
        if (found is null)
        {
            return outcome;
        }

        var row = found.Value.Row;
        if (row.Version != input.Version)
        {
            return new Outcome.Conflict(Stale);
        }

        var reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
        var before = DecidedRecheck.From(row, [.. row.Decisions.OrderBy(d => d.Line)]);
        var decision = new LineDecision(line, input.Score, reason);
        if (RecheckDecisions.Check(before.Original, decision) is { } refused)
        {
            return new Outcome.Invalid(refused);
        }

        var existing = row.Decisions.SingleOrDefault(d => d.Line == line);
        var decisions = before.Decisions.Where(d => d.Line != line).Select(DecidedRecheck.ToDecision).Append(decision).OrderBy(d => d.Line).ToList();
        var after = RecheckDecisions.Apply(before.Original, decisions);
        var at = clock.GetUtcNow();
        var name = before.Original.Lines[line].Line.Name;
        var label = $"第 {line + 1} 行“{CreateRecheckBatch.Clip(name, 60)}”";
        var audited = AuditLines.Change(db, scope, at, RecheckEvaluationDetail.AuditEntity, row.Id, null, "line",
            $"{label}：{Described(existing is null ? null : DecidedRecheck.ToDecision(existing), before.Original.Lines[line].Score)}",
            $"{label}：{Described(decision, before.Original.Lines[line].Score)}", reason ?? "复核人确认复核得分");
        if (!audited)
        {
            if (existing?.Reason == reason)
            {
                return Outcome.Ok;
            }

            // the same decision with another reason: the reason is what changes
            AuditLines.Change(db, scope, at, RecheckEvaluationDetail.AuditEntity, row.Id, null, "reason", $"{label}：{existing?.Reason ?? "（无）"}",
                $"{label}：{reason ?? "（无）"}", reason ?? "复核人删去理由");
        }

        if (before.Result.Total != after.Total || before.Result.Grade != after.Grade)
        {
            AuditLines.Change(db, scope, at, RecheckEvaluationDetail.AuditEntity, row.Id, null, "total",
                $"{Numbers(before.Result.Total)} 分 / {before.Result.Grade}", $"{Numbers(after.Total)} 分 / {after.Grade}", reason ?? "复核人确认复核得分");
        }

        if (existing is null)
        {
            row.Decisions.Add(new RecheckLineDecisionEntity { EvaluationId = row.Id, Line = line, Score = input.Score, Reason = reason, DecidedBy = scope.DisplayName, DecidedAt = at });
        }
        else
        {
            existing.Score = input.Score;
            existing.Reason = reason;
            existing.DecidedBy = scope.DisplayName;
            existing.DecidedAt = at;
        }

        row.Total = after.Total;
        row.Grade = after.Grade;
        db.Entry(row).Property(r => r.Version).OriginalValue = input.Version;
        // the row changes (its version moves) even when only another line's decision does: two reviewers never both win
        db.Entry(row).Property(r => r.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Outcome.Conflict(Stale);
        }

        return Outcome.Ok;
    }

    /// <summary>"复核 8 分（未确认）", "确认复核 8 分", "改为 6 分".</summary>
    private static string Described(LineDecision? decision, decimal? rechecked) => decision switch
    {
        null => $"复核 {(rechecked is { } r ? Numbers(r) + " 分" : "未计分")}（未确认）",
        { Score: { } score } => $"改为 {Numbers(score)} 分",
        _ => $"确认复核 {(rechecked is { } r2 ? Numbers(r2) + " 分" : "未计分")}",
    };

    private static string Numbers(decimal value) => Jixiao.Domain.Evaluations.ScoreRounding.Round(value).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
