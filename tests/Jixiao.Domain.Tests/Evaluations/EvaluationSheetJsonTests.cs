using FsCheck;
using FsCheck.Fluent;
using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Tests.Evaluations;

public class EvaluationSheetJsonTests
{
    private const string Minimal = """{"project":"p","year":2024,"kind":"单位自评","indicators":[{"level1":"产出","level2":"数量","name":"a","weight":100,"method":"proportional","target":"≥10个","actual":"12个"}]}""";

    [Fact]
    public void Reads_a_minimal_sheet_without_diagnostics()
    {
        var result = EvaluationSheetJson.Read(Minimal);

        result.Diagnostics.ShouldBeEmpty();
        result.Sheet!.Indicators.Single().Target.ShouldBeOfType<Target.Quantitative>().Value.ShouldBe(10m);
    }

    [Fact]
    public void Broken_json_is_reported_with_its_line()
    {
        var result = EvaluationSheetJson.Read("{\n \"project\": \"p\",\n \"kind\": }", "broken.json");

        result.Sheet.ShouldBeNull();
        var d = result.Diagnostics.Single();
        d.Code.ShouldBe(EvaluationSheetJson.InvalidJson);
        d.Location!.Line.ShouldBe(3);
    }

    [Fact]
    public void An_unknown_field_is_reported_not_silently_dropped()
    {
        var result = EvaluationSheetJson.Read(Minimal.Replace("\"weight\"", "\"wieght\"", StringComparison.Ordinal), "s.json");

        var d = result.Diagnostics.Single(x => x.Code == EvaluationSheetJson.UnknownField);
        d.Severity.ShouldBe(Severity.Warning);
        d.Location!.Cell.ShouldBe("indicators[0].wieght");
    }

    [Theory]
    [InlineData("\"method\":\"proportional\"", "\"method\":\"按比例\"", EvaluationSheetJson.InvalidValue, "indicators[0].method")]
    [InlineData("\"weight\":100", "\"weight\":\"一百\"", EvaluationSheetJson.InvalidValue, "indicators[0].weight")]
    [InlineData("\"kind\":\"单位自评\",", "", EvaluationSheetJson.MissingField, "kind")]
    [InlineData("\"kind\":\"单位自评\"", "\"kind\":\"年度评价\"", EvaluationSheetJson.InvalidValue, "kind")]
    public void A_bad_value_gets_a_stable_code_and_its_json_path(string from, string to, string code, string path)
    {
        var result = EvaluationSheetJson.Read(Minimal.Replace(from, to, StringComparison.Ordinal));

        result.Sheet.ShouldNotBeNull();
        result.Diagnostics.ShouldContain(d => d.Code == code && d.Location!.Cell == path);
    }

    [Fact]
    public void A_bad_formula_is_reported_when_the_sheet_is_read()
    {
        var json = Minimal.Replace("\"actual\":\"12个\"", "\"actual\":{\"formula\":\"a / (b\",\"inputs\":{\"a\":1,\"b\":2}}", StringComparison.Ordinal);

        var d = EvaluationSheetJson.Read(json).Diagnostics.Single();

        d.Location!.Cell.ShouldBe("indicators[0].actual.formula");
        d.Message.ShouldContain("左括号没有闭合");
    }

    [Fact]
    public void Numbers_may_be_written_as_text_and_a_blank_method_follows_from_the_line()
    {
        var json = """{"project":"p","kind":"部门评价","indicators":[{"level1":"产出","level2":"质量","name":"a","weight":"12","deductions":[{"points":1.5,"reason":"r"}]}]}""";

        var line = EvaluationSheetJson.Read(json).Sheet!.Indicators.Single();

        line.Weight.ShouldBe(12m);
        line.Method.ShouldBe(ScoringMethod.Deduction);
    }

    [Fact]
    public void Reading_never_throws_on_any_text()
    {
        var pieces = new[] { "{", "}", "[", "]", "\"kind\"", ":", ",", "\"indicators\"", "\"weight\"", "1e400", "null", "\"单位自评\"", "{\"formula\":\"a/\"}", "-", "\"" };
        var text = Gen.ArrayOf(Gen.Elements(pieces)).Select(p => string.Concat(p)).ToArbitrary();

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(text, s =>
        {
            var result = EvaluationSheetJson.Read(s);
            return result.Sheet is not null || result.Diagnostics.Count > 0;
        }));
    }
}
