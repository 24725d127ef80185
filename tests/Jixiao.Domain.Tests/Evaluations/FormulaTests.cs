using FsCheck;
using FsCheck.Fluent;
using Jixiao.Domain.Evaluations;

namespace Jixiao.Domain.Tests.Evaluations;

public class FormulaTests
{
    private static readonly decimal[] MonthlyScores = [96.8m, 97.5m, 97.9m, 96.9m, 97.2m, 97.6m, 97.0m, 97.4m, 97.8m, 96.9m, 97.3m, 97.3m];

    private static FormulaResult Evaluate(string formula, params FormulaInput[] inputs) => Formula.Parse(formula).Evaluate(inputs);

    [Fact]
    public void Computes_budget_execution_in_the_unit_of_a_percent_target()
    {
        Evaluate("支出 / 预算 * 100", FormulaInput.Of("支出", "3656.18万元"), FormulaInput.Of("预算", "4000万元"))
            .Value.ShouldBe(91.4045m);
    }

    [Fact]
    public void Computes_the_annual_maintenance_score_from_twelve_monthly_scores_and_the_service_average()
    {
        var result = Evaluate("avg(月度考核分) × 0.5 + 服务质量平均分 × 0.5",
            FormulaInput.Series("月度考核分", MonthlyScores), FormulaInput.Of("服务质量平均分", 95.1m));

        result.Error.ShouldBeNull();
        result.Value.ShouldBe(96.2m);
    }

    [Theory]
    [InlineData("满意份数 ÷ 回收份数 × 100", 92)]
    [InlineData("(满意份数 + 一般份数) / 回收份数 * 100", 98)]
    [InlineData("（满意份数＋一般份数）÷回收份数×100", 98)]
    [InlineData("满意份数 / 回收份数 − 90%", 0.02)]
    [InlineData("-满意份数 + 200", 16)]
    [InlineData("sum(满意份数, 一般份数, 4)", 200)]
    [InlineData("max(满意份数, 一般份数) - min(满意份数, 一般份数)", 172)]
    [InlineData("平均(满意份数, 一般份数)", 98)]
    [InlineData("2 * (3 + 4) * 1.5", 21)]
    public void Evaluates_arithmetic_with_chinese_names_operators_and_functions(string formula, double expected)
    {
        Evaluate(formula, FormulaInput.Of("满意份数", "184份"), FormulaInput.Of("一般份数", 12m), FormulaInput.Of("回收份数", "200份"))
            .Value.ShouldBe((decimal)expected);
    }

    [Fact]
    public void A_name_may_start_with_the_digits_of_its_wording()
    {
        Evaluate("12个月度考核平均分 * 0.5 + 服务质量平均分数 * 0.5", FormulaInput.Of("12个月度考核平均分", "97.3分"), FormulaInput.Of("服务质量平均分数", 95.1m))
            .Value.ShouldBe(96.2m);
    }

    [Fact]
    public void A_percent_input_counts_as_a_fraction_like_a_percent_literal()
    {
        Evaluate("回收份数 * 满意率", FormulaInput.Of("回收份数", 200m), FormulaInput.Of("满意率", "92%")).Value.ShouldBe(184m);
    }

    [Theory]
    [InlineData("", 0, "公式为空")]
    [InlineData("a +", 4, "缺少数值或名称")]
    [InlineData("(a + b", 1, "左括号没有闭合")]
    [InlineData("a + b)", 6, "多了一个右括号")]
    [InlineData("a b", 3, "缺少运算符")]
    [InlineData("a # b", 3, "无法识别的字符“#”")]
    [InlineData("foo(a)", 1, "未知函数“foo”")]
    [InlineData("avg()", 5, "至少需要一个参数")]
    [InlineData("a * (b + )", 10, "右括号“)”前缺少数值或名称")]
    public void A_bad_formula_is_reported_with_its_position_in_chinese(string formula, int position, string message)
    {
        var parsed = Formula.Parse(formula);

        parsed.Error.ShouldNotBeNull();
        parsed.Error.Position.ShouldBe(position);
        parsed.Error.Message.ShouldContain(message);
    }

