using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Koban.Api.Tests.Features.Sales;
using Koban.Api.Tests.Infrastructure;
using Koban.Domain.Accounting;
using Koban.Domain.Accounting.Export;
using static Koban.Api.Tests.Features.Accounting.AccountingExportTests;
using static Koban.Api.Tests.Features.Payments.PaymentsFlowTests;

namespace Koban.Api.Tests.Features.Accounting;

/// <summary>
/// The accounting export read as an accountant reads it, on books written through the API: every FEC passes the checker
/// (chronological order, one fiscal year, every letter balanced on its account); the lettering follows the receivables
/// ledger (a receipt booked to 471 then identified; a credit note on a paid invoice and its refund); credit-note figures
/// match the customer account; periods and account numbers a file cannot hold are refused with a problem naming them.
/// </summary>
public sealed class AccountingExportLedgerTests : ApiTest
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Exports the month of <paramref name="today"/> as a FEC, checks it against its fiscal year and returns its lines' fields.</summary>
    private static async Task<List<string[]>> CheckedFecOfMonthAsync(HttpClient admin, DateOnly today)
    {
        var from = new DateOnly(today.Year, today.Month, 1);
        var id = (await ExportAsync(admin, new { format = "Fec", from, to = from.AddMonths(1).AddDays(-1) })).GetProperty("id").GetGuid();
        var done = await WaitCompletedAsync(admin, id);
        var (bytes, _) = await DownloadAsync(admin, id);
        var fileName = done.GetProperty("fileName").GetString()!;
        var closing = DateOnly.ParseExact(fileName[^12..^4], "yyyyMMdd", CultureInfo.InvariantCulture);
        var check = FecChecker.Check(new MemoryStream(bytes), fiscalYearEnd: closing);
        check.Violations.ShouldBeEmpty(ExportEncodings.Get(ExportEncoding.Iso885915).GetString(bytes));
        return [.. ExportEncodings.Get(ExportEncoding.Iso885915).GetString(bytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split('\t'))];
    }

    private static decimal Signed(string[] f) => decimal.Parse(f[11], French) - decimal.Parse(f[12], French);

    private static async Task<JsonElement> GetAsync(HttpClient client, string path) => await (await client.GetAsync(path)).Json();

    [Test]
    public async Task A_receipt_booked_to_471_then_identified_and_a_credit_note_on_the_paid_invoice_with_its_refund_letter_to_zero()
    {
        var x = await DepositAndBalanceAsync();
        var admin = x.Company.Admin;
        var today = DateOnly.Parse(x.Today, CultureInfo.InvariantCulture);

        var unknown = await SalesFlowTests.Post(admin, "/api/v1/payments", Receipt(null, x.Today, 524.12m), HttpStatusCode.Created);
        var receiptId = unknown.GetProperty("id").GetGuid();
        await SalesFlowTests.Post(admin, $"/api/v1/payments/{receiptId}/identify",
            new { customerId = x.CustomerId, allocations = new[] { new { invoiceId = x.DepositId, amount = 524.12m } } });

        // the deposit is paid: a full credit note on it is all customer credit, then refunded
        var note = await SalesFlowTests.Post(admin, "/api/v1/credit-notes", new { invoiceId = x.DepositId, reason = "CommercialDiscount", mode = "Full" }, HttpStatusCode.Created);
        var noteId = note.GetProperty("id").GetGuid();
        note = await SalesFlowTests.Post(admin, $"/api/v1/credit-notes/{noteId}/validate");
        note.GetProperty("appliedToInvoice").GetDecimal().ShouldBe(0m, "the invoice it credits was already paid");
        note.GetProperty("customerCredit").GetDecimal().ShouldBe(524.12m);
        await SalesFlowTests.Post(admin, $"/api/v1/credit-notes/{noteId}/refund", new { date = x.Today, method = "BankTransfer", bankAccountCode = "BANK" }, HttpStatusCode.Created);
        (await GetAsync(admin, $"/api/v1/credit-notes/{noteId}")).GetProperty("customerCredit").GetDecimal().ShouldBe(0m, "refunded: nothing left on the customer account");

        var rows = await CheckedFecOfMonthAsync(admin, today);
        var noteNumber = note.GetProperty("number").GetString();
        var depositNumber = (await GetAsync(admin, $"/api/v1/invoices/{x.DepositId}")).GetProperty("number").GetString();
        var customer = rows.Where(f => f[6].Length > 0).ToList();
        var depositLine = customer.Single(f => f[0] == "VT" && f[8] == depositNumber);
        var identification = customer.Single(f => f[0] == "OD" && Signed(f) < 0);
        var noteLine = customer.Single(f => f[8] == noteNumber);
        var refund = customer.Single(f => f[0] == "BQ" && Signed(f) > 0);
        depositLine[13].ShouldNotBeEmpty("the deposit is settled by the identified receipt");
        identification[13].ShouldBe(depositLine[13], "the identification entry (471 → 411) carries the receipt's customer line");
        noteLine[13].ShouldNotBeEmpty();
        refund[13].ShouldBe(noteLine[13], "the refund pays out the credit note");
        noteLine[13].ShouldNotBe(depositLine[13]);
        customer.Where(f => f[13].Length > 0).GroupBy(f => (f[6], f[13])).ShouldAllBe(g => g.Sum(Signed) == 0m);
        customer.Single(f => f[0] == "VT" && f[8] != depositNumber && f[8] != noteNumber)[13].ShouldBeEmpty("the balance invoice is unpaid");
        rows.Where(f => f[13].Length > 0).ShouldAllBe(f => f[14] == today.ToString("yyyyMMdd", CultureInfo.InvariantCulture));

        // the configurable CSV carries the same letters
        var csvId = (await ExportAsync(admin, new
        {
            format = "Csv",
            from = new DateOnly(today.Year, today.Month, 1),
            to = new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1),
            csv = new { columns = new[] { "PieceRef", "AuxiliaryAccount", "Amount", "LetteringCode" }, separator = ";", decimalMark = ",", header = false, encoding = "Utf8" },
        })).GetProperty("id").GetGuid();
        await WaitCompletedAsync(admin, csvId);
        var csv = Encoding.UTF8.GetString((await DownloadAsync(admin, csvId)).Bytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(';')).ToList();
        csv.Select(f => f[3]).ShouldBe(rows.Select(f => f[13]), "same lines, same order, same letters");
    }

    [Test]
    public async Task A_credit_note_on_a_partly_paid_invoice_settles_what_is_left_and_the_rest_is_the_customer_s_credit()
    {
        var x = await DepositAndBalanceAsync();
        var admin = x.Company.Admin;
        await SalesFlowTests.Post(admin, "/api/v1/payments", Receipt(x.CustomerId, x.Today, 1000m, (x.BalanceId, 1000m)), HttpStatusCode.Created);
        var balance = await GetAsync(admin, $"/api/v1/invoices/{x.BalanceId}");
        var total = balance.GetProperty("totals").GetProperty("totalIncludingVat").GetDecimal();

        var note = await SalesFlowTests.Post(admin, "/api/v1/credit-notes", new { invoiceId = x.BalanceId, reason = "CommercialDiscount", mode = "Full" }, HttpStatusCode.Created);
        note = await SalesFlowTests.Post(admin, $"/api/v1/credit-notes/{note.GetProperty("id").GetGuid()}/validate");
        var noteTotal = note.GetProperty("totals").GetProperty("totalIncludingVat").GetDecimal();
        noteTotal.ShouldBe(total);
        note.GetProperty("appliedToInvoice").GetDecimal().ShouldBe(total - 1000m, "only what the payment left");
        note.GetProperty("customerCredit").GetDecimal().ShouldBe(1000m);

        var account = await GetAsync(admin, $"/api/v1/customers/{x.CustomerId}/account");
        account.GetProperty("credits").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "CreditNote").GetProperty("available").GetDecimal()
            .ShouldBe(note.GetProperty("customerCredit").GetDecimal(), "the credit note says what the customer account says");
        (await GetAsync(admin, $"/api/v1/invoices/{x.BalanceId}/payments")).GetProperty("paymentStatus").GetString().ShouldNotBe("Unpaid");

        // the credit note's rest is still open: the balance's group (invoice, receipt line, credit note) does not balance yet
        var today = DateOnly.Parse(x.Today, CultureInfo.InvariantCulture);
        var balanceNumber = balance.GetProperty("number").GetString();
        var rows = await CheckedFecOfMonthAsync(admin, today);
        rows.Single(f => f[0] == "VT" && f[8] == balanceNumber && f[6].Length > 0)[13].ShouldBeEmpty();

        // refunded, it closes: invoice, receipt line, credit note and refund share one letter that balances to zero
        await SalesFlowTests.Post(admin, $"/api/v1/credit-notes/{note.GetProperty("id").GetGuid()}/refund", new { date = x.Today, method = "BankTransfer", bankAccountCode = "BANK" },
            HttpStatusCode.Created);
        rows = await CheckedFecOfMonthAsync(admin, today);
        var letter = rows.Single(f => f[0] == "VT" && f[8] == balanceNumber && f[6].Length > 0)[13];
        letter.ShouldNotBeEmpty();
        rows.Where(f => f[13] == letter).Sum(Signed).ShouldBe(0m);
        rows.Count(f => f[13] == letter).ShouldBe(4, "the invoice, the receipt's line for it, the credit note, the refund");
    }

    [Test]
    public async Task Periods_a_file_cannot_hold_are_refused_naming_the_field_never_with_a_500()
    {
        var company = await NewCompanyAsync();
        var admin = company.Admin;
        foreach (var (from, to, field) in new[] { ("0001-01-01", "0001-01-31", "from"), ("9999-12-01", "9999-12-31", "to"), ("2026-01-01", "9999-12-31", "to"), ("0001-01-01", "2026-01-31", "from") })
        {
            foreach (var format in new[] { "Fec", "Quadratus", "Ebp", "Csv" })
            {
                var response = await admin.PostAsJsonAsync("/api/v1/accounting/exports", new { format, from, to });
                await response.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
                (await response.Json()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue($"{format} {from}–{to} names {field}");
            }
        }

        // one fiscal year per file: a period running into the next one is refused on its end, whatever the format
        foreach (var format in new[] { "Fec", "Quadratus", "Ebp", "Csv" })
        {
            var spanning = await admin.PostAsJsonAsync("/api/v1/accounting/exports", new { format, from = "2025-12-01", to = "2026-01-31" });
            await spanning.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "accounting_export_spans_fiscal_years");
            var problem = await spanning.Json();
            problem.GetProperty("errors").GetProperty("to")[0].GetString()!.ShouldContain("31/12/2025");
        }
        var whole = await ExportAsync(admin, new { format = "Fec", from = "2026-01-01", to = "2026-12-31" });
        await WaitCompletedAsync(admin, whole.GetProperty("id").GetGuid());
    }

    [Test]
    public async Task Account_numbers_a_format_would_cut_into_one_are_refused_naming_the_customers()
    {
        var company = await NewCompanyAsync();
        var day = new DateOnly(2026, 3, 2);
        PostingLine Customer(string aux, string name, decimal debit) =>
            new("411000", "Clients", "Facture", debit, 0m, aux, name);
        await SeedAsync(Factory, company.Id,
            (JournalKind.Sales, day, "FA-1", [Customer("411MARTIN1", "Boulangerie Martin", 120m), Credit("706000", 100m), Credit("445710", 20m)]),
            (JournalKind.Sales, day, "FA-2", [Customer("411MARTIN2", "Martin Frères", 60m), Credit("706000", 50m), Credit("445710", 10m)]),
            (JournalKind.Sales, day, "FA-3", [Customer("411DURAND", "Durand", 60m), Credit("706000", 50m), Credit("445710", 10m)]));

        var refused = await company.Admin.PostAsJsonAsync("/api/v1/accounting/exports", new { format = "Quadratus", from = "2026-03-01", to = "2026-03-31" });
        await refused.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "accounting_export_account_clash");
        var message = (await refused.Json()).GetProperty("errors").GetProperty("format")[0].GetString()!;
        message.ShouldContain("Boulangerie Martin (411MARTIN1)");
        message.ShouldContain("Martin Frères (411MARTIN2)");
        message.ShouldContain("8");
        message.ShouldNotContain("Durand");

        // nothing was queued; EBP keeps 15 characters and the FEC and CSV whole numbers: the same books export
        (await GetAsync(company.Admin, "/api/v1/accounting/exports")).GetProperty("items").GetArrayLength().ShouldBe(0);
        foreach (var format in new[] { "Ebp", "Fec", "Csv" })
        {
            var id = (await ExportAsync(company.Admin, new { format, from = "2026-03-01", to = "2026-03-31" })).GetProperty("id").GetGuid();
            await WaitCompletedAsync(company.Admin, id);
        }
    }
}
