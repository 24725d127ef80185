using Jixiao.Import.Imports;

namespace Jixiao.Import.Excel;

internal static class ExcelImporter
{
    public static void Import(Stream stream, ImportContext context, bool xlsx)
    {
    }
}
