using System.Globalization;
using System.Text;
using Jixiao.Domain.Projects;

namespace Jixiao.Reporting.TargetTables;

/// <summary>
/// Writes the standard 项目支出绩效目标表 (layout 1) as .xlsx: title, 部门名称, 单位, the header, the 合计 row, each
/// unit's subtotal row followed by its projects, and the indicators in the encoded cell form
/// "1、1-产出指标,12-质量指标,名称；实施周期指标值:…,年度指标值:…；" with the resolved (corrected) categories,
/// so that reading the file back gives the same projects and indicators. Where any project has what a reviewer reads
/// (项目编码, 项目总金额, 实施期目标, 政策依据, 测算依据, 指标解释), <see cref="ReviewerHeader"/> follows as more columns,
/// after 绩效指标 (the layout's reader takes its columns by their headers and passes over these): 总计 is the 本年金额
/// and 绩效目标 the 年度目标; 指标解释 is numbered as the indicators are.
/// </summary>
public static class TargetTableXlsxWriter
{
    public static readonly string[] Header = ["项目名称（资金使用单位）", "总计", "财政拨款", "财政专户拨款", "其他资金", "绩效目标", "绩效指标"];

    public static readonly string[] ReviewerHeader = ["项目编码", "项目总金额", "实施期目标", "政策依据", "测算依据", "指标解释"];

    /// <summary>Whether a project has any of the fields of <see cref="ReviewerHeader"/>.</summary>
    public static bool HasReviewerFields(Project project) =>
        project.Code is not null || project.Amounts.PeriodTotal is not null || project.Goal.PeriodGoal is not null
        || project.PolicyBasis is not null || project.CostBasis is not null || project.Indicators.Any(i => i.Explanation is not null);

    /// <summary>The 指标解释 of the indicators, numbered as <see cref="EncodeIndicators"/> numbers them ("1、…；2、…；"); empty when none has one.</summary>
    public static string EncodeExplanations(IReadOnlyList<Indicator> indicators) =>
        indicators.Any(i => i.Explanation is not null)
            ? string.Concat(indicators.Select((i, n) => string.Create(CultureInfo.InvariantCulture, $"{n + 1}、{i.Explanation ?? ""}；")))
            : "";

    public static void Write(Stream output, string? department, MoneyUnit amountUnit, decimal? statedTotal, IReadOnlyList<BudgetUnit> units)
    {
        var year = units.SelectMany(u => u.Projects).Select(p => p.FiscalYear).FirstOrDefault(y => y is not null);
        var reviewer = units.SelectMany(u => u.Projects).Any(HasReviewerFields);
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { year is { } y ? $"{y.ToString(CultureInfo.InvariantCulture)}年项目支出绩效目标表" : "项目支出绩效目标表" },
            new object?[] { $"部门名称：{department ?? units.FirstOrDefault()?.Name ?? ""}" },
            new object?[] { $"单位：{Money.UnitName(amountUnit)}" },
            reviewer ? [.. Header, .. ReviewerHeader] : Header,
        };

        var total = statedTotal ?? units.Sum(u => u.StatedTotal ?? u.Projects.Sum(p => p.Amounts.Total ?? 0));
        rows.Add(new object?[] { "合计", total, SumOrNull(units.SelectMany(u => u.Projects), a => a.Fiscal),
            SumOrNull(units.SelectMany(u => u.Projects), a => a.FiscalSpecial), SumOrNull(units.SelectMany(u => u.Projects), a => a.Other) });
        foreach (var unit in units)
        {
            rows.Add(new object?[] { unit.Name, unit.StatedTotal ?? unit.Projects.Sum(p => p.Amounts.Total ?? 0),
                SumOrNull(unit.Projects, a => a.Fiscal), SumOrNull(unit.Projects, a => a.FiscalSpecial), SumOrNull(unit.Projects, a => a.Other) });
            foreach (var project in unit.Projects)
            {
                var row = new List<object?>
                {
                    project.Name, project.Amounts.Total, project.Amounts.Fiscal, project.Amounts.FiscalSpecial, project.Amounts.Other,
                    project.Goal.Text, EncodeIndicators(project.Indicators),
                };
                if (reviewer)
                {
                    row.AddRange([project.Code, project.Amounts.PeriodTotal, project.Goal.PeriodGoal, project.PolicyBasis, project.CostBasis,
                        EncodeExplanations(project.Indicators)]);
                }

                rows.Add(row);
            }
        }

        XlsxGrid.Write(output, [new XlsxSheet("绩效目标表", rows)
        {
            ColumnWidths = reviewer ? [36, 12, 12, 12, 12, 50, 90, 24, 12, 40, 50, 40, 60] : [36, 12, 12, 12, 12, 50, 90],
        }]);
    }

    /// <summary>The encoded 绩效指标 cell, numbered 1、2、3、… in order.</summary>
    public static string EncodeIndicators(IReadOnlyList<Indicator> indicators)
    {
        var text = new StringBuilder();
        for (var i = 0; i < indicators.Count; i++)
        {
            var indicator = indicators[i];
            text.Append(CultureInfo.InvariantCulture, $"{i + 1}、");
            text.Append(Category(indicator.Level1?.Code ?? indicator.Level1Code, indicator.Level1?.Name ?? indicator.Level1Text)).Append(',');
            text.Append(Category(indicator.Level2?.Code ?? indicator.Level2Code, indicator.Level2?.Name ?? indicator.Level2Text)).Append(',');
            text.Append(indicator.Name).Append('；');
            text.Append("实施周期指标值:").Append(indicator.PeriodTarget?.Text ?? "").Append(',');
            text.Append("年度指标值:").Append(indicator.AnnualTarget?.Text ?? "").Append('；');
        }

        return text.ToString();
    }

    private static string Category(string? code, string? name) => code is null ? name ?? "" : $"{code}-{name}";

    private static decimal? SumOrNull(IEnumerable<Project> projects, Func<ProjectAmounts, decimal?> column)
    {
        decimal? sum = null;
        foreach (var project in projects)
        {
            if (column(project.Amounts) is { } value)
            {
                sum = (sum ?? 0) + value;
            }
        }

        return sum;
    }
}
