using Jixiao.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.App.Evidence;

/// <summary>
/// The sweep of the evidence folder against the store (<see cref="EvidenceStore.Sweep"/>): the keys of the live rows are
/// read first, so a file whose row is being saved at this moment is young and kept by the grace period.
/// </summary>
public static class EvidenceSweep
{
    /// <summary>A temp file not written for this long is an abandoned upload (a browser that went away, a killed process).</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(15);

    public static async Task<EvidenceSweepResult> RunAsync(JixiaoDbContext db, EvidenceStore store, TimeProvider clock, TimeSpan? grace = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        var live = (await db.EvidenceFiles.AsNoTracking().Where(e => e.DeletedAt == null).Select(e => e.StorageKey).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        return store.Sweep(live, clock.GetUtcNow(), grace ?? Grace);
    }
}
