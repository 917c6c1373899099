using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Tests.Features.Companies;
using Koban.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Koban.Api.Tests.Features.Sales;

/// <summary>
/// The read of one order (issue 12 §5): its JSON is frozen as a golden string, captured on the loading path that ran one
/// statement per part (order, lines, names, quote link, billing documents, history, customer), ids, instants, dates and
/// years normalised, so composing the read into fewer queries cannot change a byte of it; and the SQL commands one GET
/// runs are counted on a host of this fixture.
/// </summary>
public sealed partial class OrderReadTests : ApiTest
{
    private const string Golden =
        """{"id":"id1","number":"CO-YYYY-00001","status":"InProgress","customerId":"id2","customerName":"Menuiserie Durand SARL","billToCustomerId":"id2","billToCustomerName":"Menuiserie Durand SARL","orderDate":"<date>","paymentTerms":{"kind":"Days","days":30},"paymentMethod":"BankTransfer","currency":"EUR","sourceQuoteId":"id3","traceableToQuote":true,"contactId":null,"customerReference":null,"templateId":null,"headerText":null,"footerText":null,"generalComment":null,"salespersonId":null,"plannedDeliveryDate":null,"deliveryMethod":null,"deliveryAddress":null,"internalNotes":null,"cancellationReason":null,"lines":[{"id":"id4","position":0,"kind":"Title","productId":null,"description":"Agencement","quantity":0.000,"unitCode":null,"unitPrice":0.0000,"discountPercent":0.00,"vatRate":0.00,"vatCategory":"Standard","isContractLine":false,"netAmount":0.00,"vatExemptionReason":null},{"id":"id5","position":1,"kind":"Product","productId":"id6","description":"Pose et réglage\nMain d'œuvre sur site","quantity":12.000,"unitCode":"HUR","unitPrice":65.0000,"discountPercent":0.00,"vatRate":20.00,"vatCategory":"Standard","isContractLine":false,"netAmount":780.00,"vatExemptionReason":null},{"id":"id7","position":2,"kind":"Free","productId":null,"description":"Étagère chêne massif","quantity":2.000,"unitCode":"C62","unitPrice":375.5000,"discountPercent":10.00,"vatRate":20.00,"vatCategory":"Standard","isContractLine":false,"netAmount":675.90,"vatExemptionReason":null}],"totals":{"totalExcludingVat":1455.90,"vatBreakdown":[{"rate":20.00,"category":"Standard","base":1455.90,"vat":291.18}],"totalVat":291.18,"totalIncludingVat":1747.08},"billing":{"orderedExcludingVat":1455.90,"invoicedExcludingVat":436.77,"leftToInvoiceExcludingVat":1019.13,"lines":[{"orderLineId":"id5","orderedQuantity":12.000,"orderedNet":780.00,"deliveredQuantity":0.000,"invoicedNet":0.00,"creditedNet":0.00,"leftNet":780.00},{"orderLineId":"id7","orderedQuantity":2.000,"orderedNet":675.90,"deliveredQuantity":0.000,"invoicedNet":0.00,"creditedNet":0.00,"leftNet":675.90}],"rates":[{"rate":20.00,"orderedBase":1455.90,"depositedBase":436.77,"deductedBase":0.00,"leftBase":1019.13}]},"linkedDocuments":[{"id":"id3","kind":"Quote","number":"DE-YYYY-00001","status":"Accepted","date":"<date>"},{"id":"id8","kind":"DepositInvoice","number":"FA-YYYY-00001","status":"Validated","date":"<date>"}],"history":[{"occurredAt":"<instant>","action":"order.created","actorName":"Admin Test"},{"occurredAt":"<instant>","action":"order.validated","actorName":"Admin Test"}],"updatedAt":"<instant>","customer":{"id":"id2","kind":"Business","name":"Menuiserie Durand SARL","countryCode":"FR","vatRegime":"France","city":"Lyon","siren":"404833048","accountingCode":"411MENUISE","billingContactName":"Claire Durand","billingContactEmail":"claire@durand.fr","isArchived":false,"updatedAt":"<instant>"}}""";

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Ids();

