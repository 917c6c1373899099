using System.Diagnostics;
using System.Net;
using Koban.Api.Tests.Infrastructure;
using Npgsql;

namespace Koban.Api.Tests.Features.Receivables;

/// <summary>
/// The receivables views on 100 000 open invoices of 1 000 customers (rows written straight into <c>receivable_items</c>
/// as the superuser, the way a long-lived company's account would look). Explicit: run it on purpose with
/// <c>dotnet test tests/Koban.Api.Tests --filter FullyQualifiedName~ReceivablesVolumeTests</c>; it prints the timings and
/// the query plans of the list and the aging.
/// </summary>
[Explicit("volume measurement, about a minute")]
public sealed class ReceivablesVolumeTests : ApiTest
{
    [Test]
    public async Task The_list_the_aging_and_a_statement_stay_fast_on_100000_open_invoices()
    {
        var l = await ReceivablesTests.LedgerAsync();
        await using var connection = new NpgsqlConnection(Factory.Database.Superuser);
        await connection.OpenAsync();
        async Task Run(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
            await command.ExecuteNonQueryAsync();
        }
        var company = l.Company.Id;
        await Run($"""
            INSERT INTO customers (id, company_id, kind, name, country_code, vat_regime, accounting_code, is_archived, updated_at)
            SELECT gen_random_uuid(), '{company}', 'Business', 'Client volume ' || lpad(n::text, 4, '0'), 'FR', 'France', '411V' || lpad(n::text, 4, '0'), false, now()
            FROM generate_series(1, 1000) n;
            INSERT INTO receivable_items (id, company_id, customer_id, kind, side, source_id, reference, date, due_date, amount, settled, settled_by_credit_notes,
                outstanding, disputed, cancelled, created_at, updated_at)
            SELECT gen_random_uuid(), '{company}', c.id, 'Invoice', 'Debit', gen_random_uuid(), 'FV-' || lpad(n::text, 6, '0'),
                current_date - (n % 400), current_date - (n % 400) + 30, 100 + (n % 997), 0, 0, 100 + (n % 997), n % 50 = 0, false, now(), now()
            FROM generate_series(1, 100000) n
            JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM customers WHERE company_id = '{company}' AND name LIKE 'Client volume%') c ON c.k = n % 1000;
            ANALYZE receivable_items; ANALYZE customers;
            """);
        var customer = l.Durand;
        await l.InvoiceAsync(customer, 3, 100m);

        async Task<long> Time(string path)
        {
            await (await l.Admin.GetAsync(path)).ShouldHaveStatus(HttpStatusCode.OK); // warm
            var watch = Stopwatch.StartNew();
            var response = await l.Admin.GetAsync(path);
            watch.Stop();
            await response.ShouldHaveStatus(HttpStatusCode.OK);
            await TestContext.Out.WriteLineAsync($"{path}: {watch.ElapsedMilliseconds} ms");
            return watch.ElapsedMilliseconds;
        }

        var list = await Time("/api/v1/receivables?limit=100");
        var overdue = await Time("/api/v1/receivables?bucket=Days31To60&limit=100");
        var byCustomer = await Time($"/api/v1/receivables?customerId={customer}");
        var aging = await Time("/api/v1/receivables/aging");
        var past = await Time($"/api/v1/receivables/aging?asOf={l.Today.AddDays(-100):yyyy-MM-dd}");
        var statement = await Time($"/api/v1/receivables/customers/{customer}/statement");

        await Run($"SELECT set_config('koban.company_id', '{company}', false)");
        foreach (var sql in new[]
        {
            $"""
            SELECT r.id, r.due_date, c.name FROM receivable_items r JOIN customers c ON c.id = r.customer_id
            WHERE r.company_id = '{company}' AND r.kind = 'Invoice' AND r.outstanding > 0.0 AND r.due_date >= current_date - 60 AND r.due_date <= current_date - 31
            ORDER BY r.due_date, r.id LIMIT 101
            """,
            $"""
            SELECT customer_id, sum(CASE WHEN due_date >= current_date THEN outstanding ELSE 0.0 END), sum(outstanding), count(*)
            FROM receivable_items WHERE company_id = '{company}' AND kind = 'Invoice' AND outstanding > 0.0 GROUP BY customer_id
            """,
        })
        {
            await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, COSTS OFF) " + sql, connection);
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync()) await TestContext.Out.WriteLineAsync(reader.GetString(0));
        }

        list.ShouldBeLessThan(1000);
        overdue.ShouldBeLessThan(1000);
        byCustomer.ShouldBeLessThan(1000);
        aging.ShouldBeLessThan(3000);
        past.ShouldBeLessThan(5000);
        statement.ShouldBeLessThan(3000);
    }
}
