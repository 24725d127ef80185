namespace Jixiao.Domain.Diagnostics;

public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>Where something came from: a file and a line (text, PDF) or a sheet cell (Excel, "Sheet1!C12").</summary>
public sealed record SourceLocation(string File, int? Line = null, string? Cell = null)
{
    public override string ToString() => Cell is not null ? $"{File}!{Cell}" : Line is { } line ? $"{File}:{line}" : File;

    /// <summary>The spreadsheet column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        Span<char> letters = stackalloc char[8];
        var position = letters.Length;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters[--position] = (char)('A' + (n - 1) % 26);
        }

        return new string(letters[position..]);
    }
}

/// <summary>
/// A finding about the input that the user can act on. <paramref name="Code"/> is stable (IMP012) so tests,
/// documentation and filters can refer to it; <paramref name="Message"/> is Chinese and says where and what.
/// </summary>
public sealed record Diagnostic(Severity Severity, string Code, SourceLocation? Location, string Message);
