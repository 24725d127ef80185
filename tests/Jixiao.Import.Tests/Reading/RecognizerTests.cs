using System.Text;
using Jixiao.Import.Reading;

namespace Jixiao.Import.Tests.Reading;

/// <summary>
/// The recognisers on layouts written for these tests (each reproduces a way real documents are drawn, not a
/// real document): forms with labels and values, indicator tables in pipes, spaces, one cell per line and glued
/// cells, self-evaluation budget lines with missing cells, record tables, and prose reports.
/// </summary>
public class RecognizerTests
{
    private static ReadDocument Read(string text, string name = "测试.txt") => DocumentReader.Read(Encoding.UTF8.GetBytes(text), name).Document;

    [Fact]
    public void Reads_a_pipe_form_without_leading_pipes_with_its_amount_and_indicators()
    {
        var doc = Read("""
            某县项目支出绩效目标申报表 | |||
            项目名称 | 乡村道路硬化工程 | ||
            主管部门 | 交通运输局 | 实施单位 | 公路管理站 |
            资金情况(万元) | 年度资金总额: | 120 | |
            一级指标 | 二级指标 | 三级指标 | 年度指标值 |
            产出指标 | 数量指标 | 硬化道路里程 | ≥12公里 |
            质量指标 | 工程验收合格率 | 100% |
            效益指标 | 社会效益指标 | 受益群众人数 | ≥3000人 |
            满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% |
            """);

        doc.Kind.ShouldBe(DocumentKind.Targets);
        var p = doc.Projects.ShouldHaveSingleItem();
        p.Name.ShouldBe("乡村道路硬化工程");
        p.Unit.ShouldBe("公路管理站");
        p.AmountWanYuan.ShouldBe(120m);
        p.Indicators.Select(i => (i.Level1, i.Level2, i.Name, i.Target)).ShouldBe([
            ("产出指标", "数量指标", "硬化道路里程", "≥12公里"),
            ("产出指标", "质量指标", "工程验收合格率", "100%"),
            ("效益指标", "社会效益指标", "受益群众人数", "≥3000人"),
            ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"),
        ]);
    }

    [Fact]
    public void A_cost_category_under_output_is_a_level_2_and_before_its_own_level_2_is_a_level_1()
    {
        var doc = Read("""
            项目名称 | 测试项目 |
            一级指标 | 二级指标 | 三级指标 | 指标值 |
            产出指标 | 数量指标 | 培训人次 | 200人次 |
            成本指标 | 人均培训成本 | ≤500元 |
            成本指标 | 经济成本指标 | 项目总成本 | ≤10万元 |
            """);

        doc.Projects[0].Indicators.Select(i => (i.Level1, i.Level2)).ShouldBe([
            ("产出指标", "数量指标"), ("产出指标", "成本指标"), ("成本指标", "经济成本指标"),
        ]);
    }

