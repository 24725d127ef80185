using Jixiao.Reporting.Charts;

namespace Jixiao.Reporting.Tests.Charts;

public class ChartTests
{
    [Fact]
    public void Score_by_level1_has_weight_and_score_series_in_category_order()
    {
        var chart = ReportCharts.ScoreByLevel1([("决策", 18m, 18m), ("效益", 25m, 21m)]);
        chart.Categories.ShouldBe(["决策", "效益"]);
        chart.Series.Select(s => s.Name).ShouldBe(["分值", "得分"]);
        chart.Series[0].Values.ShouldBe([18m, 25m]);
        chart.Series[1].Values.ShouldBe([18m, 21m]);
    }

    [Fact]
    public void Grade_distribution_counts_every_grade_and_keeps_the_scale_order()
    {
        var chart = ReportCharts.GradeDistribution(["优", "良", "中", "差"], ["良", "优", "优", "差", "优", "不适用"]);
        chart.Categories.ShouldBe(["优", "良", "中", "差", "不适用"]);
        chart.Series.Single().Values.ShouldBe([3m, 1m, 0m, 1m, 1m]);
    }

    [Theory]
    [InlineData("0", "1")]
    [InlineData("7", "10")]
    [InlineData("18", "20")]
    [InlineData("21.57", "25")]
    [InlineData("35", "50")]
    [InlineData("100", "100")]
    [InlineData("101", "200")]
    public void The_value_axis_ends_at_a_round_number(string max, string expected) =>
        SvgChart.NiceMax(decimal.Parse(max, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Svg_draws_one_bar_and_one_label_per_value()
    {
        var svg = SvgChart.Render(ReportCharts.ScoreByLevel1([("决策", 18m, 18m), ("过程", 22m, 21.57m)]));
        System.Text.RegularExpressions.Regex.Count(svg, "<rect ").ShouldBe(4 + 2); // bars + legend keys
        svg.ShouldContain(">21.57</text>");
        svg.ShouldContain(">过程</text>");
        svg.ShouldContain("各一级指标得分与分值");
    }

    [Fact]
    public void Small_counts_get_whole_grid_steps_and_scores_five_steps()
    {
        ReportCharts.GradeDistribution(["优", "良"], ["优", "优", "良"]).Axis.ShouldBe((2m, 1m));
        ReportCharts.GradeDistribution(["优", "良"], ["优", "优", "优", "良"]).Axis.ShouldBe((5m, 1m));
        ReportCharts.GradeDistribution(["优"], Enumerable.Repeat("优", 12)).Axis.ShouldBe((20m, 4m));
        ReportCharts.ScoreByLevel1([("产出", 35m, 32.5m)]).Axis.ShouldBe((50m, 10m));
    }
}
