using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jixiao.Data;

/// <summary>
/// Chooses the provider from the connection string: PostgreSQL for "Host=…", otherwise SQLite ("Data Source=file.db"
/// or a bare file path).
/// </summary>
public static class JixiaoDatabase
{
    public static bool IsPostgres(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
        || connectionString.Contains("Server=", StringComparison.OrdinalIgnoreCase);

    /// <summary>A bare path becomes "Data Source=path"; everything else is passed through.</summary>
    public static string Normalize(string connectionString) =>
        IsPostgres(connectionString) || connectionString.Contains('=', StringComparison.Ordinal)
            ? connectionString
            : $"Data Source={connectionString}";

    public static void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        var normalized = Normalize(connectionString);
        if (IsPostgres(normalized))
        {
            options.UseNpgsql(TunePostgres(normalized));
        }
        else
        {
            options.UseSqlite(normalized);
        }

        // Migrations are SQL scripts without a model snapshot, so EF cannot diff the model; the schema tests do.
        // Evaluations, monitoring entries and the like require a project, which a query filter can hide: only the rows of an
        // import still being written (migration 0016), which nothing else can yet refer to.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning, CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));
    }

    /// <summary>
    /// Npgsql settings that suit Jixiao unless the connection string says otherwise: a pooled connection is not reset
    /// with DISCARD ALL when returned (Jixiao sets no session state, and the reset cost a round of server work on every
    /// query's connection), and statements run often are prepared once per connection (Max Auto Prepare).
    /// </summary>
    public static string TunePostgres(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
        }

        return builder.ConnectionString;
    }

    public static DbContextOptions<JixiaoDbContext> Options(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<JixiaoDbContext>();
        Configure(builder, connectionString);
        return builder.Options;
    }
}
