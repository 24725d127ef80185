using Jixiao.App.Common;

namespace Jixiao.App.Downloads;

/// <summary>How large and how often the 审核意见表 of a unit or of everything visible may be made (docs/web.md, "Limits").</summary>
public sealed record WorkbookLimits
{
    /// <summary>Projects in one workbook at most (Jixiao:Downloads:WorkbookProjects); a larger scope is asked to download by unit.</summary>
    public int MaxProjects { get; init; } = 10_000;

    /// <summary>Workbooks one user may have made at once (Jixiao:Downloads:WorkbooksAtOnce).</summary>
    public int PerUser { get; init; } = 1;

    /// <summary>Workbooks made at once on this instance, all users together: one core fewer than the machine has, at least 1.</summary>
    public int Global { get; init; } = Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>Workbooks one user may ask for within <see cref="Window"/> (Jixiao:Downloads:WorkbooksPerWindow).</summary>
    public int PerWindow { get; init; } = 10;

    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Admits the making of a unit's or the whole scope's 审核意见表 (seconds of CPU and megabytes of memory for a city):
/// one at a time per user, a few at a time in all, and a handful per user per window. Refused requests get
/// <see cref="Outcome.Busy"/> with when to try again. In this instance's memory, like the login throttle.
/// One per process (a singleton).
/// </summary>
public sealed class WorkbookGate(WorkbookLimits limits, TimeProvider clock)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, int> runningByUser = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<DateTimeOffset>> startsByUser = new(StringComparer.Ordinal);
    private int running;

    public WorkbookLimits Limits { get; } = limits;

    /// <summary>A lease to make one workbook for <paramref name="userId"/> (dispose it when done), or why not now.</summary>
    public (IDisposable? Lease, Outcome? Refused) Enter(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var now = clock.GetUtcNow();
        lock (gate)
        {
            if (runningByUser.GetValueOrDefault(userId) >= Limits.PerUser)
            {
                return (null, new Outcome.Busy("您的上一份审核意见表还在生成中，请等它下载完成后再试。", TimeSpan.FromSeconds(10)));
            }

            if (running >= Limits.Global)
            {
                return (null, new Outcome.Busy("服务器正在为其他用户生成审核意见表，请稍后再试。", TimeSpan.FromSeconds(10)));
            }

            var starts = startsByUser.TryGetValue(userId, out var kept) ? kept : startsByUser[userId] = new Queue<DateTimeOffset>();
            while (starts.Count > 0 && now - starts.Peek() >= Limits.Window)
            {
                starts.Dequeue();
            }

            if (starts.Count >= Limits.PerWindow)
            {
                var wait = starts.Peek() + Limits.Window - now;
                return (null, new Outcome.Busy(
                    $"{Limits.Window.TotalMinutes:0} 分钟内最多生成 {Limits.PerWindow} 份单位或全部项目的审核意见表，请 {Math.Ceiling(wait.TotalMinutes):0} 分钟后再试；单个项目的审核意见表不受此限。", wait));
            }

            if (startsByUser.Count > 10_000)
            {
                // Bounded: users whose window has passed are forgotten.
                foreach (var user in startsByUser.Where(u => u.Value.Count == 0 || now - u.Value.Last() >= Limits.Window).Select(u => u.Key).ToList())
                {
                    startsByUser.Remove(user);
                }
            }

            starts.Enqueue(now);
            runningByUser[userId] = runningByUser.GetValueOrDefault(userId) + 1;
            running++;
            return (new Lease(this, userId), null);
        }
    }

    private void Leave(string userId)
    {
        lock (gate)
        {
            running--;
            if (--runningByUser[userId] == 0)
            {
                runningByUser.Remove(userId);
            }
        }
    }

    private sealed class Lease(WorkbookGate owner, string userId) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.Leave(userId);
            }
        }
    }
}
