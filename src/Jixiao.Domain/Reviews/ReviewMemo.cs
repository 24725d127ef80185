using System.Collections.Concurrent;

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
/// unit. Equal keys get equal verdicts, wherever the row stands.
/// </summary>
internal readonly struct IndicatorKey : IEquatable<IndicatorKey>
{
    private readonly string?[] parts;
    private readonly int hash;

    public IndicatorKey(params string?[] parts)
    {
        this.parts = parts;
        var h = new HashCode();
        foreach (var part in parts)
        {
            h.Add(part, StringComparer.Ordinal);
        }

        hash = h.ToHashCode();
    }

    public bool Equals(IndicatorKey other)
    {
        if (hash != other.hash || parts.Length != other.parts.Length)
        {
            return false;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (!string.Equals(parts[i], other.parts[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is IndicatorKey other && Equals(other);

    public override int GetHashCode() => hash;

    public static bool operator ==(IndicatorKey left, IndicatorKey right) => left.Equals(right);

    public static bool operator !=(IndicatorKey left, IndicatorKey right) => !left.Equals(right);
}

/// <summary>A finding a check decided on, before it is worded: rule, value, detail and example.</summary>
internal readonly record struct Verdict(string Rule, string? Value, string? Detail, string? Expected);
