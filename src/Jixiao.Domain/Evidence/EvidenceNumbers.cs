using System.Globalization;

namespace Jixiao.Domain.Evidence;

/// <summary>
/// 佐证材料编号: "佐证-2026-0001", numbered per budget unit and year in the order of upload (the year of the upload in
/// 北京时间). A number is never given twice, also not after its file was deleted, so a report that cited it stays true.
/// </summary>
public static class EvidenceNumbers
{
    public const string Prefix = "佐证";

    public static string Format(int year, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return $"{Prefix}-{year.ToString(CultureInfo.InvariantCulture)}-{sequence.ToString("D4", CultureInfo.InvariantCulture)}";
    }
}
