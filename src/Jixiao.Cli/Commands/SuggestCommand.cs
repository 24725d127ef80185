using Jixiao.Domain.Reviews;

namespace Jixiao.Cli.Commands;

/// <summary>`jixiao suggest FILE... --project NAME [--json]`: indicators that fill the gaps the review found.</summary>
internal sealed class SuggestCommand : ICommand
{
    public string Name => "suggest";

    public string Summary => "为一个项目推荐绩效指标：按审核发现的缺项，从指标库和同类项目中给出指标、分类、典型值和理由";

    public string Usage => """
        用法：jixiao suggest <文件>... --project <项目名称> [--unit <单位名称>] [--json] [--rules 规则.json] [--library 指标库.json]

        审核文件中的项目，针对发现的缺项（缺产出/效益/满意度/成本指标、数量或质量指标、不可考核的指标、
        投入当产出）推荐指标。推荐来自内置指标库（按项目类型：工程改造、运维、购买服务、人员经费、设备购置、
        信息化建设、补助/救助、培训宣传、专项业务经费）和同一批文件中名称相近的项目用过的规范指标。
          --project 名称   项目名称（完整名称，或能唯一确定项目的一部分）
          --unit 名称      同名项目在多个单位时指定单位
          --json           以 JSON 输出（格式见 docs/review.md）
          --library 文件   本地区的指标库扩展文件

        示例：
          jixiao suggest samples/seeds/002_57b7928e8e0f944a.txt --project 正风反腐专项经费
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = CliArgs.Parse(args, ["--json"], ["--project", "--unit", "--rules", "--library"], out var error);
        if (parsed is null || parsed.Positionals.Count == 0 || parsed.Value("--project") is not { Length: > 0 } name)
        {
            context.Error.WriteLine(error ?? (parsed is { Positionals.Count: > 0 } ? "缺少 --project 项目名称。" : "缺少要读取的文件。"));
            context.Error.WriteLine(Usage);
            return ExitCodes.BadInput;
        }

        if (ReviewCommand.Load(parsed, context) is not { } loaded)
        {
            return ExitCodes.BadInput;
        }

        var report = loaded.Engine.Review(loaded.Units);
        var review = report.Find(name, parsed.Value("--unit"));
        if (review is null)
        {
            var similar = report.Projects.Where(p => p.Name.Contains(name, StringComparison.Ordinal)).Select(p => $"{p.Name}（{p.Unit}）").ToList();
            context.Error.WriteLine(similar.Count > 1
                ? $"“{name}”对应多个项目，请写完整名称或用 --unit 指定单位：{string.Join("；", similar)}"
                : $"文件中没有项目“{name}”。");
            return ExitCodes.BadInput;
        }

        var suggester = new IndicatorSuggester(loaded.Library.Learn(report));
        var suggestions = suggester.Suggest(review);
        if (parsed.Has("--json"))
        {
            context.Out.WriteLine(Json.Serialize(new
            {
                unit = review.Unit,
                project = review.Name,
                type = review.ProjectType,
                score = review.Score,
                outcome = review.Outcome.Chinese(),
                findings = review.Findings.Select(FindingJson.From).ToList(),
                suggestions = suggestions.Select(SuggestionJson.From).ToList(),
            }));
            return ExitCodes.Ok;
        }

        var output = context.Out;
        output.WriteLine($"项目：{review.Name}（{review.Unit}），类型：{review.ProjectType}，得分 {review.Score}，审核结论 {review.Outcome.Chinese()}");
        output.WriteLine($"现有指标 {review.Project.Indicators.Count} 项，审核发现 {review.Findings.Count} 个问题。");
        output.WriteLine();
        if (suggestions.Count == 0)
        {
            output.WriteLine("没有需要补充或替换的指标。");
            return ExitCodes.Ok;
        }

        output.WriteLine($"推荐指标 {suggestions.Count} 项：");
        var n = 0;
        foreach (var s in suggestions)
        {
            output.WriteLine($"{++n}. {s.Name}  {s.TypicalValue}");
            output.WriteLine($"   分类：{s.Level1.Code}-{s.Level1.Name}，{s.Level2.Code}-{s.Level2.Name}" + (s.Unit is null ? "" : $"；单位：{s.Unit}"));
            output.WriteLine($"   理由：{s.Reason}" + (s.Replaces is null ? "" : $"（替换“{s.Replaces}”）") + $"；来源：{s.Source}");
        }

        return ExitCodes.Ok;
    }
}
