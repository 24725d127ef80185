namespace Jixiao.Import.Imports;

/// <summary>
/// What went wrong in a damaged file, said in Chinese for the user. The .NET message of the exception (English,
/// with internal names such as "End of Central Directory record could not be found") never reaches a diagnostic.
/// </summary>
public static class ReadFailure
{
    public static string Describe(Exception ex) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => "找不到文件",
        UnauthorizedAccessException => "没有读取该文件的权限",
        EndOfStreamException => "文件在中途结束（可能下载或复制时被截断）",
        InvalidDataException => "文件结构已损坏（不是完整的 Office 文件，或压缩内容无法解开）",
        OverflowException => "文件中有超出可处理范围的数值",
        FormatException => "文件中有无法识别的数值或日期",
        IOException => "文件读取失败（文件可能正被占用或已损坏）",
        NotSupportedException => "文件使用了不支持的格式或加密",
        _ => "文件内容无法解析（文件可能已损坏、被加密或不是所声明的格式）",
    };
}
