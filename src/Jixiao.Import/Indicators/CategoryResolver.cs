using Jixiao.Domain.Taxonomy;

namespace Jixiao.Import.Indicators;

/// <summary>An 一级 or 二级 as the source wrote it: "12-质量指标" → Code "12", Name "质量指标".</summary>
public sealed record CategoryToken(string? Code, string Name)
{
    public override string ToString() => Code is null ? Name : $"{Code}-{Name}";
}

/// <summary>
/// Decides which 一级/二级 an indicator belongs to when the source's codes and names disagree. The rules, in order:
/// a name beats its own code when they name different categories (people read names, codes are typed);
/// a 二级 position holding an 一级 ("2-效益指标,3-满意度指标") means that 一级, with its only 二级 if it has one;
/// an 一级 position holding a 二级 ("12-质量指标,12-质量指标") means that 二级's parent;
/// a 二级 whose parent is not the stated 一级 ("2-效益指标,11-数量指标") wins, being the more specific statement.
/// Every correction comes back as a Chinese note for an IMP023 warning.
/// </summary>
public static class CategoryResolver
{
    public sealed record Resolution(IndicatorCategory? Level1, IndicatorCategory? Level2, IReadOnlyList<string> Corrections, IReadOnlyList<string> Unknown);

    public static Resolution Resolve(CategoryToken? level1Token, CategoryToken? level2Token, IndicatorTaxonomy? taxonomy = null)
    {
        taxonomy ??= IndicatorTaxonomy.Default;
        var corrections = new List<string>();
        var unknown = new List<string>();

        var first = ResolveToken(level1Token, preferredLevel: 1, context: null, taxonomy, corrections, unknown);
        var second = ResolveToken(level2Token, preferredLevel: 2, context: first?.Level == 1 ? first : null, taxonomy, corrections, unknown);

        IndicatorCategory? level1 = null;
        IndicatorCategory? level2 = null;

        if (first is { Level: 2 })
        {
            var parent = taxonomy.ParentOf(first);
            if (second is { Level: 2 })
            {
                level2 = second;
                level1 = taxonomy.ParentOf(second);
            }
            else
            {
                level2 = first;
                level1 = parent;
            }

            corrections.Add($"一级位置写的是二级指标“{level1Token}”，按其所属一级“{level1?.Name}”读取");
            if (second is { Level: 1 } && second != level1)
            {
                corrections.Add($"二级位置写的是一级指标“{level2Token}”，已忽略");
            }
        }
        else
        {
            level1 = first;
            if (second is { Level: 1 })
            {
                var children = taxonomy.ChildrenOf(second).ToList();
                level1 = second;
                level2 = children.Count == 1 ? children[0] : null;
                corrections.Add(level2 is null
                    ? $"二级位置写的是一级指标“{level2Token}”，按一级“{second.Name}”读取，二级未定"
                    : $"二级位置写的是一级指标“{level2Token}”，按一级“{second.Name}”、二级“{level2.Name}”读取"
                        + (first is not null && first != second ? $"（原一级为“{level1Token}”）" : ""));
            }
            else if (second is { Level: 2 })
            {
                level2 = second;
                var parent = taxonomy.ParentOf(second);
                if (first is not null && parent is not null && parent != first)
                {
                    level1 = parent;
                    corrections.Add($"一级“{level1Token}”与二级“{level2Token}”不符（{second.Name}属于{parent.Name}），按二级所属的一级“{parent.Name}”读取");
                }
                else if (first is null)
                {
                    level1 = parent;
                }
            }
        }

        return new Resolution(level1, level2, corrections, unknown);
    }

    private static IndicatorCategory? ResolveToken(CategoryToken? token, int preferredLevel, IndicatorCategory? context,
        IndicatorTaxonomy taxonomy, List<string> corrections, List<string> unknown)
    {
        if (token is null)
        {
            return null;
        }

        var byCode = token.Code is null ? null : taxonomy.FindByCode(token.Code);
        IndicatorCategory? byName;
        var level = byCode?.Level ?? preferredLevel;
        if (level == 1)
        {
            byName = taxonomy.FindLevel1(token.Name) ?? taxonomy.FindLevel2(token.Name, context);
        }
        else
        {
            byName = taxonomy.FindLevel2(token.Name, byCode is not null ? taxonomy.ParentOf(byCode) : context) ?? taxonomy.FindLevel1(token.Name);
        }

        // "3-满意度指标": the name 满意度 is also an alias of 31; with code 3 it means the 一级.
        if (byCode is not null && byName is not null && byName != byCode && byName.ParentCode == byCode.Code && byCode.Level == 1
            && taxonomy.FindLevel1(token.Name) == byCode)
        {
            byName = byCode;
        }

        if (byCode is not null && byName is not null && byName != byCode)
        {
            corrections.Add($"“{token}”的代码{token.Code}是“{byCode.Name}”，与名称不符，按名称读作“{byName.Code}-{byName.Name}”");
            return byName;
        }

        var found = byName ?? byCode;
        if (found is null)
        {
            unknown.Add(token.ToString());
        }
        else if (byName is null && token.Name.Length > 0)
        {
            corrections.Add($"“{token}”的名称不在指标分类中，按代码读作“{found.Code}-{found.Name}”");
        }

        return found;
    }
}
