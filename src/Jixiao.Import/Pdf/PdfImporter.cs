using Jixiao.Import.Imports;

namespace Jixiao.Import.Pdf;

internal static class PdfImporter
{
    public static void Import(Stream stream, ImportContext context)
    {
    }
}
