using System.Text;
using Jixiao.Domain.Diagnostics;

namespace Jixiao.Import.Text;

/// <summary>
/// Text joined from several source pieces (the lines of a wrapped PDF cell, or one table cell) that still knows
/// where each character came from, so an indicator read from the middle of it gets the line it started on.
/// </summary>
public sealed class LocatedText
{
    private readonly int[] starts;
    private readonly SourceLocation[] locations;

    private LocatedText(string text, int[] starts, SourceLocation[] locations)
    {
        Text = text;
        this.starts = starts;
        this.locations = locations;
    }

    public string Text { get; }

    public SourceLocation Location => locations.Length > 0 ? locations[0] : new SourceLocation("");

    public static LocatedText Single(string text, SourceLocation location) => new(text, [0], [location]);

    public SourceLocation LocationAt(int offset)
    {
        var index = Array.BinarySearch(starts, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return locations[Math.Clamp(index, 0, locations.Length - 1)];
    }

    /// <summary>Builds a text from pieces; pieces are concatenated as they are (Chinese has no spaces between words).</summary>
    public sealed class Builder
    {
        private readonly StringBuilder text = new();
        private readonly List<int> starts = [];
        private readonly List<SourceLocation> locations = [];

        public int Length => text.Length;

        public bool IsEmpty => text.Length == 0;

        public Builder Append(string piece, SourceLocation location)
        {
            if (piece.Length == 0)
            {
                return this;
            }

            starts.Add(text.Length);
            locations.Add(location);
            text.Append(piece);
            return this;
        }

        public LocatedText Build() => new(text.ToString(), [.. starts], [.. locations]);

        public void Clear()
        {
            text.Clear();
            starts.Clear();
            locations.Clear();
        }
    }
}
