using Jixiao.Domain.Projects;
using Jixiao.Domain.Targets;

namespace Jixiao.Bench.Reviews;

/// <summary>
/// Generates a province-sized set of target tables for the review benchmark: units of 100 projects each, every
/// project with 3–8 indicators drawn from rows of the seed tables (vague, wrong codes, inputs as outputs, typos) and
/// well-formed rows, goal texts shared within a unit (boilerplate) or unique, some with arithmetic. Deterministic
/// (seeded). A quarter of the indicator names are unit-specific. Targets are parsed once into a pool: the benchmark
/// measures the rule pass, not the parser.
/// </summary>
public static class ReviewedProjects
{
    private static readonly (string L1, string L2, string Name, string Period, string Annual)[] Rows =
    [
        ("1-产出指标", "12-质量指标", "施工质量合格率（%）", "100%", "100%"),
        ("1-产出指标", "13-时效指标", "工程进度达标率", "大于90%", "大于90%"),
        ("2-效益指标", "3-满意度指标", "单位员工满意度（%）", "90%", "90%"),
        ("3-满意度指标", "31-服务对象满意度", "工作人员使用满意度", "提高", "提高"),
        ("2-效益指标", "22-社会效益", "执法案件办理合格率", "达标", "达标"),
        ("1-产出指标", "11-数量指标", "专职辅警人员数", "大于2450人", "大于2450"),
        ("1-产出指标", "14-成本指标", "扫黑除恶专项斗争专项预计支出", "200万", "200万"),
        ("2-效益指标", "22-社会效益", "交通安全劝导工作", "增加", "增肌"),
        ("1-产出指标", "11-数量指标", "外市籍吸毒人员管理服务专项工作经费", "大于400万元", "大于400万元"),
        ("12-质量指标", "12-质量指标", "新冠肺炎疫情常态化防控工作", "达到要求", "达到要求"),
        ("1-产出指标", "14-成本指标", "采购成本控制率", "≤0％", "≤0％"),
        ("2-效益指标", "22-社会效益", "人力、时间资源节省", "节省率≤0%", "≤0%"),
        ("1-产出指标", "11-数量指标", "开展全区网格员培训", "开展一次培训以上", "＞1次"),
        ("1-产出指标", "12-质量指标", "网格事件办结率", "网格员实际工作内容", "网格员实际工作内容"),
        ("1-产出指标", "13-时效指标", "故障修复时间", "48小时内解决", "48小时内解决"),
        ("1-产出指标", "11-数量指标", "改造面积", "≥1200平方米", "≥1200平方米"),
        ("1-产出指标", "12-质量指标", "竣工验收合格率", "=100%", "=100%"),
        ("4-成本指标", "41-经济成本指标", "工程决算金额", "≤120万元", "≤120万元"),
        ("2-效益指标", "22-社会效益指标", "安全生产事故数", "=0起", "=0起"),
        ("3-满意度指标", "31-服务对象满意度指标", "办事群众满意度", "≥90%", "≥90%"),
        ("2-效益指标", "21-经济效益", "完工验收通过率", "100%", "100%"),
        ("1-产出指标", "12-质量指标", "设备运行情况", "正常", "正常"),
    ];

    private static readonly string[] Goals =
    [
        "做好基础设施保障工作，推进派出所基础设施规范化建设，更好地维护社会治安秩序和有力打击违法犯罪活动。",
        "通过开展购买禁毒社工服务的项目，加强对外地户籍吸毒人员的管控及帮扶，提高我区禁毒工作水平。",
        "加强保障网格员补助发放，充分调动网格员积极性。（全区各镇、街3454个网格，每个网格员每月500元补助，全年共1474.8万元）",
        "2024年全委共政府雇员编制17人，按每人3000元预算编制公用经费支出，主要用于保障雇员日常工作需求。",
    ];

    private static readonly string[] Names = ["派出所业务用房改造工程", "视频监控系统运维", "禁毒社工购买服务", "辅警工资经费", "执法记录仪购置", "网格化平台建设", "司法救助金", "专项执法经费"];

    public static IReadOnlyList<BudgetUnit> Generate(int projects, int perUnit = 100, int seed = 20241121)
    {
        var random = new Random(seed);
        var pool = Rows.Select(r => (r, Period: TargetParser.Parse(r.Period), Annual: TargetParser.Parse(r.Annual))).ToArray();
        var units = new List<BudgetUnit>();
        for (var u = 0; u * perUnit < projects; u++)
        {
            var list = new List<Project>(perUnit);
            for (var p = 0; p < perUnit && u * perUnit + p < projects; p++)
            {
                var count = random.Next(3, 9);
                var indicators = new Indicator[count];
                for (var i = 0; i < count; i++)
                {
                    var (row, period, annual) = pool[random.Next(pool.Length)];
                    var (c1, t1) = Split(row.L1);
                    var (c2, t2) = Split(row.L2);
                    // a quarter of the names are the unit's own wording, so the review cannot lean on repetition alone
                    var name = random.Next(4) == 0 ? $"第{u}片区{row.Name}" : row.Name;
                    indicators[i] = new Indicator(null, null, name, period, annual, Level1Code: c1, Level2Code: c2, Level1Text: t1,
                        Level2Text: t2, Number: random.Next(10) == 0 ? 1 : i + 1);
                }

                var goal = random.Next(3) == 0 ? Goals[random.Next(Goals.Length)] : $"2023年完成第{u}-{p}批任务共{random.Next(1, 500)}项，按期验收，群众满意度不低于90%。";
                var amount = Math.Round((decimal)(random.NextDouble() * 500), 2);
                list.Add(new Project($"{Names[random.Next(Names.Length)]}{u}-{p}", 2023, new ProjectAmounts(amount, amount, null, null, MoneyUnit.WanYuan),
                    new PerformanceGoal(goal), indicators));
            }

            units.Add(new BudgetUnit($"单位{u}", $"部门{u / 10}", list.Sum(x => x.Amounts.Total), list));
        }

        return units;
    }

    private static (string? Code, string Text) Split(string written)
    {
        var dash = written.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 ? (written[..dash], written[(dash + 1)..]) : (null, written);
    }
}
