using System.Globalization;
using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Diagnostics;
using Jixiao.Import.Payments;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Monitoring;

/// <summary>
/// A project of the round that the export pays: its lines summed (分), the 执行数 it had and would get, and a note when
/// it is not changed (its 监控表 was submitted: the unit's figure stands and the difference is shown).
/// </summary>
public sealed record PaymentMatch(int EntryId, int ProjectId, string Code, string ProjectName, string UnitName, int Lines, long? OldFen, long NewFen,
    bool Changes, string? Note);

/// <summary>A 项目编码 of the export that no project of the round in the reader's scope has: its lines, their sum (分), the export's name and unit for it.</summary>
public sealed record UnmatchedCode(string Code, int Lines, long AmountFen, string? ProjectName, string? Unit, string Location);

/// <summary>A project of the round in scope that the export does not pay (or that has no 项目编码 to match by).</summary>
public sealed record UnpaidProject(int EntryId, string ProjectName, string UnitName, string? Code);

/// <summary>
/// What loading the payment export would do (or did, with <see cref="Loaded"/>). Lines dated outside the round's
/// 1–N月 of its year are not counted (<see cref="OutsideMonths"/>); <see cref="Problems"/> stop the load.
/// </summary>
public sealed record PaymentExportLoad(RoundSummary Round, string FileName, string Format, int Lines, bool InWanYuan, int OutsideMonths,
    IReadOnlyList<PaymentMatch> Matched, IReadOnlyList<UnmatchedCode> Unmatched, IReadOnlyList<UnpaidProject> Unpaid, IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<string> Problems, bool CanConfirm, bool Loaded);

