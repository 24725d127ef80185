namespace Jixiao.Cli;

/// <summary>
/// The parsed command line of one command: positional arguments, flags (--json) and options with a value (-o OUT).
/// Unknown options are an error with a Chinese message, never ignored.
/// </summary>
internal sealed class CliArgs
{
    private readonly Dictionary<string, List<string>> options = new(StringComparer.Ordinal);
    private readonly HashSet<string> flags = new(StringComparer.Ordinal);

    private CliArgs(List<string> positionals) => Positionals = positionals;

    public IReadOnlyList<string> Positionals { get; }

    public bool Has(string flag) => flags.Contains(flag);

    public string? Value(string option) => options.TryGetValue(option, out var values) ? values[^1] : null;

    public IReadOnlyList<string> Values(string option) => options.TryGetValue(option, out var values) ? values : [];

    /// <summary>
    /// Parses <paramref name="args"/> knowing which options take a value and which are flags. Aliases map short
    /// forms onto long ones ("-o" → "--output"). Returns null and writes the reason to <paramref name="error"/>.
    /// </summary>
    public static CliArgs? Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> flagNames,
        IReadOnlyCollection<string> valueNames, out string? error, IReadOnlyDictionary<string, string>? aliases = null)
    {
        var positionals = new List<string>();
        var result = new CliArgs(positionals);
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                positionals.AddRange(args.Skip(i + 1));
                break;
            }

            if (arg.Length > 1 && arg[0] == '-' && !IsNumber(arg))
            {
                var name = arg;
                string? inline = null;
                var eq = arg.IndexOf('=', StringComparison.Ordinal);
                if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
                {
                    name = arg[..eq];
                    inline = arg[(eq + 1)..];
                }

                if (aliases is not null && aliases.TryGetValue(name, out var canonical))
                {
                    name = canonical;
                }

                if (flagNames.Contains(name))
                {
                    result.flags.Add(name);
                }
                else if (valueNames.Contains(name))
                {
                    var value = inline;
                    if (value is null)
                    {
                        if (i + 1 >= args.Count)
                        {
                            error = $"选项 {name} 需要一个值。";
                            return null;
                        }

                        value = args[++i];
                    }

                    if (!result.options.TryGetValue(name, out var list))
                    {
                        result.options[name] = list = [];
                    }

                    list.Add(value);
                }
                else
                {
                    error = $"不认识的选项：{arg}。";
                    return null;
                }
            }
            else
            {
                positionals.Add(arg);
            }
        }

        return result;
    }

    private static bool IsNumber(string arg) => arg.Length > 1 && (char.IsDigit(arg[1]) || arg[1] == '.');
}
