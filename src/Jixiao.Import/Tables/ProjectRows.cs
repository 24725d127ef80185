using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Text;
using Jixiao.Import.Imports;
using Jixiao.Import.Indicators;
using Jixiao.Import.Text;

namespace Jixiao.Import.Tables;

/// <summary>What the project-table layouts (pipe text, Excel, PDF text) have in common once a row is assembled.</summary>
internal static class ProjectRows
{
    public static bool IsTotalName(string name)
    {
        var key = ChineseText.Collapse(name);
        return key is "合计" or "总计" or "合计数" or "总合计" or "全部合计";
    }

    /// <summary>Words that make a name a project even when its row has no goal (a unit is named after an organisation).</summary>
    public static bool LooksLikeProject(string name)
    {
        foreach (var word in ProjectWords)
        {
            if (name.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] ProjectWords = ["经费", "项目", "工程", "费用", "补助", "资金", "建设", "专项", "购置", "运维", "补贴", "奖励"];

    public static Project Build(ImportContext context, string name, ProjectAmounts amounts, string goal, LocatedText indicatorText,
        SourceLocation location)
    {
        var indicators = IndicatorCellReader.Read(indicatorText, context.Report);
        if (string.IsNullOrWhiteSpace(goal))
        {
            context.Report(Severity.Warning, ImportCodes.ProjectIncomplete, location, $"项目“{name}”没有绩效目标。");
        }

        if (indicators.Count == 0 && string.IsNullOrWhiteSpace(indicatorText.Text))
        {
            context.Report(Severity.Warning, ImportCodes.ProjectIncomplete, location, $"项目“{name}”没有绩效指标。");
        }

        return new Project(name, context.FiscalYear, amounts, new PerformanceGoal(goal.Trim()), indicators, location);
    }

    /// <summary>Reads the amount cells; a cell that is not an amount is reported (IMP011) and counted as blank.</summary>
    public static decimal? Amount(ImportContext context, string cell, string column, string rowName, SourceLocation location)
    {
        if (Amounts.TryParse(cell, out var value))
        {
            return value;
        }

        context.Report(Severity.Warning, ImportCodes.BadAmount, location, $"“{rowName}”的{column}“{cell.Trim()}”不是金额，按空白处理。");
        return null;
    }
}
