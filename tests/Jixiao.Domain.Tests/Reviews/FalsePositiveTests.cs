using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Reviews;

namespace Jixiao.Domain.Tests.Reviews;

/// <summary>Well-formed tables must pass: the rules may advise, but they may not call a sound target an error.</summary>
public class FalsePositiveTests
{
    private static readonly ReviewReport Report = ReviewEngine.Default.Review(WellFormedTables.Units);

    public static TheoryData<string> Projects => new(WellFormedTables.Units.SelectMany(u => u.Projects).Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_well_formed_project_gets_no_error_level_findings(string project)
    {
        var review = Report.Find(project).ShouldNotBeNull();
        var errors = review.Findings.Where(f => f.Severity == Severity.Error).Select(f => $"{f.Rule} {f.Message}").ToList();
        errors.ShouldBeEmpty();
        review.Outcome.ShouldBe(ReviewOutcome.Excellent, string.Join("; ", review.Findings.Select(f => $"{f.Rule} {f.Message}")));
    }

    [Fact]
    public void Well_formed_units_add_up_and_have_no_unit_findings()
    {
        Report.Units.ShouldAllBe(u => u.Findings.Count == 0);
        Report.Total.Errors.ShouldBe(0);
    }
}
