using Jixiao.Data.Entities;
using Jixiao.Data.Storing;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Targets;
using Jixiao.Domain.Taxonomy;

namespace Jixiao.App.Projects;

/// <summary>Stored projects as the domain knows them, for the review engine, a district's 审核口径 and the evaluation templates.</summary>
public static class StoredProjects
{
    /// <summary>
    /// The domain project of a stored one (with its indicators in source order; targets parsed again from their text,
    /// so a stored project reviews and scores exactly as its document would), with what reviewers read: 项目编码,
    /// 政策依据, 测算依据, 项目总金额, each indicator's 指标解释 and the category rows written 不适用.
    /// </summary>
    public static Project ToDomain(ProjectEntity project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var taxonomy = IndicatorTaxonomy.Default;
        var indicators = project.Indicators.OrderBy(i => i.Position).Select(i => new Indicator(
            i.Level1Code is null ? null : taxonomy.FindByCode(i.Level1Code),
            i.Level2Code is null ? null : taxonomy.FindByCode(i.Level2Code),
            i.Name,
            i.PeriodText is null ? null : TargetParser.Parse(i.PeriodText),
            i.AnnualText is null ? null : TargetParser.Parse(i.AnnualText),
            i.MeasureUnit, null, i.Weight, i.ScoringRule, null, null, i.Level1Text, i.Level2Text, i.Number, Explanation: i.Explanation)).ToList();
        var placeholders = PlaceholderRows.FromJson(project.Placeholders).Select((r, n) => new Indicator(
            r.Level1Code is null ? null : taxonomy.FindByCode(r.Level1Code),
            r.Level2Code is null ? null : taxonomy.FindByCode(r.Level2Code),
            r.Name,
            r.PeriodText is null ? null : TargetParser.Parse(r.PeriodText),
            r.AnnualText is null ? null : TargetParser.Parse(r.AnnualText),
            Level1Text: r.Level1Text, Level2Text: r.Level2Text, Number: n + 1, Explanation: r.Explanation)).ToList();
        var unit = project.SourceMoneyUnit == "元" ? MoneyUnit.Yuan : MoneyUnit.WanYuan;
        decimal? Amount(long? fen) => fen is { } f ? Money.FromFen(f, unit).Amount : null;
        return new Project(project.Name, project.FiscalYear,
            new ProjectAmounts(Amount(project.TotalFen), Amount(project.FiscalFen), Amount(project.FiscalSpecialFen), Amount(project.OtherFen), unit,
                Amount(project.PeriodTotalFen)),
            new PerformanceGoal(project.Goal, project.PeriodGoal, project.AnnualGoal), indicators, null,
            project.Code, project.PolicyBasis, project.CostBasis, placeholders.Count == 0 ? null : placeholders);
    }
}
