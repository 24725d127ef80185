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
            options.UseNpgsql(normalized);
        }
        else
        {
            options.UseSqlite(normalized);
        }

        // Migrations are SQL scripts without a model snapshot, so EF cannot diff the model; the schema tests do.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    public static DbContextOptions<JixiaoDbContext> Options(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<JixiaoDbContext>();
        Configure(builder, connectionString);
        return builder.Options;
    }
}