    [GeneratedRegex("\"\\d{4}-\\d{2}-\\d{2}T[^\"]+\"")]
    private static partial Regex Instants();

    [GeneratedRegex("\"20\\d{2}-\\d{2}-\\d{2}\"")]
    private static partial Regex Dates();

    [GeneratedRegex("-20\\d{2}-")]
    private static partial Regex Years();

    private static string Normalise(string json)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        json = Ids().Replace(json, m => $"id{(ids.TryGetValue(m.Value, out var n) ? n : ids[m.Value] = ids.Count + 1)}");
        json = Instants().Replace(json, "\"<instant>\"");
        json = Dates().Replace(json, "\"<date>\"");
        return Years().Replace(json, "-YYYY-");
    }

    private const string CountHeader = "X-Test-Count-Commands";

    /// <summary>Counts the SQL commands of the requests that carry <see cref="CountHeader"/>, by the header's value.</summary>
    private sealed class CommandCounter(IHttpContextAccessor accessor) : DbCommandInterceptor
    {
        public static ConcurrentDictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

        private void Count()
        {
            if (accessor.HttpContext?.Request.Headers[CountHeader].ToString() is { Length: > 0 } key) Counts.AddOrUpdate(key, 1, (_, n) => n + 1);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
            CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }
    }

    private static ApiFactory? _host;

    [OneTimeSetUp]
    public void StartHost() => _host = new ApiFactory(Factory.Database, ApiFactory.NoBackgroundWork(), s =>
        s.ConfigureDbContext<KobanDbContext>((services, options) => options.AddInterceptors(new CommandCounter(services.GetRequiredService<IHttpContextAccessor>()))));

    [OneTimeTearDown]
    public async Task StopHost()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    /// <summary>A validated order made from an accepted quote, with a validated deposit invoice of 30 %.</summary>
    private static async Task<(HttpClient Admin, Guid OrderId)> InvoicedOrderAsync(ApiFactory? factory)
    {
        var c = await SalesFlowTests.CatalogAsync(factory);
        var admin = c.Company.Admin;
        var etag = (await admin.GetAsync("/api/v1/company")).Headers.ETag;
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/company") { Content = JsonContent.Create(CompanyProfileTests.Profile()) }.WithIfMatch(etag);
        await (await admin.SendAsync(put)).ShouldHaveStatus(HttpStatusCode.OK);
        var quoteId = await SalesFlowTests.AcceptedQuoteAsync(c, null);
        var order = await SalesFlowTests.Post(admin, "/api/v1/orders/from-quote", new { quoteId }, HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetGuid();
        await SalesFlowTests.Post(admin, $"/api/v1/orders/{orderId}/validate");
        var deposit = await SalesFlowTests.Post(admin, "/api/v1/invoices/from-order", new { orderId, kind = "Deposit", percentage = 30m }, HttpStatusCode.Created);
        await SalesFlowTests.Post(admin, $"/api/v1/invoices/{deposit.GetProperty("id").GetGuid()}/validate");
        return (admin, orderId);
    }

    [Test]
    public async Task A_validated_order_from_a_quote_with_a_deposit_invoice_reads_byte_for_byte_as_before()
    {
        var (admin, orderId) = await InvoicedOrderAsync(null);
        var response = await admin.GetAsync($"/api/v1/orders/{orderId}?expand=customer");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        Normalise(await response.Content.ReadAsStringAsync()).ShouldBe(Golden);
    }

    [Test]
    public async Task Reading_a_validated_order_runs_a_handful_of_statements_whatever_its_parts()
    {
        var (admin, orderId) = await InvoicedOrderAsync(_host);
        var key = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/orders/{orderId}");
        request.Headers.Add(CountHeader, key);
        await (await admin.SendAsync(request)).ShouldHaveStatus(HttpStatusCode.OK);
        var count = CommandCounter.Counts.GetValueOrDefault(key);
        await TestContext.Out.WriteLineAsync($"GET /orders/{{id}} (validated, a quote, a deposit invoice): {count} SQL commands");
        count.ShouldBeInRange(1, 8, "order with lines, its parts, the ledger's documents and delivered notes (and the company session)");
    }
}
