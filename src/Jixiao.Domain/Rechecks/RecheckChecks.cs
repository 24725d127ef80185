namespace Jixiao.Domain.Rechecks;

/// <summary>
/// The checks a 复核 finding can carry (the corpus's checks, docs/recheck.md, and <see cref="Rechecker.RuleSetCheck"/>),
/// with the Chinese title a reviewer reads in lists, filters and the 复核报告; in the order the 复核报告 lists them.
/// </summary>
public static class RecheckChecks
{
    public static IReadOnlyList<(string Check, string Title)> All { get; } =
    [
        ("execution-rate", "执行率计算有误"),
        ("execution-score", "预算执行率得分有误"),
        ("sum", "合计与各项之和不符"),
        ("weights", "分值合计不符"),
        ("score-over-weight", "得分超过分值"),
        ("met-target-below-full", "完成目标却扣分且未说明原因"),
        ("missed-target-full", "未完成目标却得满分"),
        ("grade", "等级与总分不符"),
        ("impossible-value", "不可能的数值"),
        ("arithmetic", "文中计算有误"),
        ("count", "数量与所列项目不符"),
        ("unit", "计量单位有误"),
        ("rule", "评分规则本身有误"),
        (Rechecker.RuleSetCheck, "不符合复核规则"),
    ];

    /// <summary>The Chinese title of <paramref name="check"/>; the check itself when it is not one of <see cref="All"/>.</summary>
    public static string Title(string check)
    {
        foreach (var (name, title) in All)
        {
            if (name == check)
            {
                return title;
            }
        }

        return check;
    }

    /// <summary>Where <paramref name="check"/> stands in <see cref="All"/> (unknown checks last).</summary>
    public static int Order(string check)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Check == check)
            {
                return i;
            }
        }

        return All.Count;
    }
}
