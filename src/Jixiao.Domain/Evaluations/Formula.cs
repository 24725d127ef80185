using System.Globalization;
using Jixiao.Domain.Text;

namespace Jixiao.Domain.Evaluations;

/// <summary>
/// The formula language for computed actual values, e.g. <c>支出 / 预算 * 100</c>,
/// <c>avg(月度考核分) * 0.5 + 服务质量平均分 * 0.5</c>, <c>满意份数 ÷ 回收份数 × 100</c>.
/// <para>
/// Grammar: expr = term {("+" | "-" | "−") term}; term = unary {("*" | "×" | "/" | "÷") unary};
/// unary = ["-" | "+"] unary | primary; primary = number ["%"] | name | name "(" expr {"," expr} ")" | "(" expr ")".
/// Names are Chinese or Latin words (digits allowed inside, "12个月平均分" too); functions are avg/sum/min/max (also
/// 平均/求和/最小/最大) and take numbers or series. "92%" is 0.92. Full-width forms (（）＋％) are read as half-width.
/// </para>
/// Parsing never throws: a bad formula carries a <see cref="FormulaError"/> with the 1-based character position.
/// </summary>
public sealed class Formula
{
    private Formula(string text, Node? root, FormulaError? error, IReadOnlyList<string> names)
    {
        Text = text;
        Root = root;
        Error = error;
        Names = names;
    }

    public string Text { get; }

    /// <summary>Null when the formula parsed.</summary>
    public FormulaError? Error { get; }

    /// <summary>The input names the formula uses, in order of first use.</summary>
    public IReadOnlyList<string> Names { get; }

    internal Node? Root { get; }

    /// <summary>
    /// The longest formula read (characters) and the deepest nesting of brackets, signs and function calls: the parser
    /// and the evaluation recurse, so a stored formula beyond these comes back as an error instead of exhausting the stack.
    /// Real formulas are a few dozen characters deep two or three levels.
    /// </summary>
    public const int MaxLength = 1000;

    public const int MaxDepth = 64;

    public static Formula Parse(string? text)
    {
        text ??= "";
        if (text.Length > MaxLength)
        {
            return new Formula(text, null, new FormulaError(0, $"公式过长（{text.Length} 个字符，最多 {MaxLength} 个）。"), []);
        }

        try
        {
            var parser = new Parser(ChineseText.Normalize(text));
            var root = parser.ParseAll(out var error);
            return new Formula(text, error is null ? root : null, error, parser.Names);
        }
#pragma warning disable CA1031 // user text must never crash the caller; an unforeseen failure is reported as a formula error
        catch (Exception)
#pragma warning restore CA1031
        {
            return new Formula(text, null, new FormulaError(0, "公式无法解析。"), []);
        }
    }

    /// <summary>Evaluates with the given inputs (numbers or series). For one-off use; sheets bind their inputs once.</summary>
    public FormulaResult Evaluate(IReadOnlyList<FormulaInput> inputs) => Bind(inputs).Result;

    internal FormulaBinding Bind(IReadOnlyList<FormulaInput> inputs)
    {
        if (Root is null)
        {
            return new FormulaBinding(new FormulaResult(null, Error), []);
        }

        var values = new decimal[Names.Count][];
        var moneyUnits = new List<(string Name, string Unit)>();
        for (var i = 0; i < Names.Count; i++)
        {
            var input = Find(inputs, Names[i]);
            if (input is null)
            {
                var given = inputs.Count == 0 ? "没有给出任何输入" : "已给出：" + string.Join("、", inputs.Select(x => x.Name));
                return new FormulaBinding(new FormulaResult(null, new FormulaError(0, $"公式中的“{Names[i]}”没有对应的输入（{given}）。")), []);
            }

            if (input.Values.FirstOrDefault(v => v.Value is null) is { } bad)
            {
                return new FormulaBinding(new FormulaResult(null, new FormulaError(0, $"输入“{input.Name}”的值“{bad.Text}”不是数字。")), []);
            }

            values[i] = input.Values.Select(FormulaInput.NumberOf).ToArray();
            values[i] = input.IsSeries ? values[i] : [values[i].Length == 0 ? 0 : values[i][0]];
            if (input.IsSeries && values[i].Length == 0)
            {
                return new FormulaBinding(new FormulaResult(null, new FormulaError(0, $"输入“{input.Name}”是空的一组数。")), []);
            }

            foreach (var v in input.Values)
            {
                if (v.Unit is { } unit && IsMoney(unit) && !moneyUnits.Exists(m => m.Unit == unit))
                {
                    moneyUnits.Add((input.Name, unit));
                }
            }
        }

        try
        {
            var ctx = new EvalContext(values, inputs.Where(x => x.IsSeries).Select(x => x.Name).ToHashSet(StringComparer.Ordinal), Names);
            var value = Root.Evaluate(ctx);
            return new FormulaBinding(new FormulaResult(value, null), moneyUnits.Count > 1 ? moneyUnits : []);
        }
        catch (FormulaException ex)
        {
            return new FormulaBinding(new FormulaResult(null, ex.Error), []);
        }
        catch (OverflowException)
        {
            return new FormulaBinding(new FormulaResult(null, new FormulaError(0, "计算结果超出数值范围。")), []);
        }
    }

