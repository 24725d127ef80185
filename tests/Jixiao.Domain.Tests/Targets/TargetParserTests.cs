using System.Globalization;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Tests.Targets;

/// <summary>
/// Every 指标值 text of the five seed documents (000–004) and of the list, with its exact expected reading.
/// Columns: text, kind, comparator (null = implicit for numbers, absent for words), value, max, unit, direction.
/// </summary>
public class TargetParserTests
{
    public static TheoryData<string, string, string?, string?, string?, string?, string?> SeedValues => new()
    {
        // 002 项目支出绩效目标表（公安白云分局）
        { "100%", "quantitative", null, "100", null, "%", null },
        { "0", "quantitative", null, "0", null, null, null },
        { "0%", "quantitative", null, "0", null, "%", null },
        { "2%", "quantitative", null, "2", null, "%", null },
        { "30%", "quantitative", null, "30", null, "%", null },
        { "80%", "quantitative", null, "80", null, "%", null },
        { "90%", "quantitative", null, "90", null, "%", null },
        { "95%", "quantitative", null, "95", null, "%", null },
        { "200万", "quantitative", null, "200", null, "万", null },
        { "大于2450", "quantitative", ">", "2450", null, null, "up" },
        { "大于2450人", "quantitative", ">", "2450", null, "人", "up" },
        { "大于2450人.", "quantitative", ">", "2450", null, "人", "up" },
        { "大于400万元", "quantitative", ">", "400", null, "万元", "up" },
        { "大于400万元.", "quantitative", ">", "400", null, "万元", "up" },
        { "大于70%", "quantitative", ">", "70", null, "%", "up" },
        { "大于80%", "quantitative", ">", "80", null, "%", "up" },
        { "大于90%", "quantitative", ">", "90", null, "%", "up" },
        { "大于等于90%", "quantitative", ">=", "90", null, "%", "up" },
        { "小于20%", "quantitative", "<", "20", null, "%", "down" },
        { "平安白云用户的满意度达到90%", "quantitative", ">=", "90", null, "%", "up" },
        { "资金使用超过95%", "quantitative", ">", "95", null, "%", "up" },
        { "分阶段建设达标100%", "quantitative", null, "100", null, "%", null },
        { "下降", "qualitative", null, null, null, null, "down" },
        { "有所下降", "qualitative", null, null, null, null, "down" },
        { "减少", "qualitative", null, null, null, null, "down" },
        { "保持", "qualitative", null, null, null, null, "keep" },
        { "提高", "qualitative", null, null, null, null, "up" },
        { "提高.", "qualitative", null, null, null, null, "up" },
        { "提升", "qualitative", null, null, null, null, "up" },
        { "增加", "qualitative", null, null, null, null, "up" },
        { "有所增加", "qualitative", null, null, null, null, "up" },
        { "有所提高", "qualitative", null, null, null, null, "up" },
        { "有效提高", "qualitative", null, null, null, null, "up" },
        { "充分", "qualitative", null, null, null, null, "attain" },
        { "及时", "qualitative", null, null, null, null, "attain" },
        { "合规", "qualitative", null, null, null, null, "attain" },
        { "完备", "qualitative", null, null, null, null, "attain" },
        { "按时", "qualitative", null, null, null, null, "attain" },
        { "按时达标", "qualitative", null, null, null, null, "attain" },
        { "正常", "qualitative", null, null, null, null, "attain" },
        { "满意", "qualitative", null, null, null, null, "attain" },
        { "达标", "qualitative", null, null, null, null, "attain" },
        { "达标.", "qualitative", null, null, null, null, "attain" },
        { "达到要求", "qualitative", null, null, null, null, "attain" },
        { "达到指挥部要求", "qualitative", null, null, null, null, "attain" },
        { "符合市局和区政府要求", "qualitative", null, null, null, null, "attain" },
        { "增肌", "qualitative", null, null, null, null, null },

        // 003 项目支出绩效目标表（白云区委政法委，PDF 提取）
        { "医疗保障率达100%", "quantitative", ">=", "100", null, "%", "up" },
        { "提高医疗保障", "qualitative", null, null, null, null, "up" },
        { "提高\u3000", "qualitative", null, null, null, null, "up" },
        { "正常使用率达100%", "quantitative", ">=", "100", null, "%", "up" },
        { "100%完成", "quantitative", null, "100", null, "%", null },
        { "≤0%", "quantitative", "<=", "0", null, "%", "down" },
        { "≤0％", "quantitative", "<=", "0", null, "%", "down" },
        { "节省率≤0%", "quantitative", "<=", "0", null, "%", "down" },
        { "参考值≤0％", "quantitative", "<=", "0", null, "%", "down" },
        { "≤0％，小于预算数", "quantitative", "<=", "0", null, "%", "down" },
        { "力争全区案件类警情持续下降", "qualitative", null, null, null, null, "down" },
        { "营造平安白云氛围", "qualitative", null, null, null, null, null },
        { "满意度达到85分以上", "quantitative", ">=", "85", null, "分", "up" },
        { "群众安全感达90分以上", "quantitative", ">=", "90", null, "分", "up" },
        { "举办活动1个以上", "quantitative", ">=", "1", null, "个", "up" },
        { "1个以上", "quantitative", ">=", "1", null, "个", "up" },
        { "2个以上", "quantitative", ">=", "2", null, "个", "up" },
        { "2个镇街以上", "quantitative", ">=", "2", null, "个", "up" },
        { "出租屋登记率达100%，来穗人员登记率达到95%", "quantitative", ">=", "100", null, "%", "up" },
        { "提高融合率", "qualitative", null, null, null, null, "up" },
        { "提高安全隐患整治率达85%以上", "quantitative", ">=", "85", null, "%", "up" },
        { "提高登记率达98%以上", "quantitative", ">=", "98", null, "%", "up" },
        { "提交报告1份", "quantitative", null, "1", null, "份", null },
        { "大于或等于1份", "quantitative", ">=", "1", null, "份", "up" },
        { "不少于15条意见", "quantitative", ">=", "15", null, "条", "up" },
        { "大于或等于15条", "quantitative", ">=", "15", null, "条", "up" },
        { "接访率达100%，受理案件达80%以上", "quantitative", ">=", "100", null, "%", "up" },
        { "100%达标", "quantitative", null, "100", null, "%", null },
        { "为决策提供参考", "qualitative", null, null, null, null, null },
        { "提升能力", "qualitative", null, null, null, null, "up" },
        { "满意度达92%以上", "quantitative", ">=", "92", null, "%", "up" },
        { "增加功能", "qualitative", null, null, null, null, "up" },
        { "年内雇员公用经费支出", "qualitative", null, null, null, null, null },
        { "按需支出", "qualitative", null, null, null, null, null },
        { "按编制数量编制", "qualitative", null, null, null, null, null },
        { "按规定支付", "qualitative", null, null, null, null, "attain" },
        { "按时发放", "qualitative", null, null, null, null, "attain" },
        { "按标准发放", "qualitative", null, null, null, null, "attain" },
        { "网格员实际工作内容", "qualitative", null, null, null, null, null },
        { "平台建设100%完成使用", "quantitative", null, "100", null, "%", null },
        { "正常使用，发挥成效", "qualitative", null, null, null, null, "attain" },
        { "48小时内解决", "quantitative", "<=", "48", null, "小时", "down" },
        { "全系统正常运转率达92%以上", "quantitative", ">=", "92", null, "%", "up" },
        { "次数不限，故障发生24小时内到场，48小时内解决", "quantitative", "<=", "24", null, "小时", "down" },
        { "如期完工", "qualitative", null, null, null, null, "attain" },
        { "不得高于预算", "qualitative", null, null, null, null, "attain" },
        { "不高于预算", "qualitative", null, null, null, null, "attain" },
        { "2082支摄像枪租凭", "quantitative", null, "2082", null, "支", null },
        { "使用率高于97%", "quantitative", ">", "97", null, "%", "up" },
        { "正常运行率大于97%", "quantitative", ">", "97", null, "%", "up" },
        { "1", "quantitative", null, "1", null, null, null },
        { "实时监理、周期下发整改通知书，验收整改", "qualitative", null, null, null, null, null },
        { "完好率不低于98%", "quantitative", ">=", "98", null, "%", "up" },
        { "正常运转", "qualitative", null, null, null, null, "attain" },
        { "年度计划数", "qualitative", null, null, null, null, null },
        { "＝1", "quantitative", "=", "1", null, null, null },
        { "正常开展", "qualitative", null, null, null, null, "attain" },
        { "开展一次培训以上", "quantitative", ">=", "1", null, "次", "up" },
        { "＞1次", "quantitative", ">", "1", null, "次", "up" },
        { "宣传覆盖面达全区85%以上", "quantitative", ">=", "85", null, "%", "up" },
        { "提高知晓率", "qualitative", null, null, null, null, "up" },

        // 000 绩效评价报告（禁毒、视频）
        { "达到 95%", "quantitative", ">=", "95", null, "%", "up" },
        { "达到 100%", "quantitative", ">=", "100", null, "%", "up" },
        { "达到 301 个", "quantitative", ">=", "301", null, "个", "up" },
        { "达到 1000 场", "quantitative", ">=", "1000", null, "场", "up" },
        { "达到 22 人", "quantitative", ">=", "22", null, "人", "up" },
        { "达到 90 分以上", "quantitative", ">=", "90", null, "分", "up" },
        { "90%以上", "quantitative", ">=", "90", null, "%", "up" },
        { "2292 支", "quantitative", null, "2292", null, "支", null },
        { "27 个", "quantitative", null, "27", null, "个", null },
        { "全面落实工作并合理推进", "qualitative", null, null, null, null, "attain" },
        { "有完善的管理制度", "qualitative", null, null, null, null, "attain" },
        { "无质量、安全责任事故", "qualitative", null, null, null, null, "attain" },
        { "按照相关规定支付", "qualitative", null, null, null, null, "attain" },

        // 001 重点项目绩效评价报告（视频）
        { "≥98%", "quantitative", ">=", "98", null, "%", "up" },
        { "≤3%", "quantitative", "<=", "3", null, "%", "down" },
        { "完好率 $\\geq 98\\%$", "quantitative", ">=", "98", null, "%", "up" },
        { "报停率 $\\leq 3\\%$", "quantitative", "<=", "3", null, "%", "down" },
        { "28 个", "quantitative", null, "28", null, "个", null },
        { "27 个派出所和分局 8 楼机房运维", "quantitative", null, "27", null, "个", null },
        { "新建 1000 支人脸识别摄像机前端工艺检查", "quantitative", null, "1000", null, "支", null },

        // 004 雪亮工程绩效评价报告
        { "628元/月/点", "quantitative", null, "628", null, "元/月/点", null },
        { "3014.4 万元", "quantitative", null, "3014.4", null, "万元", null },
        { "在线率需达到90%以上", "quantitative", ">=", "90", null, "%", "up" },
    };

