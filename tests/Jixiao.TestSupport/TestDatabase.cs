using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jixiao.Data.Tests;

/// <summary>
/// A fresh, migrated database for one test: a SQLite file in the temp folder, or a new database on the PostgreSQL
/// server named by env JIXIAO_TEST_PG (scripts/test.sh starts one). Disposing deletes it.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? _file;
    private readonly string? _pgAdmin;
    private readonly string? _pgName;

    private TestDatabase(string provider)
    {
        Provider = provider;
        if (provider == "sqlite")
        {
            _file = Path.Combine(Path.GetTempPath(), $"jixiao-test-{Guid.NewGuid():N}.db");
            ConnectionString = $"Data Source={_file}";
        }
        else
        {
            var server = Environment.GetEnvironmentVariable("JIXIAO_TEST_PG")
                ?? throw new InvalidOperationException("JIXIAO_TEST_PG is not set.");
            _pgName = $"jixiao_test_{Guid.NewGuid():N}";
            _pgAdmin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _pgName }.ConnectionString;
        }

        using var db = NewContext();
        db.Database.Migrate();
    }

    public string Provider { get; }
    public string ConnectionString { get; }

    /// <summary>"sqlite" always, "postgres" too when JIXIAO_TEST_PG is set: the same tests run on both.</summary>
    public static TheoryData<string> Providers
    {
        get
        {
            var data = new TheoryData<string> { "sqlite" };
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("JIXIAO_TEST_PG")))
            {
                data.Add("postgres");
            }

            return data;
        }
    }

    public static TestDatabase Create(string provider) => new(provider);

    public JixiaoDbContext NewContext(string? actor = null) =>
        new(JixiaoDatabase.Options(ConnectionString)) { ActorOverride = actor };

    public void Dispose()
    {
        if (_file is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(_file);
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(_pgAdmin);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgName}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
    }
}