    private static FormulaInput? Find(IReadOnlyList<FormulaInput> inputs, string name)
    {
        foreach (var input in inputs)
        {
            if (input.Key == name)
            {
                return input;
            }
        }

        return null;
    }

    internal static bool IsMoney(string unit) => unit is "元" or "万元" or "亿元" or "万" or "亿";

    public override string ToString() => Text;

    /// <summary>A formula as a message quotes it: a long one is cut, so the message stays readable.</summary>
    public static string Shown(string formula) => formula.Length <= 80 ? formula : string.Concat(formula.AsSpan(0, 80), "…");

    // ---- syntax tree -------------------------------------------------------------------------------------------

    internal sealed record EvalContext(decimal[][] Values, HashSet<string> SeriesNames, IReadOnlyList<string> Names);

    internal abstract record Node(int Position)
    {
        public abstract decimal Evaluate(EvalContext ctx);
    }

    private sealed record NumberNode(int Position, decimal Value) : Node(Position)
    {
        public override decimal Evaluate(EvalContext ctx) => Value;
    }

    private sealed record NameNode(int Position, int Index, string Name) : Node(Position)
    {
        public override decimal Evaluate(EvalContext ctx)
        {
            var values = ctx.Values[Index];
            if (ctx.SeriesNames.Contains(Name))
            {
                throw new FormulaException(new FormulaError(Position, $"“{Name}”是一组数，只能放在 avg、sum、min、max 中使用。"));
            }

            return values[0];
        }
    }

    private sealed record NegateNode(int Position, Node Operand) : Node(Position)
    {
        public override decimal Evaluate(EvalContext ctx) => -Operand.Evaluate(ctx);
    }

    private sealed record BinaryNode(int Position, char Operator, Node Left, Node Right) : Node(Position)
    {
        public override decimal Evaluate(EvalContext ctx)
        {
            var left = Left.Evaluate(ctx);
            var right = Right.Evaluate(ctx);
            switch (Operator)
            {
                case '+':
                    return left + right;
                case '-':
                    return left - right;
                case '*':
                    return left * right;
                default:
                    if (right == 0)
                    {
                        throw new FormulaException(new FormulaError(Position, "除数为 0。"));
                    }

                    return left / right;
            }
        }
    }

    private sealed record CallNode(int Position, string Function, IReadOnlyList<Node> Arguments) : Node(Position)
    {
        public override decimal Evaluate(EvalContext ctx)
        {
            var all = new List<decimal>();
            foreach (var argument in Arguments)
            {
                if (argument is NameNode name && ctx.SeriesNames.Contains(name.Name))
                {
                    all.AddRange(ctx.Values[name.Index]);
                }
                else
                {
                    all.Add(argument.Evaluate(ctx));
                }
            }

            return Function switch
            {
                "sum" => all.Sum(),
                "min" => all.Min(),
                "max" => all.Max(),
                _ => all.Sum() / all.Count,
            };
        }
    }

    private sealed class FormulaException(FormulaError error) : Exception(error.Message)
    {
        public FormulaError Error { get; } = error;
    }

    // ---- parser ------------------------------------------------------------------------------------------------

    private sealed class Parser(string s)
    {
        private int pos;
        private int depth;

        public List<string> Names { get; } = [];