    public static TheoryData<string, string, string?, string?, string?, string?, string?> LanguageValues => new()
    {
        // comparators in every spelling
        { "≥ 95 %", "quantitative", ">=", "95", null, "%", "up" },
        { ">=95%", "quantitative", ">=", "95", null, "%", "up" },
        { "≧90%", "quantitative", ">=", "90", null, "%", "up" },
        { "≦3%", "quantitative", "<=", "3", null, "%", "down" },
        { "<=3%", "quantitative", "<=", "3", null, "%", "down" },
        { "＜5%", "quantitative", "<", "5", null, "%", "down" },
        { "＞ 1 次", "quantitative", ">", "1", null, "次", "up" },
        { "＝100％", "quantitative", "=", "100", null, "%", null },
        { "不低于95%", "quantitative", ">=", "95", null, "%", "up" },
        { "高于90%", "quantitative", ">", "90", null, "%", "up" },
        { "超过1000人次", "quantitative", ">", "1000", null, "人次", "up" },
        { "小于等于5天", "quantitative", "<=", "5", null, "天", "down" },
        { "不超过10个工作日", "quantitative", "<=", "10", null, "个工作日", "down" },
        { "不得高于5%", "quantitative", "<=", "5", null, "%", "down" },
        { "低于3%", "quantitative", "<", "3", null, "%", "down" },
        { "5%以下", "quantitative", "<=", "5", null, "%", "down" },
        { "3天以内", "quantitative", "<=", "3", null, "天", "down" },
        { "达到95%以上", "quantitative", ">=", "95", null, "%", "up" },
        { "１２０人", "quantitative", null, "120", null, "人", null },
        // units
        { "≥95百分比", "quantitative", ">=", "95", null, "%", "up" },
        { "≤5‰", "quantitative", "<=", "5", null, "‰", "down" },
        { "10辆", "quantitative", null, "10", null, "辆", null },
        { "3座", "quantitative", null, "3", null, "座", null },
        { "≥12公里", "quantitative", ">=", "12", null, "公里", "up" },
        { "500亩", "quantitative", null, "500", null, "亩", null },
        { "≥2000公斤", "quantitative", ">=", "2000", null, "公斤", "up" },
        { "1000株", "quantitative", null, "1000", null, "株", null },
        { "≥50户", "quantitative", ">=", "50", null, "户", "up" },
        { "≤1.5亿元", "quantitative", "<=", "1.5", null, "亿元", "down" },
        { "≤800元/亩", "quantitative", "<=", "800", null, "元/亩", "down" },
        { "1200元/生/年", "quantitative", null, "1200", null, "元/生/年", null },
        { "≥2人/年", "quantitative", ">=", "2", null, "人/年", "up" },
        { "1,474.8万元", "quantitative", null, "1474.8", null, "万元", null },
        { "24小时内到场", "quantitative", "<=", "24", null, "小时", "down" },
        // ratios and ranges
        { "1:200", "ratio", null, "0.005", null, null, null },
        { "200:1", "ratio", null, "200", null, null, null },
        { "达到 200:1", "ratio", ">=", "200", null, null, "up" },
        { "1：200", "ratio", null, "0.005", null, null, null },
        { "80%-90%", "range", null, "80", "90", "%", null },
        { "80-90%", "range", null, "80", "90", "%", null },
        { "80%～90%", "range", null, "80", "90", "%", null },
        { "[80,100]", "range", null, "80", "100", null, null },
        // other districts' spellings
        { "95%及以上", "quantitative", ">=", "95", null, "%", "up" },
        { "≥95%（含）", "quantitative", ">=", "95", null, "%", "up" },
        { "不少于3次/年", "quantitative", ">=", "3", null, "次/年", "up" },
        { "≤10万元/年", "quantitative", "<=", "10", null, "万元/年", "down" },
        { "≥1.5万人次", "quantitative", ">=", "1.5", null, "万人次", "up" },
        { "1-3天", "range", null, "1", "3", "天", null },
        { "12个月", "quantitative", null, "12", null, "个月", null },
        { "≥ 8000元/人", "quantitative", ">=", "8000", null, "元/人", "up" },
        { "2024年12月底前完成", "qualitative", null, null, null, null, "attain" },
        { "2023年6月30日前", "qualitative", null, null, null, null, "attain" },
        { "5年", "quantitative", null, "5", null, "年", null },
        // qualitative
        { "降低", "qualitative", null, null, null, null, "down" },
        { "持续", "qualitative", null, null, null, null, "keep" },
        { "优良", "qualitative", null, null, null, null, "attain" },
        { "有效", "qualitative", null, null, null, null, "attain" },
        { "进一步提升", "qualitative", null, null, null, null, "up" },
        { "", "qualitative", null, null, null, null, null },
    };

