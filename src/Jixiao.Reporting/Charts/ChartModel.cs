namespace Jixiao.Reporting.Charts;

/// <summary>
/// The data of one chart, shared by the .docx (native DrawingML chart) and the HTML/PDF (inline SVG) renderers and
/// meant to be the same data the web dashboard draws. Values are in <see cref="ValueUnit"/> (分, 个).
/// </summary>
public sealed record ChartModel(
    string Title,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeries> Series,
    string ValueUnit,
    ChartKind Kind = ChartKind.Column)
{
    /// <summary>The largest value of any series (0 for an empty chart).</summary>
    public decimal MaxValue => Series.SelectMany(s => s.Values).DefaultIfEmpty(0m).Max();

    /// <summary>The value axis: a round maximum and the step between grid lines (whole steps for small counts).</summary>
    public (decimal Max, decimal Step) Axis
    {
        get
        {
            var max = SvgChart.NiceMax(MaxValue);
            var counts = Series.SelectMany(s => s.Values).All(v => v == decimal.Truncate(v));
            return counts && max <= 10 ? (max, 1) : (max, max / 5);
        }
    }
}

/// <summary>One series; <see cref="Values"/> has one value per category. <see cref="Color"/> is RRGGBB.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal> Values, string Color);

public enum ChartKind
{
    /// <summary>Clustered vertical columns.</summary>
    Column,
    /// <summary>Clustered horizontal bars (long category names).</summary>
    Bar,
}

/// <summary>The charts a report carries, built from scored data.</summary>
public static class ReportCharts
{
    public const string WeightColor = "A5A5A5";
    public const string ScoreColor = "2F5597";

    /// <summary>分值 vs 得分 per 一级 indicator, in the order given.</summary>
    public static ChartModel ScoreByLevel1(IEnumerable<(string Level1, decimal Weight, decimal Score)> groups)
    {
        var list = groups.ToList();
        return new ChartModel(
            "各一级指标得分与分值",
            [.. list.Select(g => g.Level1)],
            [
                new ChartSeries("分值", [.. list.Select(g => g.Weight)], WeightColor),
                new ChartSeries("得分", [.. list.Select(g => g.Score)], ScoreColor),
            ],
            "分");
    }

    /// <summary>How many evaluations of a department have each grade, in the order of the grade scale (优 良 中 差).</summary>
    public static ChartModel GradeDistribution(IReadOnlyList<string> gradeOrder, IEnumerable<string> grades, string title = "评价等级分布")
    {
        var counts = grades.GroupBy(g => g, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var categories = gradeOrder.Concat(counts.Keys.Where(k => !gradeOrder.Contains(k))).ToList();
        return new ChartModel(
            title,
            categories,
            [new ChartSeries("项目数", [.. categories.Select(c => (decimal)counts.GetValueOrDefault(c))], ScoreColor)],
            "个");
    }
}
