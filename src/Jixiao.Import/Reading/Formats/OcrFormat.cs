namespace Jixiao.Import.Reading.Formats;

internal static class OcrFormat
{
    public static List<Grid>? ReadImage(MemoryStream buffer, FormatContext context) => null;
}
