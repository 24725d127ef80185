using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

/// <summary>
/// Counters that triggers move with every write, in the write's own transaction (migration 0007_ChangeStamps). What an
/// instance computes from the data (say, how many projects match a search) stays true while the stamp it read before
/// computing is still the stamp; two instances on one database see the same stamps.
/// </summary>
public static class ChangeStamps
{
    /// <summary>Moves with any insert, update or delete of projects or units, and with any change of an evaluation's grade.</summary>
    public const string Projects = "projects";

    public static Task<long> ReadAsync(JixiaoDbContext db, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.SqlQuery<long>($"SELECT \"Value\" AS \"Value\" FROM change_stamps WHERE \"Name\" = {name}")
            .SingleAsync(cancellationToken);
    }
}
