using System.Text;
using System.Text.Json;

namespace Jixiao.Domain.Monitoring;

/// <summary>
/// The line of every value in a JSON text, by its path ("budget.bands[1].below"), so a rule that does not validate
/// can be reported at its line. System.Text.Json's nodes do not keep positions; this one pass over the tokens does.
/// </summary>
internal sealed class JsonLines
{
    private readonly Dictionary<string, int> lines = new(StringComparer.Ordinal);

    private JsonLines() { }

    /// <summary>The 1-based line of the value at <paramref name="path"/>, or of its nearest enclosing value that is known.</summary>
    public int LineOf(string path)
    {
        for (var p = path; ; p = Parent(p))
        {
            if (lines.TryGetValue(p, out var line))
            {
                return line;
            }

            if (p.Length == 0)
            {
                return 1;
            }
        }
    }

    /// <summary>Reads the positions of <paramref name="utf8"/>; the text must already have parsed (no error handling here).</summary>
    public static JsonLines Of(byte[] utf8)
    {
        var result = new JsonLines();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        // Each open container: its path, and (arrays) the next index or (objects) the pending property name.
        var stack = new Stack<(string Path, bool IsArray, int Index)>();
        string? property = null;
        var line = 1;
        long counted = 0;
        while (reader.Read())
        {
            var start = reader.TokenStartIndex;
            for (; counted < start; counted++)
            {
                if (utf8[counted] == (byte)'\n')
                {
                    line++;
                }
            }

            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                property = reader.GetString();
                result.lines.TryAdd(Child(stack.Peek().Path, property!), line);
                continue;
            }

            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                stack.Pop();
                continue;
            }

            var path = "";
            if (stack.Count > 0)
            {
                var (parent, isArray, index) = stack.Pop();
                path = isArray ? $"{parent}[{index}]" : Child(parent, property!);
                stack.Push((parent, isArray, isArray ? index + 1 : index));
            }

            result.lines.TryAdd(path, line);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                stack.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
            }
        }

        return result;
    }

    private static string Child(string parent, string name) => parent.Length == 0 ? name : parent + "." + name;

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
