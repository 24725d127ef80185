using Jixiao.Domain.Evaluations;

namespace Jixiao.Domain.Tests.Evaluations;

public class GradeScaleTests
{
    [Theory]
    [InlineData(100, "优")]
    [InlineData(90, "优")]
    [InlineData(89.99, "良")]
    [InlineData(80, "良")]
    [InlineData(79.99, "中")]
    [InlineData(60, "中")]
    [InlineData(59.99, "差")]
    [InlineData(0, "差")]
    public void The_default_bands_are_those_of_the_ministry(double total, string grade) =>
        GradeScale.Default.GradeOf((decimal)total).ShouldBe(grade);

    [Theory]
    [InlineData(91, "优")]
    [InlineData(75, "中")]
    [InlineData(65, "低")]
    [InlineData(50, "差")]
    public void The_five_band_scale_adds_a_low_grade(double total, string grade) =>
        GradeScale.FiveBand.GradeOf((decimal)total).ShouldBe(grade);

    [Fact]
    public void A_sheet_can_bring_its_own_bands()
    {
        var json = """{"project":"p","kind":"单位自评","gradeBands":[{"grade":"优","min":80},{"grade":"良","min":70},{"grade":"中","min":60},{"grade":"差","min":0}],"indicators":[{"level1":"产出","level2":"数量","name":"a","weight":100,"method":"manual","score":85,"reason":"r"}]}""";

        var scored = Scorer.Score(EvaluationSheetJson.Read(json).Sheet!);

        scored.Grade.ShouldBe("优");
    }

    [Fact]
    public void Bands_with_a_repeated_minimum_are_refused_with_a_reason()
    {
        GradeScale.TryCreate("x", [new("优", 90), new("良", 90)], out var error).ShouldBeNull();
        error.ShouldBe("等级划分中有重复的等级或分数线。");
    }
}
