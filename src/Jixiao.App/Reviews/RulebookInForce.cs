using System.Globalization;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Jixiao.Domain.Reviews.Rulebooks;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Reviews;

/// <summary>
/// The review rules in force for a unit and a 预算年度: <see cref="Rulebook"/> a district's 审核口径, or null for the
/// product's own rules; <see cref="Choice"/> the choice that decides it (null: none made, the built-in rules), and
/// <see cref="Problem"/> why a chosen file cannot be used now (its findings are then not shown).
/// </summary>
public sealed record RulebookInUse(string Key, string Title, ReviewRulebook? Rulebook, RulebookChoiceEntity? Choice, string? Problem = null)
{
    public static RulebookInUse BuiltInRules { get; } = new(RulebookFiles.Default, RulebookFiles.DefaultTitle, null, null);

    /// <summary>Where the choice holds, as users read it: "全区·所有年度", "某单位·2023 年度", or "未选择".</summary>
    public string Scope => Choice is null ? "未选择" : RulebookInForce.ScopeName(Choice.Unit?.Name, Choice.UnitId, Choice.FiscalYear);
}

/// <summary>
/// Which choice holds for a project: the most particular one of its unit and year — the unit's for that year, the
/// unit's for every year, the district's for that year, the district's for every year — else the product's rules.
/// A project without a 预算年度 takes only the every-year choices.
/// </summary>
public static class RulebookInForce
{
    /// <summary>Every choice (a district has a handful), with its unit, to resolve many projects at once.</summary>
    public static async Task<IReadOnlyList<RulebookChoiceEntity>> LoadAsync(JixiaoDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.RulebookChoices.AsNoTracking().Include(c => c.Unit).OrderBy(c => c.Id).ToListAsync(cancellationToken);
    }

    public static RulebookChoiceEntity? Choice(IReadOnlyList<RulebookChoiceEntity> choices, int unitId, int? fiscalYear)
    {
        ArgumentNullException.ThrowIfNull(choices);
        RulebookChoiceEntity? Find(int? unit, int? year) => choices.FirstOrDefault(c => c.UnitId == unit && c.FiscalYear == year);
        return (fiscalYear is { } y ? Find(unitId, y) : null) ?? Find(unitId, null) ?? (fiscalYear is { } z ? Find(null, z) : null) ?? Find(null, null);
    }

    public static RulebookInUse For(IReadOnlyList<RulebookChoiceEntity> choices, int unitId, int? fiscalYear) =>
        Open(Choice(choices, unitId, fiscalYear));

    /// <summary>What a choice names, read (from the built-ins or its file).</summary>
    public static RulebookInUse Open(RulebookChoiceEntity? choice)
    {
        if (choice is null)
        {
            return RulebookInUse.BuiltInRules;
        }

        switch (choice.Rulebook)
        {
            case RulebookFiles.Default:
                return RulebookInUse.BuiltInRules with { Choice = choice };
            case RulebookFiles.File:
                var (rulebook, error) = RulebookFiles.Read(choice.Content ?? [], choice.FileName ?? "");
                return new RulebookInUse(choice.Rulebook, choice.Title, rulebook, choice, error);
            default:
                return RulebookFiles.District(choice.Rulebook) is { } district
                    ? new RulebookInUse(choice.Rulebook, district.Title, district, choice)
                    : new RulebookInUse(choice.Rulebook, choice.Title, null, choice, $"内置审核口径“{choice.Rulebook}”已不存在，请重新选择。");
        }
    }

    /// <summary>The unique key of a unit-or-district and year (a unique index lets several NULLs through).</summary>
    public static string ScopeKey(int? unitId, int? fiscalYear) =>
        (unitId is { } u ? "unit:" + u.ToString(CultureInfo.InvariantCulture) : "district")
        + "|year:" + (fiscalYear is { } y ? y.ToString(CultureInfo.InvariantCulture) : "*");

    public static string ScopeName(string? unitName, int? unitId, int? fiscalYear) =>
        $"{(unitId is null ? "全区" : unitName ?? $"单位 {unitId}")}·{(fiscalYear is { } y ? $"{y} 年度" : "所有年度")}";
}
