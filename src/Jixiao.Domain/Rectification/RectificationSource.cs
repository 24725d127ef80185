namespace Jixiao.Domain.Rectification;

/// <summary>Where the finding a 整改 task is made from was found.</summary>
public enum RectificationSource
{
    /// <summary>目标审核 (review findings, REVxxx).</summary>
    Review,

    /// <summary>复核 (a recheck of an evaluation's numbers).</summary>
    Recheck,

    /// <summary>运行监控 (a red or yellow light).</summary>
    Monitoring,

    /// <summary>绩效评价 (an evaluation's findings, EVAxxx).</summary>
    Evaluation,

    /// <summary>结果应用 (RES101 结果应用不到位).</summary>
    ResultUse,
}

/// <summary>The names of <see cref="RectificationSource"/> in the API (camelCase) and in Chinese, in one place.</summary>
public static class RectificationSources
{
    public static IReadOnlyList<RectificationSource> All { get; } = Enum.GetValues<RectificationSource>();

    public static string Name(this RectificationSource source) => source switch
    {
        RectificationSource.Review => "review",
        RectificationSource.Recheck => "recheck",
        RectificationSource.Monitoring => "monitoring",
        RectificationSource.Evaluation => "evaluation",
        RectificationSource.ResultUse => "resultUse",
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };

    public static string Chinese(this RectificationSource source) => source switch
    {
        RectificationSource.Review => "目标审核",
        RectificationSource.Recheck => "复核",
        RectificationSource.Monitoring => "运行监控",
        RectificationSource.Evaluation => "绩效评价",
        RectificationSource.ResultUse => "结果应用",
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };

    /// <summary>The source of a camelCase name or its Chinese name; null for anything else.</summary>
    public static RectificationSource? Parse(string? text) =>
        All.Cast<RectificationSource?>().FirstOrDefault(s => string.Equals(s!.Value.Name(), text?.Trim(), StringComparison.OrdinalIgnoreCase) || s.Value.Chinese() == text?.Trim());
}
