using Jixiao.Domain.Reviews;

namespace Jixiao.Domain.Tests.Reviews;

public class GoalArithmeticTests
{
    public static TheoryData<string, decimal, decimal?, string> Holds => new()
    {
        // seed 003 全区网格员补助 (line breaks as the PDF extraction leaves them)
        { "（全区各镇、街3454个网\n格，每个网格员每月500元补助，全年共1474.8万\n元）", 20_724_000m, 14_748_000m, "3,454 × 500元 × 12个月" },
        // seed 003 政府雇员公用经费
        { "2024年全委共政府雇员编制17人，按每人3000元预算编制公用经费支出", 51_000m, null, "17 × 3,000元" },
        // seed 004 雪亮工程 contract: a compound price and a service period in years
        { "服务期4年，服务费含税628元/月/点、税率6%(其中专线费用为122元/月/20M/点)。按1000个监控点计算，4年服务期合同总金额含税3014.4 万元。",
            30_144_000m, 30_144_000m, "1,000 × 628元 × 48个月" },
        { "为辖区120名辅警每人每月发放交通补贴300元，共6个月。", 216_000m, null, "120 × 300元 × 6个月" },
    };

    [Theory]
    [MemberData(nameof(Holds))]
    public void Recomputes_counts_times_prices_times_months(string goal, decimal computed, decimal? stated, string formula)
    {
        var calc = GoalCalculation.Find(goal).ShouldNotBeNull();
        calc.Computed.ShouldBe(computed);
        calc.Stated.ShouldBe(stated);
        calc.Formula.ShouldBe(formula);
    }

    [Theory]
    [InlineData("完成分局中心枪库改造工程的设计、施工等工作，保障公务用枪的安全。")]
    [InlineData("按17人编制数预算2024年雇员17人全年工资及相关补贴（包含五险一金）")]
    [InlineData("通过购买51名禁毒社工的服务，配置社工和吸毒人员数比例为1:200")]
    [InlineData("每个网格员每月500元补助")]
    [InlineData("为3个派出所、12名民警每人配发装备2000元")]
    [InlineData("")]
    public void Says_nothing_when_the_arithmetic_is_not_stated_unambiguously(string goal) =>
        GoalCalculation.Find(goal).ShouldBeNull();

    [Theory]
    [InlineData(20_724_000, "2,072.4万元")]
    [InlineData(51_000, "5.1万元")]
    [InlineData(3_000, "3,000元")]
    public void Shows_amounts_in_wan_yuan_from_ten_thousand_up(decimal yuan, string shown) => GoalCalculation.Show(yuan).ShouldBe(shown);
}
