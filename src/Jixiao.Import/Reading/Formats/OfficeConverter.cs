namespace Jixiao.Import.Reading.Formats;

/// <summary>
/// Formats we do not parse ourselves (.doc, .wps, .et, .rtf, .odt, .ods) are converted by LibreOffice headless to
/// .docx or .xlsx and then read like those. LibreOffice runs with its own temporary HOME (a user profile of its own,
/// so that parallel conversions and a running desktop instance do not collide), under the tool time limit, and
/// everything it wrote is deleted afterwards.
/// </summary>
internal static class OfficeConverter
{
    public static List<Grid>? Read(MemoryStream buffer, string format, string target, FormatContext context)
    {
        using var temp = new ExternalTool.TempFolder();
        var input = temp.File("input." + format);
        File.WriteAllBytes(input, buffer.ToArray());
        var output = Convert(context, temp, input, target, format);
        if (output is null)
        {
            return null;
        }

        context.Info(FormatCodes.Converted, null, $"{format} 文件已由 LibreOffice 转换为 {target} 后读取；版式复杂处请与原文件核对。");
        using var converted = new MemoryStream(File.ReadAllBytes(output));
        return FormatReader.ReadAs(target, converted, null, context, zipChecked: false);
    }

    /// <summary>The path of the converted file inside <paramref name="temp"/>, or null after reporting why there is none.</summary>
    public static string? Convert(FormatContext context, ExternalTool.TempFolder temp, string input, string target, string format)
    {
        var home = Path.Combine(temp.Path, "home");
        var outDir = Path.Combine(temp.Path, "out");
        Directory.CreateDirectory(home);
        Directory.CreateDirectory(outDir);
        var result = ExternalTool.Run(context, "soffice", "libreoffice-writer-nogui 与 libreoffice-calc-nogui",
            ["--headless", "--norestore", "--nologo", "--nolockcheck", "-env:UserInstallation=file://" + home, "--convert-to", target, "--outdir", outDir, input],
            environment: new Dictionary<string, string> { ["HOME"] = home });
        if (result is null)
        {
            return null;
        }

        var produced = Directory.GetFiles(outDir).FirstOrDefault();
        if (result.ExitCode != 0 || produced is null)
        {
            context.Error(FormatCodes.ToolFailed, null,
                $"LibreOffice 无法把 {format} 文件转换为 {target}（文件可能已损坏、被加密或不完整）。");
            return null;
        }

        return produced;
    }
}
