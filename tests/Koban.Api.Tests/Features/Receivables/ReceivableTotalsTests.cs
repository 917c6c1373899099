using System.Globalization;
using System.Net;
using Koban.Api.Features.Receivables;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Scheduling;
using Koban.Api.Tests.Features.Sales;
using Koban.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Koban.Api.Tests.Features.Receivables;

/// <summary>
/// The totals of <c>GET /receivables</c> (and the dashboard's aging) come from the trigger-maintained summary
/// <c>receivable_due_totals</c>: after every kind of change to the invoices, with every filter the summary serves, before
/// and after compaction, they equal the sums of the listed invoices themselves; compaction alongside payments never
/// changes them and never makes a payment wait; another company never sees them.
/// </summary>
public sealed class ReceivableTotalsTests : ApiTest
{
    private static readonly string[] Buckets = ["NotDue", "Days1To30", "Days31To60", "Days61To90", "Over90"];

    private static string Day(ReceivablesTests.Ledger l, int daysAgo) => l.Today.AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Every filter the summary answers: none, overdue only, each bucket, due ranges, the dispute flag, mixed.</summary>
    private static IEnumerable<string> SummaryFilters(ReceivablesTests.Ledger l) =>
    [
        "", "overdueOnly=true", .. Buckets.Select(b => $"bucket={b}"), $"dueFrom={Day(l, 50)}&dueTo={Day(l, 10)}", $"dueFrom={Day(l, 20)}",
        $"dueTo={Day(l, 45)}", "disputed=true", "disputed=false", "overdueOnly=true&disputed=false", $"bucket=Days31To60&disputed=true",
    ];

    /// <summary>The list's count and total for each filter equal the count and sum of the invoices it lists (one page of
    /// 100 holds them all), and the dashboard's aging equals the aging report's totals.</summary>
    private static async Task AssertTotalsAsync(ReceivablesTests.Ledger l, string step)
    {
        foreach (var filter in SummaryFilters(l))
        {
            var list = await l.GetAsync($"/api/v1/receivables?limit=100&{filter}");
            list.GetProperty("hasMore").GetBoolean().ShouldBeFalse();
            var items = list.GetProperty("items").EnumerateArray().ToList();
            list.GetProperty("count").GetInt32().ShouldBe(items.Count, $"{step}: count with '{filter}'");
            list.GetProperty("totalOutstanding").GetDecimal().ShouldBe(items.Sum(i => i.GetProperty("outstanding").GetDecimal()), $"{step}: total with '{filter}'");
        }
        var report = (await l.GetAsync("/api/v1/receivables/aging")).GetProperty("totals");
        var dashboard = (await l.GetAsync("/api/v1/dashboard")).GetProperty("aging");
        foreach (var property in report.EnumerateObject())
        {
            dashboard.GetProperty(property.Name).GetDecimal().ShouldBe(property.Value.GetDecimal(), $"{step}: dashboard aging {property.Name}");
        }
        var all = await l.GetAsync("/api/v1/receivables?limit=100");
        report.GetProperty("total").GetDecimal().ShouldBe(all.GetProperty("totalOutstanding").GetDecimal(), step);
        report.GetProperty("openInvoices").GetInt32().ShouldBe(all.GetProperty("count").GetInt32(), step);
    }

    /// <summary>Checks the totals, compacts the company's summary, checks them again and that one row per key is left.</summary>
    private static async Task AssertStepAsync(ReceivablesTests.Ledger l, string step)
    {
        await AssertTotalsAsync(l, step + " (deltas)");
        await CompactAsync(l.Company.Id);
        var (rows, keys) = await SummaryShapeAsync(l.Company.Id);
        rows.ShouldBe(keys, $"{step}: one row per due date and dispute flag after compaction");
        await AssertTotalsAsync(l, step + " (compacted)");
        (await DirectMatchesSummaryAsync(l.Company.Id)).ShouldBeTrue(step);
    }

