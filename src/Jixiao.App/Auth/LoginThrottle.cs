using System.Collections.Concurrent;
using System.Globalization;

namespace Jixiao.App.Auth;

/// <summary>
/// Slows down password guessing by where it comes from, not by whom it aims at: failed passwords are counted per source
/// address and per (address, login name). After <see cref="NameLimit"/> failures of one name from one address, or
/// <see cref="AddressLimit"/> failures of any names from one address, that address waits before its next try — one
/// minute, doubling with every further failure up to <see cref="MaxWait"/>. Nobody elsewhere is affected: the admin
/// still logs in from their own machine while someone guesses at their name from another. Known and unknown names are
/// counted alike, so the throttle tells nothing about which names exist. A count is forgotten <see cref="Memory"/> after
/// its last failure, and at once after a successful login of that name from that address (not the address's own count,
/// else one valid account would reset a guesser's budget). An admin's 解锁 (and a new password) releases a name at
/// every address.
/// The counts live in this instance's memory: several instances on one database each count on their own, and a restart
/// forgets them; neither lets anyone lock an account.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int NameLimit = 5;
    public const int AddressLimit = 20;
    public static readonly TimeSpan FirstWait = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan Memory = TimeSpan.FromHours(1);

    /// <summary>Beyond this many counts the forgotten ones are swept out on the next failure (memory stays bounded).</summary>
    private const int SweepAbove = 10_000;

    /// <summary>Keyed by (address, null) for the address's count and (address, normalised name) for a name's count there.</summary>
    private readonly ConcurrentDictionary<(string Address, string? Name), Count> _counts = new();

    /// <summary>How long <paramref name="address"/> must wait before trying <paramref name="userName"/> again; null when it may try now.</summary>
    public TimeSpan? Wait(string address, string? userName)
    {
        var now = clock.GetUtcNow();
        var wait = new[] { WaitOf(AddressKey(address), now), WaitOf(NameKey(address, userName), now) }.Max();
        return wait > TimeSpan.Zero ? wait : null;
    }

    /// <summary>Counts a wrong password; returns the wait it starts (null while under the limits), for the audit log.</summary>
    public Hold? Failed(string address, string? userName)
    {
        var now = clock.GetUtcNow();
        if (_counts.Count > SweepAbove)
        {
            Sweep(now);
        }

        var byName = Add(NameKey(address, userName), NameLimit, now);
        var byAddress = Add(AddressKey(address), AddressLimit, now);
        return byAddress is { } a && (byName is null || a.Until >= byName.Value.Until)
            ? new Hold(a.Until, a.Failures, ForName: false)
            : byName is { } n ? new Hold(n.Until, n.Failures, ForName: true) : null;
    }

    /// <summary>A successful login: the name's count at this address starts again.</summary>
    public void Succeeded(string address, string? userName) => _counts.TryRemove(NameKey(address, userName), out _);

    /// <summary>The latest moment until which some address must wait before trying <paramref name="userName"/>; null when none.</summary>
    public DateTimeOffset? HeldUntil(string userName)
    {
        var now = clock.GetUtcNow();
        var name = Normalise(userName);
        DateTimeOffset? until = null;
        foreach (var (key, count) in _counts)
        {
            if (key.Name == name && count.Until is { } u && u > now && (until is null || u > until))
            {
                until = u;
            }
        }

        return until;
    }

    /// <summary>Forgets the failures of <paramref name="userName"/> at every address (an admin's 解锁); returns how many addresses held it.</summary>
    public int Release(string userName)
    {
        var name = Normalise(userName);
        var released = 0;
        foreach (var key in _counts.Keys)
        {
            if (key.Name == name && _counts.TryRemove(key, out _))
            {
                released++;
            }
        }

        return released;
    }


    /// <summary>How long the wait is after <paramref name="failures"/> failures against a limit (zero below it).</summary>
    public static TimeSpan WaitAfter(int failures, int limit) =>
        failures < limit ? TimeSpan.Zero
        : failures - limit >= 4 ? MaxWait
        : TimeSpan.FromTicks(Math.Min(MaxWait.Ticks, FirstWait.Ticks << (failures - limit)));

    /// <summary>"3 分钟" / "40 秒": a wait as the user reads it, rounded up.</summary>
    public static string Describe(TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        return seconds >= 60
            ? ((seconds + 59) / 60).ToString(CultureInfo.InvariantCulture) + " 分钟"
            : seconds.ToString(CultureInfo.InvariantCulture) + " 秒";
    }

    /// <summary>Seconds for a Retry-After header, rounded up.</summary>
    public static string RetryAfter(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private TimeSpan WaitOf((string, string?) key, DateTimeOffset now) =>
        _counts.TryGetValue(key, out var count) && count.Until is { } until && until > now ? until - now : TimeSpan.Zero;

    private (DateTimeOffset Until, int Failures)? Add((string, string?) key, int limit, DateTimeOffset now)
    {
        // While an address waits its tries are refused before any password is checked, so a count's last failure is
        // never inside its wait, and a count an hour old is an hour past its wait (at most MaxWait).
        var count = _counts.AddOrUpdate(key,
            _ => Next(new Count(0, now, null), limit, now),
            (_, old) => Next(now - old.Last > Memory ? new Count(0, now, null) : old, limit, now));
        return count.Until is { } until && until > now ? (until, count.Failures) : null;
    }

    private static Count Next(Count old, int limit, DateTimeOffset now)
    {
        var failures = old.Failures + 1;
        var wait = WaitAfter(failures, limit);
        return new Count(failures, now, wait > TimeSpan.Zero ? now + wait : null);
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, count) in _counts)
        {
            if (now - count.Last > Memory && (count.Until is null || count.Until <= now))
            {
                _counts.TryRemove(key, out _);
            }
        }
    }

    private static (string, string?) AddressKey(string address) => (address, null);

    private static (string, string?) NameKey(string address, string? userName) => (address, Normalise(userName));

    // Login names compare as Identity compares them: trimmed, upper-case.
    private static string Normalise(string? userName) => (userName ?? "").Trim().ToUpperInvariant();

    private sealed record Count(int Failures, DateTimeOffset Last, DateTimeOffset? Until);

    /// <summary>A wait that a failure has just started: until when, after how many failures, for one name or the whole address.</summary>
    public readonly record struct Hold(DateTimeOffset Until, int Failures, bool ForName);
}