    [Theory]
    [InlineData("a / b", 3, "除数为 0")]
    [InlineData("a / c", 0, "公式中的“c”没有对应的输入")]
    [InlineData("月度 * 2", 1, "是一组数")]
    public void A_formula_that_cannot_be_computed_says_why(string formula, int position, string message)
    {
        var result = Evaluate(formula, FormulaInput.Of("a", 1m), FormulaInput.Of("b", 0m), FormulaInput.Series("月度", [1m, 2m]));

        result.Value.ShouldBeNull();
        result.Error!.Position.ShouldBe(position);
        result.Error.Message.ShouldContain(message);
    }

    [Fact]
    public void An_input_that_is_not_a_number_is_an_error_not_a_zero()
    {
        var result = Evaluate("a * 2", FormulaInput.Of("a", "超过绩效目标"));

        result.Value.ShouldBeNull();
        result.Error!.Message.ShouldContain("“超过绩效目标”不是数字");
    }

    [Fact]
    public void Parsing_and_evaluating_never_throw_on_any_text()
    {
        var alphabet = "ab支出预算()（）+-−*/×÷%,. 0123456789avgsumx";
        var text = Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray())).Select(c => new string(c)).ToArbitrary();

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(text, s =>
        {
            var formula = Formula.Parse(s);
            var result = formula.Evaluate([FormulaInput.Of("a", 2m), FormulaInput.Of("支出", 0m), FormulaInput.Of("预算", 3m)]);
            return formula.Error is null || result.Value is null;
        }));
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("（", "）")]
    [InlineData("avg(", ")")]
    [InlineData("-", "")]
    [InlineData("+(", ")")]
    public void Nesting_deeper_than_the_limit_is_an_error_at_the_first_level_too_deep(string open, string close)
    {
        var nested = Formula.Parse(string.Concat(Enumerable.Repeat(open, Formula.MaxDepth + 1)) + "a" + string.Concat(Enumerable.Repeat(close, Formula.MaxDepth + 1)));
        var deepest = Formula.Parse(string.Concat(Enumerable.Repeat(open, Formula.MaxDepth / 2)) + "a" + string.Concat(Enumerable.Repeat(close, Formula.MaxDepth / 2)));

        nested.Error.ShouldNotBeNull();
        nested.Error.Message.ShouldBe($"括号、正负号或函数嵌套超过 {Formula.MaxDepth} 层。");
        deepest.Error.ShouldBeNull();
        deepest.Evaluate([FormulaInput.Of("a", 3m)]).Value!.Value.ShouldBeOneOf(3m, -3m);
    }

    [Theory]
    [InlineData(32_000)]
    [InlineData(500_000)]
    public void Thirty_two_thousand_nested_parentheses_are_an_error_not_a_stack_overflow(int depth)
    {
        var parsed = Formula.Parse(new string('(', depth) + "a" + new string(')', depth));

        parsed.Error.ShouldNotBeNull();
        parsed.Error.Message.ShouldContain("公式过长");
    }

    [Fact]
    public void A_formula_longer_than_the_limit_is_an_error_and_one_at_the_limit_is_read()
    {
        // 500 ones and 499 plus signs: 999 characters, a left-deep tree 499 levels deep that evaluates without trouble
        var atLimit = Formula.Parse(string.Join("+", Enumerable.Repeat("1", Formula.MaxLength / 2)));
        var tooLong = Formula.Parse(new string('1', 1_000_000));

        atLimit.Error.ShouldBeNull();
        atLimit.Evaluate([]).Value.ShouldBe(500m);
        tooLong.Error!.Message.ShouldBe($"公式过长（1000000 个字符，最多 {Formula.MaxLength} 个）。");
    }
}
