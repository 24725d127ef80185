using System.Text;
using Jixiao.Import.Reading;

namespace Jixiao.Import.Tests.Reading;

/// <summary>
/// The recheck's checks on documents written for these tests: each fixture states numbers that do or do not
/// compute, and each test looks for the one finding it should give — and for none where the numbers agree.
/// </summary>
public class ChecksTests
{
    private static ReadDocument Read(string text, string name = "测试.txt") => DocumentReader.Read(Encoding.UTF8.GetBytes(text), name).Document;

    private static string SelfEvaluation(string indicatorRows, string total) => $"""
        项目支出绩效自评表
        项目名称 办公运转经费
        年初预算数 全年预算数 全年执行数 分值 执行率 得分
        年度资金总额: 100 100 100 10 100% 10
        一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
        {indicatorRows}
        总分 100 {total}
        """;

    [Fact]
    public void A_target_met_word_for_word_but_marked_down_without_a_reason_is_found()
    {
        var doc = Read(SelfEvaluation("""
            产出指标 数量指标 保障人数 2370人 2370人 40 40
            时效指标 完成时间 2024年12月完成 2024年12月完成 20 16
            效益指标 社会效益指标 办学条件 明显改善 明显改善 30 30
            """, "96"));

        var f = doc.Findings.ShouldHaveSingleItem();
        (f.Check, f.Where, f.Stated, f.Recomputed).ShouldBe(("met-target-below-full", "完成时间", "16", "20"));
        f.Message.ShouldContain("未说明扣分原因");
    }

