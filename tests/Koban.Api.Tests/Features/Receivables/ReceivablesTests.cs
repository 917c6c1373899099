using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Koban.Api.Tests.Features.Companies;
using Koban.Api.Tests.Features.Customers;
using Koban.Api.Tests.Features.Sales;
using Koban.Api.Tests.Infrastructure;
using Koban.Pdf.Tests;

namespace Koban.Api.Tests.Features.Receivables;

public sealed class ReceivablesTests : ApiTest
{
    /// <summary>A company with a complete profile and two business customers; invoices are added oldest first (an invoice
    /// date never goes back before the last validated one), payable on receipt so that the due date is the invoice date.</summary>
    internal sealed class Ledger
    {
        public required TestCompany Company { get; init; }
        public required Guid Durand { get; init; }
        public required Guid Martin { get; init; }
        public DateOnly Today { get; } = ParisToday();
        public HttpClient Admin => Company.Admin;

        /// <summary>A validated invoice of one 20 % line, dated <paramref name="daysAgo"/> days before today and due that day.</summary>
        public async Task<(Guid Id, string Number)> InvoiceAsync(Guid customerId, int daysAgo, decimal net, string description = "Prestation de conseil")
        {
            var draft = await SalesFlowTests.Post(Admin, "/api/v1/invoices", new
            {
                customerId,
                paymentTerms = new { kind = "OnReceipt", days = 0 },
                lines = new[] { new { kind = "Free", description, quantity = 1m, unitCode = "C62", unitPrice = net, vatRate = 20m, nature = "Service" } },
            }, HttpStatusCode.Created);
            var id = draft.GetProperty("id").GetGuid();
            var validated = await SalesFlowTests.Post(Admin, $"/api/v1/invoices/{id}/validate", new { issueDate = Today.AddDays(-daysAgo) });
            return (id, validated.GetProperty("number").GetString()!);
        }

        /// <summary>A validated credit note of an amount including VAT on the invoice; it settles the invoice first.</summary>
        public async Task<string> CreditNoteAsync(Guid invoiceId, int daysAgo, decimal includingVat)
        {
            var draft = await SalesFlowTests.Post(Admin, "/api/v1/credit-notes", new
            {
                invoiceId,
                reason = "CommercialDiscount",
                mode = "Amount",
                amountIncludingVat = includingVat,
            }, HttpStatusCode.Created);
            var id = draft.GetProperty("id").GetGuid();
            var validated = await SalesFlowTests.Post(Admin, $"/api/v1/credit-notes/{id}/validate", new { issueDate = Today.AddDays(-daysAgo) });
            return validated.GetProperty("number").GetString()!;
        }

        public async Task<JsonElement> GetAsync(string path)
        {
            var response = await Admin.GetAsync(path);
            await response.ShouldHaveStatus(HttpStatusCode.OK);
            return await response.Json();
        }
    }

