using Jixiao.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit;

namespace Jixiao.TestSupport;

/// <summary>
/// A fresh database for one test: a SQLite file in the temp folder, or a new database on the PostgreSQL server named
/// by env JIXIAO_TEST_PG (scripts/test.sh starts one). Disposing deletes it.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? _file;
    private readonly string? _pgAdmin;
    private readonly string? _pgName;

    private TestDatabase(string provider, string prefix, bool migrate)
    {
        Provider = provider;
        if (provider == "sqlite")
        {
            _file = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}.db");
            ConnectionString = $"Data Source={_file}";
        }
        else
        {
            var server = Environment.GetEnvironmentVariable("JIXIAO_TEST_PG")
                ?? throw new InvalidOperationException("JIXIAO_TEST_PG is not set.");
            _pgName = $"{prefix.Replace('-', '_')}_{Guid.NewGuid():N}";
            _pgAdmin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _pgName }.ConnectionString;
        }

        if (migrate)
        {
            using var db = NewContext();
            db.Database.Migrate();
        }
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

    /// <param name="migrate">False for a name only: the code under test creates the database (the web host, `jixiao import`).</param>
    public static TestDatabase Create(string provider, string prefix = "jixiao-test", bool migrate = true) => new(provider, prefix, migrate);

    public JixiaoDbContext NewContext(string? actor = null) =>
        new(JixiaoDatabase.Options(ConnectionString)) { ActorOverride = actor };

    public void Dispose()
    {
        if (_file is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
            {
                File.Delete(file);
            }
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