    [Fact]
    public void Reads_a_whole_self_evaluation_form_on_one_line_with_its_budget_line_and_scores()
    {
        var doc = Read("项目支出绩效自评表 (2022年度) 项目名称 村级运转经费 实施单位 某镇人民政府 项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 "
            + "年度资金总额: 50 50 45 10 90% 9 其中:本年财政拨款 50 50 45 "
            + "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
            + "产出指标(50分) 数量指标 补助村数量 =8个 8 25 25 质量指标 补助资格合规性 合规 达成预期指标 25 25 "
            + "效益指标(40分) 社会效益指标 干部工作积极性 明显提高 达成预期指标 40 33 总分 100 92");

        doc.Kind.ShouldBe(DocumentKind.SelfEvaluation);
        var p = doc.Projects.ShouldHaveSingleItem();
        (p.Name, p.AmountWanYuan, p.ExecutedWanYuan).ShouldBe(("村级运转经费", 50m, 45m));
        p.BudgetExecution.ShouldNotBeNull().ShouldSatisfyAllConditions(
            b => b.Weight.ShouldBe(10m), b => b.Rate.ShouldBe("90%"), b => b.Score.ShouldBe(9m));
        p.Indicators.Select(i => (i.Name, i.Target, i.Actual, i.Weight, i.Score)).ShouldBe([
            ("补助村数量", "=8个", "8", 25m, 25m),
            ("补助资格合规性", "合规", "达成预期指标", 25m, 25m),
            ("干部工作积极性", "明显提高", "达成预期指标", 40m, 33m),
        ]);
        doc.StatedTotal.ShouldBe(92m, "总分 | 100 | 92 is the 分值 column's 100 and the 得分 92");
        doc.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void A_budget_row_missing_its_rate_puts_its_numbers_in_the_columns_they_fit()
    {
        var doc = Read("""
            项目支出绩效自评表
            项目名称 水利经费
            年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分
            年度资金总额: 880 880 880 10 10
            一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分
            产出指标 数量指标 指标1:改造项目数量 1 1 90 90
            """);

        var b = doc.Projects[0].BudgetExecution.ShouldNotBeNull();
        (b.Weight, b.Rate, b.Score).ShouldBe((10m, (string?)null, 10m));
        doc.Projects[0].AmountWanYuan.ShouldBe(880m);
    }

    [Fact]
    public void Finds_a_zero_total_row_over_a_filled_part_and_a_wrong_execution_score()
    {
        var doc = Read("""
            项目支出绩效自评表
            项目名称 运转经费
            年初预算数 全年预算数 全年执行数 分值 执行率 得分
            年度资金总额: 0 0 0 10 0 0
            其中:本年财政拨款 200 150 150
            一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分
            产出指标 数量指标 补助数量 8个 8个 90 90
            """);

        var p = doc.Projects[0];
        (p.AmountWanYuan, p.ExecutedWanYuan).ShouldBe((150m, 150m));
        doc.Findings.Select(f => f.Check).ShouldBe(["sum", "execution-rate", "execution-score"], ignoreOrder: true);
        doc.Findings.ShouldAllBe(f => f.Where == "年度资金总额");
    }

    [Theory]
    [InlineData("30.00", "278.4449", "10.77%", "2.16", true)]  // 20 × 10.774 % = 2.15
    [InlineData("30.00", "278.4449", "10.77%", "2.15", false)]
    [InlineData("30.00", "278.4449", "10.8%", "2.16", false)]  // the rate printed to one decimal, and the score from it, agree with their precision
    public void Rechecks_the_execution_score_at_the_precision_printed(string executed, string budget, string rate, string score, bool finding)
    {
        var doc = Read($"""
            项目支出绩效自评表
            项目名称 | 化肥减量项目 |
            预算执行情况(万元) (20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率) |
            年度财政资金总额 | {budget} | {executed} | {rate} | {score} |
            一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 |
            产出指标 | 数量指标 | 示范区面积 | ≥200亩 | 200亩 | 15 |
            """);

        doc.Findings.Any(f => f.Check == "execution-score").ShouldBe(finding);
        doc.Projects[0].BudgetExecution!.Weight.ShouldBe(20m);
    }

    [Fact]
    public void Splits_glued_rows_into_name_target_and_weight_only_where_one_split_fits()
    {
        var doc = Read("""
            2019年度某县助学金项目绩效评价指标表
            评价指标评价内容指标名称指标说明目标值分值备注
            项目年度绩效目标(定量指标)制度指标规章制度建立与否20
            产出数量指标享受资助人数达到预计值210010
            资金支出率达到目标值95%10
            质量指标资助对象满意度达到目标值95%以上10
            """);

        var p = doc.Projects.ShouldHaveSingleItem();
        p.Name.ShouldBe("某县助学金项目");
        p.Indicators.Select(i => (i.Level2, i.Target, i.Weight)).ShouldBe([
            ("制度指标", null, 20m), ("产出数量指标", "2100", 10m), ("产出数量指标", "95%", 10m), ("质量指标", "95%以上", 10m),
        ]);
    }

    [Fact]
    public void Reads_one_cell_per_line_with_empty_cells_as_lines_of_spaces_by_the_header_columns()
    {
        var lines = new[]
        {
            "项目名称", "教育设备购置", "一级指标", "二级指标(长期)", "三级指标(长期)", "指标值(长期)", "二级指标(年度)", "三级指标(年度)", "指标值(年度)",
            "产出指标", "数量指标", " ", " ", "数量指标", "设备购置数量", "20台",
            "产出指标", "质量指标", " ", " ", "质量指标", "验收合格率", "100%",
        };
        var doc = Read(string.Join("\n\n", lines));

        doc.Projects[0].Indicators.Select(i => (i.Level2, i.Name, i.Target)).ShouldBe([("数量指标", "设备购置数量", "20台"), ("质量指标", "验收合格率", "100%")]);
    }

    [Fact]
    public void Reads_traditional_script_and_pinyin_annotated_labels()
    {
        var doc = Read("""
            項目名稱 | 耕地保護項目 |
            一級指標(biāo) | 二級指標 | 三級指標 | 指標值 |
            產出指標 | 數量指標 | 補貼面積 | ≥100畝 |
            """);

        var p = doc.Projects.ShouldHaveSingleItem();
        p.Name.ShouldBe("耕地保護項目");
        p.Indicators.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            i => i.Level1.ShouldBe("產出指標"), i => i.Target.ShouldBe("≥100畝"));
    }