    [Theory]
    [MemberData(nameof(SeedValues))]
    [MemberData(nameof(LanguageValues))]
    public void Reads_a_target_value_exactly(string text, string kind, string? comparator, string? value, string? max, string? unit, string? direction)
    {
        var json = TargetJson.From(TargetParser.Parse(text));

        json.Text.ShouldBe(text);
        json.Kind.ShouldBe(kind);
        if (kind == "qualitative")
        {
            json.Comparator.ShouldBeNull();
            json.Value.ShouldBeNull();
            json.Implicit.ShouldBeFalse();
        }
        else
        {
            json.Comparator.ShouldBe(comparator);
            json.Implicit.ShouldBe(comparator is null && kind is "quantitative" or "ratio");
            json.Value.ShouldBe(value is null ? null : decimal.Parse(value, CultureInfo.InvariantCulture));
        }

        json.Max.ShouldBe(max is null ? null : decimal.Parse(max, CultureInfo.InvariantCulture));
        json.Unit.ShouldBe(unit);
        json.Direction.ShouldBe(direction);
    }

    [Fact]
    public void The_seed_table_covers_at_least_eighty_distinct_texts()
    {
        var texts = SeedValues.Select(row => (string)row[0]).ToList();
        texts.Distinct().Count().ShouldBe(texts.Count);
        texts.Count.ShouldBeGreaterThanOrEqualTo(80);
    }

    [Fact]
    public void Keeps_the_qualifier_and_words_around_a_number_as_remark()
    {
        var target = TargetParser.Parse("48小时内解决").ShouldBeOfType<Target.Quantitative>();
        target.Remark.ShouldBe("解决");

        var satisfaction = TargetParser.Parse("平安白云用户的满意度达到90%").ShouldBeOfType<Target.Quantitative>();
        satisfaction.Remark.ShouldBe("平安白云用户的满意度");
    }

    [Fact]
    public void Ratio_keeps_both_terms()
    {
        var ratio = TargetParser.Parse("达到 200:1").ShouldBeOfType<Target.Ratio>();
        ratio.Antecedent.ShouldBe(200m);
        ratio.Consequent.ShouldBe(1m);
        ratio.Value.ShouldBe(200m);
    }

    [Fact]
    public void Names_the_word_that_gave_a_qualitative_direction()
    {
        TargetParser.Parse("力争全区案件类警情持续下降").ShouldBeOfType<Target.Qualitative>().Keyword.ShouldBe("持续下降");
        TargetParser.Parse("增肌").ShouldBeOfType<Target.Qualitative>().Keyword.ShouldBeNull();
    }
}
