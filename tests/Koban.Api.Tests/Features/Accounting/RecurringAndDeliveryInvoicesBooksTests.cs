using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Koban.Api.Tests.Features.Companies;
using Koban.Api.Tests.Features.Deliveries;
using Koban.Api.Tests.Features.Payments;
using Koban.Api.Tests.Features.Sales;
using Koban.Api.Tests.Infrastructure;
using Koban.Domain.Accounting.Export;

namespace Koban.Api.Tests.Features.Accounting;

/// <summary>
/// What the accountant reads of the three invoices issue 13 added — a contract's period invoice, an invoice made from a
/// delivery note, a project's time invoice — through the endpoints the accountant uses: the journal entries, the VAT
/// summary and the FEC export, to the cent. One company, one day:
/// <list type="bullet">
/// <item>the contract: one month of maintenance at 99,90 € HT (service, 20 %): 99,90 + 19,98 = 119,88, its period on the line;</item>
/// <item>the delivery: 3 oak chairs of 5 ordered, at 80 € HT (goods, 20 %): 240,00 + 48,00 = 288,00;</item>
/// <item>the time: 150 minutes at 65,1234 €/h (service, 20 %): 2,5 h → 162,8085, rounded once to 162,81; VAT 32,562 → 32,56; 195,37.</item>
/// </list>
/// The contract invoice is then paid: its VAT on a service becomes due on receipt (domain-rules §9), the time's stays pending.
/// </summary>
public sealed class RecurringAndDeliveryInvoicesBooksTests : ApiTest
{
    private static readonly CultureInfo French = new("fr-FR");

    private static DateOnly ParisToday => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Books(HttpClient Admin, Guid CustomerId, string CustomerName, DateOnly Today, DateOnly PeriodEnd, Invoice Contract, Invoice Delivery, Invoice Time);

    private sealed record Invoice(Guid Id, string Number, JsonElement Body);

    private static async Task<Invoice> ValidateAsync(HttpClient admin, Guid id)
    {
        var validated = await SalesFlowTests.Post(admin, $"/api/v1/invoices/{id}/validate");
        return new Invoice(id, validated.GetProperty("number").GetString()!, validated);
    }

    /// <summary>The three invoices, validated in this order: contract, delivery, time.</summary>
    private static async Task<Books> ArrangeAsync()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var admin = c.Company.Admin;
        var etag = (await admin.GetAsync("/api/v1/company")).Headers.ETag;
        await (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/v1/company") { Content = JsonContent.Create(CompanyProfileTests.Profile()) }.WithIfMatch(etag)))
            .ShouldHaveStatus(HttpStatusCode.OK);
        var customerName = (await (await admin.GetAsync($"/api/v1/customers/{c.CustomerId}")).Json()).GetProperty("name").GetString()!;
        var today = ParisToday;

        // (a) a monthly contract starting today, billed in advance: its first period is due today
        var draft = await SalesFlowTests.Post(admin, "/api/v1/contracts", new
        {
            customerId = c.CustomerId,
            startDate = Iso(today),
            termMonths = 12,
            periodicity = "Monthly",
            timing = "InAdvance",
            tacitRenewal = true,
            noticeMonths = 1,
            revision = new { kind = "Percentage", percentage = 0m },
            lines = new[] { new { kind = "Free", description = "Maintenance du parc", quantity = 1m, unitCode = "C62", unitPrice = 99.90m, vatRate = 20m, nature = "Service" } },
        }, HttpStatusCode.Created);
        var contractId = draft.GetProperty("id").GetGuid();
        await SalesFlowTests.Post(admin, $"/api/v1/contracts/{contractId}/activate");
        var billed = await admin.PostAsync($"/api/v1/contracts/{contractId}/invoice-due-periods", null);
        await billed.ShouldHaveStatus(HttpStatusCode.OK);
        var period = (await billed.Json()).EnumerateArray().ShouldHaveSingleItem();
        var periodEnd = DateOnly.Parse(period.GetProperty("end").GetString()!, CultureInfo.InvariantCulture);
        var contract = await ValidateAsync(admin, period.GetProperty("invoiceId").GetGuid());

        // (b) 3 of the 5 chairs delivered, invoiced on delivery
        var order = await DeliveryNoteTests.OrderAsync(catalog: c);
        var note = await DeliveryNoteTests.NoteAsync(admin, order.OrderId, order.Chairs, 3m);
        var noteId = note.GetProperty("id").GetGuid();
        await SalesFlowTests.Post(admin, $"/api/v1/delivery-notes/{noteId}/validate");
        await SalesFlowTests.Post(admin, $"/api/v1/delivery-notes/{noteId}/deliver", new { deliveredOn = Iso(today), receivedBy = "Claire Durand" });
        var fromNotes = await SalesFlowTests.Post(admin, "/api/v1/invoices/from-delivery-notes", new { deliveryNoteIds = new[] { noteId } }, HttpStatusCode.Created);
        var delivery = await ValidateAsync(admin, fromNotes.GetProperty("id").GetGuid());

        // (c) 2 h 30 of the admin's time on a direct project at 65,1234 €/h
        var me = (await (await admin.GetAsync("/api/v1/auth/me")).Json()).GetProperty("userId").GetGuid();
        var project = await SalesFlowTests.Post(admin, "/api/v1/projects",
            new { name = "Agencement boutique", customerId = c.CustomerId, hourlyRate = 65.1234m, vatRate = 20m, memberIds = new[] { me } }, HttpStatusCode.Created);
        var projectId = project.GetProperty("id").GetGuid();
        await SalesFlowTests.Post(admin, $"/api/v1/projects/{projectId}/time-entries", new { date = Iso(today), minutes = 150, description = "Pose des étagères", billable = true },
            HttpStatusCode.Created);
        var timeInvoice = await SalesFlowTests.Post(admin, $"/api/v1/projects/{projectId}/invoice-time", new { });
        var time = await ValidateAsync(admin, timeInvoice.GetProperty("invoiceId").GetGuid());

        return new Books(admin, c.CustomerId, customerName, today, periodEnd, contract, delivery, time);
    }

