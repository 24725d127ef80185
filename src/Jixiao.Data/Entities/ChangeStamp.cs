namespace Jixiao.Data.Entities;

/// <summary>
/// One row of <c>change_stamps</c> (migration 0007_ChangeStamps): a counter the database's triggers move with every
/// write to the data it names. Mapped so a query can read a stamp in the same statement (and snapshot) as the data it
/// keeps; read-only to the application.
/// </summary>
public sealed class ChangeStamp
{
    public required string Name { get; set; }
    public long Value { get; set; }
}
