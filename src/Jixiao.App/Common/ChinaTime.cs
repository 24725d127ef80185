using System.Globalization;

namespace Jixiao.App.Common;

/// <summary>Times as users read them, in messages and pages: 北京时间 (UTC+8, no daylight saving), to the minute.</summary>
public static class ChinaTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static string Text(DateTimeOffset at) => at.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
