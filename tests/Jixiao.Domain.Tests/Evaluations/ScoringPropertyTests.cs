using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Jixiao.Domain.Evaluations;
using static Jixiao.Domain.Tests.Evaluations.Lines;

namespace Jixiao.Domain.Tests.Evaluations;

/// <summary>Properties of scoring over generated sheets of every method, direction and kind of bad input.</summary>
public class ScoringPropertyTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static readonly string[] Targets = ["100%", "≥95%", "≤3%", "3%", "=0", "=1", "1000个", "80%-90%", "48小时内", "≥100万元", "≤200:1", "有所提高", ""];

    private static readonly string[] Names = ["预算执行率", "视频报停率", "设备故障率", "群众满意度", "新建点位数", "办结时长"];

    private static Gen<decimal> Amount(int max) => Gen.Choose(0, max * 100).Select(c => c / 100m);

    private static Gen<Func<int, EvaluationIndicator>> LineGen =>
        from method in Gen.Elements(Enum.GetValues<ScoringMethod>())
        from weight in Amount(30)
        from target in Gen.Elements(Targets)
        from actual in Gen.Choose(-50, 3000).Select(v => (v / 10m).ToString(System.Globalization.CultureInfo.InvariantCulture))
        from unit in Gen.Elements("%", "个", "元", "万元", "小时", "")
        from name in Gen.Elements(Names)
        from percent in Gen.Choose(-20, 130)
        from rating in Gen.Elements<QualitativeRating?>(null, QualitativeRating.Achieved, QualitativeRating.PartlyAchieved, QualitativeRating.NotAchieved)
        from points in Gen.ListOf(Amount(8), 3)
        from score in Gen.Choose(-5, 40)
        from tierScore in Gen.Choose(0, 40)
        select (Func<int, EvaluationIndicator>)(index => Line($"{name}{index}", weight, method, target.Length == 0 ? null : target, actual + unit,
            tiers: [new Tier(90, tierScore), new Tier(60, tierScore / 2m)], rating: rating, percent: percent, deductions: points.Select(p => new Deduction(p, "r")).ToList(),
            score: score, level1: index % 2 == 0 ? "产出" : "效益"));

    private static Gen<EvaluationSheet> SheetGen =>
        from count in Gen.Choose(1, 25)
        from makers in Gen.ListOf(LineGen, count)
        from kind in Gen.Elements(Enum.GetValues<EvaluationKind>())
        from rule in Gen.Elements(LowerIsBetterRule.Deviation, LowerIsBetterRule.Ratio)
        select new EvaluationSheet("生成", 2024, kind, makers.Select((make, i) => make(i)).ToList(), LowerIsBetter: rule);

    [Fact]
    public void A_total_never_exceeds_the_sum_of_the_weights()
    {
        Check.One(Config, Prop.ForAll(SheetGen.ToArbitrary(), sheet =>
            Scorer.Score(sheet).Total <= sheet.Indicators.Sum(i => i.Weight ?? 0)));
    }

    [Fact]
    public void A_score_never_leaves_zero_to_its_weight()
    {
        Check.One(Config, Prop.ForAll(SheetGen.ToArbitrary(), sheet =>
            Scorer.Score(sheet).Items.All(i => i.Score >= 0 && i.Score <= i.Weight && i.Score == decimal.Round(i.Score.Value, 2))));
    }

    [Fact]
    public void Scoring_is_deterministic()
    {
        Check.One(Config, Prop.ForAll(SheetGen.ToArbitrary(), sheet =>
            JsonSerializer.Serialize(ScoredEvaluationJson.From(Scorer.Score(sheet))) == JsonSerializer.Serialize(ScoredEvaluationJson.From(Scorer.Score(sheet)))));
    }

    [Fact]
    public void Scoring_does_not_depend_on_the_order_of_the_indicators()
    {
        var shuffled = SheetGen.SelectMany(sheet => Gen.Shuffle(sheet.Indicators.ToArray()), (sheet, order) => (sheet, order));

        Check.One(Config, Prop.ForAll(shuffled.ToArbitrary(), pair =>
        {
            var original = Scorer.Score(pair.sheet);
            var reordered = Scorer.Score(pair.sheet with { Indicators = pair.order });
            var scores = original.Items.ToDictionary(i => i.Name, i => (i.Score, i.Actual, i.Explanation));
            return original.Total == reordered.Total && original.Grade == reordered.Grade
                && reordered.Items.All(i => scores[i.Name] == (i.Score, i.Actual, i.Explanation))
                && original.Findings.OrderBy(f => f.Indicator).ThenBy(f => f.Message).SequenceEqual(reordered.Findings.OrderBy(f => f.Indicator).ThenBy(f => f.Message));
        }));
    }
}
