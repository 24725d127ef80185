using System.Globalization;

namespace Jixiao.App.Common;

/// <summary>Numbers as messages and pages show them: invariant digits, no trailing zeros ("12.5", not "12.50").</summary>
public static class Numbers
{
    public static string Text(decimal? value) => value is { } v ? v.ToString("0.########", CultureInfo.InvariantCulture) : "";
}