    [Fact]
    public void A_report_lists_its_funds_and_a_unit_that_alone_breaks_the_total_is_a_finding()
    {
        var doc = Read("""
            某馆项目运行绩效监控报告
            一、项目支出基本情况
            某馆2022年年初专项经费指标总额为60万元,其中:
            1、档案保管专项经费指标为30万元,用于保管;
            2、档案装具专项指标为20万元,用于整理;
            3、库房租赁经费专项指标为10元,用于租赁。
            """);

        doc.Kind.ShouldBe(DocumentKind.Monitoring);
        doc.Projects.Select(p => (p.Name, p.AmountWanYuan)).ShouldBe([("档案保管专项经费", 30m), ("档案装具专项", 20m), ("库房租赁经费专项", 10m)]);
        doc.Findings.ShouldHaveSingleItem().ShouldSatisfyAllConditions(f => f.Check.ShouldBe("unit"), f => f.Where.ShouldBe("库房租赁经费专项"));
    }

    [Fact]
    public void A_report_that_states_no_预算_takes_the_funds_handed_down_and_paid_out()
    {
        var doc = Read("""
            某县2023年农机购置补贴项目支出绩效自评报告
            一、项目基本情况
            2023年上级财政下达我县农机购置补贴资金450万元,用于补贴农户购置农机具。
            县财政局已将资金按进度拨付到位,共发放资金432.5万元。
            """);

        doc.Kind.ShouldBe(DocumentKind.Report);
        var p = doc.Projects.ShouldHaveSingleItem();
        (p.AmountWanYuan, p.ExecutedWanYuan).ShouldBe((450m, 432.5m));
    }

    [Fact]
    public void A_title_split_into_cells_by_the_gaps_of_a_scan_is_read_whole()
    {
        var doc = Read("""
            某省	农村公路养护补助资金2022年度绩效自评报告
            一、基本情况
            2022年下达农村公路养护补助资金500万元。
            """);

        doc.Projects.ShouldHaveSingleItem().Name.ShouldBe("某省农村公路养护补助资金");
    }

    [Theory]
    [InlineData("本年度申请档案数字化加工经费12万元,用于馆藏档案数字化。", "档案数字化加工经费")]
    [InlineData("年初县财政安排农村公路养护资金共计35.5万元。", "农村公路养护资金")]
    [InlineData("本年度申请财政资金12万元,用于馆藏档案数字化。", null)]
    public void A_report_whose_title_names_nothing_is_named_by_the_one_fund_it_asks_for(string sentence, string? name)
    {
        var doc = Read($"""
            项目支出绩效运行监控报告
            一、项目概况
            (一)项目资金
            {sentence}
            """);

        doc.Kind.ShouldBe(DocumentKind.Monitoring);
        if (name is null)
        {
            doc.Projects.ShouldAllBe(p => p.Name == null);
        }
        else
        {
            doc.Projects.ShouldHaveSingleItem().Name.ShouldBe(name);
        }
    }

