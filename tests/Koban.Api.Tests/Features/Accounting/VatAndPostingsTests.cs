using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Tests.Features.Companies;
using Koban.Api.Tests.Features.Payments;
using Koban.Api.Tests.Features.Sales;
using Koban.Api.Tests.Infrastructure;
using Koban.Domain.Accounting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koban.Api.Tests.Features.Accounting;

/// <summary>
/// Sales postings and the VAT return through HTTP: credit notes by amount follow the invoice's natures, a zero invoice is
/// validated without an entry, the VAT summary is the domain's computation over the entries, the mapping takes rules per
/// VAT treatment and the late-fee accounts.
/// </summary>
public sealed class VatAndPostingsTests : ApiTest
{
    /// <summary>A company with a complete legal profile and a business customer.</summary>
    private static async Task<SalesFlowTests.Catalog> CompanyAsync()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var etag = (await c.Company.Admin.GetAsync("/api/v1/company")).Headers.ETag;
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/company") { Content = JsonContent.Create(CompanyProfileTests.Profile()) }.WithIfMatch(etag);
        await (await c.Company.Admin.SendAsync(put)).ShouldHaveStatus(HttpStatusCode.OK);
        return c;
    }

    private static async Task<(Guid Id, JsonElement Invoice)> InvoiceAsync(HttpClient admin, Guid customerId, params object[] lines)
    {
        var draft = await SalesFlowTests.Post(admin, "/api/v1/invoices", new { customerId, paymentTerms = new { kind = "OnReceipt", days = 0 }, lines }, HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetGuid();
        return (id, await SalesFlowTests.Post(admin, $"/api/v1/invoices/{id}/validate"));
    }

    private static object Goods(decimal price, decimal quantity = 1m, decimal discount = 0m) =>
        new { kind = "Free", description = "Étagère chêne", quantity, unitCode = "C62", unitPrice = price, discountPercent = discount, vatRate = 20m, nature = "Goods" };

    private static async Task<JsonElement> CreditAsync(HttpClient admin, object request)
    {
        var draft = await SalesFlowTests.Post(admin, "/api/v1/credit-notes", request, HttpStatusCode.Created);
        return await SalesFlowTests.Post(admin, $"/api/v1/credit-notes/{draft.GetProperty("id").GetGuid()}/validate");
    }

    private static async Task<List<JsonElement>> EntriesAsync(HttpClient admin, Guid sourceId) =>
        [.. (await (await admin.GetAsync($"/api/v1/accounting/entries?sourceId={sourceId}")).Json()).GetProperty("items").EnumerateArray()];

    private static decimal Net(JsonElement entry, string account) => entry.GetProperty("lines").EnumerateArray()
        .Where(l => l.GetProperty("account").GetString() == account).Sum(l => l.GetProperty("credit").GetDecimal() - l.GetProperty("debit").GetDecimal());

    [Test]
    public async Task Credit_notes_by_amount_on_goods_reverse_goods_revenue_and_the_VAT_summary_is_the_domain_return_over_the_entries()
    {
        var c = await CompanyAsync();
        var admin = c.Company.Admin;
        var (invoiceId, invoice) = await InvoiceAsync(admin, c.CustomerId, Goods(500m, 2m));
        var today = invoice.GetProperty("issueDate").GetString()!;
        var discount = await CreditAsync(admin, new { invoiceId, reason = "CommercialDiscount", mode = "Amount", amountIncludingVat = 240m });
        var badDebt = await CreditAsync(admin, new { invoiceId, reason = "WriteOff", mode = "Amount", amountExcludingVat = 100m });

        foreach (var (note, account) in new[] { (discount, "707000"), (badDebt, "654000") })
        {
            var entry = (await EntriesAsync(admin, note.GetProperty("id").GetGuid())).Single(e => e.GetProperty("source").GetString() == "CreditNote");
            Net(entry, account).ShouldBe(-note.GetProperty("totals").GetProperty("totalExcludingVat").GetDecimal());
            Net(entry, "445710").ShouldBe(-note.GetProperty("totals").GetProperty("totalVat").GetDecimal(), "the goods' VAT was due on the invoice: it is given back there");
            entry.GetProperty("lines").EnumerateArray().ShouldNotContain(l => l.GetProperty("account").GetString() == "445740" || l.GetProperty("account").GetString() == "706000");
        }

        var vat = await (await admin.GetAsync($"/api/v1/accounting/vat-summary?from={today}&to={today}")).Json();
        vat.GetProperty("pendingVatAtEnd").GetDecimal().ShouldBe(0m);
        vat.GetProperty("totalVat").GetDecimal().ShouldBe(200m - 40m - 20m);
        vat.GetProperty("rows").EnumerateArray().Single().GetProperty("base").GetDecimal().ShouldBe(700m);

        // the API's figures are the domain's computation over the entries one by one
        var date = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Impersonate(c.Company.Id, null, "test");
        var db = scope.ServiceProvider.GetRequiredService<KobanDbContext>();
        var entries = await db.JournalEntries.Include(e => e.Lines).ToListAsync();
        var settings = await db.AccountingSettings.SingleAsync();
        var expected = VatReturn.Compute(entries.SelectMany(VatLedgerLine.Of), settings, date, date);
        var rows = vat.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("rate").GetDecimal(), r.GetProperty("base").GetDecimal(), r.GetProperty("vat").GetDecimal()));
        rows.ShouldBe(expected.Rows.Select(r => (r.Rate, r.Base, r.Vat)));
        vat.GetProperty("totalBase").GetDecimal().ShouldBe(expected.TotalBase);
        vat.GetProperty("pendingVatAtEnd").GetDecimal().ShouldBe(expected.PendingVatAtEnd);
        var nonTaxable = vat.GetProperty("nonTaxable");
        nonTaxable.GetProperty("exports").GetDecimal().ShouldBe(expected.NonTaxable.Exports);
        nonTaxable.GetProperty("otherNonTaxable").GetDecimal().ShouldBe(expected.NonTaxable.OtherNonTaxable);
        vat.GetProperty("franchiseTurnover").GetDecimal().ShouldBe(expected.FranchiseTurnover);
    }

    [Test]
    public async Task A_zero_invoice_is_validated_with_a_number_and_no_journal_entry()
    {
        var c = await CompanyAsync();
        var admin = c.Company.Admin;
        var cases = new[]
        {
            new[] { Goods(0m) },
            [Goods(80m, discount: 100m)],
            [Goods(100m), new { kind = "Free", description = "Geste commercial", quantity = 1m, unitCode = "C62", unitPrice = -100m, discountPercent = 0m, vatRate = 20m, nature = "Goods" }],
        };
        var numbers = new List<string>();
        foreach (var lines in cases)
        {
            var (id, invoice) = await InvoiceAsync(admin, c.CustomerId, lines);
            invoice.GetProperty("status").GetString().ShouldBe("Validated");
            invoice.GetProperty("totals").GetProperty("totalIncludingVat").GetDecimal().ShouldBe(0m);
            numbers.Add(invoice.GetProperty("number").GetString()!);
            (await EntriesAsync(admin, id)).ShouldBeEmpty("nothing moves: no empty entry");
            (await admin.GetAsync($"/api/v1/invoices/{id}/pdf")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        numbers.Distinct().Count().ShouldBe(3, "each zero invoice takes its number in the sequence");
    }

    [Test]
    public async Task The_mapping_takes_rules_per_VAT_treatment_and_the_late_fee_accounts_with_their_defaults()
    {
        var company = await NewCompanyAsync();
        var admin = company.Admin;
        var read = await admin.GetAsync("/api/v1/accounting/settings");
        var settings = await read.Json();
        settings.GetProperty("lateInterestAccount").GetString().ShouldBe("763800");
        settings.GetProperty("recoveryIndemnityAccount").GetString().ShouldBe("758800");

        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(settings.GetRawText())!;
        body["revenueRules"] = JsonSerializer.SerializeToElement(new[] { new { nature = "Goods", vatRate = 0m, account = "707200", treatment = "Export" } });
        body["lateInterestAccount"] = JsonSerializer.SerializeToElement("763100");
        body.Remove("recoveryIndemnityAccount");
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/accounting/settings") { Content = JsonContent.Create(body) }.WithIfMatch(read.Headers.ETag);
        var saved = await admin.SendAsync(put);
        await saved.ShouldHaveStatus(HttpStatusCode.OK);
        var after = await saved.Json();
        after.GetProperty("lateInterestAccount").GetString().ShouldBe("763100");
        after.GetProperty("recoveryIndemnityAccount").GetString().ShouldBe("758800", "left out: kept");
        var rule = after.GetProperty("revenueRules").EnumerateArray().Single();
        (rule.GetProperty("treatment").GetString(), rule.GetProperty("account").GetString()).ShouldBe(("Export", "707200"));

        body["recoveryIndemnityAccount"] = JsonSerializer.SerializeToElement("75-88");
        var bad = new HttpRequestMessage(HttpMethod.Put, "/api/v1/accounting/settings") { Content = JsonContent.Create(body) }.WithIfMatch(saved.Headers.ETag);
        var problem = await (await admin.SendAsync(bad)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "account_number_invalid");
        problem.GetProperty("errors").EnumerateObject().Single().Name.ShouldBe("recoveryIndemnityAccount");
    }

    [Test]
    public async Task A_credit_note_after_a_payment_takes_back_the_VAT_already_due_from_the_collected_account()
    {
        var c = await CompanyAsync();
        var admin = c.Company.Admin;
        var (invoiceId, invoice) = await InvoiceAsync(admin, c.CustomerId,
            new { kind = "Free", description = "Conseil", quantity = 10m, unitCode = "HUR", unitPrice = 100m, discountPercent = 0m, vatRate = 20m, nature = "Service" });
        var today = invoice.GetProperty("issueDate").GetString()!;
        await SalesFlowTests.Post(admin, "/api/v1/payments", PaymentsFlowTests.Receipt(c.CustomerId, today, 600m, (invoiceId, 600m)), HttpStatusCode.Created);
        await CreditAsync(admin, new { invoiceId, reason = "Correction", mode = "Full" });

        var vat = await (await admin.GetAsync($"/api/v1/accounting/vat-summary?from={today}&to={today}")).Json();
        vat.GetProperty("pendingVatAtEnd").GetDecimal().ShouldBe(0m, "nothing is left to wait for, and 445740 never goes negative");
        vat.GetProperty("totalVat").GetDecimal().ShouldBe(0m, "the sale is cancelled: the 100 € made due by the payment is taken back");
    }
}
