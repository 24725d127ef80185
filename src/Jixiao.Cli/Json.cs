using System.Text.Encodings.Web;
using System.Text.Json;

namespace Jixiao.Cli;

/// <summary>The JSON settings of every `--json` output: camelCase, Chinese written as is, indented.</summary>
internal static class Json
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Output goes to a terminal or a file, never into HTML: keep ≥ < > and Chinese readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
