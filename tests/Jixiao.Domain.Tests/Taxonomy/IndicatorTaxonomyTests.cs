using System.Text;
using Jixiao.Domain.Taxonomy;

namespace Jixiao.Domain.Tests.Taxonomy;

public class IndicatorTaxonomyTests
{
    private static IndicatorTaxonomy Taxonomy => IndicatorTaxonomy.Default;

    [Theory]
    [InlineData("产出指标", "1")]
    [InlineData("产出", "1")]
    [InlineData("产出值", "1")]
    [InlineData("效益指标", "2")]
    [InlineData("满意度指标", "3")]
    [InlineData("成本指标", "4")]
    [InlineData(" 效益 指标 ", "2")]
    public void Finds_level1_by_any_spelling(string name, string code)
    {
        Taxonomy.FindLevel1(name)!.Code.ShouldBe(code);
    }

    [Theory]
    [InlineData("数量指标", "11")]
    [InlineData("数量值", "11")]
    [InlineData("质量指标", "12")]
    [InlineData("时效指标", "13")]
    [InlineData("经济效益", "21")]
    [InlineData("社会效益指标", "22")]
    [InlineData("社会效益", "22")]
    [InlineData("生态效益指标", "23")]
    [InlineData("可持续影响", "24")]
    [InlineData("服务对象满意度", "31")]
    [InlineData("服务对象满意度指标", "31")]
    [InlineData("社会公众或服务对象满意度指标", "31")]
    [InlineData("经济成本指标", "41")]
    [InlineData("生态环境成本指标", "43")]
    public void Finds_level2_by_any_spelling(string name, string code)
    {
        Taxonomy.FindLevel2(name)!.Code.ShouldBe(code);
    }

    [Fact]
    public void Resolves_cost_under_the_level1_it_is_listed_in()
    {
        Taxonomy.FindLevel2("成本指标")!.Code.ShouldBe("14");
        Taxonomy.FindLevel2("成本指标", Taxonomy.FindByCode("1"))!.Code.ShouldBe("14");
        Taxonomy.FindLevel2("经济成本", Taxonomy.FindByCode("4"))!.Code.ShouldBe("41");
    }

    [Fact]
    public void Knows_the_parent_of_every_level2()
    {
        Taxonomy.ParentOf(Taxonomy.FindByCode("31")!)!.Name.ShouldBe("满意度指标");
        Taxonomy.ParentOf(Taxonomy.FindByCode("14")!)!.Name.ShouldBe("产出指标");
        Taxonomy.Level1.Select(c => c.Code).ShouldBe(["1", "2", "3", "4"]);
        Taxonomy.ChildrenOf(Taxonomy.FindByCode("2")!).Count().ShouldBe(4);
    }

    [Fact]
    public void Unknown_names_and_codes_are_not_found()
    {
        Taxonomy.FindLevel1("决策").ShouldBeNull();
        Taxonomy.FindLevel2("政治效益").ShouldBeNull();
        Taxonomy.FindByCode("99").ShouldBeNull();
    }

    [Fact]
    public void A_district_file_can_add_name_variants()
    {
        const string json = """{"version":"x","level1":[{"code":"1","name":"产出指标","children":[{"code":"11","name":"数量指标","aliases":["产出数量目标"]}]}]}""";
        var custom = IndicatorTaxonomy.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        custom.FindLevel2("产出数量目标")!.Code.ShouldBe("11");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"level1":[]}""")]
    [InlineData("""{"level1":[{"code":"1"}]}""")]
    [InlineData("""{"level1":[{"code":"1","name":"产出"},{"code":"1","name":"效益"}]}""")]
    public void Rejects_a_malformed_taxonomy_file_with_a_reason(string json)
    {
        var error = Should.Throw<InvalidDataException>(() => IndicatorTaxonomy.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        error.Message.ShouldContain("指标分类文件");
    }
}
