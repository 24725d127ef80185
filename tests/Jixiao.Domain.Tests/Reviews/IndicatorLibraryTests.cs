using System.Text;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using static Jixiao.Domain.Tests.Reviews.ProjectBuilder;

namespace Jixiao.Domain.Tests.Reviews;

public class IndicatorLibraryTests
{
    [Fact]
    public void The_built_in_library_covers_the_common_project_types_with_every_category()
    {
        var library = IndicatorLibrary.Default;
        library.Types.Select(t => t.Name).ShouldBe(["工程改造", "运维", "购买服务", "培训宣传", "人员经费", "设备购置", "信息化建设", "补助/救助", "专项业务经费"]);
        foreach (var type in library.Types)
        {
            var level1 = type.Indicators.Select(i => i.Level1.Code).ToHashSet();
            level1.ShouldContain("1", type.Name);
            level1.ShouldContain("2", type.Name);
            level1.ShouldContain("3", type.Name);
            type.Indicators.Any(i => i.Level2.Code is "14" or "41").ShouldBeTrue(type.Name);
            type.Indicators.ShouldAllBe(i => i.TypicalValue.Length > 0);
        }
    }

    [Theory]
    [InlineData("分局食堂楼结构加固及改造工程", "工程改造")]
    [InlineData("矛盾纠纷多元化解平台运维费", "运维")]
    [InlineData("穗财政【2022】122号外市籍吸毒人员管理服务专项工作经费", "购买服务")]
    [InlineData("政府雇员工资经费", "人员经费")]
    [InlineData("公务用车购置经费", "设备购置")]
    [InlineData("（百千万）白云区网格化社会综合治理平台建设项目", "信息化建设")]
    [InlineData("白云司法救助金", "补助/救助")]
    [InlineData("辅警岗位培训", "培训宣传")]
    [InlineData("公安执法办案费", "专项业务经费")]
    [InlineData("创平安白云工作经费", "专项业务经费")]
    [InlineData("某某费", "专项业务经费")]
    public void Projects_are_classified_by_the_words_of_their_name(string name, string type) =>
        IndicatorLibrary.Default.Classify(name, null).Name.ShouldBe(type);

    [Fact]
    public void A_district_file_adds_types_and_extends_existing_ones()
    {
        var library = IndicatorLibrary.Default.WithExtension(new MemoryStream(Encoding.UTF8.GetBytes("""
            {
              "types": [
                { "id": "greening", "name": "绿化养护", "keywords": ["绿化", "养护"],
                  "indicators": [ { "name": "新植乔木", "level2": "11", "unit": "株", "direction": "up", "typical": "≥500株" } ] },
                { "id": "construction", "keywords": ["修缮"],
                  "indicators": [ { "name": "防水工程保修期", "level2": "24", "unit": "年", "typical": "≥5年" } ] }
              ]
            }
            """)));
        library.Classify("道路绿化养护", null).Name.ShouldBe("绿化养护");
        library.FindType("greening")!.Indicators.Single().Level1.Code.ShouldBe("1");
        library.FindType("construction")!.Indicators[^1].Name.ShouldBe("防水工程保修期");
        IndicatorLibrary.Default.FindType("greening").ShouldBeNull();
    }

    [Theory]
    [InlineData("""{ "types": [ { "id": "x", "name": "X", "indicators": [ { "name": "甲", "level2": "2", "typical": "≥1个" } ] } ] }""", "不是二级指标")]
    [InlineData("""{ "types": [ { "id": "x", "name": "X", "indicators": [ { "name": "甲", "level2": "11" } ] } ] }""", "典型值")]
    [InlineData("""{ "types": [ { "name": "X" } ] }""", "缺少 id")]
    public void A_bad_library_extension_is_rejected_with_a_chinese_reason(string json, string reason) =>
        Should.Throw<InvalidDataException>(() => IndicatorLibrary.Default.WithExtension(new MemoryStream(Encoding.UTF8.GetBytes(json))))
            .Message.ShouldContain(reason);
}

public class IndicatorSuggesterTests
{
    [Fact]
    public void Suggestions_fill_each_missing_category_from_the_project_type_with_a_reason()
    {
        var review = Review(SeedRows.SmartStation);
        var suggestions = IndicatorSuggester.Default.Suggest(review);
        suggestions.ShouldContain(s => s.Rule == "REV202" && s.Level1.Code == "2" && s.Source == "指标库：工程改造" && s.Reason.Contains("缺少效益指标"));
        suggestions.ShouldContain(s => s.Rule == "REV204" && (s.Level2.Code == "14" || s.Level1.Code == "4"));
        suggestions.ShouldContain(s => s.Rule == "REV206" && s.Level2.Code == "11" && s.Name == "工程完工数量" && s.TypicalValue == "≥1项");
        suggestions.Select(s => s.Name).ShouldBeUnique();
        suggestions.ShouldNotContain(s => s.Name == "主体工程完成率");
    }

    [Fact]
    public void A_measurable_indicator_with_a_vague_value_keeps_its_name_and_gets_a_number()
    {
        var suggestions = IndicatorSuggester.Default.Suggest(Review(SeedRows.AntiCorruption));
        var satisfaction = suggestions.Single(s => s.Replaces == "工作人员使用满意度");
        satisfaction.Name.ShouldBe("工作人员使用满意度");
        satisfaction.TypicalValue.ShouldBe("≥90%");
        satisfaction.Reason.ShouldBe("保留指标“工作人员使用满意度”，把定性表述“提高”改为定量目标");
    }

    [Fact]
    public void An_input_stated_as_output_is_replaced_by_an_output_of_the_type()
    {
        var suggestions = IndicatorSuggester.Default.Suggest(Review(SeedRows.DrugWorkers2022));
        var replacement = suggestions.First(s => s.Replaces == "外市籍吸毒人员管理服务专项工作经费");
        replacement.Level2.Code.ShouldBe("11");
        replacement.Source.ShouldBe("指标库：购买服务");
    }

    [Fact]
    public void Indicators_of_similar_imported_projects_come_first()
    {
        var neighbour = P("2023年区安排外市籍吸毒人员管理服务专项工作经费", 300m, "购买40名禁毒社工服务，全年个案辅导不少于1500个。",
            I("1-产出指标", "11-数量指标", "禁毒社工个案辅导数", "≥1500个"),
            I("1-产出指标", "12-质量指标", "在册吸毒人员管控率", "≥90%"),
            I("2-效益指标", "22-社会效益指标", "复吸率", "<20%"),
            I("3-满意度指标", "31-服务对象满意度指标", "服务对象满意度", "≥85%"));
        var report = ReviewEngine.Default.Review([Unit("甲", neighbour, SeedRows.DrugWorkers2020)]);
        var suggester = new IndicatorSuggester(IndicatorLibrary.Default.Learn(report));
        suggester.Library.Learned.ShouldContain(l => l.Indicator.Name == "复吸率" && l.Indicator.TypicalValue == "<20%" && l.Indicator.Direction == Direction.Down);

        var suggestions = suggester.Suggest(report.Find("区安排穗财政【2020】75号外市籍吸毒人员管理服务专项工作经费")!);
        var first = suggestions.First(s => s.Rule == "REV502");
        first.Name.ShouldBe("禁毒社工个案辅导数");
        first.TypicalValue.ShouldBe("≥1500个");
        first.Source.ShouldBe("同类项目：2023年区安排外市籍吸毒人员管理服务专项工作经费");
    }

    [Fact]
    public void A_clean_project_needs_no_suggestions() =>
        IndicatorSuggester.Default.Suggest(Review(Clean())).ShouldBeEmpty();
}
