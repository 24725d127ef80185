namespace Jixiao.Domain.Targets;

/// <summary>
/// A parsed 指标值 (实施周期指标值 or 年度指标值). The raw text is always kept in <see cref="Text"/>;
/// nothing the parser does not understand is dropped: it stays a <see cref="Qualitative"/> target.
/// </summary>
public abstract record Target
{
    private Target(string text) => Text = text;

    /// <summary>The text exactly as it appeared in the source document.</summary>
    public string Text { get; }

    public abstract TargetKind Kind { get; }

    /// <summary>Which way is better, when the text says so (≥ → up, ≤ → down, 提高 → up, 保持 → keep, 达标 → attain).</summary>
    public abstract Direction? Direction { get; }

    /// <summary>
    /// A number with a unit and a comparator: "≥95%", "大于2450人", "48小时内解决", "2个镇街以上".
    /// <paramref name="Implicit"/> is true when the text states no comparator ("100%", "10辆"): the review and scoring
    /// layers decide from the indicator (a …率 of 事故/故障 is lower-is-better).
    /// <paramref name="Remark"/> holds the words around the number that are not comparator or unit ("满意度", "解决").
    /// </summary>
    public sealed record Quantitative(string Text, Comparator Comparator, bool Implicit, decimal Value, string? Unit, string? Remark)
        : Target(Text)
    {
        public override TargetKind Kind => TargetKind.Quantitative;

        public override Direction? Direction => Implicit ? null : Comparator switch
        {
            Comparator.AtLeast or Comparator.GreaterThan => Targets.Direction.Up,
            Comparator.AtMost or Comparator.LessThan => Targets.Direction.Down,
            _ => null,
        };
    }

    /// <summary>A closed range "80%-90%", "[80,100]": both bounds inclusive.</summary>
    public sealed record Range(string Text, decimal Min, decimal Max, string? Unit, string? Remark) : Target(Text)
    {
        public override TargetKind Kind => TargetKind.Range;
        public override Direction? Direction => null;
    }

    /// <summary>
    /// A ratio "1:200" or "200:1" (antecedent : consequent). <see cref="Value"/> is antecedent ÷ consequent.
    /// </summary>
    public sealed record Ratio(string Text, Comparator Comparator, bool Implicit, decimal Antecedent, decimal Consequent, string? Remark)
        : Target(Text)
    {
        public override TargetKind Kind => TargetKind.Ratio;
        public decimal Value => Consequent == 0 ? 0 : Antecedent / Consequent;

        public override Direction? Direction => Implicit ? null : Comparator switch
        {
            Comparator.AtLeast or Comparator.GreaterThan => Targets.Direction.Up,
            Comparator.AtMost or Comparator.LessThan => Targets.Direction.Down,
            _ => null,
        };
    }

    /// <summary>
    /// Words without a usable number: "提高", "达标", "有所增加", "如期完工". <paramref name="Keyword"/> is the
    /// vocabulary word that gave the direction, null when the text is unknown (the direction is then null too).
    /// </summary>
    public sealed record Qualitative(string Text, Direction? QualitativeDirection, string? Keyword) : Target(Text)
    {
        public override TargetKind Kind => TargetKind.Qualitative;
        public override Direction? Direction => QualitativeDirection;
    }
}

public enum TargetKind
{
    Quantitative,
    Qualitative,
    Ratio,
    Range,
}

/// <summary>The comparator of a quantitative target. <see cref="Equal"/> is also the stand-in for an implicit one.</summary>
public enum Comparator
{
    /// <summary>≥, 不低于, 不少于, 以上, 达到</summary>
    AtLeast,
    /// <summary>&gt;, 大于, 高于, 超过</summary>
    GreaterThan,
    /// <summary>≤, 不高于, 不超过, 以内, 以下</summary>
    AtMost,
    /// <summary>&lt;, 小于, 低于</summary>
    LessThan,
    /// <summary>=, or no comparator written (see <see cref="Target.Quantitative.Implicit"/>)</summary>
    Equal,
}

/// <summary>Which way an indicator's value is better.</summary>
public enum Direction
{
    /// <summary>higher is better (提高, 增加, ≥)</summary>
    Up,
    /// <summary>lower is better (下降, 减少, ≤)</summary>
    Down,
    /// <summary>hold the current level (保持, 持续)</summary>
    Keep,
    /// <summary>met or not met (达标, 合规, 及时, 如期完工)</summary>
    Attain,
}

public static class ComparatorExtensions
{
    /// <summary>The machine spelling used in JSON: ">=", ">", "&lt;=", "&lt;", "=".</summary>
    public static string Symbol(this Comparator comparator) => comparator switch
    {
        Comparator.AtLeast => ">=",
        Comparator.GreaterThan => ">",
        Comparator.AtMost => "<=",
        Comparator.LessThan => "<",
        Comparator.Equal => "=",
        _ => throw new ArgumentOutOfRangeException(nameof(comparator)),
    };

    /// <summary>The spelling used in Chinese tables and reports: ≥ ＞ ≤ ＜ ＝.</summary>
    public static string ChineseSymbol(this Comparator comparator) => comparator switch
    {
        Comparator.AtLeast => "≥",
        Comparator.GreaterThan => "＞",
        Comparator.AtMost => "≤",
        Comparator.LessThan => "＜",
        Comparator.Equal => "＝",
        _ => throw new ArgumentOutOfRangeException(nameof(comparator)),
    };

    public static string Name(this Direction direction) => direction switch
    {
        Direction.Up => "up",
        Direction.Down => "down",
        Direction.Keep => "keep",
        Direction.Attain => "attain",
        _ => throw new ArgumentOutOfRangeException(nameof(direction)),
    };

    public static string Name(this TargetKind kind) => kind switch
    {
        TargetKind.Quantitative => "quantitative",
        TargetKind.Qualitative => "qualitative",
        TargetKind.Ratio => "ratio",
        TargetKind.Range => "range",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
