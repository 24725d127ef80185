using Jixiao.Domain.Diagnostics;
using Jixiao.Domain.Reviews;

namespace Jixiao.Domain.Tests.Reviews;

/// <summary>The reviewer's findings on rows copied from the seed target tables 002 and 003.</summary>
public class SeedRowReviewTests
{
    private static readonly ReviewReport Police = ReviewEngine.Default.Review([SeedRows.PoliceUnit]);
    private static readonly ReviewReport Committee = ReviewEngine.Default.Review(SeedRows.CommitteeUnits);

    private static ProjectReview Project(string name, string? unit = null) =>
        Police.Find(name, unit) ?? Committee.Find(name, unit) ?? throw new InvalidOperationException($"no project {name}");

    public static TheoryData<string, string, string?> Expected => new()
    {
        // 1 细化量化
        { "正风反腐专项经费", "REV101", "工作人员使用满意度" },
        { "正风反腐专项经费", "REV101", "执法案件办理合格率" },
        { "正风反腐专项经费", "REV101", "刑事案件破案率" },
        { "禁毒管理专项经费", "REV101", "开展禁毒宣传工作" },
        { "禁毒管理专项经费", "REV101", "开展吸戒毒人员专业辅导个案" },
        { "扫黑除恶专项斗争经费", "REV101", "涉恶类案件立案数" },
        { "扫黑除恶专项斗争经费", "REV102", "持续深化扫黑除恶专项斗争" },
        { "政府雇员工资经费", "REV101", "资金发放合规率" },
        { "刑事技术室达标设备购置", "REV102", "设备运行情况" },
        { "防疫专项经费", "REV101", "核酸检测人次" },
        { "白云区拘留所迁建项目", "REV101", "完成土建工程(地面以上部分)" },
        { "龙归派出所业务用房改造工程", "REV103", "单位员工满意度(%)" },
        { "政府雇员公用经费", "REV104", "专职辅警人员数" },
        { "白云区2082支高清摄像枪租赁项目", "REV104", "验收测评一次通过率" },
        { "公务用车购置经费", "REV104", "车辆购置数量" },
        { "全区网格员补助", "REV105", "网格事件办结率" },
        { "公务用车购置经费", "REV105", "车辆购置数量" },
        // 2 完整性
        { "正风反腐专项经费", "REV201", null },
        { "智慧警局（无人警局）改造工程", "REV202", null },
        { "龙归派出所业务用房改造工程", "REV202", null },
        { "智慧警局（无人警局）改造工程", "REV204", null },
        { "智慧警局（无人警局）改造工程", "REV206", null },
        { "2021年户政新大厅排队叫号与好差评系统项目", "REV206", null },
        // 3 规范性
        { "龙归派出所业务用房改造工程", "REV302", "单位员工满意度(%)" },
        { "东湖映月公建配套刑事技术分室装修改造工程", "REV302", "用户单位满意度" },
        { "防疫专项经费", "REV302", "核酸检测人次" },
        { "防疫专项经费", "REV302", "新冠肺炎疫情常态化防控工作" },
        { "白云区拘留所迁建项目", "REV303", "使用单位成员满意度" },
        { "2021年户政新大厅排队叫号与好差评系统项目", "REV303", "市民群众安全感、满意度" },
        { "分局新综合办证中心改造工程", "REV303", "完工验收通过率" },
        { "刑事技术室达标设备购置", "REV304", "设备验收合格率" },
        { "智慧警局（无人警局）改造工程", "REV305", null },
        { "刑事技术室达标设备购置", "REV305", null },
        { "群防共治奖励、见义勇为群众举报等奖励金及慰问金", "REV305", null },
        { "区安排穗财政【2020】75号中心六区内街内巷交通违法处罚收入分成", "REV307", "交通安全劝导工作" },
        // 4 合理性
        { "政法工作经费", "REV401", "人力、时间资源节省" },
        { "政法工作经费", "REV402", "公众号及设备维护成本控制" },
        { "公务用车购置经费", "REV402", "预算(成本)控制率" },
        { "信创工作经费", "REV402", "采购成本控制率" },
        { "群防共治奖励、见义勇为群众举报等奖励金及慰问金", "REV403", "见义勇为奖励发放率" },
        { "政府雇员工资经费", "REV403", "工资实际发放率" },
        { "白云区2082支高清摄像枪租赁项目", "REV403", "租赁资金支付率" },
        { "来穗工作经费", "REV404", "安全隐患整治率" },
        { "网格化服务管理工作经费", "REV405", "开展全区网格员培训" },
        // 5 投入当产出
        { "穗财政【2022】122号外市籍吸毒人员管理服务专项工作经费", "REV501", "外市籍吸毒人员管理服务专项工作经费" },
        { "政府雇员公用经费", "REV502", "专职辅警人员数" },
        { "区安排穗财政【2020】75号外市籍吸毒人员管理服务专项工作经费", "REV502", "购买社工服务的社工人数" },
        { "白云区2082支高清摄像枪租赁项目", "REV502", "购买/租赁硬件数量计划完成率" },
        { "公务用车购置经费", "REV502", "车辆购置数量" },
        // 6 套用目标
        { "分局新综合办证中心改造工程", "REV601", null },
        { "分局食堂楼结构加固及改造工程", "REV601", null },
        { "三元里派出所公建配套业务用房装修工程", "REV601", null },
        { "正风反腐专项经费", "REV602", null },
        // 7 金额
        { "全区网格员补助", "REV703", null },
        { "全区网格员补助", "REV704", null },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Seed_rows_get_the_reviewers_findings(string project, string rule, string? indicator)
    {
        var review = Project(project, project == "政府雇员公用经费" ? "广州市公安局白云区分局" : null);
        review.Findings.ShouldContain(f => f.Rule == rule && f.Indicator == indicator,
            $"{project}: expected {rule} on {indicator ?? "(project)"}; got {string.Join("; ", review.Findings.Select(f => $"{f.Rule} {f.Indicator}"))}");
    }

    public static TheoryData<string, string, string> NotExpected => new()
    {
        // 200万 预计支出 equals the 200.00 万元 budget: within it
        { "扫黑除恶专项斗争经费", "REV801", "" },
        // 17人 × 3000元 = 5.10万元 holds
        { "政府雇员公用经费", "REV703", "中共广州市白云区委政法委员会" },
        { "政府雇员公用经费", "REV704", "中共广州市白云区委政法委员会" },
        // the same fund in other years keeps its goal text: not boilerplate
        { "区安排穗财政【2020】75号外市籍吸毒人员管理服务专项工作经费", "REV601", "" },
        { "穗财政【2022】59号清算2021年外市籍吸毒人员管理服务专项工作经费", "REV601", "" },
        { "信创工作经费", "REV601", "" },
        // 超支率≤0% is a sound cost ceiling
        { "矛盾纠纷多元化解平台运维费", "REV402", "" },
        // "大于等于90%" has comparator and unit
        { "东湖映月公建配套刑事技术分室装修改造工程", "REV103", "" },
        // 48小时内解决 is a quantified time limit
        { "矛盾纠纷多元化解平台运维费", "REV105", "" },
    };

    [Theory]
    [MemberData(nameof(NotExpected))]
    public void Seed_rows_do_not_get_findings_that_would_be_wrong(string project, string rule, string unit)
    {
        var review = Project(project, unit.Length == 0 ? null : unit);
        review.Rules().ShouldNotContain(rule);
    }

    [Fact]
    public void The_grid_allowance_arithmetic_is_recomputed_and_compared_with_the_budget()
    {
        var review = Project("全区网格员补助");
        var arithmetic = review.On("REV703").Single();
        arithmetic.Message.ShouldContain("3,454 × 500元 × 12个月 = 2,072.4万元");
        arithmetic.Message.ShouldContain("1,474.8万元");
        review.On("REV704").Single().Message.ShouldBe("绩效目标中的金额 1,474.8万元 与项目预算 737.4万元 不一致。");
    }

    [Fact]
    public void The_typo_finding_names_the_intended_word()
    {
        var finding = Project("区安排穗财政【2020】75号中心六区内街内巷交通违法处罚收入分成").On("REV307").Single();
        finding.Message.ShouldBe("指标“交通安全劝导工作”的指标值“增肌”不是规范用语，疑似“增加”的笔误。");
        finding.Severity.ShouldBe(Severity.Error);
    }

    [Fact]
    public void Restarted_numbering_shows_the_numbers_as_printed()
    {
        var finding = Project("智慧警局（无人警局）改造工程").On("REV305").Single();
        finding.Message.ShouldStartWith("指标编号为 1、2、1，第 3 项指标的编号又从 1 开始");
    }

    [Fact]
    public void A_satisfaction_indicator_filed_under_benefit_is_read_as_satisfaction_and_the_code_is_corrected()
    {
        var finding = Project("龙归派出所业务用房改造工程").On("REV302").Single();
        finding.Message.ShouldContain("二级位置写的是一级指标“3-满意度指标”");
        finding.Suggestion.ShouldBe("改为“3-满意度指标，31-服务对象满意度指标”。");
        Project("龙归派出所业务用房改造工程").Rules().ShouldNotContain("REV203");
    }

    [Fact]
    public void Boilerplate_findings_name_the_unrelated_projects()
    {
        var finding = Project("分局食堂楼结构加固及改造工程").On("REV601").Single();
        finding.Message.ShouldContain("“分局新综合办证中心改造工程”");
        finding.Message.ShouldContain("“三元里派出所公建配套业务用房装修工程”");
    }

    [Fact]
    public void Projects_without_outputs_cannot_be_better_than_fair()
    {
        var review = Project("正风反腐专项经费");
        ((int)review.Outcome).ShouldBeLessThanOrEqualTo((int)ReviewOutcome.Fair);
    }

    [Fact]
    public void The_committee_units_are_summed_up_as_one_department()
    {
        Committee.Departments.Count.ShouldBe(1);
        Committee.Departments[0].Units.ShouldBe(["中共广州市白云区委政法委员会", "广州市白云区网格化服务管理中心"]);
        Committee.Departments[0].Summary.Projects.ShouldBe(10);
        Committee.Units[1].Summary.Amount.ShouldBe(8.00m);
        Committee.Units[1].Findings.ShouldBeEmpty();
    }
}
