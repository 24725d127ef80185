using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Tests.Targets;

public class IndicatorDirectionTests
{
    [Theory]
    [InlineData("3292 支视频报停率", "≤3%", Direction.Down)]
    [InlineData("3292 支视频报停率", "3%", Direction.Down)]
    [InlineData("在册流动吸毒人员复吸率", "20%", Direction.Down)]
    [InlineData("安全事故发生数量", "0", Direction.Down)]
    [InlineData("差错事故数/起", "0", Direction.Down)]
    [InlineData("信息化运维成本超支率", "0%", Direction.Down)]
    [InlineData("故障维护及时率", "100%", Direction.Up)]
    [InlineData("安全隐患整治率", "85%", Direction.Up)]
    [InlineData("施工质量合格率", "100%", Direction.Up)]
    [InlineData("专职辅警人员数", "大于2450人", Direction.Up)]
    [InlineData("刑事案件破案率", "提高", Direction.Up)]
    [InlineData("案件类总警情下降", "下降", Direction.Down)]
    [InlineData("设备运行情况", "正常", Direction.Attain)]
    [InlineData("事故下降率", "10%", Direction.Up)]
    [InlineData("隐患排查率", "100%", Direction.Up)]
    [InlineData("平均响应时间", "30", Direction.Down)]
    [InlineData("涉恶类案件立案数", "100", Direction.Down)]
    [InlineData("财政供养人员控制率", "100%", Direction.Down)]
    [InlineData("公用经费控制率", "100%", Direction.Down)]
    [InlineData("预算调整率", "3%", Direction.Down)]
    [InlineData("结转结余率", "2%", Direction.Down)]
    [InlineData("“三公经费”变动率", "0", Direction.Down)]
    [InlineData("疫情传播控制率", "95%", Direction.Up)]
    [InlineData("政府采购执行率", "100%", Direction.Up)]
    public void Infers_the_direction_from_the_target_or_else_the_indicator_name(string name, string target, Direction expected)
    {
        IndicatorDirection.Of(name, TargetParser.Parse(target)).ShouldBe(expected);
    }

    [Fact]
    public void Unknown_words_have_no_direction()
    {
        IndicatorDirection.Of("营造氛围", TargetParser.Parse("营造平安白云氛围")).ShouldBeNull();
    }
}
