namespace Jixiao.App.Imports;

/// <summary>How a confirmed import is written (<see cref="ImportBatches.ConfirmAsync(Jixiao.Data.JixiaoDbContext, Auth.AccessScope, Jixiao.Data.Entities.ImportBatchEntity, TimeProvider, BatchReading?, ImportWriteOptions?, CancellationToken)"/>).</summary>
public sealed record ImportWriteOptions
{
    public static ImportWriteOptions Default { get; } = new();

    /// <summary>
    /// Rows (a project, an indicator) written per transaction (Jixiao:Import:WriteChunkRows): small enough that another
    /// user's edit waits a fraction of a second for the write lock, large enough that a city's file is a few dozen saves.
    /// </summary>
    public int ChunkRows { get; init; } = 5_000;

    /// <summary>The wait after each transaction on SQLite, so that writers waiting for the lock get it (<see cref="Jixiao.Data.Storing.UnitWriter.DefaultSqlitePause"/>).</summary>
    public TimeSpan SqlitePause { get; init; } = Jixiao.Data.Storing.UnitWriter.DefaultSqlitePause;

    /// <summary>A confirmation that began this long ago and has not finished is taken for dead (a crash); the batch may be confirmed again.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>For tests: called after each transaction of staged rows, with the number of transactions so far.</summary>
    internal Func<int, Task>? AfterChunk { get; set; }
}
