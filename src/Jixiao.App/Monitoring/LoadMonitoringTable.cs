using System.Globalization;
using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Monitoring;
using Jixiao.Import.Reading;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Monitoring;

/// <summary>One indicator row of the document: what it carries, and the round's indicator it fills (null: none, see <see cref="Note"/>).</summary>
public sealed record LoadedIndicator(string Name, string? Progress, string? DeviationCause, int? IndicatorId, string? Note, string Location);

/// <summary>
/// One project of the document: its name, unit and 1–N月 执行数 (分) as read, the round's entry it fills (null: not
/// matched, <see cref="Problem"/> says why), its indicators, and notes that do not stop the load.
/// </summary>
public sealed record LoadedProject(string Name, string? Unit, long? ExecutedFen, long? BudgetFen, int? EntryId, int? ProjectId, string? ProjectName,
    string? UnitName, string? Problem, IReadOnlyList<LoadedIndicator> Indicators, IReadOnlyList<string> Notes, string Location);

/// <summary>
/// What loading the file would do (or did, with <see cref="Loaded"/>): the projects matched and not, the reader's
/// diagnostics, and <see cref="Problems"/> — anything in it stops the whole load (<see cref="CanConfirm"/> false).
/// </summary>
public sealed record MonitoringTableLoad(RoundSummary Round, string FileName, string Kind, IReadOnlyList<LoadedProject> Projects,
    IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> Problems, bool CanConfirm, bool Loaded);

/// <summary>
/// 载入监控表: a filled 监控表 (any format the reader takes, docs/reading.md) read by <see cref="DocumentReader"/> and
/// matched to the round's projects the clerk fills — by 项目编码 where the document and the stored project both have
/// one (a renamed project still matches), else by name, the document's unit telling apart projects of the same name —
/// with each indicator by name. Without
/// <c>confirm</c> it only previews. With it, every matched entry gets the document's 执行数, each matched indicator its
/// 1–N月 完成值 and 偏差原因 (when one of the district's), all in one save or none: a project or an indicator with
/// figures that does not match, a submitted entry or a closed round stops the whole load. Only the units' clerks
/// load, as only they fill; every changed field is an audit line (AuditRecorder) with the file as its reason, plus one
/// line on the round.
/// </summary>
public static class LoadMonitoringTable
{
    /// <summary>A 监控表 is a few pages; the page sends the file back on confirm, so it stays small.</summary>
    public const long MaxBytes = 2 * 1024 * 1024;

    public static async Task<(Outcome Outcome, MonitoringTableLoad? Load)> RunAsync(JixiaoDbContext db, AccessScope scope, MonitoringRules rules, int roundId,
        byte[] content, string fileName, bool confirm, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(clock);
        var round = await scope.Visible(db.MonitoringRounds).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return (new Outcome.NotFound($"找不到监控轮次 {roundId}。"), null);
        }

        if (!scope.IsFiller)
        {
            return (new Outcome.Forbidden("只有单位的填报人可以载入监控表。"), null);
        }

        if (content.Length == 0 || content.Length > MaxBytes)
        {
            return (new Outcome.Invalid(content.Length == 0 ? "请选择要载入的监控表文件。" : $"文件超过 {MaxBytes / (1024 * 1024)} MB，监控表不应这么大。"), null);
        }

        var name = Path.GetFileName(string.IsNullOrWhiteSpace(fileName) ? "监控表" : fileName.Trim());
        var document = DocumentReader.Read(content, name).Document;
        var entries = await db.MonitoringEntries.Where(e => e.RoundId == roundId && scope.UnitIds.Contains(e.Project!.UnitId))
            .Include(e => e.Project!).ThenInclude(p => p.Unit).Include(e => e.Indicators).ThenInclude(i => i.Indicator)
            .AsSplitQuery().ToListAsync(cancellationToken);
        entries = entries.Where(e => scope.MayFillMonitoring(e.Project!.UnitId)).ToList();

        var problems = new List<string>();
        if (round.Status != MonitoringRoundStatus.Open)
        {
            problems.Add("该轮监控已结束，不能再载入。");
        }

        if (document.Kind != DocumentKind.Monitoring)
        {
            problems.Add($"文件 {name} 读作{KindName(document.Kind)}，不是监控表。");
        }

