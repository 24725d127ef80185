namespace Jixiao.App.Common;

/// <summary>
/// The longest texts a form or API field takes. Real values are far shorter (a 指标值 is a few words, a reason a few
/// sentences); the limits keep a pasted megabyte out of the parsers, the store and every page that shows it.
/// </summary>
public static class InputLimits
{
    /// <summary>A 指标值, an 实际完成值, a 定性结论: one cell of a table.</summary>
    public const int Value = 500;

    /// <summary>A reason, a list of deductions or of formula inputs.</summary>
    public const int Text = 4000;

    /// <summary>Null when every text is within its limit; otherwise why not, naming the field.</summary>
    public static Outcome? Check(params (string Label, string? Text, int Max)[] fields)
    {
        foreach (var (label, text, max) in fields)
        {
            if (text is { Length: var length } && length > max)
            {
                return new Outcome.Invalid($"{label}过长（{length} 个字符，最多 {max} 个），请精简后再保存。");
            }
        }

        return null;
    }
}
