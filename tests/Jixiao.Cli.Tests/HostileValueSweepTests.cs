using System.Text.Json.Nodes;

namespace Jixiao.Cli.Tests;

/// <summary>
/// Every number and string of the sample sheets, monitoring round and report replaced, one at a time, by a hostile
/// value (overflowing, 1e300, NaN, a lone surrogate, empty): each run ends with a Chinese answer and exit 0, 1 or 2,
/// never a stack trace, raw .NET text or the last line of defence's "意外错误" (issue #14, item 7).
/// </summary>
public sealed class HostileValueSweepTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("jixiao-cli-sweep-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    /// <summary>JSON texts put in place of one value: numbers, numbers as strings, a lone surrogate, nothing.</summary>
    private static readonly string[] Hostile =
    [
        "1e300", "-1e300", "99999999999999999999999999999999", "-0", "\"NaN\"", "\"Infinity\"", "\"1e300\"",
        "\"99999999999999999999999999999999\"", "\"\\ud800\"", "\"\"", "null", "[]", "{}",
    ];

    public static TheoryData<string, string> Files => new()
    {
        { "score", "evaluations/004-xueliang-2020.json" },
        { "score", "evaluations/000-baiyun-drug-2022.json" },
        { "monitor", "monitoring/round.json" },
        { "report", "reports/004-xueliang-2020.report.json" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_value_replaced_by_a_hostile_one_gets_a_chinese_answer(string command, string sample)
    {
        var original = JsonNode.Parse(File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "samples", sample)))!;
        var leaves = Leaves(original).ToList();
        var tokens = command == "report" ? Hostile[..6] : Hostile;
        var failures = new List<string>();
        var input = Path.Combine(temp, "input.json");
        foreach (var path in leaves)
        {
            foreach (var token in tokens)
            {
                var copy = original.DeepClone();
                Replace(copy, path, token);
                File.WriteAllText(input, copy.ToJsonString().Replace("\"__HOSTILE__\"", token, StringComparison.Ordinal));
                string[] args = command switch
                {
                    "monitor" => ["monitor", input, "--month", "7"],
                    "report" => ["report", input, "-o", Path.Combine(temp, "out.docx")],
                    _ => [command, input],
                };
                var (exit, output, error) = CliRunner.Run(args);
                var all = output + error;
                if (exit is < 0 or > 2 || all.Contains("Exception", StringComparison.Ordinal) || all.Contains("   at ", StringComparison.Ordinal)
                    || all.Contains("意外错误", StringComparison.Ordinal) || all.Contains("System.", StringComparison.Ordinal) || (exit != 0 && error.Trim().Length == 0 && output.Trim().Length == 0))
                {
                    failures.Add($"{string.Join('/', path)} = {token}: exit {exit}: {all.Trim().Split('\n').LastOrDefault()}");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    private static IEnumerable<object[]> Leaves(JsonNode node, object[]? at = null)
    {
        at ??= [];
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    foreach (var leaf in value is null ? [[.. at, key]] : Leaves(value, [.. at, key]))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    foreach (var leaf in a[i] is null ? [[.. at, i]] : Leaves(a[i]!, [.. at, i]))
                    {
                        yield return leaf;
                    }
                }

                break;
            default:
                yield return at;
                break;
        }
    }

    private static void Replace(JsonNode root, object[] path, string token)
    {
        var parent = root;
        foreach (var step in path[..^1])
        {
            parent = step is string key ? parent[key]! : parent[(int)step]!;
        }

        if (path[^1] is string name)
        {
            parent[name] = "__HOSTILE__";
        }
        else
        {
            parent[(int)path[^1]] = "__HOSTILE__";
        }
    }
}
