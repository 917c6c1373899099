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
              AND NOT (c.relname = 'billing_document_numbers' AND c.relrowsecurity)
            """, connection);
        var unprotected = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) unprotected.Add(reader.GetString(0));
        }
        unprotected.ShouldBeEmpty();
        (await Count(connection, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = 'koban_app'")).ShouldBe(0, "the application role owns no table");
    }

    /// <summary>The one table whose policy is enabled but not forced (<c>Sql.DocumentNumberSearch</c>): the application
    /// role still sees only its company's rows in it, and the owner's search view filters on the acting company itself.</summary>
    [Test]
    public async Task The_number_search_shows_a_company_only_its_own_documents_and_nothing_without_a_company()
    {
        var a = await NewCompanyAsync();
        var b = await NewCompanyAsync();
        foreach (var company in new[] { a, b })
        {
            var (customer, _) = await Features.Customers.CustomerTests.CreateAsync(company.Admin, Features.Customers.CustomerTests.Business());
            await Features.Sales.SalesFlowTests.Post(company.Admin, "/api/v1/invoices", new
            {
                customerId = customer.GetProperty("id").GetGuid(),
                lines = new[] { new { kind = "Free", description = "Conseil", quantity = 1m, unitCode = "C62", unitPrice = 10m, vatRate = 20m, nature = "Service" } },
            }, System.Net.HttpStatusCode.Created);
        }
        await using var connection = new NpgsqlConnection(Factory.Database.App);
        await connection.OpenAsync();
        (await Count(connection, "SELECT count(*) FROM document_number_search")).ShouldBe(0, "no company on the session: the view shows nothing");
        (await Count(connection, "SELECT count(*) FROM billing_document_numbers")).ShouldBe(0, "no company on the session: the table shows nothing");
        await Exec(connection, $"SELECT set_config('koban.company_id', '{b.Id}', false)");
        (await Count(connection, "SELECT count(*) FROM document_number_search")).ShouldBe(1);
        (await Count(connection, $"SELECT count(*) FROM billing_document_numbers WHERE company_id = '{a.Id}'")).ShouldBe(0);
        (await Count(connection, $"SELECT count(*) FROM document_number_search d JOIN billing_documents x ON x.id = d.document_id WHERE x.company_id = '{b.Id}'")).ShouldBe(1);
        await Should.ThrowAsync<PostgresException>(() => Exec(connection,
            $"INSERT INTO billing_document_numbers (document_id, company_id, document_type, numbers) SELECT id, '{a.Id}', 'Invoice', 'x' FROM billing_documents LIMIT 1"));
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
