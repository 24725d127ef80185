namespace Jixiao.Domain.Monitoring;

/// <summary>
/// A warning light of 运行监控, worst first: the declaration order is the order of <see cref="Lights.Worst"/> (a
/// project's light is the worst of its budget light, its indicators' lights and its warnings).
/// </summary>
public enum Light
{
    /// <summary>红灯: far behind; the unit must correct (纠偏).</summary>
    Red,
    /// <summary>黄灯: behind.</summary>
    Yellow,
    /// <summary>绿灯: on schedule.</summary>
    Green,
    /// <summary>蓝灯: well ahead of schedule (the target may have been set too low).</summary>
    Blue,
}

/// <summary>完成目标可能性, as the central 监控表 asks it (财预〔2019〕136号 附件).</summary>
public enum Likelihood
{
    /// <summary>确定能</summary>
    Certain,
    /// <summary>有可能</summary>
    Possible,
    /// <summary>完全不可能</summary>
    Impossible,
}

public static class Lights
{
    public static IReadOnlyList<Light> All { get; } = [Light.Red, Light.Yellow, Light.Green, Light.Blue];

    public static IReadOnlyList<Likelihood> AllLikelihoods { get; } = [Likelihood.Certain, Likelihood.Possible, Likelihood.Impossible];

    /// <summary>The machine spelling of JSON and rule files: red, yellow, green, blue.</summary>
    public static string Name(this Light light) => light switch
    {
        Light.Red => "red",
        Light.Yellow => "yellow",
        Light.Green => "green",
        Light.Blue => "blue",
        _ => throw new ArgumentOutOfRangeException(nameof(light)),
    };

    public static string Chinese(this Light light) => light switch
    {
        Light.Red => "红灯",
        Light.Yellow => "黄灯",
        Light.Green => "绿灯",
        Light.Blue => "蓝灯",
        _ => throw new ArgumentOutOfRangeException(nameof(light)),
    };

    public static Light? ParseLight(string? name) => name switch
    {
        "red" => Light.Red,
        "yellow" => Light.Yellow,
        "green" => Light.Green,
        "blue" => Light.Blue,
        _ => null,
    };

    public static string Chinese(this Likelihood likelihood) => likelihood switch
    {
        Likelihood.Certain => "确定能",
        Likelihood.Possible => "有可能",
        Likelihood.Impossible => "完全不可能",
        _ => throw new ArgumentOutOfRangeException(nameof(likelihood)),
    };

    /// <summary>确定能 / 有可能 / 完全不可能 (surrounding whitespace ignored); null for anything else.</summary>
    public static Likelihood? ParseLikelihood(string? text) => text?.Trim() switch
    {
        "确定能" => Likelihood.Certain,
        "有可能" => Likelihood.Possible,
        "完全不可能" => Likelihood.Impossible,
        _ => null,
    };

    /// <summary>The worse of two lights (red is worst, blue best); null when neither is known.</summary>
    public static Light? Worst(Light? a, Light? b) =>
        a is null ? b : b is null ? a : (Light)Math.Min((int)a.Value, (int)b.Value);
}
