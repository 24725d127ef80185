using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jixiao.Import.Reading;
using Xunit.Abstractions;

namespace Jixiao.Import.Tests.Corpus;

/// <summary>
/// Every corpus document read through <see cref="DocumentReader"/> and judged by the corpus scorer's rules
/// (<see cref="CorpusComparer"/>) against its floor in Corpus/expected.json: reading worse fails, and so does
/// reading better, so that the floor is always what the reader does today. JIXIAO_CORPUS_WRITE=1 writes the
/// floor from this run instead of asserting.
/// </summary>
public class CorpusTests(ITestOutputHelper output)
{
    private static readonly JsonSerializerOptions ExpectedJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>What one document must at least read: exactly or not, and how many projects, indicators and faults right.</summary>
    public sealed record Floor(
        [property: JsonPropertyName("exact")] bool Exact,
        [property: JsonPropertyName("projectsRight")] int ProjectsRight,
        [property: JsonPropertyName("indicatorsRight")] int IndicatorsRight,
        [property: JsonPropertyName("faultsCaught")] int FaultsCaught);

    [Fact]
    public void Every_corpus_document_reads_exactly_as_well_as_its_floor_in_expected_json()
    {
        var scores = CorpusFiles.Names.Select(ScoreOf).ToList();
        foreach (var s in scores)
        {
            output.WriteLine($"{(s.Exact ? "ok " : "-- ")}{s.Doc}");
            foreach (var p in s.Problems)
            {
                output.WriteLine("     " + p);
            }
        }

        output.WriteLine(SummaryLine(scores));
        var measured = scores.ToDictionary(s => s.Doc, s => new Floor(s.Exact, s.ProjectsRight, s.IndicatorsRight, s.FaultsCaught));
        if (Environment.GetEnvironmentVariable("JIXIAO_CORPUS_WRITE") == "1")
        {
            File.WriteAllText(CorpusFiles.Expected, JsonSerializer.Serialize(new SortedDictionary<string, Floor>(measured, StringComparer.Ordinal), ExpectedJson) + "\n");
            output.WriteLine("wrote " + CorpusFiles.Expected);
            return;
        }

        var floors = JsonSerializer.Deserialize<Dictionary<string, Floor>>(File.ReadAllText(CorpusFiles.Expected))
            ?? throw new InvalidOperationException("expected.json is empty");
        var failures = new List<string>();
        foreach (var name in floors.Keys.Except(measured.Keys).Order(StringComparer.Ordinal))
        {
            failures.Add($"{name}: in expected.json but not in Corpus/docs");
        }

        foreach (var s in scores)
        {
            if (!floors.TryGetValue(s.Doc, out var floor))
            {
                failures.Add($"{s.Doc}: no floor in expected.json (run with JIXIAO_CORPUS_WRITE=1)");
                continue;
            }

            var now = measured[s.Doc];
            var worse = new List<string>();
            var better = new List<string>();
            Compare("exact", floor.Exact ? 1 : 0, now.Exact ? 1 : 0, worse, better);
            Compare("projectsRight", floor.ProjectsRight, now.ProjectsRight, worse, better);
            Compare("indicatorsRight", floor.IndicatorsRight, now.IndicatorsRight, worse, better);
            Compare("faultsCaught", floor.FaultsCaught, now.FaultsCaught, worse, better);
            if (worse.Count > 0)
            {
                failures.Add($"{s.Doc}: reads worse than its floor ({string.Join(", ", worse)}); problems: {string.Join(" | ", s.Problems)}");
            }

            if (better.Count > 0)
            {
                failures.Add($"{s.Doc}: reads better than its floor: raise the floor in expected.json to {JsonSerializer.Serialize(now)} ({string.Join(", ", better)}; or run with JIXIAO_CORPUS_WRITE=1)");
            }
        }

        failures.ShouldBeEmpty(string.Join("\n", failures));
    }

    private static void Compare(string field, int floor, int now, List<string> worse, List<string> better)
    {
        if (now < floor)
        {
            worse.Add($"{field} {now} < {floor}");
        }
        else if (now > floor)
        {
            better.Add($"{field} {now} > {floor}");
        }
    }

    internal static CorpusScore ScoreOf(string name)
    {
        using var truth = JsonDocument.Parse(File.ReadAllBytes(CorpusFiles.TruthPath(name)));
        var (fileName, bytes) = CorpusFiles.Document(name);
        return CorpusComparer.Score(name, truth.RootElement, DocumentReader.Read(bytes, fileName));
    }

    /// <summary>The scorer's last line, in its words.</summary>
    internal static string SummaryLine(IReadOnlyList<CorpusScore> s) =>
        $"documents read exactly {s.Count(x => x.Exact)}/{s.Count}; projects {s.Sum(x => x.ProjectsRight)}/{s.Sum(x => x.Projects)}; "
        + $"indicators {s.Sum(x => x.IndicatorsRight)}/{s.Sum(x => x.Indicators)}; faults caught {s.Sum(x => x.FaultsCaught)}/{s.Sum(x => x.Faults)} "
        + $"({s.Sum(x => x.OtherFindings)} other findings)";
}
