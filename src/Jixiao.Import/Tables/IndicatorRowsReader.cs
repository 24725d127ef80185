using Jixiao.Import.Imports;

namespace Jixiao.Import.Tables;

public sealed class IndicatorRowsReader(ImportContext context)
{
    public sealed record Columns(int Level1);

    public static Columns? TryHeader(IReadOnlyList<string> cells) => null;

    public void Accept(TableRow row) => _ = context;

    public void Flush()
    {
    }
}
