using System.Globalization;

namespace Jixiao.App.Common;

/// <summary>Times as users read them, in messages and pages: 北京时间 (UTC+8, no daylight saving), to the minute.</summary>
public static class ChinaTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static string Text(DateTimeOffset at) => at.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The day of <paramref name="at"/> in 北京时间.</summary>
    public static DateOnly Date(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    /// <summary>Today's date in 北京时间: the day deadlines are counted against.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
    }
}
