using Npgsql;

namespace Koban.Api.Tests.Infrastructure;

/// <summary>A throwaway database on the private test cluster started by `./koban test`
/// (KOBAN_TEST_PG_ADMIN, a superuser connection). Owner and application roles mirror production.</summary>
public sealed class TestDatabase
{
    public const string OwnerRole = "koban_owner";
    public const string AppRole = "koban_app";

    private TestDatabase(string admin, string name)
    {
        Admin = admin;
        Name = name;
        var b = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        b.Username = OwnerRole;
        Owner = b.ConnectionString;
        b.Username = AppRole;
        App = b.ConnectionString;
        b.Username = new NpgsqlConnectionStringBuilder(admin).Username;
        Superuser = b.ConnectionString;
    }

    public string Admin { get; }
    public string Name { get; }
    public string Owner { get; }
    public string App { get; }
    public string Superuser { get; }

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("KOBAN_TEST_PG_ADMIN") ?? "Host=127.0.0.1;Port=55433;Username=postgres";

    public static async Task<TestDatabase> CreateAsync(string prefix)
    {
        var admin = AdminConnectionString;
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)];
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await Exec(connection, $"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{OwnerRole}') THEN CREATE ROLE {OwnerRole} LOGIN; END IF;
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{AppRole}') THEN CREATE ROLE {AppRole} LOGIN NOSUPERUSER NOBYPASSRLS; END IF;
            END $$;
            """);
        await Exec(connection, $"CREATE DATABASE \"{name}\" OWNER {OwnerRole}");
        return new TestDatabase(admin, name);
    }

    public async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        await Exec(connection, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private static async Task Exec(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
