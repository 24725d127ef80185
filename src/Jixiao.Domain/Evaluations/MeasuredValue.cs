using Jixiao.Domain.Targets;
using Jixiao.Domain.Text;

namespace Jixiao.Domain.Evaluations;

/// <summary>
/// A value as a sheet or report writes it ("91.4%", "338人", "3614:51", "≥98%", "超过绩效目标"), read once.
/// <see cref="Value"/> is the number in <see cref="Unit"/> (91.4 for "91.4%"), null when the text holds none.
/// <see cref="Exact"/> is false when the text only bounds the value ("≥98%"): it is then scored as the bound.
/// </summary>
public sealed record MeasuredValue(string Text, decimal? Value, string? Unit, bool Exact)
{
    private static readonly string[] BoundWords =
        ["≥", "≤", ">", "<", "以上", "以下", "以内", "不低于", "不少于", "不高于", "不超过", "大于", "小于", "超过", "低于", "高于", "至少"];

    public static MeasuredValue Of(decimal value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture), value, null, true);

    /// <summary>Reads a value with the target parser's grammar (numbers, units, ratios). Never throws.</summary>
    public static MeasuredValue Parse(string? text)
    {
        text ??= "";
        var target = TargetParser.Parse(text);
        var normalized = ChineseText.Normalize(text);
        var bounded = Array.Exists(BoundWords, w => normalized.Contains(w, StringComparison.Ordinal));
        return target switch
        {
            Target.Quantitative q => new MeasuredValue(text, IsNegative(normalized) ? -q.Value : q.Value, q.Unit, !bounded),
            Target.Ratio r when r.Consequent != 0 => new MeasuredValue(text, r.Antecedent / r.Consequent, null, !bounded),
            Target.Range r => new MeasuredValue(text, r.Min, r.Unit, false),
            _ => new MeasuredValue(text, null, null, false),
        };
    }

    // The target parser reads magnitudes only; an actual value may be negative ("-3人", "−2.5%").
    private static bool IsNegative(string normalized)
    {
        var digit = normalized.AsSpan().IndexOfAnyInRange('0', '9');
        var i = digit - 1;
        while (i >= 0 && normalized[i] == ' ')
        {
            i--;
        }

        return i >= 0 && normalized[i] == '-' && (i == 0 || !char.IsAsciiDigit(normalized[i - 1]));
    }

    /// <summary>The number of decimals the text states (0 for "99%", 1 for "91.4%"): the precision to compare at.</summary>
    public int Decimals => Value is { } v ? v.Scale : 0;
}

/// <summary>The actual value (实际完成值) of an indicator: measured (a text or number) or computed by a formula from named inputs.</summary>
public abstract record ActualValue
{
    private ActualValue()
    {
    }

    public sealed record Measured(MeasuredValue Value) : ActualValue;

    /// <summary>
    /// A formula over named inputs; its result is in the unit of the target (<c>支出 / 预算 * 100</c> against "100%").
    /// The inputs are bound to the formula's names once, when the value is built.
    /// </summary>
    public sealed record Computed : ActualValue
    {
        public Computed(Formula formula, IReadOnlyList<FormulaInput> inputs)
        {
            Formula = formula;
            Inputs = inputs;
            Binding = formula.Bind(inputs);
        }

        public Formula Formula { get; }

        public IReadOnlyList<FormulaInput> Inputs { get; }

        internal FormulaBinding Binding { get; }
    }
}