/// <summary>
/// 载入支付数据 (issue 18 item 1): a budget system's payment export (CSV or workbook of 项目编码 and amounts paid,
/// <see cref="PaymentExportReader"/>) sets the round's 1–N月 执行数 of the projects it pays, matched by 项目编码 (blanks
/// and bracket width not counting): every project's lines are summed (refunds negative); lines dated after month N
/// or in another year are left out. Loaded by the units' clerks for their own units and by finance — a reviewer for the
/// units it oversees, an admin for all — since the export is the treasury's figure. Codes that match no project of the
/// round in the reader's scope are listed, not refused (an export covers more than the round). Without
/// <c>confirm</c> it only previews; with it, every matched entry not yet submitted gets the sum, in one save; a
/// submitted entry keeps the unit's figure and the difference is noted. Every changed 执行数 is an audit line with the
/// file as its reason, plus one line on the round.
/// </summary>
public static class LoadPaymentExport
{
    /// <summary>≈ 100,000 CSV lines; the page sends the file back on confirm.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    public static async Task<(Outcome Outcome, PaymentExportLoad? Load)> RunAsync(JixiaoDbContext db, AccessScope scope, int roundId, byte[] content,
        string fileName, bool confirm, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(clock);
        var round = await scope.Visible(db.MonitoringRounds).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return (new Outcome.NotFound($"找不到监控轮次 {roundId}。"), null);
        }

        if (!scope.IsAdmin && !scope.IsFiller && !scope.IsReviewer)
        {
            return (new Outcome.Forbidden("只有单位填报人和财政（主管部门）审核人可以载入支付数据。"), null);
        }

        if (content.Length == 0 || content.Length > MaxBytes)
        {
            return (new Outcome.Invalid(content.Length == 0 ? "请选择要载入的支付数据文件。" : $"文件超过 {MaxBytes / (1024 * 1024)} MB。"), null);
        }

        var name = Path.GetFileName(string.IsNullOrWhiteSpace(fileName) ? "支付数据" : fileName.Trim());
        var export = PaymentExportReader.Read(content, name);
        var entries = await scope.Visible(db.MonitoringEntries).Where(e => e.RoundId == roundId).Include(e => e.Project!).ThenInclude(p => p.Unit)
            .ToListAsync(cancellationToken);
        entries = entries.Where(e => scope.IsAdmin || scope.MayFillMonitoring(e.Project!.UnitId) || scope.MayReview(e.Project!.UnitId)).ToList();

        var problems = new List<string>();
        if (round.Status != MonitoringRoundStatus.Open)
        {
            problems.Add("该轮监控已结束，不能再载入。");
        }

        problems.AddRange(export.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => $"{d.Code} {d.Message}"));
        var counted = export.Lines.Where(l => l.PaidOn is not { } day || (day.Year == round.FiscalYear && day.Month <= round.EndMonth)).ToList();
        var outside = export.Lines.Count - counted.Count;
        var byCode = entries.Where(e => !string.IsNullOrWhiteSpace(e.Project!.Code)).GroupBy(e => Key(e.Project!.Code!))
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var matched = new List<PaymentMatch>();
        var unmatched = new List<UnmatchedCode>();
        foreach (var group in counted.GroupBy(l => Key(l.Code), StringComparer.Ordinal))
        {
            var sum = group.Sum(l => l.AmountFen);
            var first = group.First();
            if (!byCode.TryGetValue(group.Key, out var candidates))
            {
                unmatched.Add(new UnmatchedCode(first.Code, group.Count(), sum, first.ProjectName, first.Unit, first.Location));
                continue;
            }

            if (candidates.Count > 1)
            {
                problems.Add($"项目编码 {first.Code} 在本轮中有 {candidates.Count} 个项目（{string.Join("、", candidates.Select(c => c.Project!.Name))}），无法判断支付属于哪个。");
                continue;
            }

            var entry = candidates[0];
            string? note = null;
            var changes = entry.ExecutedFen != sum;
            if (sum < 0)
            {
                problems.Add($"项目“{entry.Project!.Name}”（{first.Code}）的支付合计为负数（{Yuan(sum)} 元）。");
            }
            else if (entry.Status == MonitoringEntryStatus.Submitted)
            {
                note = changes ? $"监控表已提交，执行数未更新：单位填报 {Yuan(entry.ExecutedFen)} 元，支付数据 {Yuan(sum)} 元。" : "监控表已提交，执行数与支付数据一致。";
                changes = false;
            }

            matched.Add(new PaymentMatch(entry.Id, entry.ProjectId, entry.Project!.Code!, entry.Project.Name, entry.Project.Unit!.Name, group.Count(),
                entry.ExecutedFen, sum, changes, note));
        }

        var paid = matched.Select(m => m.EntryId).ToHashSet();
        var unpaid = entries.Where(e => !paid.Contains(e.Id)).OrderBy(e => e.Project!.Unit!.Name).ThenBy(e => e.Project!.Name)
            .Select(e => new UnpaidProject(e.Id, e.Project!.Name, e.Project.Unit!.Name, e.Project.Code)).ToList();
        if (export.Diagnostics.All(d => d.Severity != Severity.Error) && matched.Count == 0)
        {
            problems.Add(entries.Count == 0 ? "本轮中没有您可载入的项目。" : "文件中没有本轮项目的支付（按项目编码匹配）。");
        }

        var summary = MonitoringRounds.Summary(round, entries.Count, entries.Count(e => e.Status == MonitoringEntryStatus.Submitted));
        var canConfirm = problems.Count == 0;
        PaymentExportLoad Result(bool loaded) => new(summary, name, export.Format, export.Lines.Count, export.InWanYuan, outside,
            matched.OrderBy(m => m.UnitName, StringComparer.Ordinal).ThenBy(m => m.ProjectName, StringComparer.Ordinal).ToList(),
            unmatched.OrderBy(u => u.Code, StringComparer.Ordinal).ToList(), unpaid, export.Diagnostics, problems, canConfirm, loaded);
        if (!confirm || !canConfirm)
        {
            return (confirm ? new Outcome.Invalid("支付数据未载入：" + string.Join("；", problems)) : Outcome.Ok, Result(false));
        }

        var reason = $"载入支付数据 {name}";
        var now = clock.GetUtcNow();
        foreach (var m in matched.Where(m => m.Changes))
        {
            var entry = entries.Single(e => e.Id == m.EntryId);
            entry.ExecutedFen = m.NewFen;
            entry.Status = MonitoringEntryStatus.Draft;
            entry.UpdatedAt = now;
        }

        db.ChangeReason = reason;
        db.AuditLog.Add(new AuditEntry
        {
            At = now, Actor = scope.DisplayName, Entity = "monitoringRound", EntityId = round.Id, ProjectId = null, Field = "paymentsLoaded",
            OldValue = null, NewValue = $"{name}：{export.Lines.Count} 行，{matched.Count(m => m.Changes)} 个项目的执行数更新", Reason = reason,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (new Outcome.Conflict("载入期间监控表已被他人修改，未载入任何内容。请刷新后重新载入。"), null);
        }

        return (Outcome.Ok, Result(true));
    }

    private static string Key(string code) => string.Concat(code.Where(c => !char.IsWhiteSpace(c))).Replace('（', '(').Replace('）', ')');

    private static string Yuan(long? fen) => fen is { } f ? (f / 100m).ToString("#,0.00", CultureInfo.InvariantCulture) : "（未填）";
}