    [Fact]
    public void A_report_that_writes_its_indicators_in_sentences_with_the_table_labels_gives_them()
    {
        var doc = Read("""
            某县2023年农机购置补贴项目支出绩效自评报告
            (四)绩效指标完成情况分析。
            1.产出指标。
            数量指标。补贴农机具数量年初任务数800台,全年完成值812台;受益农户数年度指标值600户,实际完成值590户。
            质量指标。补贴机具合格率达到100%,群众反映良好。
            """);

        doc.Kind.ShouldBe(DocumentKind.Report);
        doc.Projects.ShouldHaveSingleItem().Indicators.Select(i => (i.Level1, i.Level2, i.Name, i.Target, i.Actual)).ShouldBe(
        [
            ("产出指标", "数量指标", "补贴农机具数量", "800台", "812台"),
            ("产出指标", "数量指标", "受益农户数", "600户", "590户"),
        ]);
    }

    [Fact]
    public void A_count_that_the_names_listed_after_it_do_not_match_is_a_finding()
    {
        var doc = Read("""
            平安县交通运输局部门整体支出绩效自评报告
            本局设5个内设机构,分别为:办公室、财务科、业务科、办公室、法规科、信息科。
            """);

        doc.Kind.ShouldBe(DocumentKind.Report);
        doc.Findings.ShouldContain(f => f.Check == "count" && f.Where == "5个内设机构");
    }

    [Fact]
    public void A_list_of_funds_wrapped_after_a_dash_with_gaps_beside_its_punctuation_is_read_whole()
    {
        // A printed page wraps a paragraph wherever the line is full, also after a dash; OCR leaves gaps beside
        // half-width punctuation.
        var doc = Read("""
            项目支出绩效运行监控报告
            一、项目基本情况
            本局纳入运行监控的项目共4个,分别为 :道路清扫保洁经费;公园(广场-
            滨河段)绿化养护经费;路灯维护经费;城区 (老城) 排水管网疏浚经费。
            二、监控工作开展情况
            """);

        doc.Kind.ShouldBe(DocumentKind.Monitoring);
        doc.Projects.Select(p => p.Name).ShouldBe(["道路清扫保洁经费", "公园(广场-滨河段)绿化养护经费", "路灯维护经费", "城区(老城)排水管网疏浚经费"]);
        doc.Findings.ShouldNotContain(f => f.Check == "count");
    }

    [Fact]
    public void A_title_with_a_note_in_brackets_is_the_title_and_a_sentence_ending_in_报告_is_not()
    {
        var doc = Read("""
            项目运行绩效监控报告(精选3篇)
            报告的用途越来越大,那么怎样写一份好的报告
            项目运行绩效监控报告1
            一、项目基本情况
            本年度安排道路维护资金120万元。
            """);

        doc.Title.ShouldBe("项目运行绩效监控报告(精选3篇)");
    }

    [Fact]
    public void Parts_listed_after_其中_must_add_to_their_total()
    {
        var doc = Read("""
            项目支出绩效自评表
            项目名称 运转经费
            年度总体目标 本项目共申请预算资金2026400元,其中组织运转400000元,报酬252000元,补助960000元。
            """);

        doc.Findings.ShouldContain(f => f.Check == "sum" && f.Where == "2026400元" && f.Recomputed == "1612000");
    }

    [Fact]
    public void A_file_with_nothing_to_read_is_an_error_that_says_what_was_recognised()
    {
        var doc = Read("今天天气很好。\n明天也很好。");

        doc.Projects.ShouldBeEmpty();
        doc.Diagnostics.ShouldContain(d => d.Code == ReadingCodes.NothingRead && d.Severity == Domain.Diagnostics.Severity.Error);
    }

    [Fact]
    public void A_document_cut_inside_its_indicator_table_says_so()
    {
        var doc = Read("""
            项目名称 | 测试项目 |
            一级指标 | 二级指标 | 三级指标 | 指标值 |
            产出指标 | 数量指标 | 培训人次 | 200人次 |
            """);

        doc.Diagnostics.ShouldContain(d => d.Code == ReadingCodes.CutShort);
    }
}
