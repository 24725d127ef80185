namespace Jixiao.Domain.Targets;

/// <summary>
/// A vague (模糊) target: an 指标值 that states no number to measure against, a 定性 text such as "逐步提升", which
/// 目标审核 asks to be 细化量化. The 项目 list and the 首页 count indicators whose annual target is vague; the project page
/// marks an indicator with either target vague.
/// </summary>
public static class VagueTargets
{
    public static bool IsVague(this TargetKind kind) => kind == TargetKind.Qualitative;

    /// <summary>The kind name a vague target is stored and sent under (<see cref="ComparatorExtensions.Name(TargetKind)"/>), for queries over stored targets.</summary>
    public static string KindName { get; } = TargetKind.Qualitative.Name();

    /// <summary>Whether a stored or sent kind name (null: no target) is a vague target's.</summary>
    public static bool IsVague(string? kindName) => kindName == KindName;
}