    [Fact]
    public void A_deduction_with_its_reason_written_is_not_a_finding()
    {
        var doc = Read(SelfEvaluation("""
            产出指标 数量指标 保障人数 2370人 2370人 40 40
            时效指标 完成时间 2024年12月完成 2024年12月完成 20 16 资料报送滞后
            效益指标 社会效益指标 办学条件 明显改善 明显改善 30 30
            """, "96"));

        doc.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void A_rate_clearly_below_its_target_with_full_marks_is_found_but_a_two_way_rate_is_not()
    {
        var doc = Read(SelfEvaluation("""
            产出指标 数量指标 政府采购执行率 100% 72.74% 30 30
            质量指标 预算调整率 3% 0 30 30
            时效指标 人员经费控制率 100% 92% 30 30
            """, "100"));

        var f = doc.Findings.ShouldHaveSingleItem();
        (f.Check, f.Where).ShouldBe(("missed-target-full", "政府采购执行率"));
    }

    [Fact]
    public void Comparators_decide_met_and_missed_in_the_same_unit_only()
    {
        var doc = Read(SelfEvaluation("""
            产出指标 数量指标 培训人次 ≥500人次 480人次 30 30
            质量指标 平均响应时间 ≤2小时 1.5小时 30 30
            时效指标 设备数量 ≥10台 12套 30 30
            """, "100"));

        var f = doc.Findings.ShouldHaveSingleItem();
        (f.Check, f.Where, f.Stated).ShouldBe(("missed-target-full", "培训人次", "30"));
    }

    [Fact]
    public void A_total_other_than_the_sum_of_the_scores_is_found()
    {
        var rows = """
            产出指标 数量指标 保障人数 2370人 2370人 40 38 人数核减
            质量指标 验收合格率 100% 100% 20 20
            效益指标 社会效益指标 办学条件 明显改善 有所改善 30 25 部分学校未完工
            """;

        var wrong = Read(SelfEvaluation(rows, "98"));
        var f = wrong.Findings.ShouldHaveSingleItem();
        (f.Check, f.Where, f.Stated, f.Recomputed).ShouldBe(("sum", "自评得分", "98", "93"));

        Read(SelfEvaluation(rows, "93")).Findings.ShouldBeEmpty();
    }

    [Fact]
    public void A_total_above_what_a_cut_off_table_could_give_is_found_and_one_it_could_give_is_not()
    {
        // The form is cut after 60 of its 100 points: the 40 not read can add at most 40.
        var rows = """
            产出指标 数量指标 保障人数 2370人 2370人 30 20 人数核减
            质量指标 验收合格率 100% 90% 20 10 部分未验收
            """;

        var f = Read(SelfEvaluation(rows, "85")).Findings.Where(x => x.Check == "sum").ShouldHaveSingleItem();
        f.Recomputed.ShouldBe("≤80");
        Read(SelfEvaluation(rows, "80")).Findings.Where(x => x.Check == "sum").ShouldBeEmpty();
    }

    [Fact]
    public void A_count_followed_by_more_names_than_it_states_is_found()
    {
        var doc = Read("""
            某县档案馆2023年度部门整体支出绩效自评报告
            一、部门基本情况
            本馆内设5个科室，即办公室、保管利用科、征集编研科、信息技术科、办公室、业务指导科。
            下设3个服务站，分别为东站、西站和南站。
            """);

        var f = doc.Findings.ShouldHaveSingleItem();
        (f.Check, f.Where, f.Stated, f.Recomputed).ShouldBe(("count", "5个科室", "5", "6"));
        f.Message.ShouldContain("办公室重复列出");
    }

    [Fact]
    public void A_written_calculation_that_does_not_compute_is_found_in_yuan_and_wan_yuan()
    {
        var doc = Read("""
            某区2023年度绩效评价报告
            一、项目概况
            租赁监控点位按 500元/月/点×800点×36月=1440万元 计算；运维费 2人×6000元×12月=14.4万元。
            巡防补助：全区1200个网格，每个网格员每月300元补助，全年共360万元。
            """);

        var f = doc.Findings.ShouldHaveSingleItem();
        (f.Check, f.Stated, f.Recomputed).ShouldBe(("arithmetic", "360万元", "432万元"));
    }

    [Fact]
    public void A_written_calculation_inside_a_longer_formula_is_not_read_as_its_tail()
    {
        var doc = Read("""
            某区2023年度绩效评价报告
            经费按 10人×9.3万/人/年+2人×9.3万/人/年÷12×10=108.5万 测算。
            护理补贴预算：[30人+(1人*12月)]*452元*12月=22.7808万。
            """);

        doc.Findings.Where(f => f.Check == "arithmetic").ShouldBeEmpty();
    }

    [Fact]
    public void A_stated_rate_is_rechecked_against_the_two_amounts_before_it()
    {
        var doc = Read("""
            某区2023年度绩效评价报告
            项目实际支出 843.50 万元，预算金额为 900.00 万元，预算执行率为 96%。
            截至6月底，资金已到位 120 万元，使用 120 万元，使用率100%。
            """);

        var f = doc.Findings.ShouldHaveSingleItem();
        (f.Check, f.Stated, f.Recomputed).ShouldBe(("execution-rate", "96%", "93.72%"));
    }

    [Fact]
    public void A_scoring_band_that_holds_no_value_is_found()
    {
        var doc = Read("""
            某区2023年度绩效评价报告
            评分标准：资金到位率100%的，得10分；100%<资金到位率≤90%的，得8分；资金到位率<90%的，得0分。
            完成率在80%<完成率≤100%之间的按比例得分。
            """);

        var f = doc.Findings.ShouldHaveSingleItem();
        (f.Check, f.Where).ShouldBe(("rule", "100%<资金到位率≤90%"));
    }

    [Fact]
    public void An_amount_written_in_yuan_where_the_document_has_it_in_wan_yuan_is_found()
    {
        var doc = Read("""
            某区2023年度绩效评价报告
            项目预算 356.28万元，全年支出 356.28万元。
            财政批复额为 356.28 元，执行率100%。
            """);

        var f = doc.Findings.ShouldHaveSingleItem();
        (f.Check, f.Where).ShouldBe(("unit", "356.28元"));
    }

    [Fact]
    public void Parts_of_a_part_after_a_second_qizhong_are_not_added_to_the_first()
    {
        var doc = Read("""
            项目名称 道路养护
            资金总额 500万元 其中:财政拨款 500万元 其中:当年财政拨款 500万元
            """);

        doc.Findings.Where(f => f.Check == "sum").ShouldBeEmpty();
    }

    [Fact]
    public void Duty_rows_whose_amounts_do_not_add_to_the_total_funds_are_found()
    {
        var text = """
            部门整体支出绩效目标表
            部门(单位)名称 某县档案馆
            年度预算安排(万元) 资金总额 120.5
              项目支出 40.5
              基本支出 80
            年度履职目标
            部门职能 年度目标任务 支出项目名称 预算金额(万元)
            档案接收征集 完成年度进馆档案接收 档案征集经费 40.5
            保障机关运转 按时发放人员工资 基本支出 {0}
            一级指标 二级指标 三级指标 目标值
            产出指标 数量指标 接收进馆档案 ≥2000卷
            """;

        var f = Read(text.Replace("{0}", "120.5", StringComparison.Ordinal)).Findings.ShouldHaveSingleItem();
        (f.Check, f.Where, f.Stated, f.Recomputed).ShouldBe(("sum", "年度履职目标", "120.5", "161"));
        f.Message.ShouldContain("按时发放人员工资");
        Read(text.Replace("{0}", "80", StringComparison.Ordinal)).Findings.ShouldBeEmpty();
    }

    [Fact]
    public void The_same_items_given_another_total_elsewhere_are_found()
    {
        var doc = Read("""
            某区医疗保障局2023年度项目支出绩效监控报告
            (三)项目概况:资金规模共计310萬元,其中:参保补助资金200萬元,监管经费60萬元,信息专线费50萬元。
            (四)项目资金安排落实情况:本级财政预算安排专项资金共计350萬元,计划用于3类专项支出,截至6月30日已使用120萬元。
            """);

        var f = doc.Findings.ShouldHaveSingleItem();
        (f.Check, f.Where, f.Stated, f.Recomputed).ShouldBe(("sum", "350万元", "350", "310"));
    }
}
