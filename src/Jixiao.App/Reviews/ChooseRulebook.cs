using Jixiao.App.Auth;
using Jixiao.App.Common;
using Jixiao.App.Imports;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Reviews;

/// <summary>
/// A choice of review rules for a unit (<see cref="UnitId"/>; null: the whole district) and a 预算年度 (null: every
/// year): <see cref="Rulebook"/> is "default" (the product's rules), a built-in district ("baoan") or "file" with
/// <see cref="Content"/> and <see cref="FileName"/> (a 审核口径 workbook or JSON). <see cref="Version"/> is the version
/// of the choice the chooser saw (0: none yet); <see cref="Reason"/> is required.
/// </summary>
public sealed record ChooseRulebookRequest(int? UnitId, int? FiscalYear, string? Rulebook, string? Reason, long Version = 0,
    string? FileName = null, byte[]? Content = null);

/// <summary>
/// Chooses the review rules of a unit or of the district for a year. A reviewer chooses for the units they oversee, an
/// admin also for the whole district; a unit outside the user's scope is not found. An uploaded file is validated
/// (Chinese message on error) and kept as uploaded. The change is an audit line (entity "rulebookChoice": old → new
/// rulebook, the reason), and from then on the project pages, the 审核 queue and the 初审表 of those projects use it.
/// </summary>
public static class ChooseRulebook
{
    public const string Entity = "rulebookChoice";

    public static async Task<(Outcome Outcome, RulebookChoiceEntity? Choice)> RunAsync(JixiaoDbContext db, AccessScope scope, ChooseRulebookRequest request,
        TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(clock);
        string? unitName = null;
        if (request.UnitId is { } unitId)
        {
            unitName = await scope.Visible(db.Units.AsNoTracking()).Where(u => u.Id == unitId).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken);
            if (unitName is null)
            {
                return (new Outcome.NotFound($"找不到单位 {unitId}。"), null);
            }

            if (!scope.MayReview(unitId))
            {
                return (new Outcome.Forbidden("只有该单位的审核人或管理员可以选择审核口径。"), null);
            }
        }
        else if (!scope.IsAdmin)
        {
            return (new Outcome.Forbidden(scope.IsReviewer
                ? "只有管理员可以为全区选择审核口径；审核人可以为其负责的单位选择。"
                : "只有审核人或管理员可以选择审核口径。"), null);
        }

        if (request.FiscalYear is < ImportBatches.FirstYear or > ImportBatches.LastYear)
        {
            return (new Outcome.Invalid($"预算年度 {request.FiscalYear} 不是有效的年份：请填写 {ImportBatches.FirstYear}–{ImportBatches.LastYear} 之间的年份，或留空（所有年度）。"), null);
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return (new Outcome.Invalid("请填写更换审核口径的原因（记入审计日志）。"), null);
        }

        if (InputLimits.Check(("原因", request.Reason, InputLimits.Text)) is { } tooLong)
        {
            return (tooLong, null);
        }

        var key = request.Rulebook?.Trim() ?? "";
        string title;
        string rulebook;
        if (key == RulebookFiles.Default)
        {
            (rulebook, title) = (RulebookFiles.Default, RulebookFiles.DefaultTitle);
        }
        else if (key == RulebookFiles.File || request.Content is not null)
        {
            var (read, error) = RulebookFiles.Read(request.Content ?? [], request.FileName ?? "");
            if (read is null)
            {
                return (new Outcome.Invalid(error!), null);
            }

            var fileName = Path.GetFileName(request.FileName?.Trim() ?? "") is { Length: > 0 } n ? n : "上传文件";
            (rulebook, title) = (RulebookFiles.File, Shorten($"{read.Title}（{fileName}）", 300));
        }
        else if (RulebookFiles.District(key) is { } district)
        {
            (rulebook, title) = (Jixiao.Domain.Reviews.Rulebooks.ReviewRulebook.Districts[key], district.Title);
        }
        else
        {
            return (new Outcome.Invalid($"审核口径“{key}”不存在：可选 {RulebookFiles.Default}（内置审核规则）、"
                + string.Join("、", RulebookFiles.BuiltIn.Select(b => $"{b.Key}（{b.Title}）")) + $"，或上传审核口径文件（{RulebookFiles.File}）。"), null);
        }

        var scopeKey = RulebookInForce.ScopeKey(request.UnitId, request.FiscalYear);
        var choice = await db.RulebookChoices.SingleOrDefaultAsync(c => c.ScopeKey == scopeKey, cancellationToken);
        if ((choice?.Version ?? 0) != request.Version)
        {
            return (new Outcome.Conflict($"{RulebookInForce.ScopeName(unitName, request.UnitId, request.FiscalYear)}的审核口径已被他人更改"
                + (choice is null ? "" : $"（{choice.ChosenBy}，{ChinaTime.Text(choice.ChosenAt)}：{choice.Title}）") + "，请刷新后再选择。"), null);
        }

        var now = clock.GetUtcNow();
        var old = choice?.Title;
        var content = rulebook == RulebookFiles.File ? request.Content : null;
        if (choice is not null && choice.Rulebook == rulebook && choice.Title == title
            && (content ?? []).AsSpan().SequenceEqual(choice.Content ?? []))
        {
            return (Outcome.Ok, choice);
        }

        if (choice is null)
        {
            choice = new RulebookChoiceEntity
            {
                ScopeKey = scopeKey, UnitId = request.UnitId, FiscalYear = request.FiscalYear, Rulebook = rulebook, Title = title, ChosenBy = scope.DisplayName,
                // 1, not 0: a second chooser who saw no choice (version 0) must not overwrite this one unseen.
                Version = 1,
            };
            db.RulebookChoices.Add(choice);
        }
        else
        {
            db.Entry(choice).Property(c => c.Version).OriginalValue = request.Version;
        }

        choice.Rulebook = rulebook;
        choice.Title = title;
        choice.FileName = content is null ? null : Path.GetFileName(request.FileName?.Trim() ?? "上传文件");
        choice.Content = content;
        choice.ChosenBy = scope.DisplayName;
        choice.ChosenAt = now;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            AuditLines.Change(db, scope, now, Entity, choice.Id, null, "rulebook",
                old ?? "（未选择）", $"{title}［{RulebookInForce.ScopeName(unitName, request.UnitId, request.FiscalYear)}］", request.Reason.Trim());
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return (new Outcome.Conflict("审核口径已被他人同时更改，您的选择未保存，请刷新后再选择。"), null);
        }

        return (Outcome.Ok, choice);
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
