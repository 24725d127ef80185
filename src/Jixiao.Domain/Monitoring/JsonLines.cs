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

    /// <summary>The line of the first property that repeats a name of its object; null when none does.</summary>
    public int? DuplicateLine { get; private set; }

    private JsonLines() { }

    /// <summary>
    /// How rule and round files are parsed: comments and trailing commas allowed, a repeated property refused (it
    /// would otherwise be one value silently winning over the other).
    /// </summary>
    public static JsonDocumentOptions Options { get; } =
        new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false };

    /// <summary>
    /// Parses a rule or round file (a byte-order mark dropped) with <see cref="Options"/>: its UTF-8 bytes and root,
    /// or the line and the Chinese reason it is not JSON ("不是有效的 JSON（…）。").
    /// </summary>
    public static bool TryParse(string json, out byte[] utf8, out System.Text.Json.Nodes.JsonNode? root, out (int Line, string Message) error)
    {
        ArgumentNullException.ThrowIfNull(json);
        utf8 = Utf8(json.TrimStart('\uFEFF'));
        try
        {
            root = System.Text.Json.Nodes.JsonNode.Parse(utf8, documentOptions: Options);
            if (LoneSurrogate(root) is { } at)
            {
                root = null;
                error = (Of(utf8).LineOf(at), "不是有效的 JSON（有无效的字符，如单独的 \\ud800 代理项：请删除或改正该字符）。");
                return false;
            }

            error = default;
            return true;
        }
        catch (JsonException ex)
        {
            root = null;
            error = (LineOf(ex, utf8), "不是有效的 JSON（" + Reason(ex) + "）。");
            return false;
        }
    }

    /// <summary>The 1-based line of a parse error: the parser's own, or for a repeated property (which it does not place) the repeat's.</summary>
    public static int LineOf(JsonException exception, byte[] utf8)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.LineNumber is { } line ? (int)line + 1 : Of(utf8).DuplicateLine ?? 1;
    }

    /// <summary>The parser's reason without its position (the caller says the line).</summary>
    public static string Reason(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message;
        const string Duplicate = "Duplicate property '";
        if (message.StartsWith(Duplicate, StringComparison.Ordinal) && message.IndexOf('\'', Duplicate.Length) is var end and > 0)
        {
            return $"“{message[Duplicate.Length..end]}”出现了两次，只能写一次";
        }

        // The parser's other reasons are English .NET text: the user is told what to look at instead.
        return "请检查该行附近的括号、引号、逗号和冒号";
    }

    /// <summary>
    /// The path (as <see cref="LineOf(string)"/> takes it) of the first string, property name or value, that is not valid
    /// Unicode ("\ud800" alone): the parser accepts it and throws only when it is read.
    /// </summary>
    private static string? LoneSurrogate(System.Text.Json.Nodes.JsonNode? node, string path = "")
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject o:
                foreach (var (key, value) in o)
                {
                    var at = path.Length == 0 ? key : $"{path}.{key}";
                    if (!IsValid(key))
                    {
                        return at;
                    }

                    if (LoneSurrogate(value, at) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case System.Text.Json.Nodes.JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (LoneSurrogate(a[i], $"{path}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case System.Text.Json.Nodes.JsonValue v when v.GetValueKind() == JsonValueKind.String:
                try
                {
                    return IsValid(v.GetValue<string>()) ? null : path;
                }
                catch (InvalidOperationException)
                {
                    return path;
                }

            default:
                return null;
        }

        static bool IsValid(string text) => !text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF') || System.Text.Unicode.Utf8.FromUtf16(text, new byte[text.Length * 3], out _, out _, replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done;
    }

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
                if (!result.lines.TryAdd(Child(stack.Peek().Path, property!), line))
                {
                    result.DuplicateLine ??= line;
                }

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
