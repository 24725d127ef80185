using Jixiao.App.Auth;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Reviews;

/// <summary>A review-rules option a choice can name: "default", a built-in district, or "file" (an upload).</summary>
public sealed record RulebookOption(string Key, string Title);

/// <summary>
/// What the 审核口径 section shows the user: the options, the choices in their scope (the district's and those of
/// their units), the units they may choose for and whether they may choose for the whole district, and the history
/// of the changes they see.
/// </summary>
public sealed record RulebookChoicesView(IReadOnlyList<RulebookOption> Options, IReadOnlyList<RulebookChoiceEntity> Choices,
    IReadOnlyList<UnitEntity> Units, bool MayChooseDistrict, IReadOnlyList<AuditEntry> History);

public static class RulebookChoiceList
{
    public static IReadOnlyList<RulebookOption> Options { get; } =
    [
        new(RulebookFiles.Default, RulebookFiles.DefaultTitle),
        .. RulebookFiles.BuiltIn.Select(b => new RulebookOption(b.Key, b.Title)),
        new(RulebookFiles.File, "上传审核口径文件（宝安格式的 .xlsx，或审核口径 JSON）"),
    ];

    public static async Task<RulebookChoicesView> RunAsync(JixiaoDbContext db, AccessScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var choices = (await RulebookInForce.LoadAsync(db, cancellationToken)).Where(c => c.UnitId is not { } u || scope.Sees(u))
            .OrderBy(c => c.UnitId is null ? 0 : 1).ThenBy(c => c.Unit?.Name).ThenBy(c => c.FiscalYear ?? 0).ToList();
        var units = (await scope.Visible(db.Units.AsNoTracking()).OrderBy(u => u.Id).ToListAsync(cancellationToken))
            .Where(u => scope.MayReview(u.Id)).ToList();
        var ids = choices.Select(c => c.Id).ToList();
        var history = await db.AuditLog.AsNoTracking().Where(a => a.Entity == ChooseRulebook.Entity && ids.Contains(a.EntityId))
            .OrderByDescending(a => a.Id).Take(50).ToListAsync(cancellationToken);
        return new RulebookChoicesView(Options, choices, units, scope.IsAdmin, history);
    }
}
