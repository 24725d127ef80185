namespace Jixiao.Import.Text;

/// <summary>One line of a text file with its 1-based line number; lines made from worksheet cells also carry the cell ("表1!B7").</summary>
public readonly record struct SourceLine(int Number, string Text, string? Cell = null)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Text);
}
