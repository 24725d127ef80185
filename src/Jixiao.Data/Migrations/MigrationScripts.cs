namespace Jixiao.Data.Migrations;

/// <summary>
/// Migrations are hand-written SQL, one file per provider (Migrations/Sqlite/NNNN_Name.sql, Migrations/Postgres/…),
/// embedded in this assembly: EF's design-time package is not available here, and SQL is what a DBA reviews anyway.
/// </summary>
internal static class MigrationScripts
{
    public static string Folder(string? provider) => provider switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => "Sqlite",
        "Npgsql.EntityFrameworkCore.PostgreSQL" => "Postgres",
        _ => throw new NotSupportedException($"No migrations for database provider {provider}."),
    };

    public static string Load(string name, string? provider)
    {
        var resource = $"Jixiao.Data.Migrations.{Folder(provider)}/{name}.sql";
        using var stream = typeof(MigrationScripts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Migration script {resource} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
