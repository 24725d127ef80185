namespace Jixiao.Domain.Reviews.Checks;

/// <summary>
/// Does the project have the indicator categories 财预〔2021〕101号 asks for: 产出 (with 数量 and 质量 or 时效), 效益,
/// 满意度 where the project serves people, 成本; and enough indicators at all (REV200–REV207). Categories are the
/// effective ones (<see cref="IndicatorFacts"/>): an indicator whose 一级 cannot be told counts for none.
/// </summary>
internal sealed class CompletenessCheck : IProjectCheck
{
    private readonly CheckContext context;
    private readonly string[] servesPeopleWords;
    private readonly int minIndicators;
    private readonly Memo<string, string?> servedByGoal = new(50_000);
    private readonly Memo<string, string?> servedByName = new(50_000);

    public CompletenessCheck(CheckContext context)
    {
        this.context = context;
        servesPeopleWords = context.Rules["REV203"].Strings("servesPeopleWords");
        minIndicators = (int)context.Rules["REV205"].Number("minIndicators");
    }

    public IReadOnlyList<string> RuleIds { get; } = ["REV200", "REV201", "REV202", "REV203", "REV204", "REV205", "REV206", "REV207"];

    public void Check(ProjectFacts project)
    {
        var indicators = project.Indicators;
        if (indicators.Count == 0)
        {
            context.Add(project, "REV200", null);
            return;
        }

        bool output = false, benefit = false, satisfaction = false, cost = false, quantity = false, qualityOrTime = false;
        foreach (var i in indicators)
        {
            output |= i.IsOutput;
            benefit |= i.IsBenefit;
            satisfaction |= i.IsSatisfaction;
            cost |= i.IsCost;
            if (i.IsOutput && i.Level2 is { } l2)
            {
                quantity |= l2.Code == "11";
                qualityOrTime |= l2.Code is "12" or "13";
            }
        }

        if (indicators.Count < minIndicators)
        {
            context.Add(project, "REV205", null, detail: indicators.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                expected: minIndicators.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (!output)
        {
            context.Add(project, "REV201", null, expected: context.LibraryExample(project, "11"));
        }
        else
        {
            if (!quantity)
            {
                context.Add(project, "REV206", null, expected: context.LibraryExample(project, "11"));
            }

            if (!qualityOrTime)
            {
                context.Add(project, "REV207", null, expected: context.LibraryExample(project, "12,13"));
            }
        }

        if (!benefit)
        {
            context.Add(project, "REV202", null, expected: context.LibraryExample(project, "22,21,24"));
        }

        if (!satisfaction && ServedPeople(project) is { } people)
        {
            context.Add(project, "REV203", null, detail: people, expected: context.LibraryExample(project, "31"));
        }

        if (!cost)
        {
            context.Add(project, "REV204", null, expected: context.LibraryExample(project, "14,41"));
        }
    }

    /// <summary>The first word showing whom the project serves, from its name, goal or indicator names.</summary>
    private string? ServedPeople(ProjectFacts project)
    {
        if (ReviewText.FirstContained(project.Project.Name, servesPeopleWords) is { } inName)
        {
            return inName;
        }

        if (servedByGoal.Get(project.Goal, servesPeopleWords, static (goal, words) => ReviewText.FirstContained(goal, words)) is { } inGoal)
        {
            return inGoal;
        }

        foreach (var indicator in project.Indicators)
        {
            if (servedByName.Get(indicator.Label, servesPeopleWords, static (label, words) => ReviewText.FirstContained(label, words)) is { } inIndicator)
            {
                return inIndicator;
            }
        }

        return null;
    }
}
