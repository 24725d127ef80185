namespace Jixiao.Domain.Projects;

/// <summary>The unit a table states its amounts in ("单位：万元").</summary>
public enum MoneyUnit
{
    Yuan,
    WanYuan,
}

/// <summary>
/// An exact amount of money in a stated unit. Amounts are kept in the unit of the source document (most target
/// tables are in 万元 with two decimals) and converted exactly; storage uses integer 分 (<see cref="ToFen"/>).
/// </summary>
public readonly record struct Money(decimal Amount, MoneyUnit Unit)
{
    public static Money WanYuan(decimal amount) => new(amount, MoneyUnit.WanYuan);
    public static Money Yuan(decimal amount) => new(amount, MoneyUnit.Yuan);

    public decimal InYuan => Unit == MoneyUnit.WanYuan ? Amount * 10_000m : Amount;
    public decimal InWanYuan => Unit == MoneyUnit.WanYuan ? Amount : Amount / 10_000m;

    /// <summary>Whole 分 (0.01 元), rounded half away from zero.</summary>
    public long ToFen() => (long)decimal.Round(InYuan * 100m, 0, MidpointRounding.AwayFromZero);

    public static Money FromFen(long fen, MoneyUnit unit) =>
        unit == MoneyUnit.Yuan ? new(fen / 100m, unit) : new(fen / 1_000_000m, unit);

    public static string UnitName(MoneyUnit unit) => unit == MoneyUnit.WanYuan ? "万元" : "元";

    public override string ToString() => $"{Amount:0.00}{UnitName(Unit)}";
}