    internal static DateOnly ParisToday() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);

    internal static async Task<Ledger> LedgerAsync()
    {
        var company = await NewCompanyAsync();
        var etag = (await company.Admin.GetAsync("/api/v1/company")).Headers.ETag;
        await (await company.Admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/v1/company") { Content = JsonContent.Create(CompanyProfileTests.Profile()) }.WithIfMatch(etag)))
            .ShouldHaveStatus(HttpStatusCode.OK);
        var (durand, _) = await CustomerTests.CreateAsync(company.Admin, CustomerTests.Business());
        var (martin, _) = await CustomerTests.CreateAsync(company.Admin, CustomerTests.Business("Boulangerie Martin", "552100554", null));
        return new Ledger { Company = company, Durand = durand.GetProperty("id").GetGuid(), Martin = martin.GetProperty("id").GetGuid() };
    }

    /// <summary>Eight invoices on the bucket edges: 95, 90, 61, 60, 31, 30, 1 and 0 days late.</summary>
    private static async Task<(Ledger Ledger, List<(Guid Id, string Number)> Invoices)> EdgesAsync()
    {
        var l = await LedgerAsync();
        var invoices = new List<(Guid, string)>
        {
            await l.InvoiceAsync(l.Durand, 95, 500.00m),   // 600.00 TTC, over 90
            await l.InvoiceAsync(l.Martin, 90, 250.00m),   // 300.00, 61–90
            await l.InvoiceAsync(l.Durand, 61, 100.10m),   // 120.12, 61–90
            await l.InvoiceAsync(l.Martin, 60, 10.05m),    //  12.06, 31–60
            await l.InvoiceAsync(l.Durand, 31, 33.33m),    //  40.00, 31–60
            await l.InvoiceAsync(l.Martin, 30, 1000.00m),  // 1 200.00, 1–30
            await l.InvoiceAsync(l.Durand, 1, 45.50m),     //  54.60, 1–30
            await l.InvoiceAsync(l.Martin, 0, 200.00m),    // 240.00, due today: not due
        };
        return (l, invoices);
    }

    private static decimal Dec(JsonElement e, string name) => e.GetProperty(name).GetDecimal();

    [Test]
    public async Task The_list_shows_each_open_invoice_with_its_days_late_and_bucket_on_the_edges_and_filters_by_bucket_customer_and_period()
    {
        var (l, invoices) = await EdgesAsync();

        var all = await l.GetAsync("/api/v1/receivables?limit=100");
        all.GetProperty("today").GetString().ShouldBe(l.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        all.GetProperty("count").GetInt32().ShouldBe(8);
        Dec(all, "totalOutstanding").ShouldBe(2566.78m);
        var items = all.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("number").GetString()).ShouldBe(invoices.Select(i => i.Number), "oldest due date first by default");
        items.Select(i => i.GetProperty("daysLate").GetInt32()).ShouldBe([95, 90, 61, 60, 31, 30, 1, 0]);
        items.Select(i => i.GetProperty("bucket").GetString()).ShouldBe(["Over90", "Days61To90", "Days61To90", "Days31To60", "Days31To60", "Days1To30", "Days1To30", "NotDue"]);
        items.Select(i => Dec(i, "outstanding")).ShouldBe([600.00m, 300.00m, 120.12m, 12.06m, 40.00m, 1200.00m, 54.60m, 240.00m]);
        var first = items[0];
        first.GetProperty("customerName").GetString().ShouldBe("Menuiserie Durand SARL");
        first.GetProperty("invoiceId").GetGuid().ShouldBe(invoices[0].Id);
        first.GetProperty("issueDate").GetString().ShouldBe(l.Today.AddDays(-95).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        first.GetProperty("dueDate").GetString().ShouldBe(first.GetProperty("issueDate").GetString());
        Dec(first, "total").ShouldBe(600.00m);
        first.GetProperty("paymentStatus").GetString().ShouldBe("Unpaid");
        first.GetProperty("disputed").GetBoolean().ShouldBeFalse();

        async Task<List<string>> Numbers(string query) =>
            [.. (await l.GetAsync($"/api/v1/receivables?limit=100&{query}")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()!)];

        (await Numbers("bucket=Days31To60")).ShouldBe([invoices[3].Number, invoices[4].Number]);
        (await Numbers("bucket=Days61To90")).ShouldBe([invoices[1].Number, invoices[2].Number]);
        (await Numbers("bucket=Over90")).ShouldBe([invoices[0].Number]);
        (await Numbers("bucket=NotDue")).ShouldBe([invoices[7].Number]);
        (await Numbers("bucket=Days1To30")).ShouldBe([invoices[5].Number, invoices[6].Number]);
        (await Numbers("overdueOnly=true")).Count.ShouldBe(7);
        (await Numbers($"customerId={l.Martin}")).ShouldBe([invoices[1].Number, invoices[3].Number, invoices[5].Number, invoices[7].Number]);
        var d = (int days) => l.Today.AddDays(-days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (await Numbers($"dueFrom={d(61)}&dueTo={d(30)}")).ShouldBe([invoices[2].Number, invoices[3].Number, invoices[4].Number, invoices[5].Number]);
        (await Numbers($"issuedFrom={d(1)}")).ShouldBe([invoices[6].Number, invoices[7].Number]);
        (await Numbers($"issuedTo={d(90)}&customerId={l.Durand}")).ShouldBe([invoices[0].Number]);
        var filtered = await l.GetAsync($"/api/v1/receivables?customerId={l.Durand}&overdueOnly=true&limit=1");
        filtered.GetProperty("count").GetInt32().ShouldBe(4, "count covers every page");
        Dec(filtered, "totalOutstanding").ShouldBe(814.72m);

        (await Numbers("sort=-outstanding"))[0].ShouldBe(invoices[5].Number);
        (await Numbers("sort=customerName")).Take(4).ShouldBe([invoices[1].Number, invoices[3].Number, invoices[5].Number, invoices[7].Number], ignoreOrder: true);

        // Keyset paging walks the same rows in the same order.
        var paged = new List<string>();
        string? after = null;
        do
        {
            var page = await l.GetAsync($"/api/v1/receivables?limit=3&sort=-dueDate{(after is null ? "" : $"&after={after}")}");
            paged.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()!));
            after = page.GetProperty("hasMore").GetBoolean() ? page.GetProperty("nextCursor").GetString() : null;
        }
        while (after is not null);
        paged.ShouldBe(invoices.Select(i => i.Number).Reverse());

        await (await l.Admin.GetAsync("/api/v1/receivables?sort=daysLateX")).ShouldBeProblem(HttpStatusCode.BadRequest, "sort_unknown");
        await (await l.Admin.GetAsync($"/api/v1/receivables?dueFrom={d(1)}&dueTo={d(2)}")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task Aging_sums_each_customer_and_the_company_per_bucket_to_the_cent_with_DSO_and_rebuilds_an_earlier_date()
    {
        var (l, _) = await EdgesAsync();

        var aging = await l.GetAsync("/api/v1/receivables/aging");
        aging.GetProperty("asOf").GetString().ShouldBe(l.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var totals = aging.GetProperty("totals");
        Dec(totals, "notDue").ShouldBe(240.00m);
        Dec(totals, "days1To30").ShouldBe(1254.60m);
        Dec(totals, "days31To60").ShouldBe(52.06m);
        Dec(totals, "days61To90").ShouldBe(420.12m);
        Dec(totals, "over90").ShouldBe(600.00m);
        Dec(totals, "total").ShouldBe(2566.78m);
        Dec(totals, "disputed").ShouldBe(0m);
        totals.GetProperty("openInvoices").GetInt32().ShouldBe(8);

        var customers = aging.GetProperty("customers").EnumerateArray().ToList();
        customers.Select(c => c.GetProperty("customerName").GetString()).ShouldBe(["Boulangerie Martin", "Menuiserie Durand SARL"], "largest total first");
        var martin = customers[0].GetProperty("amounts");
        (Dec(martin, "notDue"), Dec(martin, "days1To30"), Dec(martin, "days31To60"), Dec(martin, "days61To90"), Dec(martin, "over90"), Dec(martin, "total"))
            .ShouldBe((240.00m, 1200.00m, 12.06m, 300.00m, 0m, 1752.06m));
        var durand = customers[1].GetProperty("amounts");
        (Dec(durand, "notDue"), Dec(durand, "days1To30"), Dec(durand, "days31To60"), Dec(durand, "days61To90"), Dec(durand, "over90"), Dec(durand, "total"))
            .ShouldBe((0m, 54.60m, 40.00m, 120.12m, 600.00m, 814.72m));
        customers[1].GetProperty("customerId").GetGuid().ShouldBe(l.Durand);

        // DSO: invoices of the 90 days ending today (89 days ago or later): 120.12 + 12.06 + 40.00 + 1 200.00 + 54.60 + 240.00.
        Dec(aging, "salesLast90Days").ShouldBe(1666.78m);
        aging.GetProperty("dsoFrom").GetString().ShouldBe(l.Today.AddDays(-89).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Dec(aging, "daysSalesOutstanding").ShouldBe(138.6m); // 2 566.78 × 90 / 1 666.78 = 138.597…

        // 31 days ago only the first five invoices existed, late by 64, 59, 30, 29 and 0 days then.
        var past = await l.GetAsync($"/api/v1/receivables/aging?asOf={l.Today.AddDays(-31):yyyy-MM-dd}");
        var pastTotals = past.GetProperty("totals");
        (Dec(pastTotals, "notDue"), Dec(pastTotals, "days1To30"), Dec(pastTotals, "days31To60"), Dec(pastTotals, "days61To90"), Dec(pastTotals, "over90"), Dec(pastTotals, "total"))
            .ShouldBe((40.00m, 132.18m, 300.00m, 600.00m, 0m, 1072.18m));
        pastTotals.GetProperty("openInvoices").GetInt32().ShouldBe(5);
    }

    [Test]
    public async Task A_credit_note_lowers_what_is_owed_from_its_date_and_a_disputed_invoice_stays_listed_as_disputed()
    {
        var l = await LedgerAsync();
        var old = await l.InvoiceAsync(l.Durand, 40, 1000.00m);   // 1 200.00
        var recent = await l.InvoiceAsync(l.Durand, 10, 500.00m); //   600.00
        await l.CreditNoteAsync(old.Id, 5, 300.00m);                // 900.00 left on the old one from 5 days ago

        var list = await l.GetAsync("/api/v1/receivables");
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Dec(items[0], "outstanding").ShouldBe(900.00m);
        Dec(items[0], "total").ShouldBe(1200.00m);
        items[0].GetProperty("paymentStatus").GetString().ShouldBe("Unpaid", "a credit note is not a payment");
        Dec(list, "totalOutstanding").ShouldBe(1500.00m);

        var before = await l.GetAsync($"/api/v1/receivables/aging?asOf={l.Today.AddDays(-6):yyyy-MM-dd}");
        Dec(before.GetProperty("totals"), "total").ShouldBe(1800.00m, "the credit note did not exist yet");
        Dec(before.GetProperty("totals"), "days31To60").ShouldBe(1200.00m);
        Dec(before.GetProperty("totals"), "notDue").ShouldBe(0m);
        Dec(before.GetProperty("totals"), "days1To30").ShouldBe(600.00m);

        await FlagDisputeAsync(l, recent.Id, "Livraison incomplète");
        var disputed = await l.GetAsync("/api/v1/receivables?disputed=true");
        var row = disputed.GetProperty("items").EnumerateArray().Single();
        row.GetProperty("number").GetString().ShouldBe(recent.Number);
        row.GetProperty("disputed").GetBoolean().ShouldBeTrue();
        row.GetProperty("disputeReason").GetString().ShouldBe("Livraison incomplète");
        (await l.GetAsync("/api/v1/receivables?disputed=false")).GetProperty("count").GetInt32().ShouldBe(1);
        (await l.GetAsync("/api/v1/receivables")).GetProperty("count").GetInt32().ShouldBe(2, "a disputed invoice stays in receivables");
        var aging = await l.GetAsync("/api/v1/receivables/aging");
        Dec(aging.GetProperty("totals"), "disputed").ShouldBe(600.00m);
        Dec(aging.GetProperty("totals"), "total").ShouldBe(1500.00m);

        await (await l.Admin.DeleteAsync($"/api/v1/invoices/{recent.Id}/dispute")).ShouldHaveStatus(HttpStatusCode.OK);
        (await l.GetAsync("/api/v1/receivables?disputed=true")).GetProperty("count").GetInt32().ShouldBe(0);
    }

    [Test]
    public async Task Payments_partial_then_full_with_a_small_write_off_settle_the_receivables_and_a_cancelled_payment_never_shows()
    {
        var l = await LedgerAsync();
        var old = await l.InvoiceAsync(l.Durand, 40, 1000.00m);  // 1 200.00
        var recent = await l.InvoiceAsync(l.Durand, 20, 500.00m); //   600.00
        var day = (int daysAgo) => l.Today.AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        async Task<Guid> Receipt(int daysAgo, decimal amount, string method, string reference, params (Guid Invoice, decimal Amount)[] allocations) =>
            (await SalesFlowTests.Post(l.Admin, "/api/v1/payments", new
            {
                direction = "Receipt",
                customerId = l.Durand,
                date = day(daysAgo),
                amount,
                method,
                reference,
                bankAccountCode = "BANK",
                allocations = allocations.Select(a => new { invoiceId = a.Invoice, amount = a.Amount }).ToArray(),
            }, HttpStatusCode.Created)).GetProperty("id").GetGuid();

        await Receipt(10, 1497.00m, "Cheque", "CHQ 0045123", (old.Id, 1200.00m), (recent.Id, 297.00m));
        var list = await l.GetAsync("/api/v1/receivables");
        var row = list.GetProperty("items").EnumerateArray().Single();
        row.GetProperty("number").GetString().ShouldBe(recent.Number);
        Dec(row, "outstanding").ShouldBe(303.00m);
        row.GetProperty("paymentStatus").GetString().ShouldBe("PartiallyPaid");
        Dec(list, "totalOutstanding").ShouldBe(303.00m);
        var aging = await l.GetAsync("/api/v1/receivables/aging");
        Dec(aging.GetProperty("totals"), "days1To30").ShouldBe(303.00m);
        Dec(aging.GetProperty("totals"), "total").ShouldBe(303.00m);
        Dec(aging, "daysSalesOutstanding").ShouldBe(15.2m); // 303 × 90 / 1 800 = 15.15
        var beforePayment = await l.GetAsync($"/api/v1/receivables/aging?asOf={day(11)}");
        Dec(beforePayment.GetProperty("totals"), "total").ShouldBe(1800.00m, "on the day before the cheque both invoices were fully owed");
        Dec(beforePayment.GetProperty("totals"), "days1To30").ShouldBe(1800.00m); // 29 and 9 days late then

        await Receipt(5, 300.00m, "BankTransfer", "VIR DURAND 1125", (recent.Id, 300.00m));
        await SalesFlowTests.Post(l.Admin, $"/api/v1/invoices/{recent.Id}/write-off", new { date = day(1) }); // the 3.00 € left
        var mistake = await Receipt(2, 50.00m, "Cash", "ERREUR");
        await SalesFlowTests.Post(l.Admin, $"/api/v1/payments/{mistake}/cancel", new { reason = "Saisi sur le mauvais client" });

        (await l.GetAsync("/api/v1/receivables")).GetProperty("count").GetInt32().ShouldBe(0, "paid invoices leave the receivables");
        var settled = await l.GetAsync("/api/v1/receivables/aging");
        Dec(settled.GetProperty("totals"), "total").ShouldBe(0m);
        Dec(settled, "daysSalesOutstanding").ShouldBe(0.0m);

        var statement = await l.GetAsync($"/api/v1/receivables/customers/{l.Durand}/statement-lines?from={day(60)}");
        var lines = statement.GetProperty("lines").EnumerateArray().ToList();
        lines.Select(x => x.GetProperty("kind").GetString()).ShouldBe(["Invoice", "Invoice", "Receipt", "Receipt", "WriteOff"], "the cancelled receipt is left out");
        lines.Select(x => Dec(x, "balance")).ShouldBe([1200.00m, 1800.00m, 303.00m, 3.00m, 0.00m]);
        lines[2].GetProperty("label").GetString().ShouldBe("Règlement — Chèque");
        lines[4].GetProperty("label").GetString().ShouldBe("Écart de règlement abandonné");
        Dec(lines[4], "credit").ShouldBe(3.00m);
        Dec(statement, "closingBalance").ShouldBe(0m);
        statement.GetProperty("openInvoices").GetArrayLength().ShouldBe(0);

        var earlier = await l.GetAsync($"/api/v1/receivables/customers/{l.Durand}/statement-lines?from={day(60)}&to={day(7)}");
        Dec(earlier, "closingBalance").ShouldBe(303.00m);
        var open = earlier.GetProperty("openInvoices").EnumerateArray().Single();
        Dec(open, "outstanding").ShouldBe(303.00m);
        open.GetProperty("daysLate").GetInt32().ShouldBe(13);

        var pdf = PdfText.Flat(PdfText.All(await (await l.Admin.GetAsync($"/api/v1/receivables/customers/{l.Durand}/statement?from={day(60)}")).Content.ReadAsByteArrayAsync()));
        pdf.ShouldContain("CHQ 0045123 Règlement — Chèque 1 497,00 € 303,00 €");
        pdf.ShouldContain("Aucune facture en attente de règlement.");
        pdf.ShouldNotContain("ERREUR");
    }

    private static async Task FlagDisputeAsync(Ledger l, Guid invoiceId, string reason) =>
        await SalesFlowTests.Post(l.Admin, $"/api/v1/invoices/{invoiceId}/dispute", new { reason });

    [Test]
    public async Task The_statement_lists_the_period_in_date_order_with_a_running_balance_and_prints_it_in_French()
    {
        var l = await LedgerAsync();
        var before = await l.InvoiceAsync(l.Durand, 50, 100.00m);      // 120.00, before the period
        await l.InvoiceAsync(l.Martin, 45, 999.00m);                    // another customer's: never on Durand's statement
        var first = await l.InvoiceAsync(l.Durand, 20, 1028.80m);      // 1 234.56
        var credit = await l.CreditNoteAsync(first.Id, 15, 234.56m);
        var second = await l.InvoiceAsync(l.Durand, 3, 50.00m);         // 60.00
        var from = l.Today.AddDays(-30);

        var statement = await l.GetAsync($"/api/v1/receivables/customers/{l.Durand}/statement-lines?from={from:yyyy-MM-dd}&to={l.Today:yyyy-MM-dd}");
        statement.GetProperty("customerName").GetString().ShouldBe("Menuiserie Durand SARL");
        Dec(statement, "openingBalance").ShouldBe(120.00m);
        var lines = statement.GetProperty("lines").EnumerateArray().ToList();
        lines.Select(x => x.GetProperty("kind").GetString()).ShouldBe(["Invoice", "CreditNote", "Invoice"]);
        lines.Select(x => x.GetProperty("reference").GetString()).ShouldBe([first.Number, credit, second.Number]);
        lines.Select(x => Dec(x, "debit")).ShouldBe([1234.56m, 0m, 60.00m]);
        lines.Select(x => Dec(x, "credit")).ShouldBe([0m, 234.56m, 0m]);
        lines.Select(x => Dec(x, "balance")).ShouldBe([1354.56m, 1120.00m, 1180.00m]);
        lines[0].GetProperty("label").GetString().ShouldBe("Facture");
        lines[1].GetProperty("label").GetString().ShouldBe("Avoir");
        lines[1].GetProperty("dueDate").ValueKind.ShouldBe(JsonValueKind.Null);
        Dec(statement, "totalDebit").ShouldBe(1294.56m);
        Dec(statement, "totalCredit").ShouldBe(234.56m);
        Dec(statement, "closingBalance").ShouldBe(1180.00m);
        var open = statement.GetProperty("openInvoices").EnumerateArray().ToList();
        open.Select(o => o.GetProperty("number").GetString()).ShouldBe([before.Number, first.Number, second.Number]);
        open.Select(o => Dec(o, "outstanding")).ShouldBe([120.00m, 1000.00m, 60.00m]);
        open.Select(o => o.GetProperty("daysLate").GetInt32()).ShouldBe([50, 20, 3]);
        Dec(statement, "openInvoicesTotal").ShouldBe(1180.00m);

        // Up to 16 days ago: the credit note is not there yet, and the open invoices are those of that day.
        var earlier = await l.GetAsync($"/api/v1/receivables/customers/{l.Durand}/statement-lines?from={from:yyyy-MM-dd}&to={l.Today.AddDays(-16):yyyy-MM-dd}");
        earlier.GetProperty("lines").GetArrayLength().ShouldBe(1);
        Dec(earlier, "closingBalance").ShouldBe(1354.56m);
        earlier.GetProperty("openInvoices").EnumerateArray().Select(o => Dec(o, "outstanding")).ShouldBe([120.00m, 1234.56m]);
        earlier.GetProperty("openInvoices").EnumerateArray().Select(o => o.GetProperty("daysLate").GetInt32()).ShouldBe([34, 4]);

        var response = await l.Admin.GetAsync($"/api/v1/receivables/customers/{l.Durand}/statement?from={from:yyyy-MM-dd}&to={l.Today:yyyy-MM-dd}");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"releve-menuiserie-durand-sarl-{from:yyyyMMdd}-{l.Today:yyyyMMdd}.pdf");
        var pages = PdfText.Pages(await response.Content.ReadAsByteArrayAsync());
        var text = PdfText.Flat(string.Join("\n", pages));
        var fr = (DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        text.ShouldContain("Relevé de compte");
        text.ShouldContain("Atelier Test SAS");
        text.ShouldContain("Menuiserie Durand SARL");
        text.ShouldContain($"du {fr(from)} au {fr(l.Today)}");
        text.ShouldContain($"Solde au {fr(from.AddDays(-1))} 120,00 €");
        text.ShouldContain($"{fr(l.Today.AddDays(-20))} {first.Number} Facture {fr(l.Today.AddDays(-20))} 1 234,56 € 1 354,56 €");
        text.ShouldContain($"{fr(l.Today.AddDays(-15))} {credit} Avoir 234,56 € 1 120,00 €");
        text.ShouldContain("Totaux de la période 1 294,56 € 234,56 €");
        text.ShouldContain($"Solde au {fr(l.Today)} 1 180,00 €");
        text.ShouldContain($"Factures restant dues au {fr(l.Today)}");
        text.ShouldContain($"{first.Number} {fr(l.Today.AddDays(-20))} {fr(l.Today.AddDays(-20))} 1 234,56 € 1 000,00 € 20 jours");
        text.ShouldContain($"{before.Number} {fr(l.Today.AddDays(-50))} {fr(l.Today.AddDays(-50))} 120,00 € 120,00 € 50 jours");
        text.ShouldContain("Total restant dû 1 180,00 €");
        text.ShouldContain("IBAN : FR76 3000 6000 0112 3456 7890 189");
        text.ShouldNotContain("999");
        pages.Length.ShouldBe(1);
        text.ShouldContain("Page 1 / 1");
    }

    [Test]
    public async Task A_long_statement_flows_over_several_numbered_pages_with_the_table_header_repeated()
    {
        var l = await LedgerAsync();
        for (var i = 70; i >= 1; i--) await l.InvoiceAsync(l.Durand, i, 10.00m + i);
        var response = await l.Admin.GetAsync($"/api/v1/receivables/customers/{l.Durand}/statement?from={l.Today.AddDays(-80):yyyy-MM-dd}");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        var pages = PdfText.Pages(await response.Content.ReadAsByteArrayAsync());
        pages.Length.ShouldBeGreaterThan(1);
        for (var i = 0; i < pages.Length; i++)
        {
            var page = PdfText.Flat(pages[i]);
            page.ShouldContain($"Page {i + 1} / {pages.Length}");
            if (i > 0) page.ShouldContain("Relevé de compte — Menuiserie Durand SARL (suite)");
        }
        PdfText.Flat(pages[1]).ShouldContain("Date Pièce Libellé Échéance Débit Crédit Solde");
    }

    [Test]
    public async Task Statements_refuse_an_inverted_period_and_an_unknown_customer_and_default_to_the_last_twelve_months()
    {
        var l = await LedgerAsync();
        await (await l.Admin.GetAsync($"/api/v1/receivables/customers/{l.Durand}/statement-lines?from=2026-03-01&to=2026-02-01"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await l.Admin.GetAsync($"/api/v1/receivables/customers/{l.Durand}/statement?from=2026-03-01&to=2026-02-01"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await l.Admin.GetAsync($"/api/v1/receivables/customers/{Guid.NewGuid()}/statement")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await l.Admin.GetAsync($"/api/v1/receivables/customers/{Guid.NewGuid()}/statement-lines")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");

        var empty = await l.GetAsync($"/api/v1/receivables/customers/{l.Martin}/statement-lines");
        empty.GetProperty("to").GetString().ShouldBe(l.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        empty.GetProperty("from").GetString().ShouldBe(l.Today.AddYears(-1).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Dec(empty, "closingBalance").ShouldBe(0m);
        var pdf = PdfText.Flat(PdfText.All(await (await l.Admin.GetAsync($"/api/v1/receivables/customers/{l.Martin}/statement")).Content.ReadAsByteArrayAsync()));
        pdf.ShouldContain("Aucun mouvement");
        pdf.ShouldContain("Aucune facture en attente de règlement.");

        var aging = await l.GetAsync("/api/v1/receivables/aging");
        aging.GetProperty("customers").GetArrayLength().ShouldBe(0);
        aging.GetProperty("daysSalesOutstanding").ValueKind.ShouldBe(JsonValueKind.Null, "no sales in 90 days: DSO is undefined");
        Dec(aging.GetProperty("totals"), "total").ShouldBe(0m);
    }

    [Test]
    public async Task Every_role_reads_receivables_and_an_API_key_needs_the_receivables_scope()
    {
        var l = await LedgerAsync();
        await l.InvoiceAsync(l.Durand, 5, 10m);
        foreach (var role in new[] { "Viewer", "Sales", "Accountant" })
        {
            var (client, _, _) = await NewUserAsync(l.Company, role);
            await (await client.GetAsync("/api/v1/receivables")).ShouldHaveStatus(HttpStatusCode.OK);
            await (await client.GetAsync("/api/v1/receivables/aging")).ShouldHaveStatus(HttpStatusCode.OK);
            await (await client.GetAsync($"/api/v1/receivables/customers/{l.Durand}/statement")).ShouldHaveStatus(HttpStatusCode.OK);
        }
        var (without, _, _) = await NewApiKeyAsync(l.Company, "invoices:read");
        await (await without.GetAsync("/api/v1/receivables")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        var (with, _, _) = await NewApiKeyAsync(l.Company, "receivables:read");
        (await (await with.GetAsync("/api/v1/receivables")).Json()).GetProperty("count").GetInt32().ShouldBe(1);
    }
}
