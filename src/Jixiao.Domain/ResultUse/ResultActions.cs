namespace Jixiao.Domain.ResultUse;

/// <summary>The names of <see cref="ResultAction"/>: in rule files and the API (camelCase) and in Chinese, in one place.</summary>
public static class ResultActions
{
    public static IReadOnlyList<ResultAction> All { get; } = Enum.GetValues<ResultAction>();

    public static string Name(this ResultAction action) => action switch
    {
        ResultAction.Prioritize => "prioritize",
        ResultAction.ControlGrowth => "controlGrowth",
        ResultAction.Cut => "cut",
        ResultAction.Cancel => "cancel",
        ResultAction.NoSimilarNew => "noSimilarNew",
        ResultAction.Normal => "normal",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    public static string Chinese(this ResultAction action) => action switch
    {
        ResultAction.Prioritize => "优先保障",
        ResultAction.ControlGrowth => "控制新增",
        ResultAction.Cut => "压减",
        ResultAction.Cancel => "取消",
        ResultAction.NoSimilarNew => "不再安排同类新项目",
        ResultAction.Normal => "按正常程序安排",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>The action of a camelCase name or its Chinese name; null for anything else.</summary>
    public static ResultAction? Parse(string? text) =>
        All.Cast<ResultAction?>().FirstOrDefault(a => string.Equals(a!.Value.Name(), text?.Trim(), StringComparison.OrdinalIgnoreCase) || a.Value.Chinese() == text?.Trim());
}
