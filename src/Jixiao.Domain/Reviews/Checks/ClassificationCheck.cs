using System.Text.Json;
using Jixiao.Domain.Taxonomy;

namespace Jixiao.Domain.Reviews.Checks;

/// <summary>
/// Is each indicator filed where it belongs? Codes that disagree with their names (REV301), categories at the wrong
/// level or a 二级 under another 一级 (REV302), names that belong to another category (REV303), the same indicator
/// twice (REV304; REV308 when it stands under both 产出 and 效益) and list numbers that restart or skip (REV305).
/// </summary>
internal sealed class ClassificationCheck : IProjectCheck, IIndicatorCheck
{
    private readonly CheckContext context;
    private readonly (string[] Words, string Code, string Meaning)[] placements;

    public ClassificationCheck(CheckContext context)
    {
        this.context = context;
        var list = new List<(string[], string, string)>();
        foreach (var item in context.Rules["REV303"].Element("placements").EnumerateArray())
        {
            var words = item.GetProperty("words").EnumerateArray().Select(w => w.GetString() ?? "").Where(w => w.Length > 0).ToArray();
            var code = item.GetProperty("code").GetString() ?? "";
            if (context.Taxonomy.FindByCode(code) is null)
            {
                throw new InvalidDataException($"审核规则 REV303 的 placements 中代码“{code}”不在指标分类中。");
            }

            list.Add((words, code, item.TryGetProperty("meaning", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : code));
        }

        placements = [.. list];
    }

    public IReadOnlyList<string> RuleIds { get; } = ["REV301", "REV302", "REV303", "REV304", "REV305", "REV308"];

    public void Decide(ProjectFacts project, IndicatorFacts indicator, List<Verdict> output)
    {
        if (!CheckCodes(indicator, output))
        {
            CheckPlacement(indicator, output);
        }
    }

    public void Check(ProjectFacts project)
    {
        CheckDuplicates(project);
        CheckNumbering(project);
    }

    private static string Written(string? code, string? text) =>
        code is { Length: > 0 } && text is { Length: > 0 } ? $"{code}-{text}" : code is { Length: > 0 } ? code : text ?? "";

    private static string Show(IndicatorCategory category) => $"{category.Code}-{category.Name}";

    /// <summary>REV301/REV302 from the codes and names the source wrote. True when the placement itself is wrong.</summary>
    private bool CheckCodes(IndicatorFacts indicator, List<Verdict> output)
    {
        var i = indicator.Indicator;
        if (i.Level1Code is not { Length: > 0 } && i.Level2Code is not { Length: > 0 })
        {
            return false;
        }

        var taxonomy = context.Taxonomy;
        var written = $"{Written(i.Level1Code, i.Level1Text)}，{Written(i.Level2Code, i.Level2Text)}";
        var c1 = i.Level1Code is { Length: > 0 } k1 ? taxonomy.FindByCode(k1) : null;
        var c2 = i.Level2Code is { Length: > 0 } k2 ? taxonomy.FindByCode(k2) : null;
        var only = indicator.Level1 is { } p1 && indicator.Level2 is null ? taxonomy.ChildrenOf(p1).ToList() : [];
        var expected = indicator.Level1 is { } e1
            ? indicator.Level2 is { } e2 ? $"{Show(e1)}，{Show(e2)}" : only.Count == 1 ? $"{Show(e1)}，{Show(only[0])}" : Show(e1)
            : "指标分类中的一级、二级代码和名称";

        if (i.Level1Code is { Length: > 0 } && c1 is null || i.Level2Code is { Length: > 0 } && c2 is null)
        {
            var unknown = c1 is null && i.Level1Code is { Length: > 0 } ? i.Level1Code : i.Level2Code;
            output.Add(new Verdict("REV301", written, $"代码“{unknown}”不在指标分类中", expected));
            return true;
        }

        if (c1 is { Level: 2 })
        {
            output.Add(new Verdict("REV302", written, $"一级位置写的是二级指标“{Show(c1)}”", expected));
            return true;
        }

        if (c2 is { Level: 1 })
        {
            output.Add(new Verdict("REV302", written, $"二级位置写的是一级指标“{Show(c2)}”", expected));
            return true;
        }

        if (c1 is not null && c2 is not null && c2.ParentCode != c1.Code)
        {
            var parent = taxonomy.ParentOf(c2);
            output.Add(new Verdict("REV302", written,
                $"二级指标“{Show(c2)}”属于“{(parent is null ? "?" : Show(parent))}”，不属于“{Show(c1)}”", expected));
            return true;
        }

        if (c1 is not null && i.Level1Text is { Length: > 0 } t1 && (taxonomy.FindLevel1(t1) ?? taxonomy.FindLevel2(t1)) is { } named1 && named1 != c1)
        {
            output.Add(new Verdict("REV301", written, $"代码“{c1.Code}”是“{c1.Name}”，名称却是“{t1}”", expected));
            return true;
        }

        if (c2 is not null && i.Level2Text is { Length: > 0 } t2 && (taxonomy.FindLevel2(t2, c1 ?? taxonomy.ParentOf(c2)) ?? taxonomy.FindLevel1(t2)) is { } named2 && named2 != c2)
        {
            output.Add(new Verdict("REV301", written, $"代码“{c2.Code}”是“{c2.Name}”，名称却是“{t2}”", expected));
            return true;
        }

        return false;
    }

    /// <summary>REV303: a 满意度, 质量, 时效 or 成本 indicator by its name, filed elsewhere.</summary>
    private void CheckPlacement(IndicatorFacts indicator, List<Verdict> output)
    {
        if (indicator.Level1 is not { } level1)
        {
            return;
        }

        foreach (var (words, code, meaning) in placements)
        {
            if (!ReviewText.ContainsAny(indicator.Key, words))
            {
                continue;
            }

            var wrong = code switch
            {
                "31" or "3" => !indicator.IsSatisfaction,
                "12" or "13" or "11" or "14" => level1.Code != "1",
                "4" or "41" => !indicator.IsCost,
                _ => !(indicator.Level2?.Code == code || level1.Code == code),
            };
            if (wrong)
            {
                var target = context.Taxonomy.FindByCode(code)!;
                var parent = target.ParentCode is null ? null : context.Taxonomy.FindByCode(target.ParentCode);
                var expected = parent is null ? Show(target) : $"{Show(parent)}，{Show(target)}";
                var current = indicator.Level2 is { } l2 ? $"{Show(level1)}，{Show(l2)}" : Show(level1);
                output.Add(new Verdict("REV303", current, meaning, expected));
            }

            return;
        }
    }

    private void CheckDuplicates(ProjectFacts project)
    {
        var indicators = project.Indicators;
        for (var a = 0; a < indicators.Count; a++)
        {
            var key = indicators[a].Key;
            if (key.Length == 0)
            {
                continue;
            }

            var seenBefore = false;
            var count = 1;
            bool output = indicators[a].IsOutput, benefit = indicators[a].IsBenefit;
            for (var b = 0; b < indicators.Count; b++)
            {
                if (b != a && indicators[b].Key == key)
                {
                    seenBefore |= b < a;
                    count++;
                    output |= indicators[b].IsOutput;
                    benefit |= indicators[b].IsBenefit;
                }
            }

            if (count > 1 && !seenBefore)
            {
                // The same indicator as an 产出 and as an 效益 is a misplaced effect, not a copy (REV308 says which).
                if (output && benefit)
                {
                    context.Add(project, "REV308", indicators[a], detail: "产出指标和效益指标");
                }
                else
                {
                    context.Add(project, "REV304", indicators[a], detail: count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
    }

    private void CheckNumbering(ProjectFacts project)
    {
        var indicators = project.Indicators;
        if (indicators.Count < 2)
        {
            return;
        }

        string? problem = null;
        for (var k = 0; k < indicators.Count; k++)
        {
            if (indicators[k].Indicator.Number is not { } number)
            {
                return;
            }

            if (problem is null && number != k + 1)
            {
                var previous = k == 0 ? 0 : indicators[k - 1].Indicator.Number!.Value;
                problem = number <= previous
                    ? $"第 {k + 1} 项指标的编号又从 {number} 开始"
                    : k == 0 ? $"编号从 {number} 开始" : $"编号从 {previous} 跳到 {number}";
            }
        }

        if (problem is not null)
        {
            var numbers = string.Join("、", indicators.Select(i => i.Indicator.Number!.Value));
            context.Add(project, "REV305", null, numbers, problem);
        }
    }
}