    private static async Task<JsonElement> SalesEntryAsync(HttpClient admin, Guid invoiceId) =>
        (await (await admin.GetAsync($"/api/v1/accounting/entries?sourceId={invoiceId}")).Json()).GetProperty("items").EnumerateArray()
        .Single(e => e.GetProperty("source").GetString() == "Invoice");

    /// <summary>(account, debit, credit, VAT rate) per line, in the entry's order.</summary>
    private static List<(string Account, decimal Debit, decimal Credit, decimal? Rate)> Lines(JsonElement entry) =>
    [
        .. entry.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("account").GetString()!, l.GetProperty("debit").GetDecimal(), l.GetProperty("credit").GetDecimal(),
            l.GetProperty("vatRate").ValueKind == JsonValueKind.Null ? (decimal?)null : l.GetProperty("vatRate").GetDecimal())),
    ];

    [Test]
    public async Task Each_invoice_is_one_balanced_sales_entry_customer_TTC_debit_revenue_HT_and_VAT_credits_to_the_cent()
    {
        var b = await ArrangeAsync();

        var contractLine = b.Contract.Body.GetProperty("lines").EnumerateArray().ShouldHaveSingleItem();
        contractLine.GetProperty("servicePeriod").GetProperty("start").GetString().ShouldBe(Iso(b.Today), "the line says which period it bills");
        contractLine.GetProperty("servicePeriod").GetProperty("end").GetString().ShouldBe(Iso(b.PeriodEnd));
        b.PeriodEnd.ShouldBe(b.Today.AddMonths(1).AddDays(-1));
        b.Delivery.Body.GetProperty("saleDate").GetString().ShouldBe(Iso(b.Today), "the delivery date is the date of sale");

        var expected = new[]
        {
            (b.Contract, "706000", 99.90m, "445740", 19.98m, 119.88m),
            (b.Delivery, "707000", 240.00m, "445710", 48.00m, 288.00m),
            (b.Time, "706000", 162.81m, "445740", 32.56m, 195.37m),
        };
        foreach (var (invoice, revenue, net, vatAccount, vat, gross) in expected)
        {
            var totals = invoice.Body.GetProperty("totals");
            (totals.GetProperty("totalExcludingVat").GetDecimal(), totals.GetProperty("totalVat").GetDecimal(), totals.GetProperty("totalIncludingVat").GetDecimal())
                .ShouldBe((net, vat, gross), invoice.Number);

            var entry = await SalesEntryAsync(b.Admin, invoice.Id);
            entry.GetProperty("journalCode").GetString().ShouldBe("VT");
            entry.GetProperty("pieceRef").GetString().ShouldBe(invoice.Number);
            entry.GetProperty("date").GetString().ShouldBe(Iso(b.Today));
            entry.GetProperty("label").GetString().ShouldBe($"Facture {invoice.Number} {b.CustomerName}");
            Lines(entry).ShouldBe(
            [
                ("411000", gross, 0m, null),
                (revenue, 0m, net, 20m),
                (vatAccount, 0m, vat, 20m),
            ], $"{invoice.Number}: customer TTC, revenue HT, VAT — services wait for payment on 44574, goods are due on 44571");
            var customerLine = entry.GetProperty("lines")[0];
            customerLine.GetProperty("auxiliaryAccount").GetString().ShouldNotBeNullOrWhiteSpace();
            customerLine.GetProperty("auxiliaryLabel").GetString().ShouldBe(b.CustomerName);
            Lines(entry).Sum(l => l.Debit).ShouldBe(Lines(entry).Sum(l => l.Credit), $"{invoice.Number} balances");
        }
        new[] { b.Contract.Number, b.Delivery.Number, b.Time.Number }.Distinct().Count().ShouldBe(3);
    }

    [Test]
    public async Task The_VAT_summary_and_the_FEC_say_the_same_to_the_cent_and_paying_the_contract_makes_its_VAT_due()
    {
        var b = await ArrangeAsync();
        var today = Iso(b.Today);

        var before = await (await b.Admin.GetAsync($"/api/v1/accounting/vat-summary?from={today}&to={today}")).Json();
        before.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("rate").GetDecimal(), r.GetProperty("base").GetDecimal(), r.GetProperty("vat").GetDecimal()))
            .ShouldBe([(20m, 240.00m, 48.00m)], "only the goods' VAT is due on invoicing");
        before.GetProperty("totalVat").GetDecimal().ShouldBe(48.00m);
        before.GetProperty("pendingVatAtEnd").GetDecimal().ShouldBe(19.98m + 32.56m, "the services' VAT waits for payment");

        await SalesFlowTests.Post(b.Admin, "/api/v1/payments", PaymentsFlowTests.Receipt(b.CustomerId, today, 119.88m, (b.Contract.Id, 119.88m)), HttpStatusCode.Created);
        var after = await (await b.Admin.GetAsync($"/api/v1/accounting/vat-summary?from={today}&to={today}")).Json();
        after.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("rate").GetDecimal(), r.GetProperty("base").GetDecimal(), r.GetProperty("vat").GetDecimal()))
            .ShouldBe([(20m, 339.90m, 67.98m)], "the paid contract period joins the goods at 20 %");
        after.GetProperty("totalVat").GetDecimal().ShouldBe(67.98m);
        after.GetProperty("pendingVatAtEnd").GetDecimal().ShouldBe(32.56m, "the time invoice is not paid");

        var from = new DateOnly(b.Today.Year, b.Today.Month, 1);
        var id = (await AccountingExportTests.ExportAsync(b.Admin, new { format = "Fec", from = Iso(from), to = Iso(from.AddMonths(1).AddDays(-1)) })).GetProperty("id").GetGuid();
        await AccountingExportTests.WaitCompletedAsync(b.Admin, id);
        var (bytes, _) = await AccountingExportTests.DownloadAsync(b.Admin, id);
        var check = FecChecker.Check(new MemoryStream(bytes));
        check.Violations.ShouldBeEmpty();
        check.Entries.ShouldBe(5, "three sales entries, the receipt, the VAT the receipt made due");

        var rows = ExportEncodings.Get(ExportEncoding.Iso885915).GetString(bytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split('\t')).ToList();
        rows.ShouldAllBe(f => f.Length == 18);
        foreach (var entry in rows.GroupBy(f => f[0] + f[2]))
            entry.Sum(f => decimal.Parse(f[11], French)).ShouldBe(entry.Sum(f => decimal.Parse(f[12], French)), $"entry {entry.Key} balances");
        decimal Credit(string piece, string account) => rows.Where(f => f[8] == piece && f[4] == account).Sum(f => decimal.Parse(f[12], French) - decimal.Parse(f[11], French));

        foreach (var (invoice, revenue, net, vatAccount, vat, gross) in new[]
        {
            (b.Contract, "706000", 99.90m, "445740", 19.98m, 119.88m),
            (b.Delivery, "707000", 240.00m, "445710", 48.00m, 288.00m),
            (b.Time, "706000", 162.81m, "445740", 32.56m, 195.37m),
        })
        {
            var sales = rows.Where(f => f[0] == "VT" && f[8] == invoice.Number).ToList();
            sales.Count.ShouldBe(3, $"{invoice.Number} is in the FEC as its own piece");
            sales.ShouldAllBe(f => f[10] == $"Facture {invoice.Number} {b.CustomerName}" && f[9] == b.Today.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            (-sales.Where(f => f[4] == "411000").Sum(f => decimal.Parse(f[12], French) - decimal.Parse(f[11], French))).ShouldBe(gross);
            sales.Where(f => f[4] == revenue).Sum(f => decimal.Parse(f[12], French)).ShouldBe(net);
            sales.Where(f => f[4] == vatAccount).Sum(f => decimal.Parse(f[12], French)).ShouldBe(vat);
        }

        var vatMove = rows.Where(f => f[0] == "OD").ToList();
        vatMove.ShouldAllBe(f => f[8] == b.Contract.Number, "the VAT made due names the invoice paid");
        Credit(b.Contract.Number, "445740").ShouldBe(0m, "the contract's pending VAT is cleared by its payment");
        Credit(b.Contract.Number, "445710").ShouldBe(19.98m);
        rows.Where(f => f[4] == "445710").Sum(f => decimal.Parse(f[12], French) - decimal.Parse(f[11], French)).ShouldBe(after.GetProperty("totalVat").GetDecimal(),
            "the return declares what the FEC moved to VAT due");
        rows.Where(f => f[4] == "445740").Sum(f => decimal.Parse(f[12], French) - decimal.Parse(f[11], French)).ShouldBe(after.GetProperty("pendingVatAtEnd").GetDecimal());
        rows.Where(f => f[4].StartsWith("70", StringComparison.Ordinal)).Sum(f => decimal.Parse(f[12], French)).ShouldBe(99.90m + 240.00m + 162.81m);
    }
}