    private static async Task<long> CompactAsync(Guid companyId)
    {
        var runner = Factory.Services.GetRequiredService<CompanyWorkRunner>();
        var (completed, removed) = await runner.RunForCompanyAsync(companyId, ReceivableTotalsCompactor.ActorName, "test compaction",
            (scope, ct) => ReceivableTotalsCompactor.CompactAsync(scope.Services.GetRequiredService<KobanDbContext>(), scope.CompanyId, ct), CancellationToken.None);
        completed.ShouldBeTrue();
        return removed;
    }

    private static async Task<NpgsqlConnection> SystemConnectionAsync()
    {
        var connection = new NpgsqlConnection(Factory.Database.Owner);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT set_config('koban.system', 'on', false)", connection);
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    private static async Task<(long Rows, long Keys)> SummaryShapeAsync(Guid companyId)
    {
        await using var connection = await SystemConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT count(*), count(DISTINCT (due_date, disputed)) FROM receivable_due_totals WHERE company_id = @c", connection);
        command.Parameters.AddWithValue("c", companyId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Per due date and dispute flag, the summary's sums equal the direct aggregate of the open invoices (as the
    /// owner, in the system scope), no key missing on either side.</summary>
    private static async Task<bool> DirectMatchesSummaryAsync(Guid companyId)
    {
        await using var connection = await SystemConnectionAsync();
        await using var command = new NpgsqlCommand("""
            SELECT count(*) FROM (
              SELECT due_date, disputed, count(*) AS n, sum(outstanding) AS o FROM receivable_items
              WHERE company_id = @c AND kind = 'Invoice' AND outstanding > 0 GROUP BY due_date, disputed) d
            FULL JOIN (
              SELECT due_date, disputed, sum(open_count) AS n, sum(outstanding) AS o FROM receivable_due_totals
              WHERE company_id = @c GROUP BY due_date, disputed HAVING sum(open_count) <> 0 OR sum(outstanding) <> 0) s
              ON s.due_date IS NOT DISTINCT FROM d.due_date AND s.disputed = d.disputed
            WHERE d.n IS DISTINCT FROM s.n OR d.o IS DISTINCT FROM s.o
            """, connection);
        command.Parameters.AddWithValue("c", companyId);
        return (long)(await command.ExecuteScalarAsync())! == 0;
    }

    private static async Task<Guid> ReceiptAsync(ReceivablesTests.Ledger l, int daysAgo, decimal amount, string reference, params (Guid Invoice, decimal Amount)[] allocations) =>
        (await SalesFlowTests.Post(l.Admin, "/api/v1/payments", new
        {
            direction = "Receipt",
            customerId = l.Durand,
            date = Day(l, daysAgo),
            amount,
            method = "BankTransfer",
            reference,
            bankAccountCode = "BANK",
            allocations = allocations.Select(a => new { invoiceId = a.Invoice, amount = a.Amount }).ToArray(),
        }, HttpStatusCode.Created)).GetProperty("id").GetGuid();

    [Test]
    public async Task The_totals_equal_the_listed_invoices_after_every_kind_of_change_with_every_filter_before_and_after_compaction()
    {
        var l = await ReceivablesTests.LedgerAsync();
        var old = await l.InvoiceAsync(l.Durand, 95, 500.00m);     // 600.00, over 90
        var mid = await l.InvoiceAsync(l.Durand, 45, 100.10m);     // 120.12, 31–60
        var other = await l.InvoiceAsync(l.Martin, 45, 10.05m);    //  12.06, same due date, other customer
        var recent = await l.InvoiceAsync(l.Durand, 12, 1000.00m); // 1 200.00, 1–30
        await l.InvoiceAsync(l.Martin, 0, 200.00m);                // 240.00, due today: not due
        await AssertStepAsync(l, "five invoices validated");

        var partial = await ReceiptAsync(l, 10, 200.00m, "VIR partiel", (recent.Id, 200.00m));
        await AssertStepAsync(l, "partial payment");
        (await l.GetAsync("/api/v1/receivables?bucket=Days1To30")).GetProperty("totalOutstanding").GetDecimal().ShouldBe(1000.00m);

        await ReceiptAsync(l, 5, 120.12m, "VIR total", (mid.Id, 120.12m));
        await AssertStepAsync(l, "full payment");
        (await l.GetAsync("/api/v1/receivables?bucket=Days31To60")).GetProperty("count").GetInt32().ShouldBe(1, "the paid invoice leaves the receivables");

        await SalesFlowTests.Post(l.Admin, $"/api/v1/payments/{partial}/cancel", new { reason = "Saisi en double" });
        await AssertStepAsync(l, "payment cancelled");
        (await l.GetAsync("/api/v1/receivables?bucket=Days1To30")).GetProperty("totalOutstanding").GetDecimal().ShouldBe(1200.00m);

        await l.CreditNoteAsync(old.Id, 0, 100.00m);
        await AssertStepAsync(l, "credit note");
        (await l.GetAsync("/api/v1/receivables?bucket=Over90")).GetProperty("totalOutstanding").GetDecimal().ShouldBe(500.00m);

        await SalesFlowTests.Post(l.Admin, $"/api/v1/invoices/{other.Id}/dispute", new { reason = "Livraison incomplète" });
        await AssertStepAsync(l, "invoice disputed");
        var disputed = await l.GetAsync("/api/v1/receivables?disputed=true");
        disputed.GetProperty("count").GetInt32().ShouldBe(1);
        disputed.GetProperty("totalOutstanding").GetDecimal().ShouldBe(12.06m);

        await (await l.Admin.DeleteAsync($"/api/v1/invoices/{other.Id}/dispute")).ShouldHaveStatus(HttpStatusCode.OK);
        await AssertStepAsync(l, "dispute lifted");
        (await l.GetAsync("/api/v1/receivables?disputed=true")).GetProperty("count").GetInt32().ShouldBe(0);

        var all = await l.GetAsync("/api/v1/receivables");
        all.GetProperty("count").GetInt32().ShouldBe(4);
        all.GetProperty("totalOutstanding").GetDecimal().ShouldBe(500.00m + 12.06m + 1200.00m + 240.00m);
        (await l.GetAsync("/api/v1/receivables?overdueOnly=true")).GetProperty("totalOutstanding").GetDecimal().ShouldBe(500.00m + 12.06m + 1200.00m);
        // A filter the summary cannot answer (customer, invoice dates) still sums the invoices themselves.
        var durand = await l.GetAsync($"/api/v1/receivables?customerId={l.Durand}");
        durand.GetProperty("count").GetInt32().ShouldBe(2);
        durand.GetProperty("totalOutstanding").GetDecimal().ShouldBe(1700.00m);
        (await l.GetAsync($"/api/v1/receivables?issuedFrom={Day(l, 0)}")).GetProperty("totalOutstanding").GetDecimal().ShouldBe(240.00m);
    }

    [Test]
    public async Task Compaction_beside_parallel_payments_keeps_the_totals_exact_and_never_makes_a_payment_wait()
    {
        var l = await ReceivablesTests.LedgerAsync();
        var invoices = new List<(Guid Id, string Number)>();
        for (var i = 0; i < 6; i++) invoices.Add(await l.InvoiceAsync(l.Durand, 40 - (i * 5), 100.00m + i)); // 120.00 … 126.00

        await ReceiptAsync(l, 2, 5.00m, "VIR avant", (invoices[1].Id, 5.00m)); // one delta to fold

        // A compaction left open (its DELETE … RETURNING done, not committed) while a payment is recorded: the payment
        // only inserts a delta, so it completes at once; both commit and nothing is lost.
        await using (var open = await SystemConnectionAsync())
        {
            await using var transaction = await open.BeginTransactionAsync();
            await using (var compact = new NpgsqlCommand("SELECT koban_compact_receivable_due_totals(@c)", open, transaction))
            {
                compact.Parameters.AddWithValue("c", l.Company.Id);
                ((long)(await compact.ExecuteScalarAsync())!).ShouldBe(1L, "the payment's delta folded into its invoice's key");
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120)); // a payment blocked by the compaction fails here instead of hanging
            await ReceiptAsync(l, 1, 20.00m, "VIR pendant", (invoices[0].Id, 20.00m)).WaitAsync(timeout.Token);
            await transaction.CommitAsync();
        }
        (await DirectMatchesSummaryAsync(l.Company.Id)).ShouldBeTrue("a payment recorded during an open compaction");

        // Payments on every invoice at once while compactions run in a loop (and two at a time) until they are done.
        var payments = Task.WhenAll(invoices.Select((invoice, i) => ReceiptAsync(l, 1, 10.00m + i, $"VIR {i}", (invoice.Id, 10.00m + i))));
        var compactions = 0;
        while (!payments.IsCompleted || compactions < 2)
        {
            await Task.WhenAll(CompactAsync(l.Company.Id), CompactAsync(l.Company.Id));
            compactions++;
        }
        await payments;
        (await DirectMatchesSummaryAsync(l.Company.Id)).ShouldBeTrue("payments recorded during compactions");
        await AssertTotalsAsync(l, "after parallel payments");
        var total = Enumerable.Range(0, 6).Sum(i => (100.00m + i) * 1.2m) - 5.00m - 20.00m - Enumerable.Range(0, 6).Sum(i => 10.00m + i);
        (await l.GetAsync("/api/v1/receivables")).GetProperty("totalOutstanding").GetDecimal().ShouldBe(total);
        await CompactAsync(l.Company.Id);
        (await l.GetAsync("/api/v1/receivables")).GetProperty("totalOutstanding").GetDecimal().ShouldBe(total);
        var (rows, keys) = await SummaryShapeAsync(l.Company.Id);
        rows.ShouldBe(keys);
    }

    [Test]
    public async Task The_worker_compacts_only_the_companies_past_the_threshold_and_everything_at_start()
    {
        var l = await ReceivablesTests.LedgerAsync();
        var invoice = await l.InvoiceAsync(l.Durand, 10, 100.00m);
        await ReceiptAsync(l, 5, 10.00m, "VIR 1", (invoice.Id, 10.00m));
        await ReceiptAsync(l, 4, 10.00m, "VIR 2", (invoice.Id, 10.00m));
        var before = await SummaryShapeAsync(l.Company.Id);
        var waiting = (int)(before.Rows - before.Keys);
        waiting.ShouldBeGreaterThanOrEqualTo(2, "at least one delta per payment");

        var compactor = Factory.Services.GetRequiredService<ReceivableTotalsCompactor>();
        await compactor.RunAsync(waiting, CancellationToken.None);
        (await SummaryShapeAsync(l.Company.Id)).ShouldBe(before, "not past the threshold: left as it is");
        await compactor.RunAsync(waiting - 1, CancellationToken.None);
        (await SummaryShapeAsync(l.Company.Id)).ShouldBe((1L, 1L));
        (await l.GetAsync("/api/v1/receivables")).GetProperty("totalOutstanding").GetDecimal().ShouldBe(100.00m);

        // Paid in full: the key sums to zero and compaction drops it.
        await ReceiptAsync(l, 3, 100.00m, "VIR solde", (invoice.Id, 100.00m));
        (await compactor.RunAsync(0, CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(2);
        (await SummaryShapeAsync(l.Company.Id)).ShouldBe((0L, 0L));
        var list = await l.GetAsync("/api/v1/receivables");
        list.GetProperty("count").GetInt32().ShouldBe(0);
        list.GetProperty("totalOutstanding").GetDecimal().ShouldBe(0m);
    }

    [Test]
    public async Task The_migrations_filling_rebuilds_every_companys_summary_from_the_account_rows()
    {
        var l = await ReceivablesTests.LedgerAsync();
        var paid = await l.InvoiceAsync(l.Durand, 30, 100.00m);
        var disputed = await l.InvoiceAsync(l.Martin, 20, 50.00m);
        await l.InvoiceAsync(l.Durand, 10, 10.00m);
        await ReceiptAsync(l, 5, 20.00m, "VIR partiel", (paid.Id, 20.00m));
        await SalesFlowTests.Post(l.Admin, $"/api/v1/invoices/{disputed.Id}/dispute", new { reason = "Prix contesté" });

        // On a database whose summary is empty (as when the migration runs), the filling gives every company's totals
        // per key; rolled back so that the shared database keeps its own rows.
        await using var connection = await SystemConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var wipe = new NpgsqlCommand("DELETE FROM receivable_due_totals", connection, transaction)) await wipe.ExecuteNonQueryAsync();
        await using (var fill = new NpgsqlCommand(Koban.Api.Infrastructure.Persistence.Sql.ReceivableTotalsSql.Backfill, connection, transaction)) await fill.ExecuteNonQueryAsync();
        await using var check = new NpgsqlCommand("""
            SELECT count(*) FILTER (WHERE d.n IS DISTINCT FROM s.n OR d.o IS DISTINCT FROM s.o),
                   count(*) FILTER (WHERE s.company_id = @c), coalesce(sum(s.o) FILTER (WHERE s.company_id = @c), 0)
            FROM (SELECT company_id, due_date, disputed, count(*) AS n, sum(outstanding) AS o FROM receivable_items
                  WHERE kind = 'Invoice' AND outstanding > 0 GROUP BY 1, 2, 3) d
            FULL JOIN (SELECT company_id, due_date, disputed, sum(open_count) AS n, sum(outstanding) AS o, count(*) AS rows
                       FROM receivable_due_totals GROUP BY 1, 2, 3) s USING (company_id, due_date, disputed)
            """, connection, transaction);
        check.Parameters.AddWithValue("c", l.Company.Id);
        await using (var reader = await check.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            reader.GetInt64(0).ShouldBe(0L, "every company's summary equals its open invoices per key");
            reader.GetInt64(1).ShouldBe(3L, "three keys: two due dates not disputed, one disputed");
            reader.GetDecimal(2).ShouldBe(120.00m - 20.00m + 60.00m + 12.00m);
        }
        await transaction.RollbackAsync();
    }

    [Test]
    public async Task Another_company_never_sees_the_totals_and_without_a_company_the_table_shows_nothing()
    {
        var l = await ReceivablesTests.LedgerAsync();
        await l.InvoiceAsync(l.Durand, 10, 100.00m);
        var other = await NewCompanyAsync();
        var list = await (await other.Admin.GetAsync("/api/v1/receivables")).Json();
        list.GetProperty("count").GetInt32().ShouldBe(0);
        list.GetProperty("totalOutstanding").GetDecimal().ShouldBe(0m);
        (await (await other.Admin.GetAsync("/api/v1/dashboard")).Json()).GetProperty("aging").GetProperty("total").GetDecimal().ShouldBe(0m);

        await using var connection = new NpgsqlConnection(Factory.Database.App);
        await connection.OpenAsync();
        (await ScalarAsync(connection, "SELECT count(*) FROM receivable_due_totals")).ShouldBe(0L, "no company on the session: nothing is visible");
        await ExecAsync(connection, $"SELECT set_config('koban.company_id', '{other.Id}', false)");
        (await ScalarAsync(connection, $"SELECT count(*) FROM receivable_due_totals WHERE company_id = '{l.Company.Id}'")).ShouldBe(0L);
        await Should.ThrowAsync<PostgresException>(() => ExecAsync(connection,
            $"INSERT INTO receivable_due_totals (company_id, due_date, disputed, open_count, outstanding) VALUES ('{l.Company.Id}', current_date, false, 1, 1000)"));
        // The application role compacting another company's summary removes nothing: it cannot see it.
        (await ScalarAsync(connection, $"SELECT koban_compact_receivable_due_totals('{l.Company.Id}')")).ShouldBe(0L);
        await ExecAsync(connection, $"SELECT set_config('koban.company_id', '{l.Company.Id}', false)");
        (await ScalarAsync(connection, "SELECT sum(open_count) FROM receivable_due_totals")).ShouldBe(1m);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static async Task ExecAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
