using Jixiao.Domain.Projects;

namespace Jixiao.Domain.Tests.Projects;

public class MoneyTests
{
    [Theory]
    [InlineData("50061.31", 50_061_310_000L)]
    [InlineData("0.01", 10_000L)]
    [InlineData("1474.8", 1_474_800_000L)]
    public void Converts_wan_yuan_to_whole_fen_exactly(string wanYuan, long fen)
    {
        Money.WanYuan(decimal.Parse(wanYuan, System.Globalization.CultureInfo.InvariantCulture)).ToFen().ShouldBe(fen);
    }

    [Fact]
    public void Round_trips_through_fen()
    {
        var amount = Money.WanYuan(17_652.08m);
        Money.FromFen(amount.ToFen(), MoneyUnit.WanYuan).ShouldBe(amount);
        Money.Yuan(26_760_454.99m).ToFen().ShouldBe(2_676_045_499L);
    }

    [Fact]
    public void Funding_columns_balance_only_when_they_add_up_to_the_total()
    {
        new ProjectAmounts(5.67m, 5.67m, null, null, MoneyUnit.WanYuan).Balances.ShouldBeTrue();
        new ProjectAmounts(10m, 6m, 3m, 1m, MoneyUnit.WanYuan).Balances.ShouldBeTrue();
        new ProjectAmounts(10m, 6m, 3m, null, MoneyUnit.WanYuan).Balances.ShouldBeFalse();
    }
}
