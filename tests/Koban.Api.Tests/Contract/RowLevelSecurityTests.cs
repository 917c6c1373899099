using Koban.Api.Tests.Infrastructure;
using Npgsql;

namespace Koban.Api.Tests.Contract;

/// <summary>The second wall: even raw SQL as the application role sees only the company set on the session,
/// and the audit log cannot be rewritten.</summary>
public sealed class RowLevelSecurityTests : ApiTest
{
    [Test]
    public async Task Raw_SQL_as_the_application_role_sees_only_the_sessions_company()
    {
        var a = await NewCompanyAsync();
        var b = await NewCompanyAsync();
        await using var connection = new NpgsqlConnection(Factory.Database.App);
        await connection.OpenAsync();

        (await Count(connection, "SELECT count(*) FROM users")).ShouldBe(0, "no company on the session: nothing is visible");
        await Exec(connection, $"SELECT set_config('koban.company_id', '{b.Id}', false)");
        (await Count(connection, $"SELECT count(*) FROM users WHERE company_id = '{a.Id}'")).ShouldBe(0);
        (await Count(connection, $"SELECT count(*) FROM companies WHERE id = '{a.Id}'")).ShouldBe(0);
        (await Count(connection, $"SELECT count(*) FROM audit_events WHERE company_id = '{a.Id}'")).ShouldBe(0);
        (await Count(connection, "SELECT count(*) FROM users")).ShouldBe(1);
        await Should.ThrowAsync<PostgresException>(() => Exec(connection,
            $"INSERT INTO stored_files (id, company_id, purpose, file_name, content_type, content, sha256, created_at) VALUES (gen_random_uuid(), '{a.Id}', 'x', 'x', 'x', '\\x00', 'x', now())"));
    }

    [Test]
    public async Task Every_company_owned_table_has_row_level_security_forced()
    {
        await using var connection = new NpgsqlConnection(Factory.Database.Owner);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r'
              AND (EXISTS (SELECT 1 FROM information_schema.columns col WHERE col.table_name = c.relname AND col.column_name = 'company_id') OR c.relname = 'companies')
              AND NOT (c.relrowsecurity AND c.relforcerowsecurity)
            """, connection);
        var unprotected = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) unprotected.Add(reader.GetString(0));
        }
        unprotected.ShouldBeEmpty();
        (await Count(connection, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = 'koban_app'")).ShouldBe(0, "the application role owns no table");
    }

    [Test]
    public async Task The_audit_log_refuses_update_and_delete_even_for_the_tables_owner()
    {
        var company = await NewCompanyAsync();
        await using var connection = new NpgsqlConnection(Factory.Database.Owner);
        await connection.OpenAsync();
        await Exec(connection, $"SELECT set_config('koban.company_id', '{company.Id}', false)");
        (await Count(connection, "SELECT count(*) FROM audit_events")).ShouldBeGreaterThan(0);
        var update = await Should.ThrowAsync<PostgresException>(() => Exec(connection, "UPDATE audit_events SET action = 'forged'"));
        update.MessageText.ShouldContain("append-only");
        await Should.ThrowAsync<PostgresException>(() => Exec(connection, "DELETE FROM audit_events"));
        await Should.ThrowAsync<PostgresException>(() => Exec(connection, "TRUNCATE audit_events"));
    }

    private static async Task<long> Count(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task Exec(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
