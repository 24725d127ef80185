using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Targets;
using Jixiao.Import.Reading;

namespace Jixiao.App.Monitoring;

/// <summary>A project of a read 监控表 with the numbers its lights were computed from (万元).</summary>
public sealed record DocumentProjectLight(string Name, string? Unit, decimal? BudgetWanYuan, decimal? ExecutedWanYuan, ProjectLight Lights, string Location);

/// <summary>
/// The lights of a filled 监控表 as the reader reads it (DocumentReader → ReadDocument): the budget is the budget
/// line's 全年预算数 (else the project's amount), 执行数 the line's or the project's 执行数, each indicator's target its
/// 年度指标值 (else 实施周期指标值) and its progress the 实际完成值 column. The reader does not read 完成目标可能性, so a
/// qualitative indicator of a document stays unlit.
/// </summary>
public static class DocumentLights
{
    public static IReadOnlyList<DocumentProjectLight> Compute(ReadDocument document, int month, MonitoringRules rules)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(rules);
        return document.Projects.Select((p, index) =>
        {
            var name = p.Name ?? $"（第 {index + 1} 个项目，未注明名称）";
            var budget = p.BudgetExecution?.Budget ?? p.AmountWanYuan;
            var executed = p.ExecutedWanYuan ?? p.BudgetExecution?.Executed;
            var progress = new ProjectProgress(name, month, budget, executed,
                p.Indicators.Select(i => new IndicatorProgress(i.Name, (i.Target ?? i.PeriodTarget) is { } t ? TargetParser.Parse(t) : null, i.Actual, null)).ToList());
            return new DocumentProjectLight(name, p.Unit, budget, executed, MonitoringLights.Compute(rules, progress), p.Location);
        }).ToList();
    }
}
