using Jixiao.Data.Entities;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Targets;
using Jixiao.Domain.Taxonomy;

namespace Jixiao.App.Projects;

/// <summary>Stored projects as the domain knows them, for the review engine and the evaluation templates.</summary>
public static class StoredProjects
{
    /// <summary>
    /// The domain project of a stored one (with its indicators in source order; targets parsed again from their text,
    /// so a stored project reviews and scores exactly as its document would).
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
            i.MeasureUnit, null, i.Weight, i.ScoringRule, null, null, i.Level1Text, i.Level2Text, i.Number)).ToList();
        var unit = project.SourceMoneyUnit == "元" ? MoneyUnit.Yuan : MoneyUnit.WanYuan;
        decimal? Amount(long? fen) => fen is { } f ? Money.FromFen(f, unit).Amount : null;
        return new Project(project.Name, project.FiscalYear,
            new ProjectAmounts(Amount(project.TotalFen), Amount(project.FiscalFen), Amount(project.FiscalSpecialFen), Amount(project.OtherFen), unit),
            new PerformanceGoal(project.Goal, project.PeriodGoal, project.AnnualGoal), indicators);
    }
}
