using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Tests.Features.Invoicing;
using Koban.Api.Tests.Infrastructure;
using Koban.Domain.Accounting;
using Koban.Domain.Accounting.Export;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Koban.Api.Tests.Features.Accounting;

/// <summary>
/// The accounting export through HTTP: queue, poll, download, check the FEC line by line; numbering once and for all;
/// the export batch stamped on the entries; lettering of settled invoices (more in <see cref="AccountingExportLedgerTests"/>); rights;
/// two API instances sharing the queue.
/// Journal entries are written through the domain (<see cref="JournalEntry.Create"/>) as the posting rules do.
/// </summary>
public sealed class AccountingExportTests : ApiTest
{
    private static readonly JournalSetting SalesJournal = new("VT", "Ventes");
    private static readonly JournalSetting Bank = new("BQ", "Banque");
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);

    internal static PostingLine Debit(string account, decimal amount, string? aux = null, Guid? invoice = null) =>
        new(account, account.StartsWith("411", StringComparison.Ordinal) ? "Clients" : account.StartsWith("512", StringComparison.Ordinal) ? "Banque" : "Compte " + account,
            "Écriture", amount, 0m, aux, aux is null ? null : "Boulangerie Martin", InvoiceId: invoice);

    internal static PostingLine Credit(string account, decimal amount, string? aux = null, Guid? invoice = null) => Debit(account, 0m, aux, invoice) with { Credit = amount };

    /// <summary>Writes entries as the posting rules would, in the given order (their creation sequence).</summary>
    internal static async Task<List<Guid>> SeedAsync(ApiFactory factory, Guid companyId, params (JournalKind Kind, DateOnly Date, string Piece, PostingLine[] Lines)[] entries)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Impersonate(companyId, null, "test");
        var db = scope.ServiceProvider.GetRequiredService<KobanDbContext>();
        var ids = new List<Guid>();
        foreach (var (kind, date, piece, lines) in entries)
        {
            var entry = JournalEntry.Create(kind, kind == JournalKind.Bank ? Bank : SalesJournal, date, 1, piece, date, $"{piece} Boulangerie Martin", EntrySource.Invoice,
                Guid.NewGuid(), date, Now, lines);
            db.JournalEntries.Add(entry);
            await db.SaveChangesAsync();
            ids.Add(entry.Id);
        }
        return ids;
    }

    /// <summary>A deposit invoice, a balance invoice deducting it, a credit note and a partial payment in March 2026, plus an
    /// unexported February invoice and an April one — written out of date order.</summary>
    internal static Task<List<Guid>> SeedMonthAsync(ApiFactory factory, Guid companyId) => SeedAsync(factory, companyId,
        (JournalKind.Sales, new DateOnly(2026, 3, 20), "FA-2026-0003", [Debit("411000", 840m, "411MARTIN"), Debit("419100", 300m), Credit("706000", 1000m), Credit("445710", 140m)]),
        (JournalKind.Sales, new DateOnly(2026, 3, 2), "FA-2026-0002", [Debit("411000", 360m, "411MARTIN"), Credit("419100", 300m), Credit("445710", 60m)]),
        (JournalKind.Bank, new DateOnly(2026, 3, 5), "VIR-0305", [Debit("512000", 360m), Credit("411000", 360m, "411MARTIN")]),
        (JournalKind.Sales, new DateOnly(2026, 3, 25), "AV-2026-0001", [Debit("706000", 100m), Debit("445710", 20m), Credit("411000", 120m, "411MARTIN")]),
        (JournalKind.Bank, new DateOnly(2026, 3, 28), "CHQ-1234", [Debit("512000", 400m), Credit("411000", 400m, "411MARTIN")]),
        (JournalKind.Sales, new DateOnly(2026, 2, 10), "FA-2026-0001", [Debit("411000", 120m, "411MARTIN"), Credit("706000", 100m), Credit("445710", 20m)]),
        (JournalKind.Sales, new DateOnly(2026, 4, 3), "FA-2026-0004", [Debit("411000", 240m, "411MARTIN"), Credit("706000", 200m), Credit("445710", 40m)]));

    internal static async Task<JsonElement> ExportAsync(HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync("/api/v1/accounting/exports", request);
        await response.ShouldHaveStatus(HttpStatusCode.Accepted);
        var export = await response.Json();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/accounting/exports/{export.GetProperty("id").GetGuid()}");
        return export;
    }

    internal static async Task<JsonElement> WaitCompletedAsync(HttpClient client, Guid id, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var export = await (await client.GetAsync($"/api/v1/accounting/exports/{id}")).Json();
            var status = export.GetProperty("status").GetString();
            if (status == "Completed") return export;
            status.ShouldNotBe("Failed", export.GetProperty("error").ToString());
            if (DateTime.UtcNow > until) Assert.Fail($"export {id} still {status}");
            await Task.Delay(100);
        }
    }

    internal static async Task<(byte[] Bytes, HttpResponseMessage Response)> DownloadAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/v1/accounting/exports/{id}/file");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        return (await response.Content.ReadAsByteArrayAsync(), response);
    }

    private static async Task<Dictionary<Guid, (int? Number, Guid? ExportId)>> EntriesAsync(ApiFactory factory, IEnumerable<Guid> ids)
    {
        await using var connection = new NpgsqlConnection(factory.Database.Superuser);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, number, export_id FROM journal_entries WHERE id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        var result = new Dictionary<Guid, (int?, Guid?)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            result[reader.GetGuid(0)] = (reader.IsDBNull(1) ? null : reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetGuid(2));
        return result;
    }

    [Test]
    public async Task A_month_exported_as_FEC_is_valid_line_by_line_numbered_once_and_stamped_with_its_first_export()
    {
        var company = await NewCompanyAsync();
        var ids = await SeedMonthAsync(Factory, company.Id);

        var queued = await ExportAsync(company.Admin, new { format = "Fec", from = "2026-03-01", to = "2026-03-31" });
        queued.GetProperty("status").GetString().ShouldBeOneOf("Queued", "Running", "Completed");
        queued.GetProperty("options").GetProperty("fec").GetProperty("separator").GetString().ShouldBe("Tab");
        var exportId = queued.GetProperty("id").GetGuid();
        var done = await WaitCompletedAsync(company.Admin, exportId);
        done.GetProperty("progressPercent").GetInt32().ShouldBe(100);
        done.GetProperty("entryCount").GetInt32().ShouldBe(5);
        done.GetProperty("rowsWritten").GetInt64().ShouldBe(14);
        done.GetProperty("fileName").GetString().ShouldBe("000000000FEC20261231.txt"); // no SIREN on this company; fiscal year = calendar year

        var (bytes, response) = await DownloadAsync(company.Admin, exportId);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        done.GetProperty("sha256").GetString().ShouldBe(sha);
        done.GetProperty("size").GetInt64().ShouldBe(bytes.Length);
        response.Headers.ETag!.Tag.ShouldBe($"\"{sha}\"");
        response.Headers.GetValues("X-Content-SHA256").Single().ShouldBe(sha);
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("000000000FEC20261231.txt");
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/plain; charset=iso-8859-15");

        // line by line: the February entry was numbered VT 1 (it comes first in the fiscal year), so March's VT entries continue at 2
        var check = FecChecker.Check(new MemoryStream(bytes), firstNumbers: new Dictionary<string, int> { ["VT"] = 2 }, fiscalYearEnd: new DateOnly(2026, 12, 31));
        check.Violations.ShouldBeEmpty();
        check.Entries.ShouldBe(5);
        var lines = Encoding.Latin1.GetString(bytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(15);
        lines[0].ShouldStartWith("JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum");
        lines[4].ShouldBe("BQ\tBanque\t1\t20260305\t512000\tBanque\t\t\tVIR-0305\t20260305\tÉcriture\t360,00\t0,00\t\t\t20260305\t\t".Replace("É", "\u00C9", StringComparison.Ordinal));
        // chronological: entry date, then journal, then number — not grouped by journal
        lines.Skip(1).Select(l => l.Split('\t')[0] + l.Split('\t')[2] + ":" + l.Split('\t')[8]).Distinct().ShouldBe(
            ["VT2:FA-2026-0002", "BQ1:VIR-0305", "VT3:FA-2026-0003", "VT4:AV-2026-0001", "BQ2:CHQ-1234"]);

        var entries = await EntriesAsync(Factory, ids);
        entries[ids[5]].ShouldBe((1, null), "February: numbered (it precedes March in the fiscal year) but not in this file");
        entries[ids[6]].ShouldBe((null, null), "April: untouched");
        foreach (var id in ids.Take(5)) entries[id].ExportId.ShouldBe(exportId);

        // a second export of the same period: same numbers, same bytes, the entries keep their first export
        var again = (await ExportAsync(company.Admin, new { format = "Fec", from = "2026-03-01", to = "2026-03-31" })).GetProperty("id").GetGuid();
        await WaitCompletedAsync(company.Admin, again);
        var (secondBytes, _) = await DownloadAsync(company.Admin, again);
        secondBytes.ShouldBe(bytes);
        (await EntriesAsync(Factory, ids)).ShouldBe(entries);

        // April next: continues VT at 5, stamps only April
        var april = (await ExportAsync(company.Admin, new { format = "Fec", from = "2026-04-01", to = "2026-04-30", fec = new { separator = "Pipe", encoding = "Utf8" } })).GetProperty("id").GetGuid();
        await WaitCompletedAsync(company.Admin, april);
        var (aprilBytes, aprilResponse) = await DownloadAsync(company.Admin, april);
        aprilResponse.Content.Headers.ContentType!.CharSet.ShouldBe("utf-8");
        FecChecker.Check(new MemoryStream(aprilBytes), Encoding.UTF8, new Dictionary<string, int> { ["VT"] = 5 }, new DateOnly(2026, 12, 31)).Violations.ShouldBeEmpty();
        Encoding.UTF8.GetString(aprilBytes).Split("\r\n")[1].ShouldStartWith("VT|Ventes|5|20260403|411000|Clients|411MARTIN|");
        (await EntriesAsync(Factory, ids))[ids[6]].ShouldBe((5, april));

        var list = (await (await company.Admin.GetAsync("/api/v1/accounting/exports")).Json()).GetProperty("items");
        list.EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ShouldBe([april, again, exportId]);

        var audit = await (await company.Admin.GetAsync($"/api/v1/audit-events?entityType=accounting_export&entityId={exportId}")).Json();
        audit.GetRawText().ShouldContain("accounting.exported");
    }

    [Test]
    public async Task The_worked_example_validated_and_partly_paid_through_the_API_exports_as_a_valid_FEC_with_the_paid_deposit_lettered()
    {
        var x = await Payments.PaymentsFlowTests.DepositAndBalanceAsync();
        var admin = x.Company.Admin;
        await Sales.SalesFlowTests.Post(admin, "/api/v1/payments", Payments.PaymentsFlowTests.Receipt(x.CustomerId, x.Today, 1324.12m, (x.DepositId, 524.12m), (x.BalanceId, 800m)), HttpStatusCode.Created);
        var today = DateOnly.Parse(x.Today, System.Globalization.CultureInfo.InvariantCulture);
        var from = new DateOnly(today.Year, today.Month, 1);

        var id = (await ExportAsync(admin, new { format = "Fec", from, to = from.AddMonths(1).AddDays(-1) })).GetProperty("id").GetGuid();
        var done = await WaitCompletedAsync(admin, id);
        var (bytes, _) = await DownloadAsync(admin, id);
        TestContext.Out.WriteLine(ExportEncodings.Get(ExportEncoding.Iso885915).GetString(bytes));
        var check = FecChecker.Check(new MemoryStream(bytes));
        check.Violations.ShouldBeEmpty();
        check.Entries.ShouldBe(5, "the deposit and the balance (sales journal), the receipt (bank journal), the VAT on services due on receipt for each invoice (miscellaneous journal)");
        done.GetProperty("entryCount").GetInt32().ShouldBe(5);
        done.GetProperty("fileName").GetString()!.ShouldMatch(@"^732829320FEC\d{8}\.txt$", "the SIREN and the closing date of the fiscal year");

        var text = ExportEncodings.Get(ExportEncoding.Iso885915).GetString(bytes);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split('\t')).ToList();
        var depositNumber = (await (await admin.GetAsync($"/api/v1/invoices/{x.DepositId}")).Json()).GetProperty("number").GetString();
        var depositCustomerLine = lines.Single(f => f[0] == "VT" && f[8] == depositNumber && f[4].StartsWith("411", StringComparison.Ordinal));
        depositCustomerLine[13].ShouldNotBeEmpty("the deposit is fully paid: its customer line is lettered");
        depositCustomerLine[14].ShouldBe(today.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture));
        lines.Where(f => f[0] == "VT" && f[8] != depositNumber && f[4].StartsWith("411", StringComparison.Ordinal)).ShouldAllBe(f => f[13] == "", "the balance is only partly paid");
        lines.Select(f => f[0] + f[2]).Distinct().ShouldBe(["BQ1", "OD1", "OD2", "VT1", "VT2"]);
        lines.Where(f => f[13] != "").ShouldAllBe(f => f[6] != "", "only customer-account lines are lettered");
        lines.Count(f => f[13] != "").ShouldBe(2, "the deposit's sales line and its settlement in the receipt");
    }

    [Test]
    public async Task Deposit_balance_correction_credit_note_and_partial_payments_export_as_a_valid_FEC_whose_accounts_match_the_API_to_the_cent()
    {
        var x = await Payments.PaymentsFlowTests.DepositAndBalanceAsync();
        var admin = x.Company.Admin;
        var balance = await (await admin.GetAsync($"/api/v1/invoices/{x.BalanceId}")).Json();
        var shelf = balance.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("description").GetString() == "Étagère chêne massif");
        var creditDraft = await Sales.SalesFlowTests.Post(admin, "/api/v1/credit-notes", new
        {
            invoiceId = x.BalanceId,
            reason = "Correction",
            mode = "Lines",
            reasonText = "Une étagère livrée en moins",
            lines = new[] { new { invoiceLineId = shelf.GetProperty("id").GetGuid(), quantity = 1m } },
        }, HttpStatusCode.Created);
        var credit = await Sales.SalesFlowTests.Post(admin, $"/api/v1/credit-notes/{creditDraft.GetProperty("id").GetGuid()}/validate");
        credit.GetProperty("appliedToInvoice").GetDecimal().ShouldBe(405.54m, "the credit note settles the balance it corrects");
        // the deposit in full, then 500,00 of the 817,42 the balance still owes
        await Sales.SalesFlowTests.Post(admin, "/api/v1/payments", Payments.PaymentsFlowTests.Receipt(x.CustomerId, x.Today, 524.12m, (x.DepositId, 524.12m)), HttpStatusCode.Created);
        await Sales.SalesFlowTests.Post(admin, "/api/v1/payments", Payments.PaymentsFlowTests.Receipt(x.CustomerId, x.Today, 500m, (x.BalanceId, 500m)), HttpStatusCode.Created);

        var today = DateOnly.Parse(x.Today, System.Globalization.CultureInfo.InvariantCulture);
        var from = new DateOnly(today.Year, today.Month, 1);
        var to = from.AddMonths(1).AddDays(-1);
        var id = (await ExportAsync(admin, new { format = "Fec", from, to })).GetProperty("id").GetGuid();
        await WaitCompletedAsync(admin, id);
        var (bytes, _) = await DownloadAsync(admin, id);
        var check = FecChecker.Check(new MemoryStream(bytes));
        check.Violations.ShouldBeEmpty();
        check.Entries.ShouldBe(7, "three sales documents, two receipts, the VAT made due by each receipt");

        var rows = ExportEncodings.Get(ExportEncoding.Iso885915).GetString(bytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split('\t')).ToList();
        rows.ShouldAllBe(f => f.Length == 18);
        rows.ShouldAllBe(f => System.Text.RegularExpressions.Regex.IsMatch(f[11], @"^\d+,\d{2}$") && System.Text.RegularExpressions.Regex.IsMatch(f[12], @"^\d+,\d{2}$"));
        decimal Net(Func<string[], bool> which) => rows.Where(which).Sum(f => decimal.Parse(f[12], new System.Globalization.CultureInfo("fr-FR")) - decimal.Parse(f[11], new System.Globalization.CultureInfo("fr-FR")));
        var creditNoteNumber = credit.GetProperty("number").GetString();
        rows.Where(f => f[8] == creditNoteNumber).ShouldAllBe(f => f[0] == "VT", "a credit note is a sales-journal entry");
        Net(f => f[8] == creditNoteNumber && f[4].StartsWith("411", StringComparison.Ordinal)).ShouldBe(405.54m, "the credit note reverses the invoice: the customer is credited");

        var account = await (await admin.GetAsync($"/api/v1/customers/{x.CustomerId}/account")).Json();
        account.GetProperty("totalOutstanding").GetDecimal().ShouldBe(317.42m);
        (-Net(f => f[4].StartsWith("411", StringComparison.Ordinal))).ShouldBe(317.42m, "the customer account in the FEC owes what the API says");
        Net(f => f[4].StartsWith("4191", StringComparison.Ordinal)).ShouldBe(0m, "the deposit's advance is cleared by the balance");
        Net(f => f[4].StartsWith("70", StringComparison.Ordinal)).ShouldBe(1455.90m - 337.95m, "revenue net of the correction");
        (-Net(f => f[4].StartsWith("512", StringComparison.Ordinal))).ShouldBe(1024.12m);

        var vat = await (await admin.GetAsync($"/api/v1/accounting/vat-summary?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}")).Json();
        var collected = Net(f => f[4] == "445710");
        var pending = Net(f => f[4] == "445740");
        (collected + pending).ShouldBe(291.18m - 67.59m, "the VAT invoiced net of the credit note");
        vat.GetProperty("totalVat").GetDecimal().ShouldBe(collected, "the VAT return declares what the FEC moved to VAT due");
        vat.GetProperty("pendingVatAtEnd").GetDecimal().ShouldBe(pending, "and what waits for payment");
    }

    [Test]
    public async Task The_package_formats_are_written_and_say_they_are_unverified()
    {
        var company = await NewCompanyAsync();
        await SeedMonthAsync(Factory, company.Id);
        foreach (var format in new[] { "Quadratus", "Ebp" })
        {
            var export = await ExportAsync(company.Admin, new { format, from = "2026-03-01", to = "2026-03-31" });
            export.GetProperty("formatDescription").GetString()!.ShouldContain("Unverified");
            var id = export.GetProperty("id").GetGuid();
            await WaitCompletedAsync(company.Admin, id);
            var (bytes, _) = await DownloadAsync(company.Admin, id);
            var lines = Encoding.Latin1.GetString(bytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            lines.Length.ShouldBe(14);
            if (format == "Quadratus") lines.ShouldAllBe(l => l.Length == QuadratusWriter.LineLength && l[0] == 'M');
            else lines.ShouldAllBe(l => l.Split(',', StringSplitOptions.None).Length >= 11);
        }
    }

    [Test]
    public async Task Requests_are_validated_and_files_are_only_served_once_completed()
    {
        var company = await NewCompanyAsync();
        var admin = company.Admin;
        await (await admin.PostAsJsonAsync("/api/v1/accounting/exports", new { format = "Fec", from = "2026-03-31", to = "2026-03-01" })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await admin.PostAsJsonAsync("/api/v1/accounting/exports", new { format = "Fec", from = "2024-01-01", to = "2026-03-01" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "accounting_export_spans_fiscal_years");
        await (await admin.PostAsJsonAsync("/api/v1/accounting/exports", new { format = "Csv", from = "2026-03-01", to = "2026-03-31", csv = new { columns = new[] { "Debit" }, separator = ";", decimalMark = ";" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await admin.PostAsJsonAsync("/api/v1/accounting/exports", new { format = "Csv", from = "2026-03-01", to = "2026-03-31", csv = new { columns = Array.Empty<string>() } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await admin.PostAsJsonAsync("/api/v1/accounting/exports", new { format = "Quadratus", from = "2026-03-01", to = "2026-03-31", fec = new { separator = "Pipe" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        var failed = Guid.CreateVersion7();
        await using (var connection = new NpgsqlConnection(Factory.Database.Superuser))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                INSERT INTO accounting_exports (id, company_id, format, period_from, period_to, options, status, rows_written, requested_at, attempts, error)
                VALUES (@id, @company, 'Fec', '2026-01-01', '2026-01-31', '{}', 'Failed', 0, now(), 1, 'disk full')
                """, connection);
            command.Parameters.AddWithValue("id", failed);
            command.Parameters.AddWithValue("company", company.Id);
            await command.ExecuteNonQueryAsync();
        }
        var get = await (await admin.GetAsync($"/api/v1/accounting/exports/{failed}")).Json();
        get.GetProperty("status").GetString().ShouldBe("Failed");
        get.GetProperty("error").GetString().ShouldBe("disk full");
        await (await admin.GetAsync($"/api/v1/accounting/exports/{failed}/file")).ShouldBeProblem(HttpStatusCode.Conflict, "accounting_export_not_ready");
        await (await admin.GetAsync($"/api/v1/accounting/exports/{Guid.CreateVersion7()}")).ShouldHaveStatus(HttpStatusCode.NotFound);
    }

    [TestCase("fr", "from", "1899-12-31", "2026-01-31")]
    [TestCase("en", "from", "0001-01-01", "2026-01-31")]
    [TestCase("fr", "to", "2026-01-01", "3000-01-01")]
    [TestCase("en", "to", "2026-01-01", "9999-12-31")]
    public async Task A_period_outside_the_supported_years_is_refused_by_the_shared_date_rule_naming_the_field(string language, string field, string from, string to)
    {
        var company = await NewCompanyAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/accounting/exports") { Content = JsonContent.Create(new { format = "Fec", from, to }) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        var problem = await (await company.Admin.SendAsync(request)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        Koban.Api.Infrastructure.Web.ErrorCatalog.TryGet(Koban.Api.Infrastructure.Web.ApiErrorCodes.DateOutOfRange, out var french, out var english).ShouldBeTrue();
        var errors = problem.GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe([field]);
        errors.GetProperty(field).EnumerateArray().Select(e => e.GetString()).ShouldBe([language == "fr" ? french : english]);
    }

    [Test]
    public async Task Viewers_read_exports_but_only_accountants_and_admins_request_them()
    {
        var company = await NewCompanyAsync();
        var (viewer, _, _) = await NewUserAsync(company, "Viewer");
        var (accountant, _, _) = await NewUserAsync(company, "Accountant");
        var (sales, _, _) = await NewUserAsync(company, "Sales");
        var request = new { format = "Fec", from = "2026-03-01", to = "2026-03-31" };

        await (await viewer.PostAsJsonAsync("/api/v1/accounting/exports", request)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await sales.PostAsJsonAsync("/api/v1/accounting/exports", request)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        var id = (await ExportAsync(accountant, request)).GetProperty("id").GetGuid();
        await WaitCompletedAsync(viewer, id);
        await DownloadAsync(viewer, id);
    }

    [Test]
    public async Task Two_API_instances_sharing_the_queue_never_run_the_same_export_twice()
    {
        await using var second = new ApiFactory(Factory.Database, new Dictionary<string, string?> { ["Koban:AccountingExport:PollSeconds"] = "0.05" });
        var company = await NewCompanyAsync();
        await SeedMonthAsync(Factory, company.Id);
        var otherClient = await SignInAsync(company.AdminEmail, Password, second);

        var ids = new List<Guid>();
        for (var i = 0; i < 8; i++)
            ids.Add((await ExportAsync(i % 2 == 0 ? company.Admin : otherClient, new { format = "Fec", from = "2026-03-01", to = "2026-03-31" })).GetProperty("id").GetGuid());
        var hashes = new HashSet<string>();
        foreach (var id in ids) hashes.Add((await WaitCompletedAsync(company.Admin, id)).GetProperty("sha256").GetString()!);
        hashes.Count.ShouldBe(1, "every export of the period gives the same file");

        await using var connection = new NpgsqlConnection(Factory.Database.Superuser);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT e.attempts, (SELECT count(*) FROM audit_events a WHERE a.entity_id = e.id AND a.action = 'accounting.exported')
              FROM accounting_exports e WHERE e.id = ANY(@ids)
            """, connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            reader.GetInt32(0).ShouldBe(1);
            reader.GetInt64(1).ShouldBe(1);
        }
        rows.ShouldBe(ids.Count);
    }
}