        public Node? ParseAll(out FormulaError? error)
        {
            error = null;
            SkipSpaces();
            if (pos >= s.Length)
            {
                error = new FormulaError(0, "公式为空。");
                return null;
            }

            var node = Expression(out error);
            if (error is not null)
            {
                return null;
            }

            SkipSpaces();
            if (pos < s.Length)
            {
                error = s[pos] == ')' ? At(pos, "多了一个右括号“)”。")
                    : IsNameChar(s[pos]) || s[pos] is '(' or '.' ? At(pos, $"“{s[pos]}”前缺少运算符（+ − × ÷）。")
                    : At(pos, $"无法识别的字符“{s[pos]}”。");
                return null;
            }

            return node;
        }

        private FormulaError At(int index, string message) => new(index + 1, message);

        /// <summary>Enters one more level of nesting, or reports that the formula nests deeper than <see cref="MaxDepth"/>.</summary>
        private bool TooDeep(int index, out FormulaError? error)
        {
            error = ++depth > MaxDepth ? At(index, $"括号、正负号或函数嵌套超过 {MaxDepth} 层。") : null;
            return error is not null;
        }

        private void SkipSpaces()
        {
            while (pos < s.Length && char.IsWhiteSpace(s[pos]))
            {
                pos++;
            }
        }

        private Node? Expression(out FormulaError? error)
        {
            var left = Term(out error);
            while (error is null)
            {
                SkipSpaces();
                if (pos >= s.Length || s[pos] is not ('+' or '-'))
                {
                    break;
                }

                var op = s[pos];
                var at = pos++;
                var right = Term(out error);
                if (error is null)
                {
                    left = new BinaryNode(at + 1, op, left!, right!);
                }
            }

            return left;
        }

        private Node? Term(out FormulaError? error)
        {
            var left = Unary(out error);
            while (error is null)
            {
                SkipSpaces();
                if (pos >= s.Length || s[pos] is not ('*' or '×' or '/' or '÷' or '·'))
                {
                    break;
                }

                var op = s[pos] is '*' or '×' or '·' ? '*' : '/';
                var at = pos++;
                var right = Unary(out error);
                if (error is null)
                {
                    left = new BinaryNode(at + 1, op, left!, right!);
                }
            }

            return left;
        }

        private Node? Unary(out FormulaError? error)
        {
            SkipSpaces();
            if (pos < s.Length && s[pos] is '-' or '+')
            {
                var at = pos++;
                if (TooDeep(at, out error))
                {
                    return null;
                }

                var operand = Unary(out error);
                depth--;
                return error is not null ? null : s[at] == '-' ? new NegateNode(at + 1, operand!) : operand;
            }

            return Primary(out error);
        }

        private Node? Primary(out FormulaError? error)
        {
            error = null;
            SkipSpaces();
            if (pos >= s.Length)
            {
                error = At(pos, "公式在此处结束，缺少数值或名称。");
                return null;
            }

            var c = s[pos];
            if (c == '(')
            {
                var open = pos++;
                if (TooDeep(open, out error))
                {
                    return null;
                }

                var inner = Expression(out error);
                depth--;
                if (error is not null)
                {
                    return null;
                }

                SkipSpaces();
                if (pos >= s.Length || s[pos] != ')')
                {
                    error = At(pos < s.Length ? pos : open, pos < s.Length ? $"缺少右括号“)”（第 {open + 1} 个字符的左括号没有闭合）。" : $"第 {open + 1} 个字符的左括号没有闭合。");
                    return null;
                }

                pos++;
                return inner;
            }

            if (char.IsAsciiDigit(c) || c == '.' && pos + 1 < s.Length && char.IsAsciiDigit(s[pos + 1]))
            {
                var start = pos;
                while (pos < s.Length && (char.IsAsciiDigit(s[pos]) || s[pos] == '.'))
                {
                    pos++;
                }

                // "12个月平均分": digits glued to a Chinese word are part of the name
                if (pos < s.Length && IsNameChar(s[pos]) && !char.IsAsciiDigit(s[pos]) && s[pos] != '.')
                {
                    pos = start;
                    return Name(out error);
                }

                var digits = s[start..pos];
                if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                {
                    error = At(start, $"“{digits}”不是有效的数字。");
                    return null;
                }

                SkipSpaces();
                if (pos < s.Length && s[pos] == '%')
                {
                    pos++;
                    value /= 100m;
                }

                return new NumberNode(start + 1, value);
            }

            if (IsNameChar(c))
            {
                return Name(out error);
            }

            error = c == ')' ? At(pos, "右括号“)”前缺少数值或名称。") : At(pos, $"无法识别的字符“{c}”。");
            return null;
        }

