namespace Jixiao.Import.Reading.Formats;

internal static class PdfFormat
{
    public static List<Grid>? Read(MemoryStream buffer, FormatContext context) => null;
}
