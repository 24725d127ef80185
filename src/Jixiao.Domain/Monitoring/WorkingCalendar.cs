namespace Jixiao.Domain.Monitoring;

/// <summary>
/// Working days as the State Council publishes them each year: Monday to Friday, less the listed
/// <see cref="Holidays"/> (放假), plus the listed <see cref="Workdays"/> (调休上班, a Saturday or Sunday worked). A year
/// the district has not listed counts Monday to Friday only.
/// </summary>
public sealed record WorkingCalendar(IReadOnlySet<DateOnly> Holidays, IReadOnlySet<DateOnly> Workdays)
{
    public static WorkingCalendar WeekdaysOnly { get; } = new(new HashSet<DateOnly>(), new HashSet<DateOnly>());

    public bool IsWorkingDay(DateOnly day) =>
        Workdays.Contains(day) || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.Contains(day));

    /// <summary>
    /// The <paramref name="days"/>-th working day after <paramref name="start"/> (the start day itself is not counted,
    /// whatever it is): a request made on a Friday with 10 days is due on the Friday two weeks later, if none is a holiday.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = start;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }
}