        private Node? Name(out FormulaError? error)
        {
            error = null;
            var start = pos;
            while (pos < s.Length && IsNameChar(s[pos]))
            {
                pos++;
            }

            var name = s[start..pos];
            var save = pos;
            SkipSpaces();
            if (pos < s.Length && s[pos] == '(')
            {
                var function = FunctionName(name);
                if (function is null)
                {
                    error = At(start, $"未知函数“{name}”（可用 avg、sum、min、max）。");
                    return null;
                }

                if (TooDeep(pos, out error))
                {
                    return null;
                }

                pos++;
                var arguments = new List<Node>();
                SkipSpaces();
                if (pos < s.Length && s[pos] == ')')
                {
                    error = At(pos, $"函数 {function} 至少需要一个参数。");
                    return null;
                }

                while (true)
                {
                    var argument = Expression(out error);
                    if (error is not null)
                    {
                        return null;
                    }

                    arguments.Add(argument!);
                    SkipSpaces();
                    if (pos < s.Length && s[pos] is ',' or '、')
                    {
                        pos++;
                        continue;
                    }

                    if (pos < s.Length && s[pos] == ')')
                    {
                        pos++;
                        break;
                    }

                    error = At(pos < s.Length ? pos : start, $"函数 {function} 的参数后缺少右括号“)”。");
                    return null;
                }

                depth--;
                return new CallNode(start + 1, function, arguments);
            }

            pos = save;
            var index = Names.IndexOf(name);
            if (index < 0)
            {
                Names.Add(name);
                index = Names.Count - 1;
            }

            return new NameNode(start + 1, index, name);
        }

        private static string? FunctionName(string name) => name.ToLowerInvariant() switch
        {
            "avg" or "average" or "mean" or "平均" or "平均值" or "平均数" => "avg",
            "sum" or "求和" or "合计" or "总和" => "sum",
            "min" or "最小" or "最小值" => "min",
            "max" or "最大" or "最大值" => "max",
            _ => null,
        };

        private static bool IsNameChar(char c) =>
            ChineseText.IsHan(c) || char.IsAsciiLetter(c) || char.IsAsciiDigit(c) || c == '_';
    }
}

/// <summary>A formula error: 1-based character position (0 when it concerns the whole formula) and a Chinese message.</summary>
public sealed record FormulaError(int Position, string Message)
{
    public override string ToString() => Position > 0 ? $"第 {Position} 个字符处：{Message}" : Message;
}

/// <summary>The value of a formula, or why there is none.</summary>
public readonly record struct FormulaResult(decimal? Value, FormulaError? Error);

/// <summary>A formula bound to its inputs: the result (computed once) and the money units it mixes, if any.</summary>
internal sealed record FormulaBinding(FormulaResult Result, IReadOnlyList<(string Name, string Unit)> MixedMoneyUnits);

/// <summary>
/// A named input of a formula: one value ("1086.77万元", 184) or a series (12 monthly scores). A value in percent
/// counts as a fraction inside the formula ("92%" is 0.92), like a percent literal.
/// </summary>
public sealed record FormulaInput(string Name, IReadOnlyList<MeasuredValue> Values, bool IsSeries)
{
    internal string Key { get; } = ChineseText.Collapse(Name);

    public static FormulaInput Of(string name, string text) => new(name, [MeasuredValue.Parse(text)], false);

    public static FormulaInput Of(string name, decimal value) => new(name, [MeasuredValue.Of(value)], false);

    public static FormulaInput Series(string name, IEnumerable<decimal> values) => new(name, values.Select(MeasuredValue.Of).ToList(), true);

    internal static decimal NumberOf(MeasuredValue value) =>
        value.Unit is "%" ? value.Value!.Value / 100m : value.Unit is "‰" ? value.Value!.Value / 1000m : value.Value!.Value;

    /// <summary>The input as a sheet writes it: "1086.77万元" or "[97, 98.5]".</summary>
    public string Text => IsSeries ? "[" + string.Join(", ", Values.Select(v => v.Text)) + "]" : Values.Count > 0 ? Values[0].Text : "";
}
