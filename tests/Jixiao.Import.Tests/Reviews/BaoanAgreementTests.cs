using Jixiao.Domain.Reviews.Rulebooks;
using Jixiao.Import.Reviews;
using Jixiao.Import.Tests.Corpus;
using Xunit.Abstractions;

namespace Jixiao.Import.Tests.Reviews;

/// <summary>
/// Agreement with the district reviewer's 初审 of the Baoan export, category by category (docs/review.md, "与审核人初审的
/// 一致性"). The figures are exact: a change in a rule or in reading shows here and must be explained there.
/// </summary>
public class BaoanAgreementTests(ITestOutputHelper output)
{
    [Fact]
    public void The_built_in_baoan_rulebook_agrees_with_the_reviewer_category_by_category()
    {
        var result = BaoanAgreement.Measure(ReviewRulebook.ForDistrict("baoan")!);
        Print(result);

        (result.Reviewed, result.NotReviewed).ShouldBe((124, 22));
        result.Tallies.Select(t => (t.Category, t.Both, t.ProductOnly, t.ReviewerOnly)).ShouldBe([
            ("指标值不具量化易评性", 110, 0, 0),
            ("指标解释未填写", 2, 0, 0),
            ("政策依据不规范", 82, 1, 0),
            ("时间限制不合理可行。", 27, 0, 0),
            ("测算依据不规范", 117, 7, 0),
            ("绩效指标不能留空", 3, 0, 0),
            ("绩效指标表述过于冗长", 52, 0, 10),
        ], ignoreOrder: true);
        foreach (var t in result.Tallies.Where(t => t.Category != "绩效指标表述过于冗长"))
        {
            t.Precision.ShouldBeGreaterThanOrEqualTo(0.9, t.Category);
            t.Recall.ShouldBeGreaterThanOrEqualTo(0.9, t.Category);
        }
    }

    [Fact]
    public void The_rulebook_read_from_the_district_workbook_as_it_is_agrees_where_its_items_run_as_written()
    {
        var rulebook = RulebookWorkbook.Read(Path.Combine(CorpusFiles.Docs, "01-targets-baoan-review-rules.xlsx"));
        var result = BaoanAgreement.Measure(rulebook);
        Print(result);

        // Read as it is, every item runs, also those the 2023 初审 did not apply (年度目标 against 通过.*达成, which no
        // goal matches, and the name endings of each category): those are the only extra categories.
        var extra = result.Tallies.Where(t => t.Both == 0 && t.ReviewerOnly == 0).Select(t => t.Category).Order(StringComparer.Ordinal).ToList();
        extra.ShouldBe(["数量指标不规范", "质量指标不规范", "时效指标不规范", "成本指标不规范", "社会效益指标不规范", "年度绩效目标不规范"], ignoreOrder: true);
        result.Tallies.Single(t => t.Category == "年度绩效目标不规范").ProductOnly.ShouldBe(124);
        var builtIn = BaoanAgreement.Measure(ReviewRulebook.ForDistrict("baoan")!).Tallies.ToDictionary(t => t.Category);
        foreach (var t in result.Tallies.Where(t => !extra.Contains(t.Category)))
        {
            t.ShouldBe(builtIn[t.Category]);
        }
    }

    private void Print(BaoanAgreement.Result result)
    {
        output.WriteLine($"reviewed {result.Reviewed}, not reviewed {result.NotReviewed}");
        foreach (var t in result.Tallies)
        {
            output.WriteLine($"| {t.Category} | {t.Both} | {t.ProductOnly} | {t.ReviewerOnly} | {t.Precision:P1} | {t.Recall:P1} |");
        }

        foreach (var (code, (product, reviewer)) in result.ByProject)
        {
            var only = product.Except(reviewer).Select(x => "+" + x).Concat(reviewer.Except(product).Select(x => "-" + x)).ToList();
            if (only.Count > 0)
            {
                output.WriteLine($"{code}: {string.Join(" ", only)}");
            }
        }
    }
}
