namespace Jixiao.Data.Entities;

/// <summary>
/// The review rules a reviewer chose for a unit (or, <see cref="UnitId"/> null, for the whole district) and a 预算年度
/// (<see cref="FiscalYear"/> null: every year): the product's built-in review rules, a built-in district's 审核口径, or
/// a 审核口径 file uploaded (its bytes kept as uploaded, read again when used). One row per unit-or-district and year
/// (<see cref="ScopeKey"/>, unique), changed in place; every change is an audit line (entity "rulebookChoice").
/// </summary>
public sealed class RulebookChoiceEntity : IVersioned
{
    public int Id { get; set; }

    /// <summary>"unit:12|year:2023", "district|year:*": unique, since a unique index lets several NULLs through.</summary>
    public required string ScopeKey { get; set; }

    public int? UnitId { get; set; }
    public UnitEntity? Unit { get; set; }
    public int? FiscalYear { get; set; }

    /// <summary>"default" (the product's review rules), a built-in district ("baoan"), or "file" (<see cref="Content"/>).</summary>
    public required string Rulebook { get; set; }

    /// <summary>The rulebook's title as users see it (e.g. 宝安区…审核口径), kept so lists need not read the file.</summary>
    public required string Title { get; set; }

    public string? FileName { get; set; }
    public byte[]? Content { get; set; }
    public required string ChosenBy { get; set; }
    public DateTimeOffset ChosenAt { get; set; }
    public long Version { get; set; }
}
