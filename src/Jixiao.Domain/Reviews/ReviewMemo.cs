using System.Collections.Concurrent;
using Jixiao.Domain.Projects;

namespace Jixiao.Domain.Reviews;

/// <summary>
/// A bounded, thread-safe memo. Target tables repeat themselves: a department's projects use the same few hundred
/// indicator names, codes and values (units pick indicators from a library), so the review analyses each distinct
/// indicator once per engine. Past <see cref="Capacity"/> entries new results are computed but no longer kept.
/// </summary>
internal sealed class Memo<TKey, TValue>(int capacity = 200_000) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> map = new();

    // ConcurrentDictionary.Count takes every lock of the map; a miss must not pay for that, so the memo counts its own adds.
    private int count;

    public int Capacity { get; } = capacity;

    public TValue Get<TState>(TKey key, TState state, Func<TKey, TState, TValue> make)
    {
        if (map.TryGetValue(key, out var value))
        {
            return value;
        }

        value = make(key, state);
        if (Volatile.Read(ref count) < Capacity && map.TryAdd(key, value))
        {
            Interlocked.Increment(ref count);
        }

        return value;
    }
}

/// <summary>
/// Everything about an indicator that the per-indicator checks read: its name, codes, resolved categories, values and
/// unit. Equal keys get equal verdicts, wherever the row stands. The key is the indicator itself, compared field by
/// field: building it allocates nothing.
/// </summary>
internal readonly struct IndicatorKey : IEquatable<IndicatorKey>
{
    private readonly Indicator indicator;
    private readonly int hash;

    public IndicatorKey(Indicator indicator)
    {
        this.indicator = indicator;
        var h = new HashCode();
        h.Add(indicator.Name, StringComparer.Ordinal);
        h.Add(indicator.Level1?.Code, StringComparer.Ordinal);
        h.Add(indicator.Level2?.Code, StringComparer.Ordinal);
        h.Add(indicator.Level1Code, StringComparer.Ordinal);
        h.Add(indicator.Level1Text, StringComparer.Ordinal);
        h.Add(indicator.Level2Code, StringComparer.Ordinal);
        h.Add(indicator.Level2Text, StringComparer.Ordinal);
        h.Add(indicator.PeriodTarget?.Text, StringComparer.Ordinal);
        h.Add(indicator.AnnualTarget?.Text, StringComparer.Ordinal);
        h.Add(indicator.Unit, StringComparer.Ordinal);
        hash = h.ToHashCode();
    }

    public bool Equals(IndicatorKey other)
    {
        if (hash != other.hash)
        {
            return false;
        }

        var a = indicator;
        var b = other.indicator;
        return ReferenceEquals(a, b) || (a is not null && b is not null
            && Same(a.Name, b.Name)
            && Same(a.Level1?.Code, b.Level1?.Code)
            && Same(a.Level2?.Code, b.Level2?.Code)
            && Same(a.Level1Code, b.Level1Code)
            && Same(a.Level1Text, b.Level1Text)
            && Same(a.Level2Code, b.Level2Code)
            && Same(a.Level2Text, b.Level2Text)
            && Same(a.PeriodTarget?.Text, b.PeriodTarget?.Text)
            && Same(a.AnnualTarget?.Text, b.AnnualTarget?.Text)
            && Same(a.Unit, b.Unit));
    }

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is IndicatorKey other && Equals(other);

    public override int GetHashCode() => hash;

    public static bool operator ==(IndicatorKey left, IndicatorKey right) => left.Equals(right);

    public static bool operator !=(IndicatorKey left, IndicatorKey right) => !left.Equals(right);
}

/// <summary>A finding a check decided on, before it is worded: rule, value, detail and example.</summary>
internal readonly record struct Verdict(string Rule, string? Value, string? Detail, string? Expected);
