using System.Collections;
using Jixiao.Domain.Projects;

namespace Jixiao.Domain.Reviews;

/// <summary>
/// What a finding says apart from where it stands: the rule and the words that go into its templates. Findings about
/// equal indicators share one (the per-indicator verdicts are memoised), so a province's review keeps a few thousand of
/// these, not one per finding. <see cref="BudgetExpected"/>: the example is the project's budget, filled in when worded.
/// </summary>
internal sealed class FindingWords(ReviewRule rule, string? value, string? detail, string? expected, bool budgetExpected = false)
{
    public ReviewRule Rule { get; } = rule;

    public string? Value { get; } = value;

    public string? Detail { get; } = detail;

    public string? Expected { get; } = expected;

    public bool BudgetExpected { get; } = budgetExpected;
}

/// <summary>
/// A finding as the engine records it: its words, the project, and the indicator (null for the project as a whole)
/// with the label the reviewer reads. 32 bytes in a chunk of <see cref="FindingStore"/>; a <see cref="ReviewFinding"/>
/// object is made only when someone reads the finding.
/// </summary>
internal readonly record struct FindingRecord(FindingWords Words, Project Project, Indicator? Indicator, string? Label)
{
    public ReviewFinding ToFinding() => new(Words.Rule, Project.Name, Label, Words.Value, Words.Detail,
        Words.BudgetExpected ? Budget(Project) : Words.Expected, Indicator?.Number, Indicator?.Location ?? Project.Location);

    private static string Budget(Project project) => project.Amounts.Total is { } total
        ? $"预算数{ReviewRule.Format(total)}{Money.UnitName(project.Amounts.Unit)}" : "预算数";
}

/// <summary>
/// Every finding of one review pass, in chunks of 2,048 records (64 KB each, below the large-object threshold). A
/// province-sized pass records about a million findings: as records in a few hundred arrays the garbage collector
/// moves a few hundred objects instead of a million. Written by one thread, read by any.
/// </summary>
internal sealed class FindingStore
{
    private const int ChunkBits = 11;
    private const int ChunkSize = 1 << ChunkBits;
    private readonly List<FindingRecord[]> chunks = [];

    public int Count { get; private set; }

    public int Add(in FindingRecord record)
    {
        var chunk = Count >> ChunkBits;
        if (chunk == chunks.Count)
        {
            chunks.Add(new FindingRecord[ChunkSize]);
        }

        chunks[chunk][Count & (ChunkSize - 1)] = record;
        return Count++;
    }

    public ref readonly FindingRecord this[int index] => ref chunks[index >> ChunkBits][index & (ChunkSize - 1)];
}

/// <summary>
/// One project's findings: a run of records in the pass's <see cref="FindingStore"/> and those found later (findings
/// across projects: REV601, REV603, REV803). Each <see cref="ReviewFinding"/> is made on first read and kept.
/// </summary>
internal sealed class FindingList : IReadOnlyList<ReviewFinding>
{
    private readonly FindingStore store;
    private readonly int start;
    private readonly int run;
    private readonly IReadOnlyList<int>? later;
    private ReviewFinding?[]? made;

    public FindingList(FindingStore store, int start, int run, IReadOnlyList<int>? later = null)
    {
        this.store = store;
        this.start = start;
        this.run = run;
        this.later = later;
        Count = run + (later?.Count ?? 0);
    }

    public int Count { get; }

    public ReviewFinding this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var cache = made ?? Interlocked.CompareExchange(ref made, new ReviewFinding?[Count], null) ?? made;
            return cache[index] ?? Interlocked.CompareExchange(ref cache[index], Record(index).ToFinding(), null) ?? cache[index]!;
        }
    }

    /// <summary>The record behind a finding, for the engine's own counting (no object made).</summary>
    public ref readonly FindingRecord Record(int index) => ref store[index < run ? start + index : later![index - run]];

    public IEnumerator<ReviewFinding> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
