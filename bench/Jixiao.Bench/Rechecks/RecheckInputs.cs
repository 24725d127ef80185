using System.Globalization;
using Jixiao.App.Rechecks;
using Jixiao.Domain.Rechecks;
using Jixiao.Import.Reading;

namespace Jixiao.Bench.Rechecks;

/// <summary>
/// Self-evaluations to recheck, already read: the corpus self-evaluations the reader reads (12, 14, 16, header removed)
/// and generated ones of 20 lines — quantitative up and down, qualitative, far over-achieved, money-only and
/// duplicated lines, a budget line with a low 执行率 — so every path of the Rechecker is taken.
/// </summary>
public static class RecheckInputs
{
    public static IReadOnlyList<SelfEvaluationInput> Corpus()
    {
        var docs = Path.Combine(BenchPaths.RepoRoot, "tests", "Jixiao.Import.Tests", "Corpus", "docs");
        var inputs = new List<SelfEvaluationInput>();
        foreach (var name in new[] { "12-self-evaluation.txt", "14-self-evaluation.txt", "16-self-evaluation.txt" })
        {
            var lines = File.ReadAllLines(Path.Combine(docs, name));
            var body = string.Join('\n', lines.Skip(lines.Take(12).ToList().IndexOf("---") + 1));
            var document = DocumentReader.Read(System.Text.Encoding.UTF8.GetBytes(body), name).Document;
            inputs.AddRange(document.Projects.Select(p => SelfEvaluationRechecks.Input(document, p, single: document.Projects.Count == 1)));
        }

        return inputs;
    }

    public static SelfEvaluationInput[] Generated(int count)
    {
        var random = new Random(20261203);
        var result = new SelfEvaluationInput[count];
        for (var e = 0; e < count; e++)
        {
            var lines = new List<RecheckLine>(20);
            for (var i = 0; i < 20; i++)
            {
                var target = random.Next(50, 500);
                var s = (i % 5) switch
                {
                    0 => new RecheckLine("产出指标", "数量指标", $"完成任务{i}", 4, $"≥{target}个", $"{target * random.Next(60, 160) / 100}个", 4, null),
                    1 => new RecheckLine("产出指标", "时效指标", $"办结时间{i}", 4, $"≤{target % 30 + 1}天", $"{random.Next(1, 40)}天", 3.5m, null),
                    2 => new RecheckLine("效益指标", "社会效益指标", $"完成任务{i - 2}", 3, "效果明显", "达成预期指标", 3, null),
                    3 => new RecheckLine("产出指标", "数量指标", $"资金拨付金额{i}", 4, $"≥{target}万元", $"{target}万元", 4, null),
                    _ => new RecheckLine("满意度指标", "服务对象满意度指标", $"满意度{i}", 3, "≥90%", $"{random.Next(80, 100).ToString(CultureInfo.InvariantCulture)}%", 3, "问卷"),
                };
                lines.Add(s);
            }

            var budget = random.Next(100, 1000);
            result[e] = new SelfEvaluationInput($"项目{e}", "单位", 2023,
                new RecheckBudgetLine("年度资金总额", 10, budget, budget * random.Next(40, 101) / 100m, null, 10), lines, 98, "优");
        }

        return result;
    }

    /// <summary>The floor: what any recheck must do with a line's texts — parse its target and its actual value.</summary>
    public static decimal ParseTexts(SelfEvaluationInput input)
    {
        decimal sum = 0;
        foreach (var line in input.Lines)
        {
            sum += Jixiao.Domain.Targets.TargetParser.Parse(line.Target) is Jixiao.Domain.Targets.Target.Quantitative q ? q.Value : 0;
            sum += Jixiao.Domain.Evaluations.MeasuredValue.Parse(line.Actual).Value ?? 0;
        }

        return sum;
    }
}