        problems.AddRange(document.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => $"{d.Code} {d.Message}"));
        var projects = document.Kind == DocumentKind.Monitoring ? document.Projects.Select((p, i) => Match(p, i, entries, rules)).ToList() : [];
        if (document.Kind == DocumentKind.Monitoring && projects.Count == 0)
        {
            problems.Add("文件中没有读到项目。");
        }

        foreach (var p in projects)
        {
            if (p.Problem is { } problem)
            {
                problems.Add($"项目“{p.Name}”：{problem}");
            }

            problems.AddRange(p.Indicators.Where(i => i.IndicatorId is null && (i.Progress ?? i.DeviationCause) is not null)
                .Select(i => $"项目“{p.Name}”的指标“{i.Name}”：{i.Note}"));
        }

        foreach (var twice in projects.Where(p => p.EntryId is not null).GroupBy(p => p.EntryId).Where(g => g.Count() > 1))
        {
            problems.Add($"项目“{twice.First().ProjectName}”在文件中出现了 {twice.Count()} 次。");
        }

        var summary = MonitoringRounds.Summary(round, entries.Count, entries.Count(e => e.Status == MonitoringEntryStatus.Submitted));
        var kind = document.Kind.ToString().ToLowerInvariant();
        var canConfirm = problems.Count == 0;
        if (!confirm || !canConfirm)
        {
            return (confirm ? new Outcome.Invalid("监控表未载入：" + string.Join("；", problems)) : Outcome.Ok,
                new MonitoringTableLoad(summary, name, kind, projects, document.Diagnostics, problems, canConfirm, false));
        }

        var reason = $"载入监控表 {name}";
        var now = clock.GetUtcNow();
        foreach (var p in projects)
        {
            var entry = entries.Single(e => e.Id == p.EntryId);
            if (p.ExecutedFen is { } executed)
            {
                entry.ExecutedFen = executed;
            }

            foreach (var i in p.Indicators.Where(i => i.IndicatorId is not null))
            {
                var row = entry.Indicators.Single(r => r.IndicatorId == i.IndicatorId);
                row.Progress = i.Progress ?? row.Progress;
                row.DeviationCause = i.DeviationCause is { } cause && rules.DeviationCauses.Causes.Contains(cause, StringComparer.Ordinal) ? cause : row.DeviationCause;
            }

            entry.Status = MonitoringEntryStatus.Draft;
            entry.UpdatedAt = now;
        }

        db.ChangeReason = reason;
        db.AuditLog.Add(new AuditEntry
        {
            At = now, Actor = scope.DisplayName, Entity = "monitoringRound", EntityId = round.Id, ProjectId = null, Field = "loaded",
            OldValue = null, NewValue = $"{name}：{projects.Count} 个项目", Reason = reason,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (new Outcome.Conflict("载入期间监控表已被他人修改，未载入任何内容。请刷新后重新载入。"), null);
        }

        return (Outcome.Ok, new MonitoringTableLoad(summary, name, kind, projects, document.Diagnostics, problems, true, true));
    }

    private static LoadedProject Match(ReadProject p, int index, List<MonitoringEntryEntity> entries, MonitoringRules rules)
    {
        var name = p.Name ?? $"（第 {index + 1} 个项目，未注明名称）";
        var executed = Fen(p.ExecutedWanYuan ?? p.BudgetExecution?.Executed);
        var budget = Fen(p.BudgetExecution?.Budget ?? p.AmountWanYuan);
        var (candidates, byCode) = (ByCode(p, entries), true);
        if (candidates.Count != 1)
        {
            (candidates, byCode) = (p.Name is null ? [] : entries.Where(e => Same(e.Project!.Name, p.Name)).ToList(), false);
            if (candidates.Count > 1 && p.Unit is { } unit)
            {
                candidates = candidates.Where(e => Same(e.Project!.Unit!.Name, unit)).ToList();
            }
        }

        var notFound = new LoadedProject(name, p.Unit, executed, budget, null, null, null, null, null,
            p.Indicators.Select(i => new LoadedIndicator(i.Name, Clean(i.Actual), Clean(i.Reason), null, "项目未匹配，未载入。", i.Location)).ToList(), [], p.Location);
        switch (candidates.Count)
        {
            case 0:
                return notFound with { Problem = p.Name is null ? "文件未注明项目名称，无法匹配。" : "本轮中没有您可填写的同名项目。" };
            case > 1:
                return notFound with { Problem = $"本轮中有 {candidates.Count} 个同名项目，文件未注明能区分它们的单位。" };
        }

        var entry = candidates[0];
        var notes = new List<string>();
        if (byCode && (p.Name is null || !Same(p.Name, entry.Project!.Name)))
        {
            notes.Add($"按项目编码 {entry.Project!.Code} 匹配到项目“{entry.Project.Name}”" + (p.Name is null ? "。" : "（文件中的名称为“" + p.Name + "”）。"));
        }

        var indicators = new List<LoadedIndicator>();
        foreach (var i in p.Indicators)
        {
            var progress = Clean(i.Actual);
            var cause = Clean(i.Reason);
            if (progress is null && cause is null)
            {
                indicators.Add(new LoadedIndicator(i.Name, null, null, null, "无完成值，未载入。", i.Location));
                continue;
            }

            var rows = entry.Indicators.Where(r => Same(r.Indicator!.Name, i.Name)).ToList();
            if (rows.Count > 1 && i.Level2 is { } level2)
            {
                rows = rows.Where(r => r.Indicator!.Level2Text is { } l && Same(l, level2)).ToList();
            }

            string? note = rows.Count switch
            {
                0 => "项目中没有同名指标。",
                > 1 => $"项目中有 {rows.Count} 个同名指标，无法区分。",
                _ => cause is not null && !rules.DeviationCauses.Causes.Contains(cause, StringComparer.Ordinal)
                    ? $"偏差原因“{cause}”不在本地区的分类中（{string.Join("、", rules.DeviationCauses.Causes)}），未载入，请在监控表中选择。"
                    : null,
            };
            indicators.Add(new LoadedIndicator(i.Name, progress, cause, rows.Count == 1 ? rows[0].IndicatorId : null, note, i.Location));
        }

        if (executed is null)
        {
            notes.Add("文件未写 1–N月执行数，执行数保持不变。");
        }

        if (budget is { } b && entry.Project!.TotalFen is { } stored && b != stored)
        {
            notes.Add($"文件中的预算数 {Format(b)} 万元与项目预算 {Format(stored)} 万元不同；灯按项目预算计算。");
        }

        var unmatchedInRound = entry.Indicators.Count(r => !indicators.Any(i => i.IndicatorId == r.IndicatorId));
        if (unmatchedInRound > 0)
        {
            notes.Add($"项目的 {unmatchedInRound} 个指标文件中没有，保持不变。");
        }

        string? problem = entry.Status == MonitoringEntryStatus.Submitted ? "该项目的监控表已提交，不能再修改。" : null;
        return new LoadedProject(name, p.Unit, executed, budget, entry.Id, entry.ProjectId, entry.Project!.Name, entry.Project.Unit!.Name, problem,
            indicators, notes, p.Location);
    }

    /// <summary>
    /// The entries whose project has the document's 项目编码 (blanks and bracket width not counting), told apart by the
    /// document's unit when the code is not unique in the round; none when the document states no code.
    /// </summary>
    private static List<MonitoringEntryEntity> ByCode(ReadProject p, List<MonitoringEntryEntity> entries)
    {
        if (string.IsNullOrWhiteSpace(p.Code))
        {
            return [];
        }

        var found = entries.Where(e => e.Project!.Code is { } code && Same(code, p.Code)).ToList();
        return found.Count > 1 && p.Unit is { } unit ? found.Where(e => Same(e.Project!.Unit!.Name, unit)).ToList() : found;
    }

    /// <summary>Names compared as a clerk would: blanks and the width of brackets do not count.</summary>
    private static bool Same(string a, string b) => Key(a) == Key(b);

    private static string Key(string text) =>
        string.Concat(text.Where(c => !char.IsWhiteSpace(c))).Replace('（', '(').Replace('）', ')');

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>万元 → 分, rounded to the 分 (1 万元 = 1,000,000 分).</summary>
    private static long? Fen(decimal? wanYuan) => wanYuan is { } w ? (long)decimal.Round(w * 1_000_000m, MidpointRounding.AwayFromZero) : null;

    private static string Format(long fen) => (fen / 1_000_000m).ToString("0.######", CultureInfo.InvariantCulture);

    private static string KindName(DocumentKind kind) => kind switch
    {
        DocumentKind.Targets => "绩效目标表",
        DocumentKind.DepartmentTargets => "部门整体绩效目标表",
        DocumentKind.SelfEvaluation => "自评表",
        DocumentKind.Monitoring => "监控表",
        DocumentKind.Report => "报告",
        _ => kind.ToString(),
    };
}
