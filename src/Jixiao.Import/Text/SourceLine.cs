namespace Jixiao.Import.Text;

/// <summary>One line of a text file with its 1-based line number.</summary>
public readonly record struct SourceLine(int Number, string Text)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Text);
}
